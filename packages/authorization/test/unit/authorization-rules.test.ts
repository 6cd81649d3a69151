import { decideAuthorization, isAuthorized, isDepartmentPrincipal, preReviewActFor, type AuthorizationLetter } from "../../src/authorization.rules";

const at = new Date("2026-03-02T02:00:00Z");
const letter = (overrides: Partial<AuthorizationLetter> = {}): AuthorizationLetter => ({
  letterId: "L1",
  centerCode: "511722000000",
  staffId: "s1",
  departmentId: "d1",
  itemId: null,
  acts: ["ACCEPT", "DELIVER"],
  validFrom: new Date("2026-01-01T00:00:00Z"),
  validUntil: null,
  revokedAt: null,
  ...overrides,
});
const request = { staffId: "s1", departmentId: "d1", itemId: "i1", at };

test("a department-wide letter covers every item of its department, for the acts it names", () => {
  expect(decideAuthorization([letter()], "ACCEPT", request)).toEqual({ allowed: true, letterId: "L1" });
  expect(decideAuthorization([letter()], "DECIDE_INSTANT", request)).toEqual({ allowed: false, reason: "ACT_NOT_GRANTED" });
});

test("a letter for one item does not cover another item, nor items of another department", () => {
  expect(isAuthorized([letter({ itemId: "i2" })], "ACCEPT", request)).toBe(false);
  expect(decideAuthorization([letter({ itemId: "i2" })], "ACCEPT", request)).toEqual({ allowed: false, reason: "NO_LETTER" });
  expect(isAuthorized([letter({ itemId: "i1" })], "ACCEPT", request)).toBe(true);
  expect(isAuthorized([letter({ departmentId: "d2" })], "ACCEPT", request)).toBe(false);
});

test("somebody else's letter never counts", () => {
  expect(decideAuthorization([letter({ staffId: "s2" })], "ACCEPT", request)).toEqual({ allowed: false, reason: "NO_LETTER" });
});

test("revocation binds the next act; an act before the revocation was allowed", () => {
  const revoked = letter({ revokedAt: new Date("2026-03-02T01:59:59.999Z") });
  expect(decideAuthorization([revoked], "ACCEPT", request)).toEqual({ allowed: false, reason: "LETTER_NOT_IN_FORCE" });
  expect(isAuthorized([revoked], "ACCEPT", { ...request, at: new Date("2026-03-02T01:00:00Z") })).toBe(true);
  expect(isAuthorized([letter({ revokedAt: at })], "ACCEPT", request)).toBe(false);
});

test("validity: not before validFrom, not from validUntil on", () => {
  expect(isAuthorized([letter({ validFrom: new Date("2026-03-03T00:00:00Z") })], "ACCEPT", request)).toBe(false);
  expect(isAuthorized([letter({ validUntil: at })], "ACCEPT", request)).toBe(false);
  expect(isAuthorized([letter({ validUntil: new Date(at.getTime() + 1) })], "ACCEPT", request)).toBe(true);
});

test("another letter still in force keeps the act allowed after one is revoked", () => {
  const letters = [letter({ revokedAt: new Date("2026-02-01T00:00:00Z") }), letter({ letterId: "L2", itemId: "i1" })];
  expect(decideAuthorization(letters, "ACCEPT", request)).toEqual({ allowed: true, letterId: "L2" });
});

test("the department's principal is whoever was appointed to the department, not a letter holder", () => {
  const principals = [{ departmentId: "d1", staffId: "p1" }];
  expect(isDepartmentPrincipal(principals, "p1", "d1")).toBe(true);
  expect(isDepartmentPrincipal(principals, "p1", "d2")).toBe(false);
  expect(isDepartmentPrincipal(principals, "s1", "d1")).toBe(false);
  expect(isDepartmentPrincipal([], "p1", "d1")).toBe(false);
});

test("letters of another service center do not count when the center is given", () => {
  expect(isAuthorized([letter()], "ACCEPT", { ...request, centerCode: "511722000000" })).toBe(true);
  expect(isAuthorized([letter()], "ACCEPT", { ...request, centerCode: "330110000000" })).toBe(false);
});

test("the pre-review act follows the item's kind", () => {
  expect(preReviewActFor("PROMISED")).toBe("PRE_REVIEW_PROMISED");
  expect(preReviewActFor("JOINT")).toBe("PRE_REVIEW_JOINT");
  expect(preReviewActFor("REPORTED")).toBe("PRE_REVIEW_REPORTED");
  expect(preReviewActFor("INSTANT")).toBe("DECIDE_INSTANT");
});
