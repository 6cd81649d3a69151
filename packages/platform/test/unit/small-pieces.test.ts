import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { hasRole, requireCenter, requireRole } from "../../src/authz";
import { ManualClock } from "../../src/clock";
import { DomainError } from "../../src/errors";
import { idempotencyKeySchema } from "../../src/idempotency";
import { anonymousIdentity, type Identity } from "../../src/identity";
import { createLogger } from "../../src/logger";
import { runWithRequestContext } from "../../src/request-context";
import { mergeResolvers } from "../../src/schema";

test("a manual clock only moves when told", () => {
  const clock = new ManualClock("2026-01-01T00:00:00Z");
  expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
  clock.advance(90_000);
  expect(clock.now().toISOString()).toBe("2026-01-01T00:01:30.000Z");
  clock.set("2027-02-03T04:05:06Z");
  expect(clock.now().getUTCFullYear()).toBe(2027);
});

test("two bounded contexts may not define the same resolver", () => {
  expect(mergeResolvers({ Query: { a: 1 } }, { Query: { b: 2 }, Item: { c: 3 } })).toEqual({ Query: { a: 1, b: 2 }, Item: { c: 3 } });
  expect(() => mergeResolvers({ Query: { a: 1 } }, { Query: { a: 2 } })).toThrow("Query.a defined twice");
});

describe("roles and centers", () => {
  const admin: Identity = { subject: "a", roles: ["center_admin"], centerCode: "330110000000", departmentId: null, windowId: null };
  const code = (fn: () => void) => {
    try {
      fn();
      return "allowed";
    } catch (error) {
      return (error as DomainError).code;
    }
  };
  test("anonymous callers are asked to sign in; others are forbidden", () => {
    expect(hasRole(admin, "supervisor", "center_admin")).toBe(true);
    expect(code(() => requireRole(admin, "center_admin"))).toBe("allowed");
    expect(code(() => requireRole(admin, "finance"))).toBe("FORBIDDEN");
    expect(code(() => requireRole(anonymousIdentity, "finance"))).toBe("UNAUTHENTICATED");
  });
  test("a caller acts only in its own service center", () => {
    expect(code(() => requireCenter(admin, "330110000000"))).toBe("allowed");
    expect(code(() => requireCenter(admin, "330109000000"))).toBe("FORBIDDEN");
  });
});

test("logs carry the request id and never an ID number or phone", () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger("test", "info", sink);
  runWithRequestContext({ requestId: "req-abc", identity: anonymousIdentity }, () =>
    logger.info({ applicant: { idNumber: "11010519491231002X", phone: "13800138000", name: "张三" } }, "submitted"),
  );
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0]);
  expect(entry).toMatchObject({ service: "test", requestId: "req-abc", msg: "submitted" });
  expect(entry.applicant).toEqual({ idNumber: "[redacted]", phone: "[redacted]", name: "张三" });
  expect(lines[0]).not.toContain("11010519491231002X");
});

test("an idempotency key is 8-100 characters of letters, digits and _ - : . (a UUID fits)", () => {
  for (const key of [randomUUID(), "portal:2026-12-07:42", "k_1.2-3a", "x".repeat(100)]) expect(idempotencyKeySchema.safeParse(key).success).toBe(true);
  for (const key of ["", "short12", "x".repeat(101), "has space", "键-12345678", "a/b/c/d/e"]) expect(idempotencyKeySchema.safeParse(key).success).toBe(false);
});
