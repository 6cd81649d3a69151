import { invalidInput, requireRole, validate, type Clock, type Identity, type Logger, type Tx, type UnitOfWork } from "@onestop/platform";
import { z } from "zod";
import { notificationCauses } from "../notifications/causes";
import type { NotificationsRepository } from "../notifications/notifications.repository";
import { maskedPhone } from "../notifications/templates.rules";
import { noPreferences, smsOffFrom, type ContactPreferences } from "./preferences.rules";

const mobileNumber = z.string().trim().regex(/^1[3-9]\d{9}$/, "an 11-digit mainland mobile number");

const preferencesInput = z.object({
  phone: mobileNumber.nullish(),
  removePhone: z.boolean().nullish(),
  smsCauses: z.array(z.enum(notificationCauses)).max(notificationCauses.length),
});

/** The preferences as the applicant sees them: the number masked, always. */
export function shown(preferences: ContactPreferences): ContactPreferences {
  return { ...preferences, phone: maskedPhone(preferences.phone) };
}

/** 联系偏好: set by the applicant alone; the full number never leaves this service. */
export class PreferencesService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * The number registered with the account (staffing's citizen.registered) becomes the applicant's
   * SMS number, unless they set their preferences first. A number SMS cannot reach is not taken.
   */
  async registeredPhone(tx: Tx, subject: string, phone: string): Promise<void> {
    const number = mobileNumber.safeParse(phone);
    if (!number.success) {
      this.logger.warn({ subject, phone: maskedPhone(phone) }, "registered number is not a mobile number: not taken for SMS");
      return;
    }
    const taken = await this.repository.defaultPhone(tx, subject, number.data, this.clock.now());
    this.logger.info({ subject, phone: maskedPhone(number.data), taken }, "registered number as the SMS number");
  }

  async mine(identity: Identity): Promise<ContactPreferences> {
    requireRole(identity, "citizen");
    return shown((await this.repository.preferences(identity.subject)) ?? noPreferences);
  }

  async setMine(identity: Identity, raw: unknown): Promise<ContactPreferences> {
    requireRole(identity, "citizen");
    const input = validate(preferencesInput, raw, "input");
    if (input.phone && input.removePhone) throw invalidInput([{ field: "input.removePhone", message: "either a new number or removing it, not both" }]);
    const saved = await this.unitOfWork.run(async (tx) => {
      const current = (await this.repository.preferences(identity.subject, tx)) ?? noPreferences;
      const next: ContactPreferences = { phone: input.removePhone ? null : (input.phone ?? current.phone), smsOff: smsOffFrom(input.smsCauses) };
      await this.repository.savePreferences(tx, identity.subject, next, this.clock.now());
      return next;
    });
    this.logger.info({ subject: identity.subject, phone: maskedPhone(saved.phone), smsOff: saved.smsOff }, "contact preferences set");
    return shown(saved);
  }
}
