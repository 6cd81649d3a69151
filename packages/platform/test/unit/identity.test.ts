import { createHash, createHmac, createSecretKey, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  deriveSubgraphKey,
  exportSubgraphKey,
  generateIdentitySecret,
  IdentityKeyring,
  loadIdentitySecret,
  loadSubgraphKey,
  signIdentity,
  verifyIdentity,
  type Identity,
} from "../../src/identity";
import { DomainError } from "../../src/errors";

const master = createSecretKey(randomBytes(32));
const cases = deriveSubgraphKey(master, "cases");
const fees = deriveSubgraphKey(master, "fees");
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

describe("subgraph keys derived from the master secret", () => {
  const bytes = (key: { secret: { export(): Buffer } }) => key.secret.export().toString("hex");

  test("differ per subgraph, and from another master's", () => {
    const names = ["catalog", "cases", "fees", "staffing", "parallel-approval"];
    const derived = new Set(names.map((name) => bytes(deriveSubgraphKey(master, name))));
    expect(derived.size).toBe(names.length);
    expect(derived).not.toContain(master.export().toString("hex"));
    expect(bytes(deriveSubgraphKey(createSecretKey(randomBytes(32)), "cases"))).not.toEqual(bytes(cases));
  });

  test("are stable: the same master and name give the same key, so a subgraph's key file can be made apart from the gateway", () => {
    const fixed = createSecretKey(Buffer.alloc(32, 7));
    expect(bytes(deriveSubgraphKey(fixed, "cases"))).toEqual(bytes(deriveSubgraphKey(fixed, "cases")));
    // Pinned (RFC 5869, empty salt): key files operators made must stay valid across releases.
    expect(bytes(deriveSubgraphKey(fixed, "cases"))).toEqual("9c69ed86e89cd5d7a11ad0bd4797247bd10acbe02510e4179dc23d6a183a2af0");
    expect(new IdentityKeyring(fixed).keyFor("cases")).toMatchObject({ audience: "cases" });
    expect(bytes(new IdentityKeyring(fixed).keyFor("cases"))).toEqual(bytes(deriveSubgraphKey(fixed, "cases")));
  });

  test("round-trip through their files, and a file that is not 32 bytes in base64 is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "onestop-identity-"));
    try {
      writeFileSync(join(dir, "secret"), generateIdentitySecret());
      writeFileSync(join(dir, "cases"), exportSubgraphKey(deriveSubgraphKey(loadIdentitySecret(join(dir, "secret")), "cases")));
      const header = signIdentity(staff, "req-1", new IdentityKeyring(loadIdentitySecret(join(dir, "secret"))).keyFor("cases"), now);
      expect(verifyIdentity(header, loadSubgraphKey(join(dir, "cases"), "cases"), now).identity).toEqual(staff);

      writeFileSync(join(dir, "short"), randomBytes(16).toString("base64"));
      expect(() => loadIdentitySecret(join(dir, "short"))).toThrow("expected 32 bytes in base64");
      writeFileSync(join(dir, "pem"), "-----BEGIN PRIVATE KEY-----\n");
      expect(() => loadSubgraphKey(join(dir, "pem"), "cases")).toThrow("expected 32 bytes in base64");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("a signed identity verifies with the subgraph's key and carries the request id", () => {
  const header = signIdentity(staff, "req-1", cases, now);
  expect(verifyIdentity(header, cases, now)).toEqual({ identity: staff, requestId: "req-1", client: null });
  expect(verifyIdentity(header, deriveSubgraphKey(master, "cases"), new Date(now.getTime() + 29_000)).identity).toEqual(staff);
});

test.each([
  ["missing", () => undefined, "no signed identity"],
  ["not two parts", () => "abc", "malformed"],
  ["three parts", () => `${signIdentity(staff, "r", cases, now)}.x`, "malformed"],
  ["MACed with another subgraph's key", () => signIdentity(staff, "r", fees, now), "bad signature"],
  ["MACed with the master secret itself", () => signIdentity(staff, "r", { audience: "cases", secret: master }, now), "bad signature"],
  ["MACed with a key derived from another master", () => signIdentity(staff, "r", deriveSubgraphKey(createSecretKey(randomBytes(32)), "cases"), now), "bad signature"],
  ["cut short", () => signIdentity(staff, "r", cases, now).slice(0, -4), "bad signature"],
])("refuses a header that is %s", (_label, header, why) => {
  expect(refusal(() => verifyIdentity(header(), cases, now))).toContain(why);
});

test("refuses tampered claims even with a genuine MAC", () => {
  const [body, signature] = signIdentity(staff, "r", cases, now).split(".");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString());
  const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ["center_admin"] })).toString("base64url");
  expect(refusal(() => verifyIdentity(`${elevated}.${signature}`, cases, now))).toContain("bad signature");
});

test("refuses an identity past its 30 seconds or issued in the future", () => {
  const header = signIdentity(staff, "r", cases, now);
  expect(refusal(() => verifyIdentity(header, cases, new Date(now.getTime() + 31_000)))).toContain("expired");
  expect(refusal(() => verifyIdentity(header, cases, new Date(now.getTime() - 60_000)))).toContain("future");
});

describe("an identity bound to one subgraph fetch", () => {
  const body = JSON.stringify({ query: "mutation { acceptCase(caseId: \"c1\") { id } }", variables: {} });
  const received = { body, requireBinding: true };
  const bound = () => signIdentity(staff, "req-2", cases, now, { body });

  test("names its subgraph and verifies there with that body, in production as elsewhere", () => {
    expect(JSON.parse(Buffer.from(bound().split(".")[0], "base64url").toString())).toMatchObject({ aud: "cases" });
    expect(verifyIdentity(bound(), cases, now, received)).toEqual({ identity: staff, requestId: "req-2", client: null, nonce: { value: expect.any(String), expiresAt: new Date(now.getTime() + 35_000) } });
    expect(verifyIdentity(bound(), cases, now, { ...received, requireBinding: false }).identity).toEqual(staff);
  });

  test("carries the client's address, under the MAC (issue 15, point 1)", () => {
    const header = signIdentity(staff, "req-3", cases, now, { body, client: "10.0.0.7" });
    expect(verifyIdentity(header, cases, now, received).client).toBe("10.0.0.7");
    const [claims, signature] = header.split(".");
    const moved = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims!, "base64url").toString()), client: "10.0.0.8" })).toString("base64url");
    expect(refusal(() => verifyIdentity(`${moved}.${signature}`, cases, now, received))).toContain("bad signature");
  });

  test.each([
    ["another body", { ...received, body: body.replace("c1", "c2") }, "another request body"],
    ["the same body re-serialised", { ...received, body: JSON.stringify(JSON.parse(body), null, 1) }, "another request body"],
  ])("is refused with %s", (_label, other, why) => {
    expect(refusal(() => verifyIdentity(bound(), cases, now, other))).toContain(why);
  });

  test("a file streamed through is bound by the SHA-256 its sender computed: the same claim as its text would give, refused for other bytes", () => {
    const sha256 = createHash("sha256").update(body).digest("hex");
    const byHash = signIdentity(staff, "req-4", cases, now, { bodySha256: sha256 });
    expect(verifyIdentity(byHash, cases, now, { bodySha256: sha256, requireBinding: true }).identity).toEqual(staff);
    expect(verifyIdentity(byHash, cases, now, received).identity).toEqual(staff);
    expect(verifyIdentity(bound(), cases, now, { bodySha256: sha256, requireBinding: true }).identity).toEqual(staff);
    expect(refusal(() => verifyIdentity(byHash, cases, now, { bodySha256: "0".repeat(64), requireBinding: true }))).toContain("another request body");
  });

  test("carries a fresh nonce inside the MACed claims, for the subgraph to accept once; a bound header without one is refused", () => {
    const claims = (header: string) => JSON.parse(Buffer.from(header.split(".")[0], "base64url").toString()) as Record<string, unknown>;
    const [first, second] = [bound(), bound()];
    expect(claims(first).nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(claims(first).nonce).not.toBe(claims(second).nonce);
    expect(verifyIdentity(first, cases, now, received).nonce?.value).toBe(claims(first).nonce);
    const { nonce: _nonce, ...without } = claims(first);
    const payload = Buffer.from(JSON.stringify(without)).toString("base64url");
    const remade = `${payload}.${createHmac("sha256", cases.secret).update(payload).digest("base64url")}`;
    expect(refusal(() => verifyIdentity(remade, cases, now, received))).toContain("carries no nonce");
  });

  test("is refused at another subgraph: its key does not verify there", () => {
    expect(refusal(() => verifyIdentity(bound(), fees, now, received))).toContain("bad signature");
  });

  test("made by a subgraph with its own key for another, is refused there for the key and at home for the name", () => {
    // What a compromised fees could make: its own key, claiming to be for cases.
    const forged = signIdentity(staff, "req-9", { audience: "cases", secret: fees.secret }, now, { body });
    expect(refusal(() => verifyIdentity(forged, cases, now, received))).toContain("bad signature");
    expect(refusal(() => verifyIdentity(forged, fees, now, received))).toContain("signed for another subgraph");
  });

  test("is refused once its 30 seconds are over, even with the body it was signed for", () => {
    expect(refusal(() => verifyIdentity(bound(), cases, new Date(now.getTime() + 31_000), received))).toContain("expired");
  });

  test("is refused where the request it came with is not known", () => {
    expect(refusal(() => verifyIdentity(bound(), cases, now))).toContain("binding cannot be checked");
  });

  test("cannot be stripped of its binding: the MAC covers it", () => {
    const [claimsPart, signature] = bound().split(".");
    const { aud: _aud, bodySha256: _hash, ...unbound } = JSON.parse(Buffer.from(claimsPart, "base64url").toString());
    const stripped = `${Buffer.from(JSON.stringify(unbound)).toString("base64url")}.${signature}`;
    expect(refusal(() => verifyIdentity(stripped, cases, now, { ...received, requireBinding: false }))).toContain("bad signature");
  });

  test("an unbound identity is refused where binding is required, accepted where it is not", () => {
    const unbound = signIdentity(staff, "req-3", cases, now);
    expect(refusal(() => verifyIdentity(unbound, cases, now, received))).toContain("not bound to this request");
    expect(verifyIdentity(unbound, cases, now, { ...received, requireBinding: false }).identity).toEqual(staff);
  });

  test("an unbound identity is good only at the subgraph whose key made it", () => {
    const unbound = signIdentity(staff, "req-4", cases, now);
    expect(refusal(() => verifyIdentity(unbound, fees, now, { ...received, requireBinding: false }))).toContain("bad signature");
  });
});
