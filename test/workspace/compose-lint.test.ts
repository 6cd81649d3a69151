// The compose deployment's file checked without a Docker engine: dclint validates it against the
// Compose schema (its style rules are off in .dclintrc), and the monitoring that rides on it
// (Prometheus' scrape targets, its alert rules, the Grafana dashboard) names only ports the
// services listen on and metrics the code registers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { casesGauges } from "../../services/cases/src/cases/cases.gauges";
import { feesGauges } from "../../services/fees/src/notices/notices.gauges";
import { warningGauges } from "../../services/supervision/src/projection/warnings.gauges";
import { ServiceMetrics } from "@onestop/platform";

const root = join(__dirname, "..", "..");
const infra = join(root, "infra");
const read = (path: string) => readFileSync(join(infra, path), "utf8");

interface ComposeService {
  environment?: Record<string, string>;
  profiles?: string[];
}

test("dclint finds no error in infra/docker-compose.yml", () => {
  const bin = join(root, "node_modules", ".bin", "dclint");
  let output = "";
  let status = 0;
  try {
    output = execFileSync(bin, [join(infra, "docker-compose.yml"), "--formatter", "json", "--color", "false"], { cwd: root, encoding: "utf8" });
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    status = failed.status;
    output = failed.stdout;
  }
  const results = JSON.parse(output) as Array<{ messages: Array<{ type: string; message: string; rule: string; line: number }> }>;
  const errors = results.flatMap((r) => r.messages).filter((m) => m.type === "error");
  expect(errors).toEqual([]);
  expect(status).toBe(0);
});

test("Prometheus scrapes every service on its admin port (PORT + 1000), which listens on Docker's network", () => {
  const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };
  const prometheus = parse(read("prometheus/prometheus.yml")) as {
    scrape_configs: Array<{ job_name: string; dns_sd_configs?: Array<{ names: string[]; port: number }> }>;
  };
  const targets = new Map(prometheus.scrape_configs.flatMap((job) => (job.dns_sd_configs ?? []).map((sd) => [sd.names[0], sd.port] as const)));
  const ours = Object.entries(compose.services).filter(([, service]) => service.environment?.PORT && !service.profiles?.includes("supervision-export"));
  expect(ours.length).toBeGreaterThanOrEqual(7);
  for (const [name, service] of ours) {
    expect([name, targets.get(name)]).toEqual([name, Number(service.environment!.PORT) + 1000]);
    expect([name, service.environment!.METRICS_HOST]).toEqual([name, "0.0.0.0"]);
  }
  // The admin ports are never published: only the gateway's public port and the monitoring UIs are.
  for (const [name, service] of Object.entries(compose.services) as Array<[string, ComposeService & { ports?: string[] }]>) {
    for (const port of service.ports ?? []) expect([name, port]).toEqual([name, expect.stringMatching(/^127\.0\.0\.1:/)]);
  }
});

/** Every metric name the code registers, with a histogram's series. */
async function registeredNames(): Promise<Set<string>> {
  const metrics = new ServiceMetrics("names");
  void metrics.gateway;
  const none = { query: async () => [] } as never;
  for (const gauge of [...casesGauges(none), ...feesGauges(none, () => new Date()), ...warningGauges(none)]) metrics.sampledGauge(gauge);
  const names = new Set<string>();
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (metric.type === ("histogram" as never)) for (const suffix of ["_bucket", "_sum", "_count"]) names.add(metric.name + suffix);
  }
  // The outbox, timer and pool gauges are added when a subgraph opens its database (platform-gauges.ts, watchDatabase).
  for (const name of ["onestop_outbox_backlog", "onestop_outbox_oldest_unpublished_seconds", "onestop_timers", "onestop_db_pool_connections"]) names.add(name);
  return names;
}

test("the alert rules and the dashboard name only metrics the code registers", async () => {
  const names = await registeredNames();
  const alerts = parse(read("prometheus/alerts.yml")) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
  const dashboard = JSON.parse(read("grafana/dashboards/onestop-operations.json")) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
  const expressions = [...alerts.groups.flatMap((g) => g.rules.map((r) => r.expr)), ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr))];
  const used = new Set(expressions.flatMap((expr) => expr.match(/\bonestop_[a-z0-9_]+/g) ?? []));
  expect(used.size).toBeGreaterThan(15);
  expect([...used].filter((name) => !names.has(name))).toEqual([]);
  expect(alerts.groups[0].rules.map((r) => r.alert)).toEqual(
    expect.arrayContaining(["OutboxRelayStalled", "DurableTimersOverdue", "ConsumerRedelivering", "ReconciliationDiscrepancies", "DiskFilling"]),
  );
});
