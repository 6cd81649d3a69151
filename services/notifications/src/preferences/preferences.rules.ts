import { notificationCauses, type NotificationCause } from "../notifications/causes";

/**
 * 联系偏好: the inbox always gets every notification; an SMS goes to the applicant's number for
 * every cause they have not turned off. Without a number nothing is sent by SMS. The causes are
 * kept as the ones turned off, so a cause added later is on for everybody until they turn it off.
 */
export interface ContactPreferences {
  phone: string | null;
  smsOff: readonly NotificationCause[];
}

export const noPreferences: ContactPreferences = { phone: null, smsOff: [] };

export type SmsDecision = { send: true; phone: string } | { send: false; reason: "NO_PHONE" | "TURNED_OFF" };

export function smsDecision(preferences: ContactPreferences | null, cause: NotificationCause): SmsDecision {
  const current = preferences ?? noPreferences;
  if (current.smsOff.includes(cause)) return { send: false, reason: "TURNED_OFF" };
  if (!current.phone) return { send: false, reason: "NO_PHONE" };
  return { send: true, phone: current.phone };
}

/** The causes an SMS goes out for, from the ones turned off. */
export function smsCausesOf(preferences: ContactPreferences): NotificationCause[] {
  return notificationCauses.filter((cause) => !preferences.smsOff.includes(cause));
}

/** The ones turned off, from the causes an applicant wants an SMS for. */
export function smsOffFrom(wanted: readonly NotificationCause[]): NotificationCause[] {
  return notificationCauses.filter((cause) => !wanted.includes(cause));
}

export const skipReasons = { NO_PHONE: "no mobile number in the applicant's contact preferences", TURNED_OFF: "the applicant turned SMS off for this kind of notice" } as const;
