import { createHash, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, SignJWT, UnsecuredJWT, type JWK } from "jose";
import { startGateway, type RunningGateway } from "@onestop/gateway";
import { IDENTITY_HEADER, loadSubgraphKey, signIdentity, startSubgraph, type Clock, type RunningSubgraph } from "@onestop/platform";
import {
  developmentIdentityKeyring,
  eventually,
  gatewayEnvFor,
  graphql,
  mintAccessToken,
  readPrivateJwk,
  resetEnvironment,
  startSystem,
  subgraphCatalog,
  subgraphEnv,
  subgraphIdentityKeyFile,
  subgraphNames,
  type RunningSystem,
  type SubgraphName,
} from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_gateway_security");
jest.setTimeout(60_000);
const CENTER = "330110000000";
const DEPARTMENTS = `query ($c: String!) { departments(centerCode: $c) { id code name } }`;

/** The subgraphs' and gateway's clock, moved on by hand to outlive a forwarded identity. */
const offset = { ms: 0 };
const clock: Clock = { now: () => new Date(Date.now() + offset.ms) };

let system: RunningSystem;
let adminToken: string;

// ---------------------------------------------------------------------------------------
// A proxy in front of each subgraph, so a test sees what the gateway sends and whether it sent anything.

interface CapturedFetch {
  subgraph: SubgraphName;
  headers: IncomingHttpHeaders;
  body: string;
}

const captured: CapturedFetch[] = [];
const proxies: Server[] = [];

async function startProxy(subgraph: SubgraphName, target: string): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      captured.push({ subgraph, headers: request.headers, body });
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name)),
      ) as Record<string, string>;
      fetch(target, { method: request.method, headers, body: request.method === "GET" ? undefined : body })
        .then(async (answer) => {
          response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
          response.end(await answer.text());
        })
        .catch(() => {
          response.writeHead(502);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxies.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

// ---------------------------------------------------------------------------------------
// Extra gateways on the same subgraphs: through the proxies with a key set of their own, and in production mode.

const keysDir = mkdtempSync(join(tmpdir(), "onestop-gateway-keys-"));
const rotatingJwks = join(keysDir, "jwks.json");
const gateways: RunningGateway[] = [];

async function extraGateway(overrides: Record<string, string>): Promise<RunningGateway> {
  const gateway = await startGateway(
    gatewayEnvFor(system.subgraphs, system.keys, environment, { LOG_LEVEL: "silent", ...overrides }),
    { clock },
  );
  gateways.push(gateway);
  return gateway;
}

let proxied: RunningGateway;
let production: RunningGateway;

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const registered = await graphql(
    system.gatewayUrl,
    `mutation { registerDepartment(input: { centerCode: "${CENTER}", code: "SCJGJ", name: "市场监督管理局" }) { id } }`,
    {},
    { token: adminToken },
  );
  expect(registered.errors).toBeUndefined();

  copyFileSync(system.keys.jwksFile, rotatingJwks);
  const urls: Record<string, string> = {};
  for (const name of subgraphNames) urls[name] = await startProxy(name, system.subgraphs[name].url);
  proxied = await extraGateway({
    AUTH_JWKS_FILE: rotatingJwks,
    AUTH_JWKS_REFRESH_SECONDS: "1",
    CATALOG_URL: urls.catalog,
    CASES_URL: urls.cases,
    FEES_URL: urls.fees,
    STAFFING_URL: urls.staffing,
    PARALLEL_APPROVAL_URL: urls["parallel-approval"],
  });
  production = await extraGateway({ NODE_ENV: "production" });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  for (const proxy of proxies) await new Promise((resolve) => proxy.close(resolve));
  await system?.stop();
  rmSync(keysDir, { recursive: true, force: true });
});

const departmentsOf = (url: string, token = adminToken) => graphql<{ departments: Array<{ code: string }> }>(url, DEPARTMENTS, { c: CENTER }, { token });

// ---------------------------------------------------------------------------------------

describe("access tokens", () => {
  let signingKey: KeyObject | Uint8Array;
  let kid: string;

  beforeAll(async () => {
    const jwk = readPrivateJwk(system.keys);
    kid = jwk.kid;
    signingKey = (await importJWK(jwk, "EdDSA")) as KeyObject;
  });

  function claimsToken(header: Record<string, unknown>, overrides: { iss?: string; aud?: string; exp?: number } = {}) {
    return new SignJWT({ roles: ["center_admin"], center: CENTER })
      .setProtectedHeader({ alg: "EdDSA", kid, ...header })
      .setSubject("admin-1")
      .setIssuer(overrides.iss ?? "onestop")
      .setAudience(overrides.aud ?? "onestop-gateway")
      .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600);
  }

  const publicKeyAsSecret = () => new Uint8Array(Buffer.from(JSON.parse(readFileSync(system.keys.jwksFile, "utf8")).keys[0].x, "base64url"));

  test.each([
    ["expired", () => claimsToken({}, { exp: Math.floor(Date.now() / 1000) - 60 }).sign(signingKey), "token expired"],
    ["for another audience", () => claimsToken({}, { aud: "another-system" }).sign(signingKey), "another audience"],
    ["from another issuer", () => claimsToken({}, { iss: "somebody" }).sign(signingKey), "another issuer"],
    ["forged (claims changed under a genuine signature)", async () => {
      const [header, , signature] = (await claimsToken({}).sign(signingKey)).split(".");
      const payload = Buffer.from(JSON.stringify({ sub: "x", roles: ["supervisor"], center: CENTER, iss: "onestop", aud: "onestop-gateway", exp: 9999999999 })).toString("base64url");
      return `${header}.${payload}.${signature}`;
    }, "bad signature"],
    ["signed by a key nobody published", () => claimsToken({}).sign(generateKeyPairSync("ed25519").privateKey), "bad signature"],
    ["with alg none", async () => new UnsecuredJWT({ roles: ["center_admin"], sub: "admin-1" }).setIssuer("onestop").setAudience("onestop-gateway").setExpirationTime("5m").encode(), "algorithm not allowed"],
    ["HS256 with the public key as the secret", () => claimsToken({ alg: "HS256" }).sign(publicKeyAsSecret()), "algorithm not allowed"],
    ["without a key id", () => claimsToken({ kid: undefined }).sign(signingKey), "no key id"],
  ])("a token %s is refused with 401 UNAUTHENTICATED before anything runs", async (_label, make, why) => {
    const result = await departmentsOf(system.gatewayUrl, await make());
    expect(result.status).toBe(401);
    expect(result.errors).toEqual([{ message: expect.stringContaining(why), extensions: { code: "UNAUTHENTICATED" } }]);
    expect(result.data).toBeUndefined();
  });

  test("rotation: a key added to the key set is trusted without a restart, a removed one no longer", async () => {
    const next = generateKeyPairSync("ed25519");
    const nextKid = `k-${randomUUID()}`;
    const nextToken = await new SignJWT({ roles: ["center_admin"], center: CENTER })
      .setProtectedHeader({ alg: "EdDSA", kid: nextKid })
      .setSubject("admin-1")
      .setIssuer("onestop")
      .setAudience("onestop-gateway")
      .setExpirationTime("10m")
      .sign(next.privateKey);
    const oldToken = adminToken;

    const before = await departmentsOf(proxied.url, nextToken);
    expect(before.status).toBe(401);
    expect(before.errors?.[0]?.message).toContain("unknown or retired key");

    // 1. publish the new key beside the old one: both are trusted
    const published = JSON.parse(readFileSync(rotatingJwks, "utf8")) as { keys: JWK[] };
    const nextPublic = { ...next.publicKey.export({ format: "jwk" }), kid: nextKid, alg: "EdDSA", use: "sig" };
    writeFileSync(rotatingJwks, JSON.stringify({ keys: [...published.keys, nextPublic] }));
    await eventually(async () => ((await departmentsOf(proxied.url, nextToken)).status === 200 ? true : null), 5000);
    expect((await departmentsOf(proxied.url, oldToken)).status).toBe(200);

    // 2. a broken file keeps the last good set
    writeFileSync(rotatingJwks, "{ not json");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await departmentsOf(proxied.url, nextToken)).status).toBe(200);

    // 3. retire the old key once its tokens have expired: its tokens are refused, the new key's are not
    writeFileSync(rotatingJwks, JSON.stringify({ keys: [nextPublic] }));
    const refused = await eventually(async () => {
      const result = await departmentsOf(proxied.url, oldToken);
      return result.status === 401 ? result : null;
    }, 5000);
    expect(refused.errors?.[0]).toEqual({ message: "Access refused: token signed with an unknown or retired key", extensions: { code: "UNAUTHENTICATED" } });
    expect(proxied.keys.keyIds).toEqual([nextKid]);
    expect((await departmentsOf(proxied.url, nextToken)).status).toBe(200);
    // the system's own gateway, reading the unchanged file, still trusts the old key
    expect((await departmentsOf(system.gatewayUrl, oldToken)).status).toBe(200);

    // the other tests go on with the original key
    copyFileSync(system.keys.jwksFile, rotatingJwks);
    await eventually(async () => ((await departmentsOf(proxied.url, oldToken)).status === 200 ? true : null), 5000);
  });
});

// ---------------------------------------------------------------------------------------

describe("limits", () => {
  const fetchesSince = (mark: number) => captured.length - mark;
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}`, ...headers }, body });

  test.each([
    ["an aliased bomb", `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: departments(centerCode: "${CENTER}") { id }`).join(" ")} }`, "QUERY_TOO_COMPLEX"],
    ["one field repeated 500 times", `{ ${Array.from({ length: 500 }, () => `departments(centerCode: "${CENTER}") { id }`).join(" ")} }`, "QUERY_TOO_COMPLEX"],
    [
      "deep nesting",
      `{ departments(centerCode: "${CENTER}") { ${"jointApprovals(first: 1) { edges { node { leadDepartment { ".repeat(3)}id${" } } } }".repeat(3)} } }`,
      "QUERY_TOO_DEEP",
    ],
    [
      "a fragment cycle",
      `{ departments(centerCode: "${CENTER}") { ...A } } fragment A on Department { items { department { ...A } } }`,
      "GRAPHQL_VALIDATION_FAILED",
    ],
  ])("%s is refused with a typed error before any subgraph is called", async (_label, query, code) => {
    const mark = captured.length;
    const started = performance.now();
    const result = await graphql(proxied.url, query, {}, { token: adminToken });
    expect({ status: result.status, code: result.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code });
    expect(result.data).toBeUndefined();
    expect(fetchesSince(mark)).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("the gateway keeps serving others while bombs arrive", async () => {
    const bomb = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: departments(centerCode: "${CENTER}") { id name code }`).join(" ")} }`;
    const bombs = Array.from({ length: 20 }, () => graphql(proxied.url, bomb, {}, { token: adminToken }));
    const legitimate = departmentsOf(proxied.url);
    const [answer, ...refusals] = await Promise.all([legitimate, ...bombs]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.departments.map((d) => d.code)).toContain("SCJGJ");
    expect(new Set(refusals.map((r) => r.errors?.[0]?.extensions?.code))).toEqual(new Set(["QUERY_TOO_COMPLEX"]));
    expect((await departmentsOf(proxied.url)).errors).toBeUndefined();
  });

  test("a list's size argument counts: a page too large to afford is refused", async () => {
    const big = await graphql(proxied.url, `{ searchItems(centerCode: "${CENTER}", first: 100000) { nodes { id name } } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const usual = await graphql(proxied.url, `{ searchItems(centerCode: "${CENTER}", first: 20) { nodes { id name } } }`);
    expect(usual.errors).toBeUndefined();
  });

  test("a cached document is measured again with new variables", async () => {
    const query = `query ($n: Int) { searchItems(centerCode: "${CENTER}", first: $n) { nodes { id name } } }`;
    expect((await graphql(proxied.url, query, { n: 5 })).errors).toBeUndefined();
    expect((await graphql(proxied.url, query, { n: 100000 })).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  test("persisted queries are off: a query named by its hash alone is refused", async () => {
    const query = `query ($n: Int) { searchItems(centerCode: "${CENTER}", first: $n) { nodes { id } } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const register = await post(proxied.url, JSON.stringify({ query, variables: { n: 5 }, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(((await register.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    const byHash = await post(proxied.url, JSON.stringify({ variables: { n: 100000 }, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(((await byHash.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
  });

  test("a 2 MB body is refused with 413", async () => {
    const padding = "x".repeat(2 * 1024 * 1024);
    const response = await post(proxied.url, JSON.stringify({ query: `{ departments(centerCode: "${CENTER}") { id } }`, variables: { padding } }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining("over"), extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  test("batching is off: an array of operations is refused", async () => {
    const mark = captured.length;
    const one = { query: DEPARTMENTS, variables: { c: CENTER } };
    const response = await post(proxied.url, JSON.stringify([one, one]));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/batching/i);
    expect(fetchesSince(mark)).toBe(0);
  });

  test("CSRF prevention: a GET or a simple-content-type POST without the preflight header is refused", async () => {
    const search = new URLSearchParams({ query: DEPARTMENTS, variables: JSON.stringify({ c: CENTER }) });
    const auth = { authorization: `Bearer ${adminToken}` };
    const get = await fetch(`${proxied.url}?${search}`, { headers: auth });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const form = await fetch(proxied.url, { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: JSON.stringify({ query: DEPARTMENTS, variables: { c: CENTER } }) });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(`${proxied.url}?${search}`, { headers: { ...auth, "apollo-require-preflight": "1" } });
    expect(preflighted.status).toBe(200);
  });

  test("production mode: no introspection and no landing page", async () => {
    const introspection = `{ __schema { queryType { name } } }`;
    expect((await graphql(system.gatewayUrl, introspection)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const refused = await graphql(production.url, introspection);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection is not allowed/), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect((await graphql(production.url, `{ __type(name: "Case") { fields { name } } }`)).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const browser = { accept: "text/html" };
    const development = await fetch(system.gatewayUrl, { headers: browser });
    expect(development.headers.get("content-type")).toMatch(/text\/html/);
    const landing = await fetch(production.url, { headers: browser });
    expect(landing.headers.get("content-type")).not.toMatch(/text\/html/);
    expect(await landing.text()).not.toMatch(/<html/i);
  });

  test("production mode: validation errors suggest no names of the schema (issue 15, point 6)", async () => {
    // A misspelled field, a misspelled argument, a misspelled type and an enum value that is not one.
    const probes = [
      `{ searchItem(centerCode: "${CENTER}") { totalCount } }`,
      `{ searchItems(centerCode: "${CENTER}", keywrd: "x") { totalCount } }`,
      `query ($c: Strin!) { searchItems(centerCode: $c) { totalCount } }`,
      `{ searchItems(centerCode: "${CENTER}", kind: INSTAN) { totalCount } }`,
    ];
    for (const query of probes) {
      const development = await graphql(system.gatewayUrl, query);
      expect(development.status).toBe(400);
      expect(JSON.stringify(development.errors)).toMatch(/Did you mean/);
      const refused = await graphql(production.url, query);
      expect(refused.status).toBe(400);
      expect(refused.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(refused.errors)).not.toMatch(/Did you mean|"searchItems"|"keyword"|"String"|"INSTANT"/);
    }
  });
});

describe("errors leak no stack, SQL or internals", () => {
  function expectNothingLeaked(body: unknown) {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+|select|from `?department|onestop_test|127\.0\.0\.1|econnrefused/i);
    expect(text).not.toMatch(/\bER_[A-Z_]+/);
  }

  test("a subgraph failing inside (its table gone) answers a bare INTERNAL_SERVER_ERROR through the gateway", async () => {
    const database = system.subgraphs.staffing.infrastructure.dataSource;
    await database.query("RENAME TABLE department TO department_moved_away");
    try {
      const result = await departmentsOf(system.gatewayUrl);
      expect(result.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expectNothingLeaked(result);
    } finally {
      await database.query("RENAME TABLE department_moved_away TO department");
    }
    expect((await departmentsOf(system.gatewayUrl)).errors).toBeUndefined();
  });

  test("a subgraph that cannot be reached is not named to the caller", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const cut = await extraGateway({ STAFFING_URL: `http://127.0.0.1:${port}/graphql` });
    const result = await departmentsOf(cut.url);
    expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expectNothingLeaked(result);
  });
});

// ---------------------------------------------------------------------------------------

describe("the identity forwarded to subgraphs", () => {
  async function capturedStaffingFetch(): Promise<CapturedFetch> {
    const mark = captured.length;
    const answer = await departmentsOf(proxied.url);
    expect(answer.errors).toBeUndefined();
    const fetch = captured.slice(mark).find((c) => c.subgraph === "staffing");
    if (!fetch) throw new Error("the gateway did not call staffing");
    return fetch;
  }

  const replay = (subgraph: SubgraphName, header: string, body: string) =>
    fetch(system.subgraphs[subgraph].url, { method: "POST", headers: { "content-type": "application/json", [IDENTITY_HEADER]: header }, body }).then(
      async (response) => ({ status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> } }),
    );

  test("is signed per fetch, for that subgraph and body; each signature differs", async () => {
    const first = await capturedStaffingFetch();
    const second = await capturedStaffingFetch();
    const claims = (header: unknown) => JSON.parse(Buffer.from(String(header).split(".")[0], "base64url").toString());
    expect(claims(first.headers[IDENTITY_HEADER])).toMatchObject({ subject: "admin-1", aud: "staffing", bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(claims(first.headers[IDENTITY_HEADER]).exp - claims(first.headers[IDENTITY_HEADER]).iat).toBe(30);
    expect(first.headers[IDENTITY_HEADER]).not.toEqual(second.headers[IDENTITY_HEADER]);
  });

  test("replayed with another body, at another subgraph or after 30 s, it is refused with 401", async () => {
    const { headers, body } = await capturedStaffingFetch();
    const header = String(headers[IDENTITY_HEADER]);
    // as sent, it is honoured (the refusals below are the binding's doing)
    expect((await replay("staffing", header, body)).status).toBe(200);

    const rogue = JSON.stringify({ query: `mutation { registerDepartment(input: { centerCode: "${CENTER}", code: "ROGUE", name: "x" }) { id } }` });
    const otherBody = await replay("staffing", header, rogue);
    expect(otherBody).toEqual({ status: 401, body: { errors: [{ message: "Identity refused: signed for another request body", extensions: { code: "UNAUTHENTICATED" } }] } });

    // MACed with staffing's key, which catalog does not hold.
    const otherSubgraph = await replay("catalog", header, body);
    expect(otherSubgraph.status).toBe(401);
    expect(otherSubgraph.body.errors?.[0]?.message).toBe("Identity refused: bad signature");

    offset.ms += 31_000;
    try {
      const late = await replay("staffing", header, body);
      expect(late.status).toBe(401);
      expect(late.body.errors?.[0]?.message).toBe("Identity refused: expired");
    } finally {
      offset.ms -= 31_000;
    }
    expect((await departmentsOf(system.gatewayUrl)).data?.departments.map((d) => d.code)).not.toContain("ROGUE");
  });

  test("a captured mutation sent again within its 30 s is refused: each header's nonce is accepted once (issue 15, point 4)", async () => {
    const mark = captured.length;
    const registered = await graphql(
      proxied.url,
      `mutation { registerDepartment(input: { centerCode: "${CENTER}", code: "ZRZYJ", name: "自然资源局" }) { id } }`,
      {},
      { token: adminToken },
    );
    expect(registered.errors).toBeUndefined();
    const sent = captured.slice(mark).find((c) => c.subgraph === "staffing" && c.body.includes("registerDepartment"));
    if (!sent) throw new Error("the gateway did not call staffing");
    const again = await replay("staffing", String(sent.headers[IDENTITY_HEADER]), sent.body);
    expect(again.status).toBe(401);
    expect(again.body.errors?.[0]).toMatchObject({ message: "Identity refused: already used (a replayed request)", extensions: { code: "UNAUTHENTICATED" } });
    const claims = JSON.parse(Buffer.from(String(sent.headers[IDENTITY_HEADER]).split(".")[0], "base64url").toString()) as { nonce?: string };
    expect(claims.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test("a subgraph's own key makes no header another subgraph accepts", async () => {
    const { body } = await capturedStaffingFetch();
    // All a compromised catalog holds: its own key file. It can name staffing in the claims, not MAC them for it.
    const catalogKey = loadSubgraphKey(subgraphIdentityKeyFile(system.keys, "catalog"), "catalog");
    const admin = { subject: "admin-1", roles: ["center_admin" as const], centerCode: CENTER, departmentId: null, windowId: null };
    const forged = signIdentity(admin, "req-forged-1", { ...catalogKey, audience: "staffing" }, clock.now(), { body });
    const atStaffing = await replay("staffing", forged, body);
    expect(atStaffing.status).toBe(401);
    expect(atStaffing.body.errors?.[0]?.message).toBe("Identity refused: bad signature");
    // With the gateway's secret (the development one here) the same claims pass: the key, not the claims, made the difference.
    const genuine = signIdentity(admin, "req-genuine-1", developmentIdentityKeyring(system.keys).keyFor("staffing"), clock.now(), { body });
    expect((await replay("staffing", genuine, body)).status).toBe(200);
  });

  test("a subgraph in production mode refuses an identity bound to no fetch, and takes the gateway's", async () => {
    // Production takes no derived challenge key: a key file of its own, as the deployment mounts one.
    const keyDir = mkdtempSync(join(tmpdir(), "onestop-challenge-"));
    const challengeKeyFile = join(keyDir, "challenge-key-staffing");
    writeFileSync(challengeKeyFile, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    const env = { ...subgraphEnv("staffing", environment, system.keys), NODE_ENV: "production" as const, CHALLENGE_KEY_FILE: challengeKeyFile };
    const strict: RunningSubgraph = await startSubgraph(subgraphCatalog.staffing.definition, env, { clock });
    try {
      const unbound = signIdentity(
        { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null },
        "req-unbound-1",
        developmentIdentityKeyring(system.keys).keyFor("staffing"),
        clock.now(),
      );
      const refused = await graphql(strict.url, DEPARTMENTS, { c: CENTER }, { headers: { [IDENTITY_HEADER]: unbound } });
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.message).toBe("Identity refused: not bound to this request");

      const viaGateway = await extraGateway({ STAFFING_URL: strict.url });
      const answer = await departmentsOf(viaGateway.url);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.departments.map((d) => d.code)).toContain("SCJGJ");
    } finally {
      await strict.stop();
      rmSync(keyDir, { recursive: true, force: true });
    }
  });
});
