import { randomUUID } from "node:crypto";
import { servesAsAgent } from "@onestop/authorization";
import { applicantSubjectsOf, forbidden, hasRole, requireRole, validate, type Clock, type Identity, type Logger, type Tx, type UnitOfWork } from "@onestop/platform";
import { z } from "zod";
import { NotificationErrorCode } from "../errors";
import { DomainError } from "@onestop/platform";
import { skipReasons, smsDecision } from "../preferences/preferences.rules";
import type { CauseDetails } from "./causes";
import type { CaseDirectoryRow, NewNotification, NotificationRow, NotificationsRepository } from "./notifications.repository";
import { maskedPhone, render } from "./templates.rules";

export interface InboxPageView {
  nodes: NotificationRow[];
  totalCount: number;
  unreadCount: number;
  hasNextPage: boolean;
}

const pageArgs = z.object({
  first: z.number().int().min(1, "at least 1").max(100, "at most 100").default(20),
  offset: z.number().int().min(0, "0 or more").default(0),
  unreadOnly: z.boolean().default(false),
});
const markInput = z.object({ ids: z.array(z.string().min(1).max(64)).max(500).nullish() });

/** The name a center signs with; a center not configured signs with the default. */
export type CenterNames = (centerCode: string) => string;

/**
 * Turns a cause into its notifications (the inbox's, the SMS's) in the transaction that applies
 * the event, and answers the applicant's inbox and the staff's view of a case's deliveries.
 */
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly centerNames: CenterNames,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * One notification per channel for this cause of this case; `occurrence` tells this cause
   * apart from another of the same kind (the second one-time notice). Done again, nothing changes.
   */
  async notify(tx: Tx, target: CaseDirectoryRow, details: CauseDetails, occurrence: string, causedAt: Date): Promise<number> {
    const key = `${details.cause}:${target.case_id}:${occurrence}`;
    const now = this.clock.now();
    const words = render(details, this.centerNames(target.center_code));
    const preferences = await this.repository.preferences(target.applicant_subject, tx);
    const sms = smsDecision(preferences, details.cause);
    const common = {
      cause_key: key,
      cause: details.cause,
      case_id: target.case_id,
      center_code: target.center_code,
      department_id: target.department_id,
      recipient_subject: target.applicant_subject,
      details: JSON.stringify(details),
      caused_at: causedAt,
      created_at: now,
    };
    const rows: NewNotification[] = [
      // The inbox is delivered by being written.
      { ...common, id: randomUUID(), channel: "INBOX", title: words.title, body: words.body, status: "SENT", attempts: 1, next_attempt_at: null, last_error: null, phone_masked: null, sent_at: now },
      {
        ...common,
        id: randomUUID(),
        channel: "SMS",
        title: words.title,
        body: words.sms,
        status: sms.send ? "PENDING" : "SKIPPED",
        attempts: 0,
        next_attempt_at: sms.send ? now : null,
        last_error: sms.send ? null : skipReasons[sms.reason],
        phone_masked: sms.send ? maskedPhone(sms.phone) : null,
        sent_at: null,
      },
    ];
    const created = await this.repository.insertAll(tx, rows);
    if (created > 0) this.logger.debug({ causeKey: key, caseId: target.case_id, sms: sms.send ? "PENDING" : sms.reason }, "notification recorded");
    return created;
  }

  async myNotifications(identity: Identity, args: unknown): Promise<InboxPageView> {
    requireRole(identity, "citizen");
    const { first, offset, unreadOnly } = validate(pageArgs, args);
    const page = await this.repository.inbox(applicantSubjectsOf(identity), first, offset, unreadOnly);
    return { nodes: page.rows, totalCount: page.total, unreadCount: page.unread, hasNextPage: offset + page.rows.length < page.total };
  }

  async unreadCount(identity: Identity): Promise<number> {
    requireRole(identity, "citizen");
    return this.repository.unreadCount(applicantSubjectsOf(identity));
  }

  async markRead(identity: Identity, input: unknown): Promise<number> {
    requireRole(identity, "citizen");
    const { ids } = validate(markInput, input, "input");
    const subjects = applicantSubjectsOf(identity);
    await this.unitOfWork.run((tx) => this.repository.markRead(tx, subjects, ids ?? null, this.clock.now()));
    return this.repository.unreadCount(subjects);
  }

  /** The staff of the case's department, the center's administration and supervision, and (代办) the serving township's staff see how its notifications went. */
  async ofCase(identity: Identity, caseId: string): Promise<NotificationRow[]> {
    requireRole(identity, "window_staff", "chief_representative", "department_principal", "center_admin", "supervisor");
    const target = await this.repository.caseOf(caseId);
    if (!target) throw new DomainError(NotificationErrorCode.CaseUnknown, `No notification is known for case ${caseId}`, { field: "caseId" });
    const overseer = hasRole(identity, "center_admin", "supervisor") && identity.centerCode === target.center_code;
    const department = identity.centerCode === target.center_code && identity.departmentId === target.department_id;
    const agent = servesAsAgent(identity.centerCode, target.agent_center_code);
    if (!overseer && !department && !agent) throw forbidden(`Case ${caseId} is not of your department`);
    return this.repository.ofCase(caseId);
  }
}
