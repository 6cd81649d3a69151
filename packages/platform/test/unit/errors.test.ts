import { GraphQLError } from "graphql";
import { z } from "zod";
import { createErrorFormatter } from "../../src/error-formatter";
import { DomainError, validate } from "../../src/errors";
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

test("GraphQL's own validation errors keep their code but lose any stack", () => {
  const error = new GraphQLError('Variable "$input" got invalid value', { extensions: { code: "BAD_USER_INPUT" } });
  const formatted = format({ message: error.message, extensions: { code: "BAD_USER_INPUT", stacktrace: ["..."] } }, error);
  expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT" });
});

test("validation failures list every problem under BAD_USER_INPUT", () => {
  const schema = z.object({ name: z.string().min(1), days: z.number().int().nonnegative() });
  try {
    validate(schema, { name: "", days: -1 });
    throw new Error("expected a failure");
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    expect((error as DomainError).details.problems).toHaveLength(2);
  }
});
