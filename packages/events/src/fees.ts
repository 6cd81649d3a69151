import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const paymentNoticeIssued = defineEvent(
  streams.fees,
  "notice.issued",
  z.object({
    noticeId: z.string(),
    noticeNo: z.string(),
    centerCode,
    caseId: z.string(),
    departmentId: z.string(),
    amountFen: z.number().int().nonnegative(),
  }),
);

/**
 * A notice is settled: paid at the bank (confirmed by the bank's record) or waived in
 * full under a preferential policy. A case that owes a fee concludes only after every
 * notice it has is settled or cancelled.
 */
export const paymentNoticeSettled = defineEvent(
  streams.fees,
  "notice.settled",
  z.object({
    noticeId: z.string(),
    noticeNo: z.string(),
    centerCode,
    caseId: z.string(),
    departmentId: z.string(),
    amountFen: z.number().int().nonnegative(),
    settlement: z.enum(["PAID", "WAIVED"]),
    /** 电子票据号: the electronic receipt issued on payment; null for a waiver. */
    receiptNo: z.string().nullable(),
    settledAt: z.string(),
  }),
);

/** A notice withdrawn before payment (the case was refused or withdrawn, or the notice reissued). */
export const paymentNoticeCancelled = defineEvent(
  streams.fees,
  "notice.cancelled",
  z.object({
    noticeId: z.string(),
    noticeNo: z.string(),
    centerCode,
    caseId: z.string(),
    reason: z.string(),
    cancelledAt: z.string(),
  }),
);
