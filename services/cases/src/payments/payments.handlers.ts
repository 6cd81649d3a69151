import { feesEvents } from "@onestop/events";
import { onEvent, type Tx } from "@onestop/platform";
import type { PaymentNoticesRepository } from "./payments.repository";

/**
 * Fees' notice and assessment events feed the fee gate. After a settlement, `gateMayHaveOpened` lets the
 * lifecycle conclude a case the system approved (超时默认) that only waited for its fee.
 */
export function paymentNoticeHandlers(repository: PaymentNoticesRepository, gateMayHaveOpened: (tx: Tx, caseId: string) => Promise<void>) {
  return [
    onEvent("fee-gate-notice-issued", feesEvents.paymentNoticeIssued, (tx, notice, envelope) =>
      repository.record(tx, { noticeId: notice.noticeId, caseId: notice.caseId, noticeNo: notice.noticeNo, state: "ISSUED", at: new Date(envelope.occurredAt) }),
    ),
    onEvent("fee-gate-notice-settled", feesEvents.paymentNoticeSettled, async (tx, notice) => {
      await repository.record(tx, { noticeId: notice.noticeId, caseId: notice.caseId, noticeNo: notice.noticeNo, state: "SETTLED", at: new Date(notice.settledAt) });
      await gateMayHaveOpened(tx, notice.caseId);
    }),
    onEvent("fee-gate-notice-cancelled", feesEvents.paymentNoticeCancelled, async (tx, notice) => {
      await repository.record(tx, { noticeId: notice.noticeId, caseId: notice.caseId, noticeNo: notice.noticeNo, state: "CANCELLED", at: new Date(notice.cancelledAt) });
      await gateMayHaveOpened(tx, notice.caseId);
    }),
    // A fee the catalog cancelled is never charged: nothing to pay must not keep the case from concluding.
    // Only that assessment matters to the gate (a free item never closes it; a notice speaks for itself).
    onEvent(
      "fee-gate-assessed",
      feesEvents.caseFeeAssessed,
      async (tx, assessed) => {
        await repository.recordAssessment(tx, { caseId: assessed.caseId, outcome: assessed.outcome, at: new Date(assessed.assessedAt) });
        await gateMayHaveOpened(tx, assessed.caseId);
      },
      { concerns: (assessed) => assessed.outcome === "NOTHING_TO_CHARGE" && assessed.uncharged.length > 0 },
    ),
  ];
}
