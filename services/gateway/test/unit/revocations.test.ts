import { RevocationList } from "../../src/auth/revocations.rules";

const at = (iso: string) => new Date(iso);
const seconds = (iso: string) => Math.floor(at(iso).getTime() / 1000);

describe("revoked sign-ins (issue 15, point 7)", () => {
  test("a revoked sign-in's tokens are refused, the account's other sign-ins are not", () => {
    const list = new RevocationList(3660);
    list.add({ accountId: "a1", sessionId: "s1", revokedAt: at("2026-12-06T08:00:00Z") });
    expect(list.refuses({ subject: "a1", sessionId: "s1", issuedAt: seconds("2026-12-06T07:59:00Z") })).toBe(true);
    expect(list.refuses({ subject: "a1", sessionId: "s2", issuedAt: seconds("2026-12-06T07:59:00Z") })).toBe(false);
    expect(list.refuses({ subject: "a1", sessionId: null, issuedAt: seconds("2026-12-06T07:59:00Z") })).toBe(false);
  });

  test("an account's revocation refuses every token issued up to its second, none after", () => {
    const list = new RevocationList(3660);
    list.add({ accountId: "a1", sessionId: null, revokedAt: at("2026-12-06T08:00:00.500Z") });
    expect(list.refuses({ subject: "a1", sessionId: "s1", issuedAt: seconds("2026-12-06T07:30:00Z") })).toBe(true);
    expect(list.refuses({ subject: "a1", sessionId: null, issuedAt: seconds("2026-12-06T08:00:00.900Z") })).toBe(true);
    expect(list.refuses({ subject: "a1", sessionId: "s9", issuedAt: seconds("2026-12-06T08:00:01Z") })).toBe(false);
    expect(list.refuses({ subject: "a2", sessionId: null, issuedAt: seconds("2026-12-06T07:30:00Z") })).toBe(false);
    // An older revocation heard late does not move the line back.
    list.add({ accountId: "a1", sessionId: null, revokedAt: at("2026-12-06T07:00:00Z") });
    expect(list.refuses({ subject: "a1", sessionId: null, issuedAt: seconds("2026-12-06T07:30:00Z") })).toBe(true);
  });

  test("entries are forgotten once no token they refuse can be alive", () => {
    const list = new RevocationList(3660);
    list.add({ accountId: "a1", sessionId: "s1", revokedAt: at("2026-12-06T08:00:00Z") });
    list.add({ accountId: "a2", sessionId: null, revokedAt: at("2026-12-06T08:30:00Z") });
    list.prune(at("2026-12-06T09:00:59Z"));
    expect(list.size).toBe(2);
    list.prune(at("2026-12-06T09:01:00Z"));
    expect(list.size).toBe(1);
    list.prune(at("2026-12-06T09:31:00Z"));
    expect(list.size).toBe(0);
  });
});
