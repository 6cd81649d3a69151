import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/**
 * 缴款通知书 issued. Fields after `amountFen` were added with unified fee collection; their
 * defaults read events published before them.
 */
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
    /** The department's fee account the money goes to. */
    accountNo: z.string().nullable().default(null),
    issuedAt: z.string().nullable().default(null),
    /** Payable at the bank until this instant (end of a working day, Asia/Shanghai). */
    expiresAt: z.string().nullable().default(null),
    /** Set when this notice replaces a cancelled one of the same case (reissue, reduction). */
    replacesNoticeId: z.string().nullable().default(null),
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

/**
 * A notice withdrawn before payment (the case was refused or withdrawn, or the notice
 * reissued: the replacement's `paymentNoticeIssued` names it in `replacesNoticeId`).
 */
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

/**
 * 退费: the bank returned a paid fee to the payer after the center's finance approved the
 * refund. The notice stays paid in the record, with this refund beside it.
 */
export const paymentRefunded = defineEvent(
  streams.fees,
  "notice.refunded",
  z.object({
    refundId: z.string(),
    noticeId: z.string(),
    noticeNo: z.string(),
    centerCode,
    caseId: z.string(),
    departmentId: z.string(),
    amountFen: z.number().int().positive(),
    reason: z.string(),
    approvedBy: z.string(),
    bankTxnId: z.string(),
    refundedAt: z.string(),
  }),
);

export const feeIrregularityKind = z.enum([
  /** The bank took money against a notice number that does not exist here. */
  "PAYMENT_WITHOUT_NOTICE",
  /** A notice would have charged a fee the item's published standard does not have (or cancelled). */
  "FEE_NOT_IN_STANDARD",
  /** The bank's amount differs from the notice's, at payment or in the day's statement. */
  "AMOUNT_MISMATCH",
]);
export type FeeIrregularityKind = z.infer<typeof feeIrregularityKind>;

/** Where an irregular fee was seen: a bank payment, a statement's reconciliation, an assessment. */
export const feeIrregularitySources = ["BANK_PAYMENT", "RECONCILIATION", "ASSESSMENT"] as const;
export type FeeIrregularitySource = (typeof feeIrregularitySources)[number];

/**
 * Electronic supervision (电子监察) of fees: an irregular fee, raised once per occurrence
 * (a bank transaction, or a fee of a case) however often it is seen again.
 */
export const feeIrregularityDetected = defineEvent(
  streams.fees,
  "irregularity.detected",
  z.object({
    irregularityId: z.string(),
    centerCode,
    kind: feeIrregularityKind,
    departmentId: z.string().nullable(),
    caseId: z.string().nullable(),
    noticeNo: z.string().nullable(),
    bankTxnId: z.string().nullable(),
    feeCode: z.string().nullable(),
    /** What the record here says, and what was attempted or reported, in fen. */
    expectedFen: z.number().int().nullable(),
    actualFen: z.number().int().nullable(),
    source: z.enum(feeIrregularitySources),
    detail: z.string(),
    detectedAt: z.string(),
  }),
);

export const feeAssessments = ["NOTICE_ISSUED", "NOTHING_TO_CHARGE", "AWAITING_ACCOUNT"] as const;
export type FeeAssessment = (typeof feeAssessments)[number];

/**
 * What fees made of an accepted case's fee: a notice was issued; nothing is charged (the
 * version's fees are all cancelled in the catalog, or the item is free); or the department has
 * no fee account yet (the notice follows as soon as one is configured). Published at each
 * assessment, the first on acceptance; cases' fee gate can open on NOTHING_TO_CHARGE.
 */
export const caseFeeAssessed = defineEvent(
  streams.fees,
  "case.fee-assessed",
  z.object({
    caseId: z.string(),
    centerCode,
    departmentId: z.string(),
    outcome: z.enum(feeAssessments),
    /** The issued notice's id and amount; null otherwise. */
    noticeId: z.string().nullable(),
    amountFen: z.number().int().nonnegative().nullable(),
    /** Fee codes of the version's standard that were not charged because the catalog cancelled them. */
    uncharged: z.array(z.string()).default([]),
    assessedAt: z.string(),
  }),
);
