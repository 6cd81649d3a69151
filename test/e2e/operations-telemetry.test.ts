// Metrics on each process's admin port and traces from the gateway through the subgraphs and
// across NATS, exported by OTLP/HTTP to a small collector this test runs (real HTTP, real services).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventually, graphql, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_telemetry");
const CENTER = "330110000000";

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
}

let system: RunningSystem;
let collector: Server;
const spans: ReceivedSpan[] = [];
const saved: Record<string, string | undefined> = {};

/** The OTLP/HTTP JSON the exporter posts to /v1/traces, flattened to one row per span. */
function collect(body: string): void {
  const parsed = JSON.parse(body) as {
    resourceSpans: Array<{
      resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
      scopeSpans: Array<{ spans: Array<Omit<ReceivedSpan, "service">> }>;
    }>;
  };
  for (const resourceSpans of parsed.resourceSpans) {
    const service = resourceSpans.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "?";
    for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
  }
}

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/v1/traces") collect(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  const settings = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER_ARG: "1", OTEL_BSP_SCHEDULE_DELAY: "100" };
  for (const [name, value] of Object.entries(settings)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, gatewayOverrides: settings });
});

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => collector?.close(resolve));
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of the sample of `name` with these labels (in any order, among others), or null. */
function sample(text: string, name: string, labels: Record<string, string | RegExp>): number | null {
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, want]) => (typeof want === "string" ? has[key] === want : want.test(has[key] ?? "")))) return Number(match[3]);
  }
  return null;
}

test("one trace from the gateway through staffing and, by the event, into catalog and fees; its id is the request id", async () => {
  const token = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const response = await fetch(system.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: "mutation RegisterTracedDepartment($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }",
      variables: { input: { centerCode: CENTER, code: "TRC", name: "追踪局" } },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  const requestId = response.headers.get("x-request-id")!;
  expect(requestId).toMatch(/^[0-9a-f]{32}$/);

  // The consumers' spans come once the event has crossed NATS and been applied.
  const trace = await eventually(async () => {
    const ours = spans.filter((s) => s.traceId === requestId);
    return ours.some((s) => s.service === "catalog") && ours.some((s) => s.service === "fees") ? ours : null;
  }, 20_000).catch((error: unknown) => {
    throw new Error(`${String(error)}; spans of ${requestId}: ${JSON.stringify(spans.map((s) => [s.service, s.name, s.traceId.slice(0, 6)]))}`);
  });
  const server = trace.find((s) => s.service === "gateway" && s.name === "mutation RegisterTracedDepartment")!;
  expect(server).toBeDefined();
  const fetchSpan = trace.find((s) => s.service === "gateway" && s.name === "fetch staffing")!;
  expect(fetchSpan.parentSpanId).toBe(server.spanId);
  const staffing = trace.find((s) => s.service === "staffing" && s.name === "mutation RegisterTracedDepartment")!;
  // The subgraph's server span continues the gateway's fetch (the traceparent header).
  expect(staffing.parentSpanId).toBe(fetchSpan.spanId);
  // The consumer's span continues the request's (the trace context in the event's envelope).
  const consumed = trace.find((s) => s.service === "catalog" && s.name.includes("staffing.department"))!;
  expect(consumed).toBeDefined();
  expect(consumed.parentSpanId).toBe(staffing.spanId);
});

test("each process's metrics are on its admin port, never on the public one", async () => {
  const gatewayMetrics = await scrape(system.gateway.metricsUrl);
  expect(sample(gatewayMetrics, "onestop_graphql_requests_total", { operation: "RegisterTracedDepartment", type: "mutation", outcome: "ok", service: "gateway" })).toBe(1);
  expect(sample(gatewayMetrics, "onestop_gateway_subgraph_fetch_duration_seconds_count", { subgraph: "staffing", status: "200" })).toBeGreaterThanOrEqual(1);
  expect(sample(gatewayMetrics, "onestop_gateway_audit_batch_size_count", {})).toBeGreaterThanOrEqual(1);
  expect(sample(gatewayMetrics, "onestop_db_pool_connections", { pool: "audit", state: "open" })).toBeGreaterThanOrEqual(1);
  expect(new URL(system.gateway.metricsUrl).hostname).toBe("127.0.0.1");
  expect(new URL(system.gateway.metricsUrl).port).not.toBe(new URL(system.gatewayUrl).port);
  const onPublicPort = await fetch(new URL("/metrics", system.gatewayUrl));
  expect(await onPublicPort.text()).not.toContain("onestop_graphql_requests_total");

  const staffing = await scrape(system.subgraphs.staffing.metricsUrl);
  // The subgraph counts the gateway's fetch under the client's operation name.
  expect(sample(staffing, "onestop_graphql_requests_total", { operation: "RegisterTracedDepartment", type: "mutation", outcome: "ok", service: "staffing" })).toBe(1);
  expect(sample(staffing, "onestop_outbox_published_total", {})).toBeGreaterThanOrEqual(1);
  expect(sample(staffing, "onestop_outbox_relay_lag_seconds_count", {})).toBeGreaterThanOrEqual(1);
  expect(sample(staffing, "onestop_outbox_backlog", {})).toBe(0);
  expect(sample(staffing, "onestop_nats_connected", {})).toBe(1);
  expect(sample(staffing, "onestop_db_statement_duration_seconds_count", { statement: "INSERT", outcome: "ok" })).toBeGreaterThanOrEqual(1);

  const catalog = await scrape(system.subgraphs.catalog.metricsUrl);
  expect(sample(catalog, "onestop_events_handled_total", { consumer: /^catalog_/, outcome: "applied" })).toBeGreaterThanOrEqual(1);

  // Cases has durable timers: their gauges are there (none due in a fresh database).
  const cases = await scrape(system.subgraphs.cases.metricsUrl);
  expect(sample(cases, "onestop_timers", { state: "overdue", service: "cases" })).toBe(0);

  // The domain's own gauges, sampled from each service's database.
  expect(cases).toContain("# TYPE onestop_cases_open gauge");
  expect(sample(await scrape(system.subgraphs.fees.metricsUrl), "onestop_fees_notices_unpaid", { expired: "no" })).toBe(0);
  expect(sample(await scrape(system.subgraphs.supervision.metricsUrl), "onestop_supervision_warnings_open", { level: "RED" })).toBe(0);
});

test("an error is counted under its stable code", async () => {
  const token = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const result = await graphql(
    system.gatewayUrl,
    "mutation RegisterBadDepartment($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }",
    { input: { centerCode: "12", code: "X", name: "" } },
    { token },
  );
  expect(result.errors).toBeDefined();
  const code = String(result.errors![0].extensions?.code);
  const gatewayMetrics = await scrape(system.gateway.metricsUrl);
  expect(sample(gatewayMetrics, "onestop_graphql_errors_total", { operation: "RegisterBadDepartment", code })).toBe(1);
});
