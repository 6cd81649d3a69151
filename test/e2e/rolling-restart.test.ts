// A rolling restart under load (docs/operations.md, "Upgrades"): cases runs as two instances
// behind a small load balancer (as Docker's DNS and a proxy that tries the next instance when one
// refuses the connection), clients keep submitting cases through the gateway, and each instance
// is stopped (SIGTERM's graceful stop: the port closes, requests in flight are answered, consumers
// and relay finish) and started again, one at a time; supervision, which consumes the cases'
// events, is restarted too. Every answered submission must be in the database and every case
// must reach supervision's projection: no answered request and no event lost.
import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createConnection } from "mysql2/promise";
import { startGateway, type RunningGateway } from "@onestop/gateway";
import type { RunningSubgraph } from "@onestop/platform";
import {
  databaseName,
  eventually,
  gatewayEnvFor,
  graphql,
  mintAccessToken,
  planningLicenceItem,
  resetEnvironment,
  startOneSubgraph,
  startSystem,
  type RunningSystem,
} from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_rolling_restart");
const CENTER = "330110000000";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let system: RunningSystem;
let gateway: RunningGateway;
let balancer: Server;
const extra: RunningSubgraph[] = [];
/** The instances the balancer sends to, by base URL (http://host:port). */
const upstreams: string[] = [];

function baseOf(url: string): string {
  return url.replace(/\/graphql$/, "");
}

/** Round robin over the instances; a connection refused or reset before any answer goes to the next one. */
function startBalancer(): Promise<string> {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  balancer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const target = upstreams[next++ % upstreams.length];
        const forward = httpRequest(`${target}${request.url}`, { method: request.method, headers: request.headers, agent }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        forward.on("error", (error: NodeJS.ErrnoException) => {
          if (response.headersSent) return response.destroy(error);
          if (tries < 8 && ["ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(error.code ?? "")) return void setTimeout(() => attempt(tries + 1), 50);
          response.writeHead(502).end();
        });
        forward.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) => balancer.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(balancer.address() as AddressInfo).port}/graphql`)));
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  const second = await startOneSubgraph("cases", environment);
  extra.push(second);
  upstreams.push(baseOf(system.subgraphs.cases.url), baseOf(second.url));
  const balanced = await startBalancer();
  gateway = await startGateway(gatewayEnvFor({ ...system.subgraphs, cases: { url: balanced } }, system.keys, environment));
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(extra.map((s) => s.stop()));
  await system?.stop();
  balancer?.close();
});

test("restarting each instance of cases and supervision under load loses no answered submission and no event", async () => {
  const adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const registered = await graphql<{ registerDepartment: { id: string } }>(gateway.url, "mutation ($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }", { input: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" } }, { token: adminToken });
  const departmentId = registered.data!.registerDepartment.id;
  const created = await eventually(async () => {
    const result = await graphql<{ createItem: { id: string } }>(gateway.url, "mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }", { input: planningLicenceItem(CENTER, departmentId) }, { token: adminToken });
    return result.errors?.[0]?.extensions?.code === "UNKNOWN_DEPARTMENT" ? null : result;
  });
  const itemId = created.data!.createItem.id;
  expect((await graphql(gateway.url, "mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }", { id: itemId }, { token: adminToken })).errors).toBeUndefined();
  const citizenToken = await mintAccessToken(system.keys, { subject: "citizen-7", roles: ["citizen"] });
  const submit = () =>
    graphql<{ submitCase: { id: string } }>(gateway.url, "mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { id } }", { input: { itemId, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }, { token: citizenToken });
  // Both instances know the item before the load starts.
  await eventually(async () => ((await submit()).errors ? null : true));
  await eventually(async () => ((await submit()).errors ? null : true));

  const answered: string[] = [];
  const failures: string[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      try {
        const result = await submit();
        if (result.data?.submitCase?.id) answered.push(result.data.submitCase.id);
        else failures.push(JSON.stringify(result.errors ?? result));
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const clients = [client(), client(), client(), client()];

  // One instance at a time: stop it (gracefully), start its replacement, let it take traffic.
  for (let i = 0; i < 2; i += 1) {
    await sleep(1500);
    const old = i === 0 ? system.subgraphs.cases : extra[0];
    await old.stop();
    const replacement = await startOneSubgraph("cases", environment);
    extra.push(replacement);
    upstreams[i] = baseOf(replacement.url);
  }
  await sleep(1000);
  const supervision = system.subgraphs.supervision;
  await supervision.stop();
  await sleep(1000);
  extra.push(await startOneSubgraph("supervision", environment));
  await sleep(1500);
  running = false;
  await Promise.all(clients);

  expect(failures).toEqual([]);
  expect(answered.length).toBeGreaterThan(10);
  const connection = await createConnection({ host: process.env.DB_HOST ?? "127.0.0.1", port: Number(process.env.DB_PORT ?? 3306), user: process.env.DB_USER ?? "root", password: process.env.DB_PASSWORD ?? "" });
  try {
    const cases = databaseName(environment.databasePrefix, "cases");
    const supervisionDb = databaseName(environment.databasePrefix, "supervision");
    const [stored] = (await connection.query(`SELECT id FROM \`${cases}\`.service_case`)) as unknown as [Array<{ id: string }>];
    const storedIds = new Set(stored.map((row) => row.id));
    // Every answered submission is stored (the two warm-up submissions too).
    expect(answered.filter((id) => !storedIds.has(id))).toEqual([]);
    expect(storedIds.size).toBe(answered.length + 2);
    // Every case's submission event reached supervision, across the restarts of both sides.
    await eventually(async () => {
      const [projected] = (await connection.query(`SELECT COUNT(*) AS n FROM \`${supervisionDb}\`.supervision_case`)) as unknown as [Array<{ n: number }>];
      return Number(projected[0].n) === storedIds.size ? true : null;
    }, 45_000);
  } finally {
    await connection.end();
  }
}, 180_000);
