import { existsSync } from "node:fs";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { GraphQLError, Kind } from "graphql";
import type { NatsConnection } from "@nats-io/transport-node";
import { allStreams } from "@onestop/events";
import type { IncomingMessage } from "node:http";
import type { DataSource } from "typeorm";
import { systemClock, type Clock } from "./clock";
import type { SubgraphContext } from "./context";
import { databaseReachable, openDatabase } from "./db";
import type { SubgraphEnv } from "./env";
import { createErrorFormatter } from "./error-formatter";
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from "./http";
import { DomainError, ErrorCode } from "./errors";
import { IDENTITY_HEADER, loadSubgraphKey, verifyIdentity, type BodyOf, type VerifiedIdentity } from "./identity";
import { IdentityNonces, IdentityNonces1763769601500 } from "./identity-nonces";
import { createLogger, type Logger } from "./logger";
import { EventConsumers, type ConsumerOptions, type EventHandler } from "./messaging/consumers";
import { connectNats, ensureStreams, natsReachable } from "./messaging/nats";
import { OutboxRelay, type RelayOptions } from "./messaging/relay";
import { MessagingTables1763769600000, messagingEntities } from "./messaging/tables";
import { canReach, howToStart, natsHostPort } from "./preflight";
import { loadTypeDefs, type ResolverMap } from "./schema";
import { exitGracefullyOnSignals } from "./shutdown";
import { UnitOfWork } from "./unit-of-work";
import { metricsPlugin, metricsPortFor, ServiceMetrics, startMetricsServer, type DomainGauge, type RunningMetricsServer } from "./telemetry/metrics";
import { Tracing, type SpanExporter } from "./telemetry/tracing";
import { watchConnection, watchMessaging } from "./telemetry/platform-gauges";

/** What a service's wiring gets to build its repositories, services and resolvers from. */
export interface SubgraphInfrastructure<Env extends SubgraphEnv = SubgraphEnv> {
  env: Env;
  logger: Logger;
  clock: Clock;
  dataSource: DataSource;
  unitOfWork: UnitOfWork;
  nats: NatsConnection;
  /** The service's metrics (its admin port's /metrics): counters a service adds register here (absent in tools that wire a service without serving it). */
  metrics?: ServiceMetrics;
  tracing?: Tracing;
  /**
   * Who calls one of the module's own routes: the forwarded identity, checked as /graphql checks
   * it against the body it was bound to, and its one-time number spent (a replay is
   * UNAUTHENTICATED). A route reading a file states the SHA-256 it was sent with and checks
   * the bytes against it as they come.
   */
  authenticateRoute(request: IncomingMessage, body: BodyOf): Promise<VerifiedIdentity>;
}

/** Background work with its own life: timers, pollers. */
export interface Worker {
  start(): void;
  stop(): Promise<void>;
}

export interface SubgraphModule {
  resolvers: ResolverMap;
  handlers?: EventHandler[];
  workers?: Worker[];
  /** Further HTTP endpoints beside /graphql (supervision's push stream); each checks its caller itself. */
  routes?: HttpServerOptions<SubgraphContext>["routes"];
  /**
   * The domain's own gauges (cases open per stage, red warnings open, notices unpaid), each a
   * cheap count sampled at most once per period when Prometheus scrapes.
   */
  gauges?: DomainGauge[];
}

export interface SubgraphDefinition<Env extends SubgraphEnv = SubgraphEnv> {
  name: string;
  /** The service's folder: its schema is read from `src/schema`. */
  rootDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  wire(infrastructure: SubgraphInfrastructure<Env>): SubgraphModule;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  relay?: Partial<Pick<RelayOptions, "afterPublish" | "batchSize">>;
  consumers?: Partial<Pick<ConsumerOptions, "beforeAck" | "concurrency">>;
  /** Where spans go instead of OTLP (tests): every span is recorded. */
  traceExporter?: SpanExporter;
}

export interface RunningSubgraph<Env extends SubgraphEnv = SubgraphEnv> {
  name: string;
  url: string;
  port: number;
  infrastructure: SubgraphInfrastructure<Env>;
  relay: OutboxRelay;
  consumers: EventConsumers;
  /** The admin port's /metrics ("" with METRICS=off). */
  metricsUrl: string;
  stop(): Promise<void>;
}

/**
 * Every mutation where it executes: a forwarded identity's nonce is consumed before it runs (a
 * replayed header is refused, 401), and one log line says who ran which mutation fields in
 * which request and how it ended, whether or not the call came through the gateway.
 */
export function mutationGuard(nonces: IdentityNonces | null, logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== "mutation" || !nonces || !contextValue.nonce) return;
          if (!(await nonces.accept(contextValue.nonce.value, contextValue.nonce.expiresAt))) {
            throw new GraphQLError("Identity refused: already used (a replayed request)", {
              extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
            });
          }
        },
        async willSendResponse({ operation, response, contextValue }) {
          if (!operation || operation.operation !== "mutation") return;
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          // The gateway files its audit entry under these, never under a center the input names.
          if (contextValue.touchedCenters?.size) result.extensions = { ...result.extensions, touchedCenters: [...contextValue.touchedCenters].sort() };
          logger.info(
            {
              audit: "mutation",
              requestId: contextValue.requestId,
              subject: contextValue.identity.subject,
              roles: contextValue.identity.roles,
              operationName: operation.name?.value ?? null,
              fields: operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : `...${selection.kind}`)),
              errorCodes: (result.errors ?? []).map((error) => String(error.extensions?.code ?? ErrorCode.Internal)),
            },
            "mutation executed",
          );
        },
      };
    },
  };
}

export function buildSubgraphServer(
  typeDefs: ReturnType<typeof loadTypeDefs>,
  resolvers: ResolverMap,
  logger: Logger,
  production: boolean,
  nonces: IdentityNonces | null = null,
  metrics: ServiceMetrics | null = null,
): ApolloServer<SubgraphContext> {
  return new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    csrfPrevention: true,
    // Inline traces are for Apollo's cloud reporting, which is never used here.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), mutationGuard(nonces, logger), ...(metrics ? [metricsPlugin<SubgraphContext>(metrics)] : [])],
  });
}

/** Starts one subgraph: database and migrations, streams, relay, consumers, HTTP. */
export async function startSubgraph<Env extends SubgraphEnv>(
  definition: SubgraphDefinition<Env>,
  env: Env,
  options: StartOptions = {},
): Promise<RunningSubgraph<Env>> {
  const logger = options.logger ?? createLogger(definition.name, env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  // The definition's name is the subgraph's name in the supergraph: the one the gateway derives its key for.
  const identityKey = loadSubgraphKey(env.IDENTITY_KEY_FILE, definition.name);

  const dataSource = await openDatabase({
    settings: env,
    entities: [...messagingEntities, ...definition.entities],
    migrations: [MessagingTables1763769600000, IdentityNonces1763769601500, ...definition.migrations],
    logger,
  });
  const metrics = env.METRICS === "off" ? undefined : new ServiceMetrics(definition.name, { logger });
  const tracing = new Tracing(definition.name, env, { exporter: options.traceExporter });
  metrics?.watchDatabase(dataSource);
  const nats = await connectNats(env.NATS_URL, definition.name, logger);
  if (metrics) watchConnection(metrics, nats);
  await ensureStreams(nats, env.NATS_NAMESPACE, allStreams);

  const unitOfWork = new UnitOfWork(dataSource, clock);
  const nonces = new IdentityNonces(dataSource, clock, logger);
  const verify = (request: IncomingMessage, body: BodyOf) => {
    const header = request.headers[IDENTITY_HEADER];
    // Tests and tools call subgraphs directly with unbound headers signed with the development
    // secret; in production only the gateway's bound ones pass.
    return verifyIdentity(Array.isArray(header) ? header[0] : header, identityKey, clock.now(), { ...body, requireBinding: env.NODE_ENV === "production" });
  };
  const authenticateRoute = async (request: IncomingMessage, body: BodyOf): Promise<VerifiedIdentity> => {
    const verified = verify(request, body);
    if (verified.nonce && !(await nonces.accept(verified.nonce.value, verified.nonce.expiresAt))) {
      throw new DomainError(ErrorCode.Unauthenticated, "Identity refused: already used (a replayed request)");
    }
    return verified;
  };
  const infrastructure: SubgraphInfrastructure<Env> = { env, logger, clock, dataSource, unitOfWork, nats, metrics, tracing, authenticateRoute };
  const module = await (async () => {
    try {
      return definition.wire(infrastructure);
    } catch (error) {
      // A wiring that fails (a missing key file) leaves no connection behind to hold the process.
      await nats.close();
      await dataSource.destroy();
      throw error;
    }
  })();

  const relay = new OutboxRelay({
    dataSource,
    connection: nats,
    namespace: env.NATS_NAMESPACE,
    clock,
    logger,
    pollMs: env.OUTBOX_POLL_MS,
    metrics,
    ...options.relay,
  });
  unitOfWork.onEventsCommitted(() => relay.wake());
  relay.start();

  const consumers = new EventConsumers({
    serviceName: definition.name,
    connection: nats,
    namespace: env.NATS_NAMESPACE,
    unitOfWork,
    logger,
    handlers: module.handlers ?? [],
    metrics,
    tracing,
    ...options.consumers,
  });
  await consumers.start();
  for (const worker of module.workers ?? []) worker.start();

  if (metrics) {
    await watchMessaging(metrics, dataSource, clock);
    for (const gauge of module.gauges ?? []) metrics.sampledGauge(gauge);
  }

  nonces.start();
  const apollo = buildSubgraphServer(loadTypeDefs(definition.rootDir), module.resolvers, logger, env.NODE_ENV === "production", nonces, metrics ?? null);
  await apollo.start();
  const http: RunningHttpServer = await startHttpServer<SubgraphContext>({
    host: env.HOST,
    port: env.PORT,
    logger,
    tracing,
    graphql: {
      apollo,
      authenticate: async (request, body) => {
        const verified = verify(request, { body });
        const context = { identity: verified.identity, requestId: verified.requestId, nonce: verified.nonce, touchedCenters: new Set<string>(), client: verified.client };
        return { context, requestContext: context };
      },
    },
    routes: module.routes,
    readiness: async () => ({ database: await databaseReachable(dataSource), nats: await natsReachable(nats) }),
  });
  const admin: RunningMetricsServer | null = metrics ? await startMetricsServer({ host: env.METRICS_HOST, port: metricsPortFor(env), metrics: [metrics], logger }) : null;
  logger.info({ url: http.url, metrics: admin?.url ?? "off" }, `${definition.name} subgraph ready`);

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      await http.close();
      nonces.stop();
      await consumers.stop();
      for (const worker of module.workers ?? []) await worker.stop();
      await relay.stop();
      await apollo.stop();
      await nats.drain().catch(() => undefined);
      await dataSource.destroy();
      await admin?.close();
      await tracing.shutdown();
    })());

  return { name: definition.name, url: http.url, port: http.port, infrastructure, relay, consumers, metricsUrl: admin?.url ?? "", stop };
}

/** The process entry of a subgraph: checks its dependencies are up, starts, and stops on signals. */
export async function runSubgraph<Env extends SubgraphEnv>(definition: SubgraphDefinition<Env>, env: Env): Promise<void> {
  const logger = createLogger(definition.name, env.LOG_LEVEL);
  const nats = natsHostPort(env.NATS_URL);
  const missing = [
    ...((env.DB_SOCKET_PATH ? existsSync(env.DB_SOCKET_PATH) : await canReach(env.DB_HOST, env.DB_PORT)) ? [] : [howToStart.mariadb]),
    ...((await canReach(nats.host, nats.port)) ? [] : [howToStart.nats]),
  ];
  if (missing.length > 0) {
    process.stderr.write(`${definition.name}: cannot start.\n${missing.join("\n")}\n`);
    process.exit(1);
  }
  try {
    const running = await startSubgraph(definition, env, { logger });
    exitGracefullyOnSignals(running.stop, logger);
  } catch (error) {
    logger.fatal({ err: error }, "failed to start");
    process.exit(1);
  }
}
