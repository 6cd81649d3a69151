import { ErrorCode } from "@onestop/platform";

/** The stable codes notifications answers with (`extensions.code`); never renamed or reused. */
export const NotificationErrorCode = {
  ...ErrorCode,
  /** No case with that id has any notification this service knows of. */
  CaseUnknown: "NOTIFICATION_CASE_UNKNOWN",
} as const;
