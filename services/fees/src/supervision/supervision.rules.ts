import type { feesEvents } from "@onestop/events";

/**
 * Each irregularity is raised once for what it happened to, however often it is seen: a
 * bank transaction is retried and appears again in the day's statement, a case's fee is
 * assessed again on reissue.
 */
export function occurrenceOf(kind: feesEvents.FeeIrregularityKind, about: { bankTxnId?: string | null; caseId?: string | null; feeCode?: string | null }): string {
  if (kind === "FEE_NOT_IN_STANDARD") {
    if (!about.caseId || !about.feeCode) throw new Error("A fee outside the standard is raised for a case and a fee code");
    return `case:${about.caseId}:fee:${about.feeCode}`;
  }
  if (!about.bankTxnId) throw new Error(`${kind} is raised for a bank transaction`);
  return `txn:${about.bankTxnId}`;
}
