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
} as const;
