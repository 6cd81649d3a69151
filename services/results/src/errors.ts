import { ErrorCode } from "@onestop/platform";

/** The stable codes results answers with (`extensions.code`); never renamed or reused. */
export const ResultsErrorCode = {
  ...ErrorCode,
  /** The licence is not VALID: a revoked, replaced or expired licence is not revoked or replaced again. */
  LicenceNotValid: "LICENCE_NOT_VALID",
} as const;
