import type { CombinedError } from "@urql/core";
import type { MessageKey } from "./messages";

export interface PortalError {
  /** The human message's key, chosen by extensions.code. */
  messageKey: MessageKey;
  code: string;
  /** For BAD_USER_INPUT: the argument path the gateway names (extensions.field), e.g. idNumber. */
  field?: string;
}

const known: Record<string, MessageKey> = {
  UNAUTHENTICATED: "error.UNAUTHENTICATED",
  FORBIDDEN: "error.FORBIDDEN",
  BAD_USER_INPUT: "error.BAD_USER_INPUT",
  NOT_FOUND: "error.NOT_FOUND",
  CONFLICT: "error.CONFLICT",
  INVALID_TRANSITION: "error.INVALID_TRANSITION",
  QUERY_TOO_COMPLEX: "error.QUERY_TOO_COMPLEX",
  QUERY_TOO_DEEP: "error.QUERY_TOO_COMPLEX",
  TOO_MANY_REQUESTS: "error.TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "error.SERVICE_UNAVAILABLE",
  // The proof-of-work challenge of an anonymous look-up or of sign-in after a failure.
  CHALLENGE_REQUIRED: "error.CHALLENGE",
  CHALLENGE_FAILED: "error.CHALLENGE",
};

const fieldMessages: Record<string, MessageKey> = {
  idNumber: "field.idNumber",
  receiptNo: "field.receiptNo",
  keyword: "field.keyword",
};

/** What a person is told about a failed request: never the raw message or a stack. */
export function describeError(error: CombinedError | undefined): PortalError | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) return { messageKey: error.networkError ? "error.NETWORK" : "error.UNKNOWN", code: "NETWORK" };
  const code = typeof first.extensions?.code === "string" ? first.extensions.code : "UNKNOWN";
  const field = typeof first.extensions?.field === "string" ? first.extensions.field : undefined;
  return { messageKey: known[code] ?? "error.UNKNOWN", code, field };
}

/** The message shown beside the field a BAD_USER_INPUT names. */
export function fieldMessage(field: string): MessageKey {
  const last = field.split(".").pop() ?? field;
  return fieldMessages[last] ?? "field.invalid";
}
