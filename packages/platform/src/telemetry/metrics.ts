import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { DataSource, EntitySubscriberInterface } from "typeorm";
import type { Logger } from "../logger";
import { nameActiveSpan } from "./tracing";

/** Latency buckets in seconds, from a cached lookup to a slow report. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names a process labels before the rest count as "other": a client cannot grow the series without end. */
const MAX_OPERATION_NAMES = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** One sample of a gauge sampled from the database: its labels and value. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/**
 * A gauge a service declares about its own domain (cases open per stage, red warnings open,
 * notices unpaid). Sampled when Prometheus scrapes, at most once per sampling period: between two
 * samples a scrape gets the last values, so no scrape costs more than one count per period.
 */
export interface DomainGauge {
  name: string;
  help: string;
  labelNames?: readonly string[];
  sample(): Promise<readonly GaugeSample[]>;
}

/**
 * The metrics of one process role (a subgraph, the gateway, the exporter): its own registry, so
 * several in one process (tests, the testkit) keep theirs apart. Every name starts `onestop_`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly sampled: Array<{ gauge: Gauge<string>; sample: () => Promise<readonly GaugeSample[]> }> = [];
  private lastSampleAt = 0;
  private sampling: Promise<void> | null = null;

  readonly requests: Counter<"operation" | "type" | "outcome">;
  readonly requestDuration: Histogram<"operation" | "type">;
  readonly errors: Counter<"operation" | "code">;
  readonly statementDuration: Histogram<"statement" | "outcome">;
  readonly outboxPublished: Counter<string>;
  readonly relayLag: Histogram<string>;
  readonly relayFailures: Counter<string>;
  readonly eventsHandled: Counter<"consumer" | "outcome">;
  readonly redeliveries: Counter<"consumer">;
  readonly inboxDuplicates: Counter<"consumer">;
  readonly handlerDuration: Histogram<"consumer">;
  readonly natsConnected: Gauge<string>;
  readonly natsStatusChanges: Counter<"status">;
  private gatewayOnly: { subgraphFetchDuration: Histogram<"subgraph" | "status">; publicCache: Counter<"outcome">; auditBatchSize: Histogram<string> } | null = null;

  constructor(
    readonly service: string,
    private readonly options: { samplePeriodMs?: number; logger?: Logger; defaultMetrics?: boolean } = {},
  ) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: "onestop_" });
    const registers = [this.registry];
    this.requests = new Counter({ name: "onestop_graphql_requests_total", help: "GraphQL operations answered, by operation, type and outcome (ok or error)", labelNames: ["operation", "type", "outcome"], registers });
    this.requestDuration = new Histogram({ name: "onestop_graphql_request_duration_seconds", help: "Time to answer a GraphQL operation", labelNames: ["operation", "type"], buckets: LATENCY_BUCKETS, registers });
    this.errors = new Counter({ name: "onestop_graphql_errors_total", help: "Errors in GraphQL answers, by operation and stable error code", labelNames: ["operation", "code"], registers });
    this.statementDuration = new Histogram({ name: "onestop_db_statement_duration_seconds", help: "Time of one SQL statement, by its verb", labelNames: ["statement", "outcome"], buckets: LATENCY_BUCKETS, registers });
    this.outboxPublished = new Counter({ name: "onestop_outbox_published_total", help: "Outbox events published to JetStream", registers });
    this.relayLag = new Histogram({ name: "onestop_outbox_relay_lag_seconds", help: "From an event's commit to its publication", buckets: LATENCY_BUCKETS, registers });
    this.relayFailures = new Counter({ name: "onestop_outbox_relay_failures_total", help: "Relay passes that failed (NATS or the database away)", registers });
    this.eventsHandled = new Counter({ name: "onestop_events_handled_total", help: "Events a consumer settled, by outcome: applied, duplicate (already in the inbox), retry, given_up, malformed, skipped", labelNames: ["consumer", "outcome"], registers });
    this.redeliveries = new Counter({ name: "onestop_consumer_redeliveries_total", help: "Events delivered again to a consumer (delivery count above one)", labelNames: ["consumer"], registers });
    this.inboxDuplicates = new Counter({ name: "onestop_inbox_duplicates_total", help: "Events a consumer had already applied, dropped by its inbox", labelNames: ["consumer"], registers });
    this.handlerDuration = new Histogram({ name: "onestop_event_handler_duration_seconds", help: "Time to apply one event (or one batch) in its transaction", labelNames: ["consumer"], buckets: LATENCY_BUCKETS, registers });
    this.natsConnected = new Gauge({ name: "onestop_nats_connected", help: "1 while the NATS connection is up", registers });
    this.natsStatusChanges = new Counter({ name: "onestop_nats_status_changes_total", help: "NATS connection status changes (disconnect, reconnect)", labelNames: ["status"], registers });
  }

  /** The gateway's own metrics, registered by the gateway alone. */
  get gateway() {
    const registers = [this.registry];
    return (this.gatewayOnly ??= {
      subgraphFetchDuration: new Histogram({ name: "onestop_gateway_subgraph_fetch_duration_seconds", help: "The gateway's fetches to a subgraph", labelNames: ["subgraph", "status"], buckets: LATENCY_BUCKETS, registers }),
      publicCache: new Counter({ name: "onestop_gateway_public_cache_total", help: "Anonymous catalog queries looked up in the public cache, by outcome (hit, miss)", labelNames: ["outcome"], registers }),
      auditBatchSize: new Histogram({ name: "onestop_gateway_audit_batch_size", help: "Audit entries written in one group commit", buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256], registers }),
    });
  }

  /** The label an operation name is counted under. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    // The gateway names each subgraph fetch after the client's operation: <name>__<subgraph>__<n>.
    name = name.replace(/__[A-Za-z0-9_]+__\d+$/, "");
    if (!OPERATION_NAME.test(name)) return "other";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }

  /** Adds a gauge sampled from a query; see DomainGauge. */
  sampledGauge(definition: DomainGauge): void {
    const self = this;
    const gauge = new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: [...(definition.labelNames ?? [])],
      registers: [this.registry],
      async collect() {
        await self.sampleIfStale();
      },
    });
    this.sampled.push({ gauge, sample: () => definition.sample() });
  }

  /** Runs every sampled gauge's query when the last run is older than the period; concurrent scrapes share one run. */
  private sampleIfStale(): Promise<void> {
    const period = this.options.samplePeriodMs ?? 15_000;
    if (Date.now() - this.lastSampleAt < period) return this.sampling ?? Promise.resolve();
    this.lastSampleAt = Date.now();
    this.sampling = (async () => {
      for (const { gauge, sample } of this.sampled) {
        try {
          const samples = await sample();
          gauge.reset();
          for (const { labels, value } of samples) {
            if (labels) gauge.set(labels, value);
            else gauge.set(value);
          }
        } catch (error) {
          // A failed sample keeps the last values; the database's own metrics say why.
          this.options.logger?.warn({ err: error }, "metrics sample failed");
        }
      }
    })();
    return this.sampling;
  }

  /** Gauges of the database pool, read from the driver's pool at each scrape. */
  watchDatabase(dataSource: DataSource, name = "main"): void {
    const pool = () => (dataSource.driver as unknown as { pool?: MysqlPoolInternals }).pool;
    new Gauge({
      name: "onestop_db_pool_connections",
      help: "The database pool's connections: open, in use, free, and requests queued for one",
      labelNames: ["pool", "state"],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        const open = p._allConnections?.length ?? 0;
        const free = p._freeConnections?.length ?? 0;
        this.set({ pool: name, state: "open" }, open);
        this.set({ pool: name, state: "free" }, free);
        this.set({ pool: name, state: "used" }, open - free);
        this.set({ pool: name, state: "queued" }, p._connectionQueue?.length ?? 0);
      },
    });
    const statementDuration = this.statementDuration;
    const subscriber: EntitySubscriberInterface = {
      afterQuery(event) {
        const verb = /^\s*(\w+)/.exec(event.query)?.[1]?.toUpperCase() ?? "OTHER";
        const statement = ["SELECT", "INSERT", "UPDATE", "DELETE", "START", "COMMIT", "ROLLBACK"].includes(verb) ? verb : "OTHER";
        statementDuration.observe({ statement, outcome: event.success ? "ok" : "error" }, (event.executionTime ?? 0) / 1000);
      },
    };
    (dataSource.subscribers as EntitySubscriberInterface[]).push(subscriber);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

interface MysqlPoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** Counts each GraphQL operation, its latency and the codes of its errors. */
export function metricsPlugin<C extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          const label = metrics.operationLabel(operation?.name?.value ?? operationName);
          const type = operation?.operation ?? "invalid";
          const errors = result.errors ?? [];
          metrics.requests.inc({ operation: label, type, outcome: errors.length > 0 ? "error" : "ok" });
          metrics.requestDuration.observe({ operation: label, type }, Number(process.hrtime.bigint() - started) / 1e9);
          nameActiveSpan(`${type} ${label}`);
          for (const error of errors) metrics.errors.inc({ operation: label, code: String(error.extensions?.code ?? "INTERNAL") });
        },
      };
    },
  };
}

export interface RunningMetricsServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The admin port: /metrics (and /health) on its own listener, bound to loopback unless told
 * otherwise, never on the public port.
 */
export async function startMetricsServer(options: { host: string; port: number; metrics: ServiceMetrics[]; logger: Logger }): Promise<RunningMetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/health") return void response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    if (path !== "/metrics") return void response.writeHead(404).end();
    Promise.all(options.metrics.map((m) => m.render()))
      .then((rendered) => {
        response.writeHead(200, { "content-type": rendered[0]?.contentType ?? "text/plain" });
        response.end(rendered.map((r) => r.body).join("\n"));
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, "metrics failed");
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The admin port a process listens on: METRICS_PORT, else its own port + 1000, else (port 0, tests) any free one. */
export function metricsPortFor(env: { PORT: number; METRICS_PORT?: number }): number {
  if (env.METRICS_PORT !== undefined) return env.METRICS_PORT;
  return env.PORT === 0 ? 0 : env.PORT + 1000;
}
