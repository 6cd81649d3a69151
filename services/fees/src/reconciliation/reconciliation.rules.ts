import { createHash } from "node:crypto";
import type { NoticeStatus } from "../notices/notice.rules";
import type { BankTransactionKind, PaymentDecision } from "../payments/payment.rules";

/**
 * 对账: every day the bank's statement of a department's fee account is set against what
 * the center recorded for that account on that day (Asia/Shanghai). A line and a record are
 * the same transaction when they carry the same bankTxnId.
 */

/** Lines per statement part (chunk): a part of 5,000 lines stays well under the gateway's 1 MB body limit. */
export const MAX_LINES_PER_PART = 5_000;
/** reconcileBankStatement takes a whole statement in one call up to this size; larger ones come in parts. */
export const MAX_LINES_IN_ONE_CALL = 5_000;
export const MAX_PARTS = 1_000;

export interface StatementLine {
  bankTxnId: string;
  noticeNo: string;
  /** Positive for a payment, negative for a refund the bank paid back. */
  amountFen: number;
  paidAt: Date;
}

/** What the center recorded under the line's bankTxnId: an accepted payment or refund, or nothing. */
export interface RecordedTransaction {
  kind: BankTransactionKind;
  noticeNo: string;
  /** Signed like statement lines: refunds negative. */
  ledgerFen: number;
  accountNo: string;
  paidDay: string;
}

/** The notice a line names, when no transaction was recorded under its bankTxnId. */
export interface NamedNotice {
  status: NoticeStatus;
  expiresAt: Date;
  accountNo: string | null;
}

export interface StatementScope {
  accountNo: string;
  statementDate: string;
}

export type LineCategory = "MATCHED" | "PAID_AT_BANK_UNKNOWN_HERE" | "AMOUNT_MISMATCH" | "DETAIL_MISMATCH";

/** The category of a record here that the statement does not list. */
export const MISSING_AT_BANK = "RECORDED_HERE_MISSING_AT_BANK";

/** Why a line paid at the bank is unknown here, or which detail of a known one disagrees. */
export type LineReason =
  | "NOTICE_UNKNOWN"
  | "WRONG_ACCOUNT"
  | "NOTICE_CANCELLED"
  | "NOTICE_WAIVED"
  | "NOTICE_EXPIRED"
  | "NOTICE_PAID_BY_OTHER_TXN"
  | "NOT_RECORDED"
  | "NOTICE_DIFFERS"
  | "ACCOUNT_DIFFERS"
  | "DAY_DIFFERS";

export interface LineVerdict {
  category: LineCategory;
  reason: LineReason | null;
  recordedFen: number | null;
  /** Supervision hears of money taken against no notice, and of a wrong amount. */
  irregularity: PaymentDecision["irregularity"];
}

export function classifyLine(
  line: StatementLine,
  recorded: RecordedTransaction | null,
  notice: NamedNotice | null,
  scope: StatementScope,
): LineVerdict {
  if (recorded) {
    const verdict = (category: LineCategory, reason: LineReason | null): LineVerdict => ({
      category,
      reason,
      recordedFen: recorded.ledgerFen,
      irregularity: category === "AMOUNT_MISMATCH" ? "AMOUNT_MISMATCH" : null,
    });
    if (recorded.noticeNo !== line.noticeNo) return verdict("DETAIL_MISMATCH", "NOTICE_DIFFERS");
    if (recorded.accountNo !== scope.accountNo) return verdict("DETAIL_MISMATCH", "ACCOUNT_DIFFERS");
    if (recorded.ledgerFen !== line.amountFen) return verdict("AMOUNT_MISMATCH", null);
    if (recorded.paidDay !== scope.statementDate) return verdict("DETAIL_MISMATCH", "DAY_DIFFERS");
    return verdict("MATCHED", null);
  }
  const unknown = (reason: LineReason, irregularity: LineVerdict["irregularity"] = null): LineVerdict => ({
    category: "PAID_AT_BANK_UNKNOWN_HERE",
    reason,
    recordedFen: null,
    irregularity,
  });
  if (!notice) return unknown("NOTICE_UNKNOWN", "PAYMENT_WITHOUT_NOTICE");
  if (notice.accountNo !== scope.accountNo) return unknown("WRONG_ACCOUNT");
  if (line.amountFen < 0) return unknown("NOT_RECORDED");
  switch (notice.status) {
    case "CANCELLED":
      return unknown("NOTICE_CANCELLED");
    case "WAIVED":
      return unknown("NOTICE_WAIVED");
    case "PAID":
    case "REFUNDED":
      return unknown("NOTICE_PAID_BY_OTHER_TXN");
    case "ISSUED":
      return line.paidAt.getTime() >= notice.expiresAt.getTime() ? unknown("NOTICE_EXPIRED") : unknown("NOT_RECORDED");
  }
}

export interface Bucket {
  count: number;
  bankTotalFen: number;
  recordedTotalFen: number;
}

export interface AccountTotals {
  accountNo: string;
  bankLineCount: number;
  bankTotalFen: number;
  recordedCount: number;
  recordedTotalFen: number;
  matchedCount: number;
  matchedTotalFen: number;
  /** The bank's total less the center's: zero when the day reconciles to the fen. */
  differenceFen: number;
}

export interface ReconciliationSummary {
  matched: Bucket;
  paidAtBankUnknownHere: Bucket;
  recordedHereMissingAtBank: Bucket;
  amountMismatch: Bucket;
  detailMismatch: Bucket;
  totals: AccountTotals[];
}

const emptyBucket = (): Bucket => ({ count: 0, bankTotalFen: 0, recordedTotalFen: 0 });

/**
 * The report's figures. "Recorded" for the account's totals is everything the center
 * recorded for the account on the statement date (payments less refunds), matched or not.
 */
export function summarize(
  scope: StatementScope,
  lines: ReadonlyArray<{ amountFen: number; verdict: LineVerdict }>,
  recordedInScope: { count: number; totalFen: number },
  missingAtBank: ReadonlyArray<{ ledgerFen: number }>,
): ReconciliationSummary {
  const summary: ReconciliationSummary = {
    matched: emptyBucket(),
    paidAtBankUnknownHere: emptyBucket(),
    recordedHereMissingAtBank: emptyBucket(),
    amountMismatch: emptyBucket(),
    detailMismatch: emptyBucket(),
    totals: [],
  };
  const bucketOf: Record<LineCategory, Bucket> = {
    MATCHED: summary.matched,
    PAID_AT_BANK_UNKNOWN_HERE: summary.paidAtBankUnknownHere,
    AMOUNT_MISMATCH: summary.amountMismatch,
    DETAIL_MISMATCH: summary.detailMismatch,
  };
  let bankTotalFen = 0;
  for (const { amountFen, verdict } of lines) {
    const bucket = bucketOf[verdict.category];
    bucket.count += 1;
    bucket.bankTotalFen += amountFen;
    bucket.recordedTotalFen += verdict.recordedFen ?? 0;
    bankTotalFen += amountFen;
  }
  for (const record of missingAtBank) {
    summary.recordedHereMissingAtBank.count += 1;
    summary.recordedHereMissingAtBank.recordedTotalFen += record.ledgerFen;
  }
  summary.totals.push({
    accountNo: scope.accountNo,
    bankLineCount: lines.length,
    bankTotalFen,
    recordedCount: recordedInScope.count,
    recordedTotalFen: recordedInScope.totalFen,
    matchedCount: summary.matched.count,
    matchedTotalFen: summary.matched.bankTotalFen,
    differenceFen: bankTotalFen - recordedInScope.totalFen,
  });
  return summary;
}

const canonicalLine = (line: StatementLine) => `${line.bankTxnId}|${line.noticeNo}|${line.amountFen}|${line.paidAt.getTime()}`;

/**
 * The statement's identity: the same lines in any order give the same digest, so a statement
 * sent again (whole or in other parts) is recognised and answered with the report it got.
 */
export function statementDigest(scope: StatementScope, lines: readonly StatementLine[]): string {
  const hash = createHash("sha256").update(`${scope.accountNo}|${scope.statementDate}\n`);
  const sorted = lines.map(canonicalLine).sort();
  for (const each of sorted) hash.update(each).update("\n");
  return hash.digest("hex");
}

/** A part's identity, in its own order: resending a part must send the very same lines. */
export function partDigest(lines: readonly StatementLine[]): string {
  const hash = createHash("sha256");
  for (const line of lines) hash.update(canonicalLine(line)).update("\n");
  return hash.digest("hex");
}

/** Duplicate bankTxnIds inside one statement: a statement lists each transaction once. */
export function duplicateTxnIds(lines: readonly StatementLine[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.bankTxnId)) duplicates.add(line.bankTxnId);
    seen.add(line.bankTxnId);
  }
  return [...duplicates];
}

export function closeRefusal(
  declared: { lineCount: number; totalFen: number },
  received: { lineCount: number; totalFen: number },
): string | null {
  if (declared.lineCount !== received.lineCount) {
    return `The statement declared ${declared.lineCount} lines and ${received.lineCount} arrived`;
  }
  if (declared.totalFen !== received.totalFen) {
    return `The statement declared a total of ${declared.totalFen} fen and its lines add up to ${received.totalFen}`;
  }
  return null;
}
