import { randomUUID } from "node:crypto";
import { z } from "zod";
import { feesEvents, type casesEvents, type EventPayload } from "@onestop/events";
import {
  DomainError,
  forbidden,
  hasRole,
  isDuplicateKey,
  notFound,
  requireRole,
  RetryLater,
  unauthenticated,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { isFinanceOf, isOverseerOf, isStaffOf, maySeeNotice } from "../access.rules";
import type { AccountsRepository } from "../accounts/accounts.repository";
import { FeeErrorCode } from "../errors";
import { centerCodeSchema } from "../inputs";
import type { FeeStandardReplicaRepository } from "../items/items.repository";
import type { SupervisionService } from "../supervision/supervision.service";
import { applyReduction, assess, standardTotalFen, totalFen } from "./assessment.rules";
import type { CaseAssessment, FeeCaseRow, FeeReductionRow, FeeReductionStatus, PaymentNoticeRow } from "./entities";
import {
  conclusionCancelReason,
  conclusionCancelsUnpaidNotices,
  issueDay,
  noticeActionRefusal,
  noticeExpiry,
  noticeNumber,
  type NoticeAction,
} from "./notice.rules";
import type { NoticesRepository } from "./notices.repository";

type AcceptedCase = EventPayload<typeof casesEvents.caseAccepted>;
type ConcludedCase = EventPayload<typeof casesEvents.caseConcluded>;

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

const noticeChange = z.object({ noticeId: id, reason: text(500) });
const reductionRequest = z.object({
  noticeId: id,
  /** A share, never an amount: staff do not enter money. */
  percent: z.number().int().min(1).max(100),
  policy: text(500),
  reason: text(500),
});
const reductionDecision = z.object({
  reductionId: id,
  approve: z.boolean(),
  note: z.string().trim().max(500).nullish().transform((value) => value || null),
});
const reductionQuery = z.object({
  centerCode: centerCodeSchema,
  status: z.enum(["REQUESTED", "APPROVED", "REJECTED"]).nullish().transform((value) => value ?? null),
});

/** The system issues notices on acceptance; a person's name goes on the ones they reissue. */
const SYSTEM = "system";

function refuse(status: PaymentNoticeRow["status"], action: NoticeAction, noticeId: string): void {
  const refusal = noticeActionRefusal(status, action);
  if (refusal) throw new DomainError(refusal.code, refusal.message, { noticeId });
}

/**
 * 核定与开具缴款通知书: the assessing side of the hall. A notice's amount always comes from the
 * published standard of the item version the case was accepted under, computed here; nobody
 * types an amount. The department's staff may cancel, reissue and ask for a reduction;
 * finance decides reductions.
 */
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly standards: FeeStandardReplicaRepository,
    private readonly accounts: AccountsRepository,
    private readonly supervision: SupervisionService,
    private readonly unitOfWork: UnitOfWork,
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

  // ---- staff and finance ------------------------------------------------------------------

  async cancelNotice(identity: Identity, raw: unknown): Promise<PaymentNoticeRow> {
    const input = validate(noticeChange, raw);
    return this.unitOfWork.run(async (tx) => {
      const notice = await this.lockNoticeOfDepartment(tx, identity, input.noticeId);
      refuse(notice.status, "CANCEL", notice.id);
      return this.cancel(tx, notice, input.reason, identity.subject);
    });
  }

  /** 重开: an unpaid notice (typically expired) is replaced by one assessed again from the standard. */
  async reissueNotice(identity: Identity, raw: unknown): Promise<PaymentNoticeRow> {
    const input = validate(noticeChange, raw);
    const seen = await this.notices.find(input.noticeId);
    if (!seen || !isStaffOf(identity, seen.centerCode, seen.departmentId)) throw this.hiddenOrForbidden(identity, seen, input.noticeId);
    return this.unitOfWork.run(async (tx) => {
      const feeCase = await this.notices.lockCase(tx, seen.caseId, seen.centerCode);
      const notice = (await this.notices.lockNotice(tx, seen.id))!;
      refuse(notice.status, "REISSUE", notice.id);
      if (feeCase.concludedOutcome && conclusionCancelsUnpaidNotices(feeCase.concludedOutcome)) {
        throw new DomainError(FeeErrorCode.InvalidTransition, "The case has ended; nothing is owed on it", { caseId: feeCase.caseId });
      }
      return this.replace(tx, feeCase, notice, `重开 (reissued): ${input.reason}`, identity.subject);
    });
  }

  async requestReduction(identity: Identity, raw: unknown): Promise<FeeReductionRow> {
    const input = validate(reductionRequest, raw);
    return this.unitOfWork.run(async (tx) => {
      const notice = await this.lockNoticeOfDepartment(tx, identity, input.noticeId);
      refuse(notice.status, "REDUCE", notice.id);
      const reduction: FeeReductionRow = {
        id: randomUUID(),
        centerCode: notice.centerCode,
        noticeId: notice.id,
        openNoticeId: notice.id,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        percent: input.percent,
        policy: input.policy,
        reason: input.reason,
        status: "REQUESTED",
        requestedBy: identity.subject,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        resultingNoticeId: null,
      };
      try {
        await this.notices.insertReduction(tx, reduction);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DomainError(FeeErrorCode.Conflict, "A reduction of this notice is already waiting for finance", { noticeId: notice.id });
      }
      return reduction;
    });
  }

  /**
   * Finance decides. Approved: a full waiver settles the notice as WAIVED; a partial one
   * replaces it with a notice whose every line carries the reduction, as will every later
   * reissue of the case. Whoever asked for the reduction may not approve it.
   */
  async decideReduction(identity: Identity, raw: unknown): Promise<FeeReductionRow> {
    const input = validate(reductionDecision, raw);
    requireRole(identity, "finance");
    const seen = await this.notices.findReduction(input.reductionId);
    if (!seen || !(isFinanceOf(identity, seen.centerCode) || isOverseerOf(identity, seen.centerCode))) {
      throw new DomainError(FeeErrorCode.ReductionUnknown, `No reduction ${input.reductionId}`, { reductionId: input.reductionId });
    }
    if (!isFinanceOf(identity, seen.centerCode)) throw forbidden("Only the center's finance decides reductions");
    if (seen.requestedBy === identity.subject) {
      throw new DomainError(FeeErrorCode.SameRequesterAndApprover, "Whoever asked for a reduction may not approve it", { reductionId: seen.id });
    }
    return this.unitOfWork.run(async (tx) => {
      const feeCase = await this.notices.lockCase(tx, seen.caseId, seen.centerCode);
      const notice = (await this.notices.lockNotice(tx, seen.noticeId))!;
      const reduction = (await this.notices.lockReduction(tx, seen.id))!;
      if (reduction.status !== "REQUESTED") {
        throw new DomainError(FeeErrorCode.InvalidTransition, `The reduction was ${reduction.status.toLowerCase()} already`, { reductionId: seen.id });
      }
      const decision = { decidedBy: identity.subject, decidedAt: this.clock.now(), decisionNote: input.note, openNoticeId: null };
      if (!input.approve) {
        const rejected = { ...reduction, ...decision, status: "REJECTED" as const };
        await this.notices.updateReduction(tx, reduction.id, rejected);
        return rejected;
      }
      refuse(notice.status, "REDUCE", notice.id);
      const reducedCase: FeeCaseRow = { ...feeCase, reductionId: reduction.id, reductionPercent: reduction.percent };
      let resultingNoticeId: string | null = null;
      if (reduction.percent === 100) {
        await this.notices.saveCase(tx, reducedCase);
        await this.waive(tx, notice, reduction);
      } else {
        const replacement = await this.replace(tx, reducedCase, notice, `减免 ${reduction.percent}% (reduction approved): ${reduction.policy}`, SYSTEM);
        resultingNoticeId = replacement.status === "ISSUED" ? replacement.id : null;
      }
      const approved = { ...reduction, ...decision, status: "APPROVED" as const, resultingNoticeId };
      await this.notices.updateReduction(tx, reduction.id, approved);
      return approved;
    });
  }

  // ---- reads ------------------------------------------------------------------------------

  async noticesOfCase(identity: Identity, caseId: string): Promise<PaymentNoticeRow[]> {
    return (await this.notices.forCase(caseId)).filter((notice) => maySeeNotice(identity, notice));
  }

  /** The payer, the department's staff, the bank and the center's overseers see how the case's fee stands. */
  async caseAssessment(identity: Identity, caseId: string): Promise<CaseAssessment | null> {
    const feeCase = await this.notices.findCase(caseId);
    if (!feeCase) return null;
    const visible =
      isOverseerOf(identity, feeCase.centerCode) ||
      maySeeNotice(identity, { centerCode: feeCase.centerCode, departmentId: feeCase.departmentId ?? "", payerSubject: feeCase.payerSubject ?? "" });
    return visible ? feeCase.assessment : null;
  }

  async notice(identity: Identity, noticeId: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.find(noticeId);
    return notice && maySeeNotice(identity, notice) ? notice : null;
  }

  /** What the bank (or anyone allowed to see it) finds under a number; null when there is none for the caller. */
  async noticeByNo(identity: Identity, noticeNo: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.findByNo(noticeNo);
    return notice && maySeeNotice(identity, notice) ? notice : null;
  }

  async noticesById(identity: Identity, ids: readonly string[]): Promise<Map<string, PaymentNoticeRow>> {
    const rows = await this.notices.findMany(ids);
    return new Map(rows.filter((row) => maySeeNotice(identity, row)).map((row) => [row.id, row]));
  }

  async reduction(identity: Identity, reductionId: string): Promise<FeeReductionRow | null> {
    const reduction = await this.notices.findReduction(reductionId);
    if (!reduction) return null;
    const visible = isOverseerOf(identity, reduction.centerCode) || isStaffOf(identity, reduction.centerCode, reduction.departmentId);
    return visible ? reduction : null;
  }

  async reductions(identity: Identity, raw: unknown): Promise<FeeReductionRow[]> {
    const input = validate(reductionQuery, raw);
    if (isOverseerOf(identity, input.centerCode)) return this.notices.reductions(input.centerCode, input.status as FeeReductionStatus | null, null);
    if (identity.departmentId && isStaffOf(identity, input.centerCode, identity.departmentId)) {
      return this.notices.reductions(input.centerCode, input.status as FeeReductionStatus | null, identity.departmentId);
    }
    throw forbidden("Reductions are seen by the center's finance, administration and supervision, and the department's staff");
  }

  // ---- the rules' one place of writing ----------------------------------------------------

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
    outcome: "NOTICE_ISSUED" | "NOTHING_TO_CHARGE" | "AWAITING_ACCOUNT",
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
  private async replace(tx: Tx, feeCase: FeeCaseRow, notice: PaymentNoticeRow, reason: string, by: string): Promise<PaymentNoticeRow> {
    const cancelled = await this.cancel(tx, notice, reason, by);
    const replacement = await this.assessAndIssue(tx, feeCase, { replaces: notice, issuedBy: by });
    if (!replacement) return cancelled;
    await this.notices.updateNotice(tx, notice.id, { replacedByNoticeId: replacement.id });
    return replacement;
  }

  private async cancel(tx: Tx, notice: PaymentNoticeRow, reason: string, by: string): Promise<PaymentNoticeRow> {
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

  private async waive(tx: Tx, notice: PaymentNoticeRow, reduction: FeeReductionRow): Promise<void> {
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

  private async lockNoticeOfDepartment(tx: Tx, identity: Identity, noticeId: string): Promise<PaymentNoticeRow> {
    const notice = await this.notices.lockNotice(tx, noticeId);
    if (!notice || !isStaffOf(identity, notice.centerCode, notice.departmentId)) throw this.hiddenOrForbidden(identity, notice, noticeId);
    return notice;
  }

  /** Someone who may not see the notice learns nothing of it; one who sees it but may not act is told so. */
  private hiddenOrForbidden(identity: Identity, notice: PaymentNoticeRow | null, noticeId: string): DomainError {
    if (!hasRole(identity, "window_staff", "chief_representative")) {
      return hasRole(identity, "anonymous") ? unauthenticated() : forbidden("Only the department's window staff act on its notices");
    }
    if (notice && maySeeNotice(identity, notice)) return forbidden("Only the department's window staff act on its notices");
    return notFound("Payment notice", noticeId);
  }
}
