import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { startGateway, type RunningGateway } from "@onestop/gateway";
import { eventually, gatewayEnvFor, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";

/**
 * The public cache of anonymous catalog queries, in a gateway of its own beside the system's:
 * changes made through the system's gateway reach it only on the NATS feed, so a search that
 * shows them proves the feed emptied the cache (its TTL is an hour here).
 */
const environment = testEnvironment("gw_public_cache");
const CENTER = "330110000000";
const SEARCH = `query ($c: String!, $k: String) { searchItems(centerCode: $c, keyword: $k) { totalCount nodes { id name } } }`;

let system: RunningSystem;
let adminToken: string;
let cached: RunningGateway;
let withoutNats: RunningGateway;
let departmentId: string;
const gateways: RunningGateway[] = [];

interface Answer {
  status: number;
  cache: string | null;
  requestId: string | null;
  contentType: string | null;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return {
    status: response.status,
    cache: response.headers.get("x-onestop-cache"),
    requestId: response.headers.get("x-request-id"),
    contentType: response.headers.get("content-type"),
    body: (await response.json()) as Answer["body"],
  };
}

const search = (gateway: RunningGateway, keyword: string | null, headers: Record<string, string> = {}) => post(gateway.url, SEARCH, { c: CENTER, k: keyword }, headers);
const names = (answer: Answer) => (answer.body.data?.searchItems.nodes as Array<{ name: string }>).map((node) => node.name);

async function admin(query: string, variables: Record<string, unknown>, url = system.gatewayUrl): Promise<Record<string, any>> {
  const answer = await post(url, query, variables, { authorization: `Bearer ${adminToken}` });
  if (answer.body.errors?.length) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data!;
}

/** Creates and publishes an item through the given gateway (the system's unless told). */
async function publishItem(name: string, url = system.gatewayUrl): Promise<string> {
  const input = {
    centerCode: CENTER,
    departmentId,
    baseCode: `GG${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}000`,
    agencyCreditCode: "115117220086510033",
    name,
    category: "PUBLIC_SERVICE",
    kind: "INSTANT",
    content: "当场办结",
    legalBasis: "《政务服务事项管理办法》",
    conditions: "无",
    procedure: "申请、办结",
    materials: [{ code: "M01", name: "申请表", form: "ORIGINAL" }],
    legalLimitDays: 0,
    promisedLimitDays: 0,
    supervisionContact: "0818-5222110",
    maxVisits: 0,
  };
  const { createItem } = await admin(`mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }, url);
  await admin(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id }, url);
  return createItem.id as string;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function gateway(overrides: Record<string, string>): Promise<RunningGateway> {
  const running = await startGateway(
    gatewayEnvFor(system.subgraphs, system.keys, environment, {
      LOG_LEVEL: "silent",
      PUBLIC_CACHE_TTL_SECONDS: "3600",
      ...overrides,
    }),
  );
  gateways.push(running);
  return running;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const { registerDepartment } = await admin(`mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "MZJ", name: "民政局" },
  });
  departmentId = registerDepartment.id as string;
  // The catalog knows the department once staffing's event has reached it.
  await eventually(() => publishItem("婚姻登记"), 20_000);
  cached = await gateway({});
  withoutNats = await gateway({ NATS_URL: `nats://127.0.0.1:${await closedPort()}` });
}, 120_000);

afterAll(async () => {
  for (const running of gateways) await running.stop();
  await system?.stop();
});

test("a repeated anonymous search is answered from the cache, with a request id of its own", async () => {
  const first = await search(cached, "婚姻");
  expect(first).toMatchObject({ status: 200, cache: "miss" });
  expect(names(first)).toEqual(["婚姻登记"]);
  const offered = `kiosk-${randomUUID()}`;
  const second = await search(cached, "婚姻", { "x-request-id": offered });
  expect(second).toMatchObject({ status: 200, cache: "hit", requestId: offered, contentType: first.contentType, body: first.body });
  const third = await search(cached, "婚姻");
  expect(third.cache).toBe("hit");
  expect(third.requestId).not.toBe(first.requestId);
  // The request id is the trace id: 32 hex digits (docs/operations.md, "Traces").
  expect(third.requestId).toMatch(/^[0-9a-f]{32}$/);

  // The media type asked for shapes the answer, so it is part of the key.
  const graphqlResponse = await search(cached, "婚姻", { accept: "application/graphql-response+json" });
  expect(graphqlResponse).toMatchObject({ cache: "miss", contentType: expect.stringContaining("application/graphql-response+json") });
  expect((await search(cached, "婚姻", { accept: "application/graphql-response+json" })).contentType).toBe(graphqlResponse.contentType);
});

test("what the catalog publishes and cancels, through another gateway, shows in the next searches", async () => {
  await search(cached, "殡葬");
  expect((await search(cached, "殡葬")).cache).toBe("hit");
  expect(names(await search(cached, "殡葬"))).toEqual([]);

  const itemId = await publishItem("殡葬服务");
  const afterPublish = await eventually(async () => {
    const answer = await search(cached, "殡葬");
    return names(answer).includes("殡葬服务") ? answer : null;
  }, 5_000);
  expect(afterPublish.cache).toBe("miss");
  expect((await search(cached, "殡葬")).cache).toBe("hit");

  await admin(`mutation ($id: ID!) { cancelItem(itemId: $id, reason: "改革取消") { id } }`, { id: itemId });
  await eventually(async () => (names(await search(cached, "殡葬")).length === 0 ? true : null), 5_000);
});

test("a catalog change made through the caching gateway itself is seen by the very next search", async () => {
  expect(names(await search(cached, "收养"))).toEqual([]);
  expect((await search(cached, "收养")).cache).toBe("hit");
  await publishItem("收养登记", cached.url);
  const next = await search(cached, "收养");
  expect(next.cache).toBe("miss");
  expect(names(next)).toEqual(["收养登记"]);
});

test("a request with credentials never reads or fills the cache", async () => {
  const keyword = `登记 ${randomUUID().slice(0, 8)}`;
  const authorization = { authorization: `Bearer ${adminToken}` };
  expect((await search(cached, keyword, authorization)).cache).toBe("bypass");
  expect((await search(cached, keyword, authorization)).cache).toBe("bypass");
  expect((await search(cached, keyword)).cache).toBe("miss");
  expect((await search(cached, keyword)).cache).toBe("hit");
  expect((await search(cached, keyword, authorization)).cache).toBe("bypass");
});

test("a query with a root field outside the public catalog, or with errors, is never kept", async () => {
  const mixed = `query ($c: String!) { searchItems(centerCode: $c) { totalCount } departments(centerCode: $c) { id name } }`;
  const first = await post(cached.url, mixed, { c: CENTER });
  expect(first.body.errors).toBeUndefined();
  expect(first.cache).toBe("miss");
  expect((await post(cached.url, mixed, { c: CENTER })).cache).toBe("miss");

  const wrong = `query { searchItems(centerCode: "${CENTER}", first: -1) { totalCount } }`;
  const refused = await post(cached.url, wrong);
  expect(refused.body.errors?.length).toBeGreaterThan(0);
  expect((await post(cached.url, wrong)).cache).toBe("miss");
});

test("without NATS nothing is cached", async () => {
  const first = await search(withoutNats, "婚姻");
  expect(names(first)).toEqual(["婚姻登记"]);
  expect(first.cache).toBe("bypass");
  expect((await search(withoutNats, "婚姻")).cache).toBe("bypass");
});
