import { CalendarErrorCode } from "@onestop/calendar";
import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes parallel-approval answers with (`extensions.code`). The bureau's systems
 * switch on them: docs/joint-approval.md lists each one, so a code is never renamed or reused.
 */
export const JointErrorCode = {
  ...ErrorCode,
  /** The lead or a participating department is not registered in the center. */
  UnknownDepartment: "UNKNOWN_DEPARTMENT",
  /** An item is not in the center's catalog. */
  UnknownItem: "UNKNOWN_ITEM",
  ItemNotOfDepartment: "ITEM_NOT_OF_DEPARTMENT",
  /** The item is not a joint item (联办件). */
  ItemNotJoint: "ITEM_NOT_JOINT",
  /** The item was retired from the catalog. */
  ItemCancelled: "ITEM_CANCELLED",
  DuplicateParticipant: "DUPLICATE_PARTICIPANT",
  /** The joint deadline is shorter than a participant's promised limit. */
  DeadlineTooShort: "DEADLINE_TOO_SHORT",
  /** Passed on from the calendar: the deadline runs into a year whose holidays are not loaded. */
  CalendarYearNotLoaded: CalendarErrorCode.YearNotLoaded,
  /** The project code already has a joint approval with other content. */
  ProjectCodeConflict: "PROJECT_CODE_CONFLICT",
  /** The idempotency key was used by the caller for another request (another project, participant or note). */
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  JointApprovalConcluded: "JOINT_APPROVAL_CONCLUDED",
  ParticipantAlreadyConcluded: "PARTICIPANT_ALREADY_CONCLUDED",
} as const;
