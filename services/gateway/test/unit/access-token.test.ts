import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { applicantKey, DomainError } from "@onestop/platform";
import { createAccessTokenVerifier } from "../../src/auth/access-token";
import { parseKeySet, type KeySetFile } from "../../src/auth/key-set";
import { RevocationList } from "../../src/auth/revocations.rules";

const current = generateKeyPairSync("ed25519");
const stranger = generateKeyPairSync("ed25519");
const keys = new Map<string, KeyObject>([["k-2026-03", current.publicKey]]);
/** Stands in for the key set file: its keys and the revision that moves when they change. */
const keySet = { revision: 0, keyFor: (kid: string) => keys.get(kid) };
const verify = createAccessTokenVerifier({ keys: keySet as unknown as KeySetFile, issuer: "onestop", audience: "onestop-gateway", revocations: new RevocationList(3600) });
const now = () => Math.floor(Date.now() / 1000);
const claims = { roles: ["window_staff"], center: "330110000000", dept: "d-1", win: null };

function token(options: { key?: KeyObject; kid?: string | null; iss?: string; aud?: string; exp?: number; body?: Record<string, unknown> } = {}) {
  const header = options.kid === null ? { alg: "EdDSA" } : { alg: "EdDSA", kid: options.kid ?? "k-2026-03" };
  return new SignJWT(options.body ?? claims)
    .setProtectedHeader(header)
    .setSubject("staff-7")
    .setIssuer(options.iss ?? "onestop")
    .setAudience(options.aud ?? "onestop-gateway")
    .setIssuedAt()
    .setExpirationTime(options.exp ?? now() + 600)
    .sign(options.key ?? current.privateKey);
}

async function refusal(bearer: string): Promise<string> {
  try {
    await verify(`Bearer ${bearer}`);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("UNAUTHENTICATED");
    return (error as DomainError).message;
  }
  throw new Error("expected a refusal");
}

test("a token signed with a key of the set becomes the caller's identity; no token is the anonymous caller", async () => {
  expect(await verify(`Bearer ${await token()}`)).toEqual({
    subject: "staff-7",
    roles: ["window_staff"],
    centerCode: "330110000000",
    departmentId: "d-1",
    windowId: null,
    applicantKey: null,
  });
  expect((await verify(undefined)).roles).toEqual(["anonymous"]);
});

test("a citizen's applicant key (apk) becomes the identity's applicantKey", async () => {
  const key = applicantKey("PERSON", "11010519491231002X");
  const citizen = { roles: ["citizen"], center: null, dept: null, win: null, apk: key };
  expect((await verify(`Bearer ${await token({ body: citizen })}`)).applicantKey).toBe(key);
});

test.each([
  ["expired", () => token({ exp: now() - 60 }), "token expired"],
  ["for another audience", () => token({ aud: "someone-else" }), "another audience"],
  ["from another issuer", () => token({ iss: "evil" }), "another issuer"],
  ["signed by a key outside the set under a known kid", () => token({ key: stranger.privateKey }), "bad signature"],
  ["signed under a kid not in the set", () => token({ key: stranger.privateKey, kid: "k-unknown" }), "unknown or retired key"],
  ["without a kid", () => token({ kid: null }), "no key id"],
  ["with claims that are no roles of ours", () => token({ body: { ...claims, roles: ["root"] } }), "claims invalid"],
  ["whose applicant key is not a key (a raw ID number)", () => token({ body: { ...claims, roles: ["citizen"], apk: "applicant:11010519491231002X" } }), "claims invalid"],
])("refuses a token %s", async (_label, make, why) => {
  expect(await refusal(await make())).toContain(why);
});

test("refuses alg none", async () => {
  const unsecured = new UnsecuredJWT({ ...claims, sub: "staff-7" }).setIssuer("onestop").setAudience("onestop-gateway").setExpirationTime("10m").encode();
  expect(await refusal(unsecured)).toContain("algorithm not allowed");
});

test("refuses HS256 signed with the public key as the shared secret", async () => {
  const secret = new Uint8Array(Buffer.from(current.publicKey.export({ format: "jwk" }).x as string, "base64url"));
  const confused = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", kid: "k-2026-03" })
    .setSubject("staff-7")
    .setIssuer("onestop")
    .setAudience("onestop-gateway")
    .setExpirationTime("10m")
    .sign(secret);
  expect(await refusal(confused)).toContain("algorithm not allowed");
  const pemSecret = new Uint8Array(Buffer.from(current.publicKey.export({ type: "spki", format: "pem" })));
  const confusedPem = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: "k-2026-03" }).setSubject("s").setExpirationTime("10m").sign(pemSecret);
  expect(await refusal(confusedPem)).toContain("algorithm not allowed");
});

test("refuses what is not a bearer token at all", async () => {
  await expect(verify("Basic dXNlcjpwYXNz")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  expect(await refusal("not-a-jwt")).toContain("malformed");
});

describe("a verified token is remembered", () => {
  afterEach(() => jest.useRealTimers());

  test("until it expires", async () => {
    const bearer = `Bearer ${await token({ exp: now() + 60 })}`;
    expect((await verify(bearer)).subject).toBe("staff-7");
    expect((await verify(bearer)).subject).toBe("staff-7");
    // Only the clock moves; timers and ticks stay real for the crypto underneath.
    jest.useFakeTimers({ now: Date.now() + 70_000, doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
    await expect(verify(bearer)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "Access refused: token expired" });
  });

  test("until the key set changes: a retired key's tokens are refused at once", async () => {
    const bearer = `Bearer ${await token()}`;
    expect((await verify(bearer)).subject).toBe("staff-7");
    keys.delete("k-2026-03");
    keySet.revision += 1;
    try {
      await expect(verify(bearer)).rejects.toMatchObject({ message: "Access refused: token signed with an unknown or retired key" });
    } finally {
      keys.set("k-2026-03", current.publicKey);
      keySet.revision += 1;
    }
    expect((await verify(bearer)).subject).toBe("staff-7");
  });

  test("only ever by its exact text: a changed token is verified afresh", async () => {
    const genuine = await token();
    expect((await verify(`Bearer ${genuine}`)).roles).toEqual(["window_staff"]);
    const [header, , signature] = genuine.split(".");
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ["supervisor"], sub: "staff-7", iss: "onestop", aud: "onestop-gateway", exp: now() + 600 })).toString("base64url");
    expect(await refusal(`${header}.${elevated}.${signature}`)).toContain("bad signature");
  });
});

describe("reading a key set", () => {
  const publicJwk = (kid: string) => ({ ...current.publicKey.export({ format: "jwk" }), kid, alg: "EdDSA", use: "sig" });

  test("takes Ed25519 signing keys by kid", () => {
    const { keys: read, problems } = parseKeySet(JSON.stringify({ keys: [publicJwk("a"), publicJwk("b")] }));
    expect(problems).toEqual([]);
    expect([...read.keys()]).toEqual(["a", "b"]);
  });

  test("names every problem: private keys, other kinds of key, missing or repeated kids, not JSON", () => {
    const privateJwk = { ...current.privateKey.export({ format: "jwk" }), kid: "p" };
    const rsa = { kty: "RSA", kid: "r", n: "x", e: "AQAB" };
    const { problems } = parseKeySet(JSON.stringify({ keys: [privateJwk, rsa, { ...publicJwk("a"), kid: undefined }, publicJwk("b"), publicJwk("b"), { ...publicJwk("c"), alg: "ES256" }] }));
    expect(problems).toEqual([
      "key p: holds a private key, which never belongs in a public key set",
      "key r: not an Ed25519 key",
      "key #2: no kid",
      "key b: kid appears twice",
      "key c: not for EdDSA signatures",
    ]);
    expect(parseKeySet("{").problems).toEqual(["not JSON"]);
    expect(parseKeySet("{}").problems).toEqual(['no "keys" array']);
  });
});
