import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes supervision answers with (`extensions.code`); docs/supervision.md lists each,
 * so a code is never renamed or reused.
 */
export const SupervisionErrorCode = {
  ...ErrorCode,
  /** The warning was already acknowledged; the first note stands. */
  WarningAlreadyAcknowledged: "WARNING_ALREADY_ACKNOWLEDGED",
  /** The cursor was not given by this list (or the list's filter changed under it). */
  InvalidCursor: "INVALID_CURSOR",
  /** 好差评: the case has its rating; additions go to addToRating. */
  AlreadyRated: "ALREADY_RATED",
  /** Only a concluded case is rated. */
  CaseNotConcluded: "CASE_NOT_CONCLUDED",
  /** Follow-ups and appeals are for bad ratings (the bottom two levels) only. */
  NotABadRating: "NOT_A_BAD_RATING",
  /** The follow-up was answered; the first answer stands. */
  FollowUpAlreadyAnswered: "FOLLOW_UP_ALREADY_ANSWERED",
  /** The department appealed this rating already. */
  AppealAlreadyFiled: "APPEAL_ALREADY_FILED",
  /** There is no appeal to decide. */
  NoAppeal: "NO_APPEAL",
  /** The supervision office decided the appeal; the decision stands. */
  AppealAlreadyDecided: "APPEAL_ALREADY_DECIDED",
  /** The idempotency key was used for another case's rating. */
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
} as const;
