import type { feesEvents } from "@onestop/events";
import { luhnCheckDigit, type NoticeStatus } from "../notices/notice.rules";
import { FeeErrorCode } from "../errors";

/** Where the applicant paid (缴款渠道). */
export const bankChannels = ["COUNTER", "POS", "ONLINE_BANKING", "MOBILE", "SELF_SERVICE"] as const;
export type BankChannel = (typeof bankChannels)[number];

export type BankTransactionKind = "PAYMENT" | "REFUND";

/** What the bank sent: for a payment the notice it paid, for a refund the refund it executed. */
export interface BankAttempt {
  kind: BankTransactionKind;
  bankTxnId: string;
  noticeNo: string;
  refundId: string | null;
  amountFen: number;
  paidAt: Date;
  channel: BankChannel | null;
}

/** The bank's answer for a transaction is kept, so a retry gets it again; ACCEPTED or a refusal code. */
export const ACCEPTED = "ACCEPTED";

/**
 * A bankTxnId names one transaction for good: a retry must carry exactly the same content.
 * The same id with anything else changed is a conflict and is never applied.
 */
export function sameAttempt(stored: BankAttempt, attempt: BankAttempt): boolean {
  return (
    stored.kind === attempt.kind &&
    stored.noticeNo === attempt.noticeNo &&
    stored.refundId === attempt.refundId &&
    stored.amountFen === attempt.amountFen &&
    stored.paidAt.getTime() === attempt.paidAt.getTime() &&
    stored.channel === attempt.channel
  );
}

/** The notice as the bank's payment is judged against it, read under its row lock. */
export interface PayableNotice {
  status: NoticeStatus;
  amountFen: number;
  expiresAt: Date;
}

export interface PaymentDecision {
  /** ACCEPTED or the refusal code. */
  outcome: string;
  /** Supervision hears of money taken against no notice, and of a wrong amount. */
  irregularity: Extract<feesEvents.FeeIrregularityKind, "PAYMENT_WITHOUT_NOTICE" | "AMOUNT_MISMATCH"> | null;
}

/**
 * 银行确认缴款: whether the bank's payment settles the notice. The notice's state is judged
 * first (a paid notice answers "already paid" whatever the amount), then its expiry at the
 * moment the bank took the money, then the amount, which must be exactly the notice's.
 */
export function decidePayment(notice: PayableNotice | null, attempt: Pick<BankAttempt, "amountFen" | "paidAt">): PaymentDecision {
  if (!notice) return { outcome: FeeErrorCode.NoticeUnknown, irregularity: "PAYMENT_WITHOUT_NOTICE" };
  switch (notice.status) {
    case "PAID":
    case "REFUNDED":
      return { outcome: FeeErrorCode.NoticeAlreadyPaid, irregularity: null };
    case "CANCELLED":
      return { outcome: FeeErrorCode.NoticeCancelled, irregularity: null };
    case "WAIVED":
      return { outcome: FeeErrorCode.NoticeWaived, irregularity: null };
    case "ISSUED":
      break;
  }
  if (attempt.paidAt.getTime() >= notice.expiresAt.getTime()) return { outcome: FeeErrorCode.NoticeExpired, irregularity: null };
  if (attempt.amountFen !== notice.amountFen) return { outcome: FeeErrorCode.AmountDiffers, irregularity: "AMOUNT_MISMATCH" };
  return { outcome: ACCEPTED, irregularity: null };
}

/** A refund as the bank's execution of it is judged against it, read under its row lock. */
export interface ExecutableRefund {
  status: RefundStatus;
  amountFen: number;
}

export const refundStatuses = ["REQUESTED", "APPROVED", "REJECTED", "EXECUTED"] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/** 退费执行: the bank pays back only a refund finance approved, exactly its amount, once. */
export function decideRefundExecution(refund: ExecutableRefund | null, attempt: Pick<BankAttempt, "amountFen">): PaymentDecision {
  if (!refund) return { outcome: FeeErrorCode.RefundUnknown, irregularity: null };
  if (refund.status === "EXECUTED") return { outcome: FeeErrorCode.RefundAlreadyPaid, irregularity: null };
  if (refund.status !== "APPROVED") return { outcome: FeeErrorCode.RefundNotApproved, irregularity: null };
  if (attempt.amountFen !== refund.amountFen) return { outcome: FeeErrorCode.AmountDiffers, irregularity: null };
  return { outcome: ACCEPTED, irregularity: null };
}

const refusalMessages: Record<string, string> = {
  [FeeErrorCode.NoticeUnknown]: "No payment notice with this number in this service center",
  [FeeErrorCode.NoticeAlreadyPaid]: "The notice was paid already by another bank transaction",
  [FeeErrorCode.NoticeCancelled]: "The notice was cancelled; nothing is owed on it",
  [FeeErrorCode.NoticeWaived]: "The fee was waived; nothing is owed on it",
  [FeeErrorCode.NoticeExpired]: "The notice had expired when it was paid; the department reissues it",
  [FeeErrorCode.AmountDiffers]: "The amount differs from the one due",
  [FeeErrorCode.RefundUnknown]: "No refund with this id in this service center",
  [FeeErrorCode.RefundAlreadyPaid]: "The refund was paid back already by another bank transaction",
  [FeeErrorCode.RefundNotApproved]: "Only a refund finance approved may be paid back",
};

export function refusalMessage(code: string): string {
  return refusalMessages[code] ?? code;
}

/**
 * 电子票据号, 20 characters: `E`, the county's 6-digit code, the payment's 12-digit sequence
 * and a Luhn check digit. Unique and increasing; a rolled-back payment may leave a gap.
 */
export function receiptNumber(centerCode: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999_999_999) throw new RangeError(`sequence ${sequence} out of range`);
  const body = `${centerCode.slice(0, 6)}${String(sequence).padStart(12, "0")}`;
  return `E${body}${luhnCheckDigit(body)}`;
}

/** How far ahead of our clock the bank's paidAt may be (clock drift), no more. */
export const PAID_AT_TOLERANCE_MS = 5 * 60 * 1000;
