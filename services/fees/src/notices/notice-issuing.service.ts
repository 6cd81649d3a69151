import { randomUUID } from "node:crypto";
import { feesEvents, type casesEvents, type EventPayload } from "@onestop/events";
import { RetryLater, type Clock, type Tx } from "@onestop/platform";
import type { AccountsRepository } from "../accounts/accounts.repository";
import type { FeeStandardReplicaRepository } from "../items/items.repository";
import type { SupervisionService } from "../supervision/supervision.service";
import { applyReduction, assess, standardTotalFen, totalFen } from "./assessment.rules";
import type { FeeCaseRow, FeeReductionRow, PaymentNoticeRow } from "./entities";
import { conclusionCancelReason, conclusionCancelsUnpaidNotices, issueDay, noticeExpiry, noticeNumber } from "./notice.rules";
import type { NoticesRepository } from "./notices.repository";

type AcceptedCase = EventPayload<typeof casesEvents.caseAccepted>;
type ConcludedCase = EventPayload<typeof casesEvents.caseConcluded>;

/** The system issues notices on acceptance; a person's name goes on the ones they reissue. */
export const SYSTEM = "system";

/**
 * 核定与开具缴款通知书: the one place notices are written. A notice's amount always comes from
 * the published standard of the item version the case was accepted under, computed here;
 * nobody types an amount. Cases' acceptance issues the first notice and its conclusion
 * cancels what is no longer owed; staff and finance cancel, reissue and waive through here.
 */
export class NoticeIssuingService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly standards: FeeStandardReplicaRepository,
    private readonly accounts: AccountsRepository,
    private readonly supervision: SupervisionService,
    private readonly clock: Clock,
  ) {}

  // ---- events from cases ------------------------------------------------------------------

  async onCaseAccepted(tx: Tx, accepted: AcceptedCase): Promise<void> {
    const feeCase = await this.notices.lockCase(tx, accepted.caseId, accepted.centerCode);
    if (feeCase.acceptedAt) return;
    const facts: FeeCaseRow = {
      ...feeCase,
      itemId: accepted.itemId,
      itemVersion: accepted.itemVersion,
      departmentId: accepted.departmentId,
      payerSubject: accepted.applicantSubject,
      payerName: accepted.applicantName,
      jointLeadDepartmentId: accepted.jointLeadDepartmentId,
      quantity: accepted.quantity,
      acceptedAt: new Date(accepted.acceptedAt),
    };
    if (feeCase.concludedOutcome && conclusionCancelsUnpaidNotices(feeCase.concludedOutcome)) {
      await this.notices.saveCase(tx, { ...facts, assessment: "CLOSED" });
      return;
    }
    await this.assessAndIssue(tx, facts, { replaces: null, issuedBy: SYSTEM });
  }

  /** The case ended: refused, withdrawn or returned, whatever it still owes is no longer owed. */
  async onCaseConcluded(tx: Tx, concluded: ConcludedCase): Promise<void> {
    const feeCase = await this.notices.lockCase(tx, concluded.caseId, concluded.centerCode);
    if (feeCase.concludedOutcome) return;
    const ended = { ...feeCase, concludedOutcome: concluded.outcome, concludedAt: new Date(concluded.concludedAt) };
    const cancels = conclusionCancelsUnpaidNotices(concluded.outcome);
    await this.notices.saveCase(tx, cancels && feeCase.assessment === "AWAITING_ACCOUNT" ? { ...ended, assessment: "CLOSED" } : ended);
    if (!cancels) return;
    for (const notice of await this.notices.lockIssuedNoticesOfCase(tx, concluded.caseId)) {
      await this.cancel(tx, notice, conclusionCancelReason(concluded.outcome), SYSTEM);
    }
  }

  /** The department got its fee account: the cases that waited for it get their notices now. */
  async issueAwaitingAccount(tx: Tx, departmentId: string): Promise<void> {
    for (const feeCase of await this.notices.lockCasesAwaitingAccount(tx, departmentId)) {
      await this.assessAndIssue(tx, feeCase, { replaces: null, issuedBy: SYSTEM });
    }
  }

  // ---- writing ------------------------------------------------------------------------------

  /**
   * Assesses the case from its item version's standard and issues its next notice, or notes
   * why none is issued: nothing to charge, or no fee account yet (the notice follows when
   * one is configured). A fee the catalog has cancelled is not charged and supervision
   * hears of it.
   */
  private async assessAndIssue(
    tx: Tx,
    feeCase: FeeCaseRow,
    options: { replaces: PaymentNoticeRow | null; issuedBy: string },
  ): Promise<PaymentNoticeRow | null> {
    const { itemId, itemVersion, departmentId, quantity, payerSubject, payerName } = feeCase;
    if (!itemId || !itemVersion || !departmentId || !quantity || !payerSubject || !payerName) {
      throw new Error(`Case ${feeCase.caseId} is assessed before its acceptance was recorded`);
    }
    const standard = await this.standards.find(tx, itemId, itemVersion);
    if (!standard) throw new RetryLater(`fee standard of ${itemId} v${itemVersion} not replicated yet`);
    const cancelledCodes = await this.standards.cancelledFeeCodes(tx, itemId);
    const assessment = assess(standard, cancelledCodes, quantity);
    for (const fee of assessment.outsideStandard) {
      await this.supervision.raise(tx, {
        centerCode: feeCase.centerCode,
        kind: "FEE_NOT_IN_STANDARD",
        source: "ASSESSMENT",
        departmentId,
        caseId: feeCase.caseId,
        feeCode: fee.feeCode,
        actualFen: fee.amountFen,
        expectedFen: 0,
        detail: `Fee ${fee.feeCode} (${fee.name}) of ${standard.itemName} v${itemVersion} was cancelled in the catalog and was not charged`,
      });
    }
    const lines = feeCase.reductionPercent ? applyReduction(assessment.lines, feeCase.reductionPercent) : assessment.lines;
    if (lines.length === 0) {
      await this.notices.saveCase(tx, { ...feeCase, assessment: "NOTHING_TO_CHARGE" });
      await this.announceAssessment(tx, feeCase, departmentId, "NOTHING_TO_CHARGE", null, assessment.outsideStandard.map((fee) => fee.feeCode));
      return null;
    }
    const account = await this.accounts.accountForIssue(tx, departmentId);
    if (!account) {
      if (feeCase.assessment !== "AWAITING_ACCOUNT") await this.announceAssessment(tx, feeCase, departmentId, "AWAITING_ACCOUNT", null);
      await this.notices.saveCase(tx, { ...feeCase, assessment: "AWAITING_ACCOUNT" });
      return null;
    }
    const department = await this.accounts.findDepartment(tx, departmentId);
    const issuedAt = this.clock.now();
    const serial = await this.notices.nextSerial(tx, feeCase.centerCode, issueDay(issuedAt));
    const sequence = feeCase.noticesIssued + 1;
    const notice: PaymentNoticeRow = {
      id: randomUUID(),
      noticeNo: noticeNumber(feeCase.centerCode, issuedAt, serial),
      centerCode: feeCase.centerCode,
      caseId: feeCase.caseId,
      sequence,
      itemId,
      itemVersion,
      itemName: standard.itemName,
      departmentId,
      departmentName: department?.name ?? "",
      accountNo: account.accountNo,
      accountName: account.accountName,
      bankName: account.bankName,
      payerSubject,
      payerName,
      jointLeadDepartmentId: feeCase.jointLeadDepartmentId,
      amountFen: totalFen(lines),
      standardAmountFen: standardTotalFen(lines),
      lineItems: lines,
      status: "ISSUED",
      reductionId: feeCase.reductionId,
      replacesNoticeId: options.replaces?.id ?? null,
      replacedByNoticeId: null,
      issuedBy: options.issuedBy,
      issuedAt,
      expiresAt: noticeExpiry(issuedAt),
      paidAt: null,
      bankTxnId: null,
      receiptNo: null,
      settledAt: null,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      refundedAt: null,
    };
    await this.notices.insertNotice(tx, notice);
    await this.notices.saveCase(tx, { ...feeCase, assessment: "NOTICE_ISSUED", noticesIssued: sequence });
    await tx.publish(
      feesEvents.paymentNoticeIssued,
      {
        noticeId: notice.id,
        noticeNo: notice.noticeNo,
        centerCode: notice.centerCode,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        amountFen: notice.amountFen,
        accountNo: notice.accountNo,
        issuedAt: notice.issuedAt.toISOString(),
        expiresAt: notice.expiresAt.toISOString(),
        replacesNoticeId: notice.replacesNoticeId,
      },
      { centerCode: notice.centerCode },
    );
    await this.announceAssessment(tx, feeCase, departmentId, "NOTICE_ISSUED", notice);
    return notice;
  }

  private async announceAssessment(
    tx: Tx,
    feeCase: FeeCaseRow,
    departmentId: string,
    outcome: feesEvents.FeeAssessment,
    notice: PaymentNoticeRow | null,
    uncharged: string[] = [],
  ): Promise<void> {
    await tx.publish(
      feesEvents.caseFeeAssessed,
      {
        caseId: feeCase.caseId,
        centerCode: feeCase.centerCode,
        departmentId,
        outcome,
        noticeId: notice?.id ?? null,
        amountFen: notice?.amountFen ?? null,
        uncharged,
        assessedAt: this.clock.now().toISOString(),
      },
      { centerCode: feeCase.centerCode },
    );
  }

  /** Cancels the notice and issues the case's next one; returns the new one (or the cancelled one when nothing is owed now). */
  async replace(tx: Tx, feeCase: FeeCaseRow, notice: PaymentNoticeRow, reason: string, by: string): Promise<PaymentNoticeRow> {
    const cancelled = await this.cancel(tx, notice, reason, by);
    const replacement = await this.assessAndIssue(tx, feeCase, { replaces: notice, issuedBy: by });
    if (!replacement) return cancelled;
    await this.notices.updateNotice(tx, notice.id, { replacedByNoticeId: replacement.id });
    return replacement;
  }

  async cancel(tx: Tx, notice: PaymentNoticeRow, reason: string, by: string): Promise<PaymentNoticeRow> {
    const cancelledAt = this.clock.now();
    const patch = { status: "CANCELLED" as const, cancelledAt, cancelledBy: by, cancelReason: reason.slice(0, 500) };
    await this.notices.updateNotice(tx, notice.id, patch);
    await this.closeOpenReduction(tx, notice.id, "通知书已作废 (notice cancelled)");
    await tx.publish(
      feesEvents.paymentNoticeCancelled,
      {
        noticeId: notice.id,
        noticeNo: notice.noticeNo,
        centerCode: notice.centerCode,
        caseId: notice.caseId,
        reason: patch.cancelReason,
        cancelledAt: cancelledAt.toISOString(),
      },
      { centerCode: notice.centerCode },
    );
    return { ...notice, ...patch };
  }

  async waive(tx: Tx, notice: PaymentNoticeRow, reduction: FeeReductionRow): Promise<void> {
    const settledAt = this.clock.now();
    const lines = applyReduction(notice.lineItems, 100);
    await this.notices.updateNotice(tx, notice.id, { status: "WAIVED", settledAt, reductionId: reduction.id, lineItems: lines, amountFen: totalFen(lines) });
    await tx.publish(
      feesEvents.paymentNoticeSettled,
      {
        noticeId: notice.id,
        noticeNo: notice.noticeNo,
        centerCode: notice.centerCode,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        amountFen: 0,
        settlement: "WAIVED",
        receiptNo: null,
        settledAt: settledAt.toISOString(),
      },
      { centerCode: notice.centerCode },
    );
  }

  /** A request for a notice that is gone no longer waits for finance. */
  private async closeOpenReduction(tx: Tx, noticeId: string, note: string): Promise<void> {
    const open = await this.notices.lockOpenReduction(tx, noticeId);
    if (!open || open.status !== "REQUESTED") return;
    await this.notices.updateReduction(tx, open.id, {
      status: "REJECTED",
      openNoticeId: null,
      decidedBy: SYSTEM,
      decidedAt: this.clock.now(),
      decisionNote: note,
    });
  }
}
