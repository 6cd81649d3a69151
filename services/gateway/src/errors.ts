import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes the gateway itself answers with (`extensions.code`), beside the ones the
 * subgraphs pass through; docs/security.md lists them, so a code is never renamed or reused.
 */
export const GatewayErrorCode = {
  ...ErrorCode,
  /** More levels of nested fields than QUERY_MAX_DEPTH. */
  QueryTooDeep: "QUERY_TOO_DEEP",
  /** Over QUERY_MAX_COST, or too many repeats of one field or aliases. */
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  /** Anything but GET on /audit or /supervision/stream. */
  MethodNotAllowed: "METHOD_NOT_ALLOWED",
} as const;
