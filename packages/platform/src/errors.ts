import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ZodError } from "zod";
import type { Logger } from "./logger";

/** Codes shared by every service. Services add their own stable codes beside them. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  InvalidTransition: "INVALID_TRANSITION",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;

/**
 * An expected business failure: the caller did something the rules do not allow.
 * It carries a stable code that clients can switch on; the message is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NotFound, `${what} ${id} does not exist`, { what, id });

export const forbidden = (message: string) => new DomainError(ErrorCode.Forbidden, message);

export const unauthenticated = (message = "Sign in first") =>
  new DomainError(ErrorCode.Unauthenticated, message);

export function invalidInput(problems: string[]): DomainError {
  return new DomainError(ErrorCode.BadUserInput, `Invalid input: ${problems.join("; ")}`, { problems });
}

export function fromZodError(error: ZodError): DomainError {
  return invalidInput(error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`));
}

/** Validates input at the edge of a use-case; a failure is a typed error, never a throw of ZodError. */
export function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

/**
 * Domain errors keep their code; GraphQL's own (parse, validation, variable coercion) keep
 * theirs; anything else is logged with its stack and reaches the caller as a bare
 * INTERNAL_SERVER_ERROR, so no SQL or stack trace leaks.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (typeof code === "string" && code !== ErrorCode.Internal)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error");
    return {
      message: "Internal server error",
      path: formatted.path,
      extensions: { code: ErrorCode.Internal },
    };
  };
}
