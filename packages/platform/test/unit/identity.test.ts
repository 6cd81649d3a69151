import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { signIdentity, verifyIdentity, type Identity } from "../../src/identity";
import { DomainError } from "../../src/errors";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const staff: Identity = { subject: "staff-1", roles: ["window_staff"], centerCode: "330110000000", departmentId: "d1", windowId: "w1" };
const now = new Date("2026-03-02T08:00:00Z");

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("UNAUTHENTICATED");
    return (error as DomainError).message;
  }
  throw new Error("expected a refusal");
}

test("a signed identity verifies with the public key and carries the request id", () => {
  const header = signIdentity(staff, "req-1", privateKey, now);
  expect(verifyIdentity(header, publicKey, now)).toEqual({ identity: staff, requestId: "req-1" });
  expect(verifyIdentity(header, createPublicKey(privateKey), new Date(now.getTime() + 29_000)).identity).toEqual(staff);
});

test.each([
  ["missing", () => undefined, "no signed identity"],
  ["not two parts", () => "abc", "malformed"],
  ["three parts", () => `${signIdentity(staff, "r", privateKey, now)}.x`, "malformed"],
  ["signed by another key", () => signIdentity(staff, "r", other.privateKey, now), "bad signature"],
])("refuses a header that is %s", (_label, header, why) => {
  expect(refusal(() => verifyIdentity(header(), publicKey, now))).toContain(why);
});

test("refuses a tampered body even with a genuine signature", () => {
  const [body, signature] = signIdentity(staff, "r", privateKey, now).split(".");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString());
  const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ["center_admin"] })).toString("base64url");
  expect(refusal(() => verifyIdentity(`${elevated}.${signature}`, publicKey, now))).toContain("bad signature");
});

test("refuses an identity past its 30 seconds or issued in the future", () => {
  const header = signIdentity(staff, "r", privateKey, now);
  expect(refusal(() => verifyIdentity(header, publicKey, new Date(now.getTime() + 31_000)))).toContain("expired");
  expect(refusal(() => verifyIdentity(header, publicKey, new Date(now.getTime() - 60_000)))).toContain("future");
});

describe("an identity bound to one subgraph fetch", () => {
  const body = JSON.stringify({ query: "mutation { acceptCase(caseId: \"c1\") { id } }", variables: {} });
  const atCases = { audience: "cases", body, requireBinding: true };
  const bound = () => signIdentity(staff, "req-2", privateKey, now, { audience: "cases", body });

  test("verifies at that subgraph with that body, in production as elsewhere", () => {
    expect(verifyIdentity(bound(), publicKey, now, atCases)).toEqual({ identity: staff, requestId: "req-2" });
    expect(verifyIdentity(bound(), publicKey, now, { ...atCases, requireBinding: false }).identity).toEqual(staff);
  });

  test.each([
    ["another body", { ...atCases, body: body.replace("c1", "c2") }, "another request body"],
    ["the same body re-serialised", { ...atCases, body: JSON.stringify(JSON.parse(body), null, 1) }, "another request body"],
    ["another subgraph", { ...atCases, audience: "fees" }, "another subgraph"],
  ])("is refused with %s", (_label, received, why) => {
    expect(refusal(() => verifyIdentity(bound(), publicKey, now, received))).toContain(why);
  });

  test("is refused once its 30 seconds are over, even with the body it was signed for", () => {
    expect(refusal(() => verifyIdentity(bound(), publicKey, new Date(now.getTime() + 31_000), atCases))).toContain("expired");
  });

  test("is refused where the request it came with is not known", () => {
    expect(refusal(() => verifyIdentity(bound(), publicKey, now))).toContain("binding cannot be checked");
  });

  test("cannot be stripped of its binding: the signature covers it", () => {
    const [claimsPart, signature] = bound().split(".");
    const { aud: _aud, bodySha256: _hash, ...unbound } = JSON.parse(Buffer.from(claimsPart, "base64url").toString());
    const stripped = `${Buffer.from(JSON.stringify(unbound)).toString("base64url")}.${signature}`;
    expect(refusal(() => verifyIdentity(stripped, publicKey, now, { ...atCases, requireBinding: false }))).toContain("bad signature");
  });

  test("an unbound identity is refused where binding is required, accepted where it is not", () => {
    const unbound = signIdentity(staff, "req-3", privateKey, now);
    expect(refusal(() => verifyIdentity(unbound, publicKey, now, atCases))).toContain("not bound to this request");
    expect(verifyIdentity(unbound, publicKey, now, { ...atCases, requireBinding: false }).identity).toEqual(staff);
  });
});
