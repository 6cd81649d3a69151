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
  /** A service this act must consult did not answer in time; nothing was changed, and trying again may succeed. */
  Unavailable: "SERVICE_UNAVAILABLE",
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

/**
 * One fault in a caller's input. `field` is the path to the faulty value, dotted from the
 * GraphQL argument that holds it: `input.amountFen`, `input.participants.1.itemId`, `first`.
 * List positions count from 0. The gateway names the faults GraphQL's own type checks find
 * the same way, so a client reads one syntax whichever side refused the value.
 */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * BAD_USER_INPUT naming every fault: `field` is the first one's path (a form puts its cursor
 * there), `problems` lists them all as `{ field, message }`.
 */
export function invalidInput(problems: readonly InputProblem[]): DomainError {
  if (problems.length === 0) throw new Error("invalidInput needs at least one problem");
  const text = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return new DomainError(ErrorCode.BadUserInput, `Invalid input: ${text}`, { field: problems[0]!.field, problems: [...problems] });
}

/** Joins a path under the argument it starts from: `fieldPath("input", ["participants", 1])` is `input.participants.1`. */
export function fieldPath(argument: string | undefined, path: ReadonlyArray<PropertyKey>): string {
  return [...(argument === undefined ? [] : [argument]), ...path.map(String)].join(".");
}

const finding = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): (.*)$/s;

/**
 * Rules written as pure functions report findings as text, `"<field>: <message>"`, the field
 * relative to the value they checked (`"password: at least 10 characters"`,
 * `"feeItems.0.amountFen: …"`). This places them under the argument that value came from
 * (`input.password`); a finding without a field is about the argument as a whole.
 */
export function findingsAt(argument: string | undefined, findings: readonly string[]): InputProblem[] {
  return findings.map((text) => {
    const match = finding.exec(text);
    if (!match) return { field: argument ?? "", message: text };
    return { field: fieldPath(argument, match[1]!.split(".")), message: match[2]! };
  });
}

export function fromZodError(error: ZodError, argument?: string): DomainError {
  return invalidInput(error.issues.map((issue) => ({ field: fieldPath(argument, issue.path), message: issue.message })));
}

/**
 * Validates input at the edge of a use-case; a failure is a typed error, never a throw of ZodError.
 * `argument` names the GraphQL argument `input` is the value of (`"input"`, `"centerCode"`);
 * without it, `input` is the field's arguments object, whose keys are the arguments' names.
 */
export function validate<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  input: unknown,
  argument?: string,
): T {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, argument);
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
