import { randomUUID } from "node:crypto";
import type { AuthorizationReplica } from "@onestop/authorization";
import { calendarDay, endOfShanghaiDay, shanghaiDayOf, startOfShanghaiDay } from "@onestop/calendar";
import { feesEvents } from "@onestop/events";
import {
  DomainError,
  forbidden,
  invalidInput,
  isDuplicateKey,
  notFound,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { isBankOf, isFinanceOf, isOverseerOf, isStaffOf, maySeeNotice } from "../access.rules";
import { FeeErrorCode } from "../errors";
import { requireNoticeLetter } from "../notice-letters";
import { isWellFormedNoticeNumber, noticeActionRefusal } from "../notices/notice.rules";
import type { NoticesRepository, PayableNoticeRow } from "../notices/notices.repository";
import type { SupervisionService } from "../supervision/supervision.service";
import type { RequestPage } from "../notices/notices.service";
import { pageOf } from "../request-paging.rules";
import type { BankTransactionRow, RefundRow } from "./entities";
import {
  ACCEPTED,
  decidePayment,
  decideRefundExecution,
  PAID_AT_TOLERANCE_MS,
  receiptNumber,
  refundStatuses,
  refusalMessage,
  sameAttempt,
  type BankAttempt,
  type BankChannel,
  type PaymentDecision,
  type RefundStatus,
} from "./payment.rules";
import { paymentInput, refundDecision, refundExecutionInput, refundPageQuery, refundQuery, refundRequest, transactionQuery, transactionsQuery } from "./inputs";
import type { NewBankTransaction, PaymentsRepository } from "./payments.repository";

/** A page of bankTransactions. */
export interface BankTransactionPage {
  transactions: BankTransactionRow[];
  nextCursor: string | null;
}

/** What recordBankPayment answers: the recorded payment, the same on every retry. */
export interface BankPaymentView {
  bankTxnId: string;
  noticeNo: string;
  amountFen: number;
  paidAt: Date;
  channel: BankChannel;
  receiptNo: string;
  recordedAt: Date;
  noticeId: string;
}

/** A duplicate key means a request for the same bankTxnId committed first: its answer is read, not retried for ever. */
const MAX_ROUNDS = 4;

/**
 * 收款: the collecting side. Only the bank records money, in and out; department staff ask
 * for refunds, the center's finance approves them. Every bank transaction is kept under its
 * bankTxnId with the answer it got, so a retry gets that answer again and the same id never
 * means two things.
 */
export class PaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly notices: NoticesRepository,
    private readonly supervision: SupervisionService,
    private readonly authorization: AuthorizationReplica,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async recordBankPayment(identity: Identity, raw: unknown): Promise<BankPaymentView> {
    const centerCode = this.bankCenter(identity);
    const input = validate(paymentInput, raw, "input");
    if (!isWellFormedNoticeNumber(input.noticeNo)) {
      throw new DomainError(FeeErrorCode.NoticeNoInvalid, "Not a notice number: 20 digits whose last is the Luhn check digit", { noticeNo: input.noticeNo });
    }
    this.requireNotFuture(input.paidAt, "input.paidAt");
    const attempt: BankAttempt = { kind: "PAYMENT", refundId: null, ...input };
    const row = await this.recordOnce(attempt, (tx) => this.applyPayment(tx, identity, centerCode, attempt));
    return this.paymentView(row);
  }

  async recordBankRefund(identity: Identity, raw: unknown): Promise<RefundRow> {
    const centerCode = this.bankCenter(identity);
    const input = validate(refundExecutionInput, raw, "input");
    this.requireNotFuture(input.refundedAt, "input.refundedAt");
    const refund = await this.payments.findRefund(input.refundId);
    const known = refund && refund.centerCode === centerCode ? refund : null;
    const attempt: BankAttempt = {
      kind: "REFUND",
      bankTxnId: input.bankTxnId,
      noticeNo: known?.noticeNo ?? "",
      refundId: input.refundId,
      amountFen: input.amountFen,
      paidAt: input.refundedAt,
      channel: null,
    };
    await this.recordOnce(attempt, (tx) => this.applyRefund(tx, identity, centerCode, known, attempt));
    return (await this.payments.findRefund(input.refundId))!;
  }

  /**
   * 退费申请, once per idempotency key: a retry with the asker's key answers the refund it asked
   * for, as it is now, where asking again would be refused (a notice has one live refund).
   */
  async requestRefund(identity: Identity, raw: unknown): Promise<RefundRow> {
    const input = validate(refundRequest, raw, "input");
    requireRole(identity, "window_staff", "chief_representative");
    const earlier = await this.payments.refundByKey(identity.subject, input.idempotencyKey);
    if (earlier) return sameRefundRequest(earlier, input);
    return this.unitOfWork.run(async (tx) => {
      const notice = await this.notices.lockNotice(tx, input.noticeId);
      // A retry racing its first attempt waited for the notice's lock: the first one's refund is committed now.
      const first = await this.payments.refundByKey(identity.subject, input.idempotencyKey, tx);
      if (first) return sameRefundRequest(first, input);
      if (!notice || !isStaffOf(identity, notice.centerCode, notice.departmentId)) {
        if (notice && maySeeNotice(identity, notice)) throw forbidden("Only the department's window staff ask for refunds");
        throw notFound("Payment notice", input.noticeId);
      }
      await requireNoticeLetter(this.authorization, tx, identity, "REQUEST_FEE_REFUND", notice);
      const refusal = noticeActionRefusal(notice.status, "REFUND");
      if (refusal) throw new DomainError(refusal.code, refusal.message, { noticeId: notice.id });
      const refund: RefundRow = {
        id: randomUUID(),
        centerCode: notice.centerCode,
        noticeId: notice.id,
        openNoticeId: notice.id,
        noticeNo: notice.noticeNo,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        accountNo: notice.accountNo!,
        paymentBankTxnId: notice.bankTxnId!,
        amountFen: notice.amountFen,
        reason: input.reason,
        status: "REQUESTED",
        requestedBy: identity.subject,
        requestedAt: this.clock.now(),
        requestKey: input.idempotencyKey,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        bankTxnId: null,
        refundedAt: null,
      };
      try {
        await this.payments.insertRefund(tx, refund);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DomainError(FeeErrorCode.Conflict, "A refund of this notice was asked for already", { noticeId: notice.id });
      }
      return refund;
    }).catch(async (error) => {
      // The key, used at once for a request of another notice (whose lock this one did not wait for).
      const first = error instanceof DomainError && error.code === FeeErrorCode.Conflict ? await this.payments.refundByKey(identity.subject, input.idempotencyKey) : null;
      if (first) return sameRefundRequest(first, input);
      throw error;
    });
  }

  /** 退费审批: the center's finance approves or rejects; never the person who asked. */
  async decideRefund(identity: Identity, raw: unknown): Promise<RefundRow> {
    const input = validate(refundDecision, raw, "input");
    requireRole(identity, "finance");
    const seen = await this.payments.findRefund(input.refundId);
    if (!seen || !isOverseerOf(identity, seen.centerCode)) {
      throw new DomainError(FeeErrorCode.RefundUnknown, `No refund ${input.refundId}`, { refundId: input.refundId });
    }
    if (!isFinanceOf(identity, seen.centerCode)) throw forbidden("Only the center's finance approves refunds");
    if (seen.requestedBy === identity.subject) {
      throw new DomainError(FeeErrorCode.SameRequesterAndApprover, "Whoever asked for a refund may not approve it", { refundId: seen.id });
    }
    return this.unitOfWork.run(async (tx) => {
      await this.notices.lockNotice(tx, seen.noticeId);
      const refund = (await this.payments.lockRefund(tx, seen.id))!;
      if (refund.status !== "REQUESTED") {
        throw new DomainError(FeeErrorCode.InvalidTransition, `The refund was ${refund.status.toLowerCase()} already`, { refundId: refund.id });
      }
      const decided: RefundRow = {
        ...refund,
        status: input.approve ? "APPROVED" : "REJECTED",
        openNoticeId: input.approve ? refund.noticeId : null,
        decidedBy: identity.subject,
        decidedAt: this.clock.now(),
        decisionNote: input.note,
      };
      await this.payments.updateRefund(tx, refund.id, decided);
      return decided;
    });
  }

  async refunds(identity: Identity, raw: unknown): Promise<RefundRow[]> {
    const input = validate(refundQuery, raw);
    const statuses: RefundStatus[] = input.status ? [input.status] : [...refundStatuses];
    if (isOverseerOf(identity, input.centerCode)) return this.payments.refunds(input.centerCode, statuses, null);
    if (isBankOf(identity, input.centerCode)) {
      return this.payments.refunds(input.centerCode, statuses.filter((status) => status === "APPROVED" || status === "EXECUTED"), null);
    }
    if (identity.departmentId && isStaffOf(identity, input.centerCode, identity.departmentId)) {
      return this.payments.refunds(input.centerCode, statuses, identity.departmentId);
    }
    throw forbidden("Refunds are seen by the center's finance, administration and supervision, the bank, and the department's staff");
  }

  /** The same refunds as `refunds`, in pages: newest first, `first` at a time. */
  async refundPage(identity: Identity, raw: unknown): Promise<RequestPage<RefundRow>> {
    const input = validate(refundPageQuery, raw);
    let statuses: RefundStatus[] = input.status ? [input.status] : [...refundStatuses];
    let departmentId: string | null = null;
    if (isOverseerOf(identity, input.centerCode)) departmentId = null;
    else if (isBankOf(identity, input.centerCode)) statuses = statuses.filter((status) => status === "APPROVED" || status === "EXECUTED");
    else if (identity.departmentId && isStaffOf(identity, input.centerCode, identity.departmentId)) departmentId = identity.departmentId;
    else throw forbidden("Refunds are seen by the center's finance, administration and supervision, the bank, and the department's staff");
    const { rows, totalCount } = await this.payments.refundPage({ centerCode: input.centerCode, statuses, departmentId }, input.after, input.first);
    return { ...pageOf(rows, input.first), totalCount };
  }

  async refund(identity: Identity, refundId: string): Promise<RefundRow | null> {
    const refund = await this.payments.findRefund(refundId);
    return refund && this.maySeeRefund(identity, refund) ? refund : null;
  }

  async refundOfNotice(identity: Identity, noticeId: string): Promise<RefundRow | null> {
    const refund = await this.payments.refundOfNotice(noticeId);
    return refund && this.maySeeRefund(identity, refund) ? refund : null;
  }

  /** "Did my payment land?": what was recorded under the bank's bankTxnId, in its own center; null when nothing was. */
  async bankTransaction(identity: Identity, raw: unknown): Promise<BankTransactionRow | null> {
    const input = validate(transactionQuery, raw);
    this.requireBankOf(identity, input.centerCode);
    const row = await this.payments.findTransaction(input.bankTxnId);
    return row && row.centerCode === input.centerCode ? row : null;
  }

  /** The bank's transactions, accepted and refused, paid on one Beijing day, in the order recorded. */
  async bankTransactions(identity: Identity, raw: unknown): Promise<BankTransactionPage> {
    const input = validate(transactionsQuery, raw);
    this.requireBankOf(identity, input.centerCode);
    const day = calendarDay(input.day);
    const rows = await this.payments.transactionsPaidBetween(input.centerCode, startOfShanghaiDay(day), endOfShanghaiDay(day), input.after, input.first + 1);
    const page = rows.slice(0, input.first);
    return { transactions: page, nextCursor: rows.length > input.first ? page[page.length - 1].sequence : null };
  }

  /** An accepted payment as recordBankPayment answered it; null for refunds and refusals. */
  acceptedPayment(row: BankTransactionRow): BankPaymentView | null {
    return row.kind === "PAYMENT" && row.outcome === ACCEPTED ? this.paymentView(row) : null;
  }

  // ---- the ledger -------------------------------------------------------------------------

  /**
   * Records the attempt once and answers from the record. The attempt is judged under the
   * lock of what it pays and written with its outcome; a bankTxnId recorded before (a retry,
   * or another request with the same id that won the race) shows as a duplicate key or as the
   * very notice we waited for being paid by it, and then its committed answer is read.
   */
  private async recordOnce(attempt: BankAttempt, apply: (tx: Tx) => Promise<BankTransactionRow | null>): Promise<BankTransactionRow> {
    for (let round = 1; ; round += 1) {
      try {
        const recorded = await this.unitOfWork.run(apply);
        if (recorded) return this.answer(recorded, attempt);
      } catch (error) {
        if (!isDuplicateKey(error) || round >= MAX_ROUNDS) throw error;
      }
      const stored = await this.payments.findTransaction(attempt.bankTxnId);
      if (stored) return this.answer(stored, attempt);
      if (round >= MAX_ROUNDS) throw new Error(`Bank transaction ${attempt.bankTxnId} neither recorded nor recordable`);
    }
  }

  private answer(stored: BankTransactionRow, attempt: BankAttempt): BankTransactionRow {
    if (!sameAttempt(stored, attempt)) {
      throw new DomainError(FeeErrorCode.BankTxnConflict, "This bankTxnId was used before with different content; nothing was applied", {
        bankTxnId: attempt.bankTxnId,
      });
    }
    if (stored.outcome !== ACCEPTED) {
      throw new DomainError(stored.outcome, refusalMessage(stored.outcome), { bankTxnId: stored.bankTxnId, noticeNo: stored.noticeNo });
    }
    return stored;
  }

  private async applyPayment(tx: Tx, identity: Identity, centerCode: string, attempt: BankAttempt): Promise<BankTransactionRow | null> {
    const locked = await this.notices.lockPayableByNo(tx, attempt.noticeNo);
    const notice = locked && locked.centerCode === centerCode ? locked : null;
    if (notice?.bankTxnId === attempt.bankTxnId) return null;
    const decision = decidePayment(notice, attempt);
    const accepted = decision.outcome === ACCEPTED;
    const row = this.ledgerRow(identity, centerCode, attempt, decision, {
      noticeId: notice?.id ?? null,
      departmentId: notice?.departmentId ?? null,
      accountNo: accepted ? notice!.accountNo : null,
      acceptedNoticeId: accepted ? notice!.id : null,
      acceptedRefundId: null,
    });
    const recorded = await this.record(tx, row);
    if (accepted) await this.settle(tx, notice!, attempt, receiptNumber(centerCode, Number(recorded.sequence)));
    if (decision.irregularity) {
      await this.supervision.raise(tx, {
        centerCode,
        kind: decision.irregularity,
        source: "BANK_PAYMENT",
        departmentId: notice?.departmentId ?? null,
        caseId: notice?.caseId ?? null,
        noticeNo: attempt.noticeNo,
        bankTxnId: attempt.bankTxnId,
        expectedFen: notice?.amountFen ?? null,
        actualFen: attempt.amountFen,
        detail: notice
          ? `The bank collected ${attempt.amountFen} fen on notice ${attempt.noticeNo}, which is for ${notice.amountFen} fen`
          : `The bank collected ${attempt.amountFen} fen on notice ${attempt.noticeNo}, which does not exist`,
      });
    }
    return recorded;
  }

  private async settle(tx: Tx, notice: PayableNoticeRow, attempt: BankAttempt, receiptNo: string): Promise<void> {
    const settledAt = this.clock.now();
    await this.notices.markPaid(tx, notice.id, { paidAt: attempt.paidAt, bankTxnId: attempt.bankTxnId, receiptNo, settledAt });
    await tx.publish(
      feesEvents.paymentNoticeSettled,
      {
        noticeId: notice.id,
        noticeNo: notice.noticeNo,
        centerCode: notice.centerCode,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        amountFen: notice.amountFen,
        settlement: "PAID",
        receiptNo,
        settledAt: settledAt.toISOString(),
      },
      { centerCode: notice.centerCode },
    );
  }

  private async applyRefund(
    tx: Tx,
    identity: Identity,
    centerCode: string,
    known: RefundRow | null,
    attempt: BankAttempt,
  ): Promise<BankTransactionRow | null> {
    const notice = known ? await this.notices.lockNotice(tx, known.noticeId) : null;
    const refund = known ? await this.payments.lockRefund(tx, known.id) : null;
    if (refund?.bankTxnId === attempt.bankTxnId) return null;
    const decision = decideRefundExecution(refund, attempt);
    const accepted = decision.outcome === ACCEPTED;
    const row = this.ledgerRow(identity, centerCode, attempt, decision, {
      noticeId: refund?.noticeId ?? null,
      departmentId: refund?.departmentId ?? null,
      accountNo: accepted ? refund!.accountNo : null,
      acceptedNoticeId: null,
      acceptedRefundId: accepted ? refund!.id : null,
    });
    const recorded = await this.record(tx, row);
    if (accepted) {
      await this.payments.updateRefund(tx, refund!.id, { status: "EXECUTED", bankTxnId: attempt.bankTxnId, refundedAt: attempt.paidAt });
      await this.notices.updateNotice(tx, notice!.id, { status: "REFUNDED", refundedAt: attempt.paidAt });
      await tx.publish(
        feesEvents.paymentRefunded,
        {
          refundId: refund!.id,
          noticeId: notice!.id,
          noticeNo: notice!.noticeNo,
          centerCode,
          caseId: notice!.caseId,
          departmentId: notice!.departmentId,
          amountFen: refund!.amountFen,
          reason: refund!.reason,
          approvedBy: refund!.decidedBy!,
          bankTxnId: attempt.bankTxnId,
          refundedAt: attempt.paidAt.toISOString(),
        },
        { centerCode },
      );
    }
    return recorded;
  }

  private async record(tx: Tx, row: NewBankTransaction): Promise<BankTransactionRow> {
    const sequence = await this.payments.insertTransaction(tx, row);
    return { ...row, sequence: String(sequence), ledgerFen: row.kind === "REFUND" ? -row.amountFen : row.amountFen };
  }

  private ledgerRow(
    identity: Identity,
    centerCode: string,
    attempt: BankAttempt,
    decision: PaymentDecision,
    links: Pick<NewBankTransaction, "noticeId" | "departmentId" | "accountNo" | "acceptedNoticeId" | "acceptedRefundId">,
  ): NewBankTransaction {
    return {
      bankTxnId: attempt.bankTxnId,
      kind: attempt.kind,
      centerCode,
      noticeNo: attempt.noticeNo,
      refundId: attempt.refundId,
      amountFen: attempt.amountFen,
      paidAt: attempt.paidAt,
      channel: attempt.channel,
      outcome: decision.outcome,
      paidDay: decision.outcome === ACCEPTED ? shanghaiDayOf(attempt.paidAt) : null,
      recordedBy: identity.subject,
      recordedAt: this.clock.now(),
      ...links,
    };
  }

  private paymentView(row: BankTransactionRow): BankPaymentView {
    return {
      bankTxnId: row.bankTxnId,
      noticeNo: row.noticeNo,
      amountFen: row.amountFen,
      paidAt: row.paidAt,
      channel: row.channel!,
      receiptNo: receiptNumber(row.centerCode, Number(row.sequence)),
      recordedAt: row.recordedAt,
      noticeId: row.noticeId!,
    };
  }

  /** Only the collection bank records money, and only in the center its credential is for. */
  private bankCenter(identity: Identity): string {
    requireRole(identity, "bank");
    if (!identity.centerCode) throw forbidden("A bank client is bound to one service center");
    return identity.centerCode;
  }

  private requireBankOf(identity: Identity, centerCode: string): void {
    if (this.bankCenter(identity) !== centerCode) throw forbidden(`A bank client sees only the transactions of its own service center`);
  }

  private requireNotFuture(at: Date, field: string): void {
    if (at.getTime() > this.clock.now().getTime() + PAID_AT_TOLERANCE_MS) throw invalidInput([{ field, message: "lies in the future" }]);
  }

  private maySeeRefund(identity: Identity, refund: RefundRow): boolean {
    return isOverseerOf(identity, refund.centerCode) || isBankOf(identity, refund.centerCode) || isStaffOf(identity, refund.centerCode, refund.departmentId);
  }
}

/** A request under the key of an earlier one is its retry only if it asks the same: else IDEMPOTENCY_KEY_REUSED. */
function sameRefundRequest(earlier: RefundRow, again: { noticeId: string; reason: string; idempotencyKey: string }): RefundRow {
  if (earlier.noticeId !== again.noticeId || earlier.reason !== again.reason) {
    throw new DomainError(FeeErrorCode.IdempotencyKeyReused, `Key ${again.idempotencyKey} was used for another refund request: make a new key for a new request`, {
      field: "input.idempotencyKey",
      refundId: earlier.id,
    });
  }
  return earlier;
}
