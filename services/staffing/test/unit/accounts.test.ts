import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalJWKSet, jwtVerify, type JWK } from "jose";
import { AccessTokenSigner } from "../../src/accounts/access-token";
import { afterFailure, isThrottled, type ThrottleState } from "@onestop/platform";
import { passwordProblems, signInThrottle, tokenRoles, tokenWindow } from "../../src/accounts/accounts.rules";
import { PasswordHasher } from "../../src/accounts/password";

test("passwords are stored as scrypt hashes with their parameters, salted, and verified", async () => {
  const passwords = new PasswordHasher();
  const hash = await passwords.hash("Hall2026demo");
  expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  expect(hash).not.toBe(await passwords.hash("Hall2026demo"));
  expect(await passwords.verify("Hall2026demo", hash)).toBe(true);
  expect(await passwords.verify("Hall2026demo!", hash)).toBe(false);
  expect(await passwords.verify("Hall2026demo", "md5$abc")).toBe(false);
});

test("a hash is verified at the cost it was made with, whatever the hasher's cost now", async () => {
  const cheap = await new PasswordHasher(10).hash("Hall2026demo");
  expect(cheap).toMatch(/^scrypt\$10\$8\$1\$/);
  expect(await new PasswordHasher().verify("Hall2026demo", cheap)).toBe(true);
  expect(await new PasswordHasher(10).verify("Hall2026demo", await new PasswordHasher().hash("Hall2026demo"))).toBe(true);
});

test("password policy, token roles and window", () => {
  expect(passwordProblems("short1")).toEqual(["password: at least 10 characters"]);
  expect(passwordProblems("onlyletterslong")).toEqual(["password: letters and digits"]);
  expect(passwordProblems("Hall2026demo")).toEqual([]);
  const none = { chiefRepresentative: false, departmentPrincipal: false };
  expect(tokenRoles(["window_staff"], { ...none, chiefRepresentative: true })).toEqual(["window_staff", "chief_representative"]);
  expect(tokenRoles(["window_staff", "chief_representative"], none)).toEqual(["window_staff"]);
  expect(tokenRoles(["chief_representative"], none)).toEqual(["window_staff"]);
  // 单位主要负责人: the office, not the account, gives the role.
  expect(tokenRoles(["department_principal"], { ...none, departmentPrincipal: true })).toEqual(["department_principal"]);
  expect(tokenRoles(["window_staff", "department_principal"], none)).toEqual(["window_staff"]);
  expect(tokenRoles(["window_staff"], { chiefRepresentative: true, departmentPrincipal: true })).toEqual(["window_staff", "chief_representative", "department_principal"]);
  expect(tokenRoles(["center_admin"], none)).toEqual(["center_admin"]);
  expect(tokenWindow([{ windowId: "w2", position: "B" }, { windowId: "w1", position: "A" }])).toBe("w1");
  expect(tokenWindow([{ windowId: "w2", position: "B" }])).toBe("w2");
  expect(tokenWindow([])).toBeNull();
});

test("the access token is an EdDSA JWT with the key id, verifiable with the public key set", async () => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "EdDSA" };
  const { d: _d, ...rest } = jwk;
  const publicJwk = rest as JWK;
  const dir = mkdtempSync(join(tmpdir(), "staffing-key-"));
  writeFileSync(join(dir, "key.json"), JSON.stringify(jwk));
  const signer = AccessTokenSigner.fromJwkFile(join(dir, "key.json"), { issuer: "onestop", audience: "onestop-gateway", ttlSeconds: 900 });
  const now = new Date();
  const { token, expiresAt } = signer.sign({ subject: "s1", roles: ["window_staff"], centerCode: "511722000000", departmentId: "d1", windowId: "w1", applicantKey: null, sessionId: "f1" }, now);
  expect(expiresAt.getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000 + 900_000);
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: [publicJwk] }), {
    issuer: "onestop",
    audience: "onestop-gateway",
    algorithms: ["EdDSA"],
  });
  expect(protectedHeader).toMatchObject({ alg: "EdDSA", kid });
  expect(payload).toMatchObject({ sub: "s1", roles: ["window_staff"], center: "511722000000", dept: "d1", win: "w1", apk: null });
  await expect(jwtVerify(token, createLocalJWKSet({ keys: [publicJwk] }), { audience: "elsewhere" })).rejects.toThrow();
});

describe("citizens and refresh tokens (pure rules)", () => {
  const { citizenPasswordProblems, refreshVerdict, refreshExpiry, staffRoles } = jest.requireActual("../../src/accounts/accounts.rules") as typeof import("../../src/accounts/accounts.rules");

  test("a citizen's password: 8 characters at least, not only digits", () => {
    expect(citizenPasswordProblems("1234567")).toEqual(["password: at least 8 characters", "password: not only digits"]);
    expect(citizenPasswordProblems("12345678")).toEqual(["password: not only digits"]);
    expect(citizenPasswordProblems("abc12345")).toEqual([]);
  });

  test("a refresh token rotates once; spent again is reuse; revoked families and expired tokens are refused", () => {
    const now = new Date("2026-03-02T02:00:00Z");
    const live = { spentAt: null, expiresAt: refreshExpiry(now) };
    expect(refreshExpiry(now).toISOString()).toBe("2026-04-01T02:00:00.000Z");
    expect(refreshVerdict(live, { revokedAt: null }, now)).toBe("rotate");
    expect(refreshVerdict({ ...live, spentAt: now }, { revokedAt: null }, now)).toBe("reused");
    expect(refreshVerdict(live, { revokedAt: now }, now)).toBe("revoked");
    expect(refreshVerdict({ spentAt: null, expiresAt: now }, { revokedAt: null }, now)).toBe("expired");
    expect(refreshVerdict(null, null, now)).toBe("unknown");
  });

  test("the development bureau's staff can be given the bureau role", () => {
    expect(staffRoles).toContain("bureau");
  });
});

describe("sign-in lock-out (issue 15, point 1)", () => {
  const policy = { maxFailures: 5, firstLockSeconds: 60, lockMinutes: 15, accountMaxFailures: 50, clientMaxFailures: 100 };

  test("a failure counts against the name with the client, the name alone and the client alone; only the first with a direct call", () => {
    const throttle = signInThrottle("CITIZEN", "110105198001010999", "10.0.0.7", policy);
    expect(throttle.checked).toEqual(["sign-in:CITIZEN:110105198001010999@10.0.0.7", "sign-in:CITIZEN:110105198001010999", "sign-in-client:10.0.0.7"]);
    expect(throttle.counted.map((entry) => entry.policy.maxFailures)).toEqual([5, 50, 100]);
    expect(throttle.counted.map((entry) => entry.group)).toEqual(["sign-in:CITIZEN:110105198001010999", "sign-in:CITIZEN:110105198001010999", undefined]);
    expect(throttle.clearedOnSuccess).toEqual(["sign-in:CITIZEN:110105198001010999@10.0.0.7"]);
    expect(signInThrottle("STAFF", "gaj-01", null, policy).checked).toEqual(["sign-in:STAFF:gaj-01@-"]);
  });

  test("five failures lock for a minute, then two, four, eight, and never more than fifteen", () => {
    const pair = signInThrottle("STAFF", "gaj-01", "10.0.0.7", policy).counted[0]!.policy;
    let now = new Date("2026-03-02T02:00:00Z");
    let state: ThrottleState | null = null;
    const locks: number[] = [];
    for (let lock = 0; lock < 6; lock += 1) {
      for (let i = 0; i < 5; i += 1) {
        expect(isThrottled(state, now)).toBe(false);
        state = afterFailure(state, pair, now);
      }
      expect(isThrottled(state, now)).toBe(true);
      locks.push((state!.lockedUntil!.getTime() - now.getTime()) / 60_000);
      now = state!.lockedUntil!;
    }
    expect(locks).toEqual([1, 2, 4, 8, 15, 15]);
    // Long after, it starts over.
    state = afterFailure(state, pair, new Date(now.getTime() + 2 * 3600_000));
    expect(state).toMatchObject({ failures: 1, locks: 0, lockedUntil: null });
  });

  test("failures further apart than the window do not add up", () => {
    const pair = signInThrottle("STAFF", "gaj-01", "10.0.0.7", policy).counted[0]!.policy;
    let state: ThrottleState | null = null;
    const start = new Date("2026-03-02T02:00:00Z").getTime();
    for (let i = 0; i < 10; i += 1) state = afterFailure(state, pair, new Date(start + i * 16 * 60_000));
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
