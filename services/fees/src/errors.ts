import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes fees answers with (`extensions.code`). The bank's developers switch on
 * them: docs/bank-integration.md lists each one, so a code is never renamed or reused.
 */
export const FeeErrorCode = {
  ...ErrorCode,
  /** No notice with that number in the caller's service center. */
  NoticeUnknown: "NOTICE_UNKNOWN",
  /** Not 20 digits, or the check digit does not match: a mistyped number. */
  NoticeNoInvalid: "NOTICE_NO_INVALID",
  AmountDiffers: "AMOUNT_DIFFERS",
  NoticeExpired: "NOTICE_EXPIRED",
  NoticeCancelled: "NOTICE_CANCELLED",
  NoticeWaived: "NOTICE_WAIVED",
  /** Paid already, by another bank transaction. */
  NoticeAlreadyPaid: "NOTICE_ALREADY_PAID",
  /** The bankTxnId was used before with different content; nothing was applied. */
  BankTxnConflict: "BANK_TXN_CONFLICT",
  UnknownDepartment: "UNKNOWN_DEPARTMENT",
  /** The account number is the fee account of another department. */
  AccountInUse: "ACCOUNT_IN_USE",
  RefundUnknown: "REFUND_UNKNOWN",
  RefundNotApproved: "REFUND_NOT_APPROVED",
  /** Paid back already, by another bank transaction. */
  RefundAlreadyPaid: "REFUND_ALREADY_PAID",
  /** The idempotency key was used by the asker for another refund request (another notice or reason). */
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  ReductionUnknown: "REDUCTION_UNKNOWN",
  /** 票款分离 / 审批分离: whoever asked for a refund or reduction may not approve it. */
  SameRequesterAndApprover: "SAME_REQUESTER_AND_APPROVER",
  StatementAccountUnknown: "STATEMENT_ACCOUNT_UNKNOWN",
  StatementUnknown: "STATEMENT_UNKNOWN",
  StatementClosed: "STATEMENT_CLOSED",
  StatementPartConflict: "STATEMENT_PART_CONFLICT",
  StatementIncomplete: "STATEMENT_INCOMPLETE",
  StatementDuplicateTxn: "STATEMENT_DUPLICATE_TXN",
  StatementTooLarge: "STATEMENT_TOO_LARGE",
} as const;
