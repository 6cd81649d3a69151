import { ZodError } from "zod";
import { CalendarError } from "@onestop/calendar";

/** Codes shared by every service. Services add their own stable codes beside them. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  InvalidTransition: "INVALID_TRANSITION",
  Internal: "INTERNAL_SERVER_ERROR",
  /** The HTTP server's own refusals, before any GraphQL: a body over the size limit, a body that is not JSON. */
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  BadRequest: "BAD_REQUEST",
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

/** The calendar speaks CalendarError; at the service edge it is a DomainError with the same code. */
export function onCalendar<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarError) throw new DomainError(error.code, error.message, error.details);
    throw error;
  }
}
