import { ChallengeErrorCode, ErrorCode } from "@onestop/platform";

/**
 * The stable codes cases answers with (`extensions.code`). Clients, the hall's windows and the
 * joint-approval saga switch on them: docs/cases.md lists each one, so a code is never renamed
 * or reused. Two more families reach cases' callers unchanged and are declared where they are
 * raised: `NOT_AUTHORIZED` (`@onestop/authorization`) and the calendar's (`CalendarErrorCode`).
 */
export const CaseErrorCode = {
  ...ErrorCode,
  /** CHALLENGE_REQUIRED, CHALLENGE_FAILED: the proof-of-work challenge an anonymous guess carries (docs/security.md, "Guessing"). */
  ...ChallengeErrorCode,
  /** The act does not apply to a case of this kind (instant, promised, reported, joint). */
  WrongKind: "WRONG_KIND",
  /** An idempotency key used before for another act, by someone else, or for another item's submission. */
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  /** The item is not in cases' copy of the catalog, or has no published version. */
  UnknownItem: "UNKNOWN_ITEM",
  /** The item was retired from the catalog (取消 or 合并); `mergedIntoItemId` names its successor. */
  ItemCancelled: "ITEM_CANCELLED",
  /** A citizen applied for a joint item (联办件) on its own; it is opened only by a joint approval. */
  JointApprovalRequired: "JOINT_APPROVAL_REQUIRED",
  /** Applied on a written commitment (告知承诺) for an item that does not allow one. */
  CommitmentNotAllowed: "COMMITMENT_NOT_ALLOWED",
  /** Referral to a window that is not in the case's hall. */
  UnknownWindow: "UNKNOWN_WINDOW",
  /** Referral to a window that is closed or does not take the case's department. */
  WindowDoesNotServe: "WINDOW_DOES_NOT_SERVE",
  /** A one-time notice (一次性告知) that lists no material. */
  EmptyNotice: "EMPTY_NOTICE",
  /** A notice names materials the case's item version does not have. */
  UnknownMaterial: "UNKNOWN_MATERIAL",
  /** A further notice while materials of the earlier one are still outstanding. */
  MaterialsOutstanding: "MATERIALS_OUTSTANDING",
  /** A later notice names something other than a supplied material that is itself wrong: all had to be on the first. */
  OneTimeNoticeViolated: "ONE_TIME_NOTICE_VIOLATED",
  /** Acceptance with deficiencies (容缺受理) on an item that does not allow it. */
  DeficienciesNotAllowed: "DEFICIENCIES_NOT_ALLOWED",
  /** Acceptance with deficiencies names materials the item does not let follow later. */
  MaterialNotDeferrable: "MATERIAL_NOT_DEFERRABLE",
  /** The deferred materials' due day is after the case's deadline day. */
  DeficiencyDueAfterDeadline: "DEFICIENCY_DUE_AFTER_DEADLINE",
  /** A supply of materials that no outstanding notice or deferral asks for. */
  MaterialNotRequested: "MATERIAL_NOT_REQUESTED",
  /** Approval while deferred materials (容缺) have not all followed. */
  DeficienciesOutstanding: "DEFICIENCIES_OUTSTANDING",
  /** An instant denial of an item whose veto needs the department principal's signature. */
  VetoNeedsSignature: "VETO_NEEDS_SIGNATURE",
  /** 批准 by the person who reviewed (审核) the case: review and approval are two people's. */
  SameReviewerAndApprover: "SAME_REVIEWER_AND_APPROVER",
  /** The person who forwarded a reported case (上报件) records the higher authority's answer to it. */
  ForwarderRecordsResult: "FORWARDER_RECORDS_RESULT",
  /** Signing or declining a veto (否决) by anyone but the department's current principal (单位主要负责人). */
  NotDepartmentPrincipal: "NOT_DEPARTMENT_PRINCIPAL",
  /** 代办 (issue 22): a township or village point asked to do what an agent may not (decide, review…), or on a case not taken in there. */
  NotForAgent: "NOT_FOR_AGENT",
  /** 代办: take-in at a center that is no agent of the item's center (another county, a neighbour), or by staff of the item's own center. */
  NotAnAgentCenter: "NOT_AN_AGENT_CENTER",
  /** An extension (延期) past the item's legal limit (法定时限); `legalLimitDays` and `allowedWorkingDays` say how far it may go. */
  BeyondLegalLimit: "BEYOND_LEGAL_LIMIT",
  /** Review or decision while the case's clock is stopped: resume it first. */
  ClockSuspended: "CLOCK_SUSPENDED",
  /** Suspending a clock that is already stopped. */
  ClockAlreadySuspended: "CLOCK_ALREADY_SUSPENDED",
  /** Resuming a clock that is running. */
  ClockNotSuspended: "CLOCK_NOT_SUSPENDED",
  /** Extending a case that is past its deadline. */
  DeadlinePassed: "DEADLINE_PASSED",
  /** Concluding an approval whose fee is not settled; `reason` says whether the notice is not yet issued or unpaid. */
  FeeNotSettled: "FEE_NOT_SETTLED",
  /** An uploaded file that is not a PDF, JPEG or PNG by its content, whatever its name or declared type says (HTTP 415). */
  FileTypeRefused: "FILE_TYPE_REFUSED",
  /** A material line names a file id that is no upload of the caller's (or, staff handing in, of the applicant's). */
  UnknownFile: "UNKNOWN_FILE",
  /** Verifying a commitment (告知承诺) on a case with none waiting for verification. */
  CommitmentNotPending: "COMMITMENT_NOT_PENDING",
} as const;

export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];
