import { randomUUID } from "node:crypto";
import { feesEvents, type EventPayload, type casesEvents } from "@onestop/events";
import { forbidden, hasRole, RetryLater, type Clock, type Identity, type Tx } from "@onestop/platform";
import type { FeeStandardReplicaRepository } from "../items/items.repository";
import type { PaymentNoticeRow } from "./entities";
import { assessFee, issueDay, noticeNumber, totalFen } from "./notice.rules";
import type { NoticesRepository } from "./notices.repository";

/** How long a notice can be paid at the bank before it must be reissued. */
const NOTICE_VALID_DAYS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

type AcceptedCase = EventPayload<typeof casesEvents.caseAccepted>;

export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly feeStandards: FeeStandardReplicaRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * 开具缴款通知书: the amount comes from the fee standard of the exact item version the
   * case was accepted under, never from a person. Free items get no notice.
   */
  async issueForAcceptedCase(tx: Tx, accepted: AcceptedCase): Promise<PaymentNoticeRow | null> {
    const standard = await this.feeStandards.find(tx, accepted.itemId, accepted.itemVersion);
    if (!standard) throw new RetryLater(`fee standard of ${accepted.itemId} v${accepted.itemVersion} not replicated yet`);
    const lines = assessFee(standard.itemName, standard.feeStandard, accepted.quantity);
    if (lines.length === 0 || (await this.notices.existsForCase(tx, accepted.caseId))) return null;
    const issuedAt = this.clock.now();
    const serial = await this.notices.nextSerial(tx, accepted.centerCode, issueDay(issuedAt));
    const notice: PaymentNoticeRow = {
      id: randomUUID(),
      noticeNo: noticeNumber(accepted.centerCode, issuedAt, serial),
      centerCode: accepted.centerCode,
      caseId: accepted.caseId,
      itemId: accepted.itemId,
      itemVersion: accepted.itemVersion,
      departmentId: accepted.departmentId,
      payerSubject: accepted.applicantSubject,
      payerName: accepted.applicantName,
      amountFen: totalFen(lines),
      lineItems: lines,
      status: "ISSUED",
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + NOTICE_VALID_DAYS * DAY_MS),
    };
    await this.notices.insert(tx, notice);
    await tx.publish(
      feesEvents.paymentNoticeIssued,
      {
        noticeId: notice.id,
        noticeNo: notice.noticeNo,
        centerCode: notice.centerCode,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        amountFen: notice.amountFen,
      },
      { centerCode: notice.centerCode },
    );
    return notice;
  }

  async noticesOfCase(identity: Identity, caseId: string): Promise<PaymentNoticeRow[]> {
    const notices = await this.notices.forCase(caseId);
    return notices.filter((notice) => this.maySee(identity, notice));
  }

  async notice(identity: Identity, id: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.find(id);
    if (notice && !this.maySee(identity, notice)) throw forbidden(`Not allowed to see payment notice ${id}`);
    return notice;
  }

  /** The payer, the department's staff and the center's overseers and finance see a notice. */
  private maySee(identity: Identity, notice: PaymentNoticeRow): boolean {
    if (notice.payerSubject === identity.subject && hasRole(identity, "citizen")) return true;
    if (identity.centerCode !== notice.centerCode) return false;
    if (hasRole(identity, "center_admin", "supervisor", "finance")) return true;
    return hasRole(identity, "window_staff", "chief_representative") && identity.departmentId === notice.departmentId;
  }
}
