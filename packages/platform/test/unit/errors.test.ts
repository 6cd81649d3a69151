import { GraphQLError } from "graphql";
import { z } from "zod";
import { Writable } from "node:stream";
import { createErrorFormatter, guardedFormatter } from "../../src/error-formatter";
import { DomainError, findingsAt, invalidInput, validate } from "../../src/errors";
import { createLogger } from "../../src/logger";

const format = createErrorFormatter(createLogger("test", "silent"));

test("a domain error keeps its stable code and details", () => {
  const original = new DomainError("UNKNOWN_DEPARTMENT", "Department d9 is not registered", { field: "departmentId" });
  const formatted = format({ message: "x", path: ["createItem"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, original);
  expect(formatted).toEqual({
    message: "Department d9 is not registered",
    path: ["createItem"],
    locations: undefined,
    extensions: { code: "UNKNOWN_DEPARTMENT", field: "departmentId" },
  });
});

test("an unexpected error reaches the caller without its message, SQL or stack", () => {
  const leak = new Error("ER_PARSE_ERROR: SELECT * FROM service_case WHERE id = '' OR 1=1");
  const formatted = format(
    { message: leak.message, path: ["case"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at db.ts:1"] } },
    leak,
  );
  expect(formatted).toEqual({ message: "Internal server error", path: ["case"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
});

test("a formatter that throws answers a bare internal error, and the error it was formatting is logged with the failure", () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) });
  const guarded = guardedFormatter(createLogger("test", "error", sink), () => {
    throw new TypeError("Cannot read properties of undefined (reading 'kind')");
  });
  const formatted = guarded({ message: "Not allowed to see case c1", path: ["case"], extensions: { code: "FORBIDDEN" } }, new Error("x"));
  expect(formatted).toEqual({ message: "Internal server error", path: ["case"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
  expect(lines).toHaveLength(1);
  const logged = JSON.parse(lines[0]!);
  expect(logged).toMatchObject({
    level: 50,
    msg: "formatting an error failed",
    err: { type: "TypeError", message: "Cannot read properties of undefined (reading 'kind')" },
    formatting: { message: "Not allowed to see case c1", code: "FORBIDDEN", path: ["case"] },
  });
});

test("GraphQL's own validation errors keep their code but lose any stack", () => {
  const error = new GraphQLError('Variable "$input" got invalid value', { extensions: { code: "BAD_USER_INPUT" } });
  const formatted = format({ message: error.message, extensions: { code: "BAD_USER_INPUT", stacktrace: ["..."] } }, error);
  expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT" });
});

test("validation failures name every faulty field, dotted from the argument, under BAD_USER_INPUT", () => {
  const schema = z.object({ name: z.string().min(1), days: z.number().int().nonnegative(), parts: z.array(z.object({ itemId: z.string() })) });
  const failure = (argument?: string) => {
    try {
      validate(schema, { name: "", days: -1, parts: [{ itemId: "a" }, { itemId: 7 }] }, argument);
    } catch (error) {
      return error as DomainError;
    }
    throw new Error("expected a failure");
  };
  const error = failure("input");
  expect(error).toBeInstanceOf(DomainError);
  expect(error.code).toBe("BAD_USER_INPUT");
  expect(error.details.field).toBe("input.name");
  expect(error.details.problems).toEqual([
    { field: "input.name", message: expect.any(String) },
    { field: "input.days", message: expect.any(String) },
    { field: "input.parts.1.itemId", message: expect.any(String) },
  ]);
  // Without an argument the value is the field's arguments object: its keys are the arguments.
  expect((failure().details.problems as Array<{ field: string }>).map((p) => p.field)).toEqual(["name", "days", "parts.1.itemId"]);
});

test("a rule's findings are placed under the argument they came from", () => {
  expect(findingsAt("input", ["password: at least 10 characters", "feeItems.0.amountFen: a fee of 0 is no fee", "no field here"])).toEqual([
    { field: "input.password", message: "at least 10 characters" },
    { field: "input.feeItems.0.amountFen", message: "a fee of 0 is no fee" },
    { field: "input", message: "no field here" },
  ]);
  expect(findingsAt(undefined, ["keyword: at most 8 words"])).toEqual([{ field: "keyword", message: "at most 8 words" }]);
  const error = invalidInput([{ field: "after", message: "not a cursor" }]);
  expect(error.details).toEqual({ field: "after", problems: [{ field: "after", message: "not a cursor" }] });
  expect(error.message).toBe("Invalid input: after: not a cursor");
});
