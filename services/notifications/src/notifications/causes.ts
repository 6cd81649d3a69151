/**
 * Why an applicant is told something: one notification per cause and channel. The cause key names
 * the occurrence (the case's acceptance, its second one-time notice, one payment notice), so a
 * redelivered event or a replayed stream finds the notification already there.
 */
export const notificationCauses = ["ACCEPTED", "MATERIALS_REQUESTED", "FEE_DUE", "DEADLINE_EXTENDED", "RESULT_READY", "FOLLOW_UP_ANSWERED"] as const;
export type NotificationCause = (typeof notificationCauses)[number];

export const notificationChannels = ["INBOX", "SMS"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** PENDING: to be sent (again at next_attempt_at); SENDING: claimed by a sender; SKIPPED: not to be sent (preferences, no number). */
export const deliveryStatuses = ["PENDING", "SENDING", "SENT", "FAILED", "SKIPPED"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface NoticedMaterial {
  name: string;
  problem: string;
  note: string | null;
}

/** What a notification says, as data: the templates write it in Chinese, the portal in the reader's language. */
export type CauseDetails =
  | { cause: "ACCEPTED"; receiptNo: string; deadline: string | null }
  | { cause: "MATERIALS_REQUESTED"; receiptNo: string; noticeSeq: number; materials: NoticedMaterial[]; windowName: string | null }
  | { cause: "FEE_DUE"; receiptNo: string; noticeNo: string; amountFen: number; expiresAt: string | null }
  | { cause: "DEADLINE_EXTENDED"; receiptNo: string; workingDays: number; reason: string; deadline: string | null }
  | { cause: "RESULT_READY"; receiptNo: string; outcome: "APPROVED" | "DEEMED_APPROVED" | "DENIED" | "REFUSED" | "RETURNED"; opinion: string | null; windowName: string | null }
  | { cause: "FOLLOW_UP_ANSWERED"; receiptNo: string; answer: "CALLBACK" | "FIXED" | "EXPLAINED" };

export function causeKey(details: CauseDetails, caseId: string, occurrence: string): string {
  return `${details.cause}:${caseId}:${occurrence}`;
}
