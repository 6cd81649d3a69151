import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { staffingEvents } from "@onestop/events";
import {
  anonymousIdentity,
  createLogger,
  databaseReachable,
  activeTraceId,
  EventFollower,
  IdentityKeyring,
  metricsPlugin,
  metricsPortFor,
  ServiceMetrics,
  startMetricsServer,
  Tracing,
  type SpanExporter,
  loadIdentitySecret,
  openDatabase,
  runWithRequestContext,
  startHttpServer,
  systemClock,
  type Clock,
  type Logger,
} from "@onestop/platform";
import { auditEndpoint } from "./audit/audit.http";
import { auditPlugin } from "./audit/audit.plugin";
import { AuditRepository } from "./audit/audit.repository";
import { AuditLog } from "./audit/audit.service";
import { AuditLog1763769600100 } from "./audit/migrations/1763769600100-audit-log";
import { AuditEntryCenters1763769601500 } from "./audit/migrations/1763769601500-audit-entry-centers";
import { createAccessTokenVerifier } from "./auth/access-token";
import { KeySetFile } from "./auth/key-set";
import { logoutEndpoint, refreshCookiePlugin, refreshEndpoint, type ExecuteAnonymously } from "./auth/refresh-cookie";
import { RevocationList } from "./auth/revocations.rules";
import { InvalidationFeed } from "./cache/invalidation-feed";
import { GatewayApolloServer, PublicResponseCache } from "./cache/public-cache";
import { INVALIDATING_SUBJECTS } from "./cache/public-cache.rules";
import type { ClientInfo, GatewayContext } from "./context";
import { auditDatabaseSettings, queryLimitSettings, type GatewayEnv } from "./env";
import { createHttpFetcher } from "./federation/http-fetcher";
import { tracedFetcher } from "./federation/traced-fetcher";
import { SignedIdentityDataSource } from "./federation/signed-data-source";
import { requestErrorStatusPlugin } from "./http-status";
import { portalHandler } from "./portal/static-portal";
import { createGatewayErrorFormatter, inputProblemsPlugin } from "./input-errors";
import { QueryLimiter } from "./limits/query-limiter";
import { supervisionStreamRelay } from "./supervision/stream-relay";
import { documentRelay } from "./uploads/document-relay";
import { fileRelay } from "./uploads/upload-relay";

const requestIdPattern = /^[A-Za-z0-9_.:-]{8,64}$/;

const auditMigrations = [AuditLog1763769600100, AuditEntryCenters1763769601500];

/** The longest staffing signs an access token for (ACCESS_TOKEN_TTL_SECONDS is at most 3600), with a minute for clock skew. */
const ACCESS_TOKEN_MAX_SECONDS = 3600 + 60;

export interface RunningGateway {
  url: string;
  port: number;
  /** The access-token key set, as last read. */
  keys: KeySetFile;
  /** The admin port's /metrics. */
  metricsUrl: string;
  stop(): Promise<void>;
}

function subgraphUrls(env: GatewayEnv): Record<string, string> {
  return {
    catalog: env.CATALOG_URL,
    cases: env.CASES_URL,
    fees: env.FEES_URL,
    staffing: env.STAFFING_URL,
    "parallel-approval": env.PARALLEL_APPROVAL_URL,
    supervision: env.SUPERVISION_URL,
    results: env.RESULTS_URL,
    notifications: env.NOTIFICATIONS_URL,
    hall: env.HALL_URL,
  };
}

async function subgraphsHealthy(urls: string[]): Promise<boolean> {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(url.replace(/\/graphql$/, "/health"), { signal: AbortSignal.timeout(1000) })
        .then((response) => response.ok)
        .catch(() => false),
    ),
  );
  return answers.every(Boolean);
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(", ") : value) ?? null;
}

/** Where a request came from. X-Forwarded-For is kept as the client gave it, not trusted as the address. */
function clientOf(request: IncomingMessage): ClientInfo {
  return {
    ip: request.socket.remoteAddress ?? null,
    forwardedFor: header(request, "x-forwarded-for"),
    userAgent: header(request, "user-agent"),
    clientName: header(request, "apollographql-client-name"),
    clientVersion: header(request, "apollographql-client-version"),
  };
}

export async function startGateway(env: GatewayEnv, options: { clock?: Clock; logger?: Logger; traceExporter?: SpanExporter } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger("gateway", env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  // METRICS=off (the overhead benchmark's baseline) counts into a registry nobody serves.
  const metrics = new ServiceMetrics("gateway", { logger, defaultMetrics: env.METRICS !== "off" });
  void metrics.gateway;
  const tracing = new Tracing("gateway", env, { exporter: options.traceExporter });
  const identityKeys = new IdentityKeyring(loadIdentitySecret(env.IDENTITY_SECRET_FILE));
  const keys = new KeySetFile({ file: env.AUTH_JWKS_FILE, refreshSeconds: env.AUTH_JWKS_REFRESH_SECONDS, logger });
  keys.start();
  const revocations = new RevocationList(ACCESS_TOKEN_MAX_SECONDS);
  // Every instance hears every revocation itself, and one that starts reads back those that may
  // still refuse a live token.
  const revocationFeed = new EventFollower({
    url: env.NATS_URL,
    namespace: env.NATS_NAMESPACE,
    event: staffingEvents.sessionsRevoked,
    // The stream's own timestamps are the server's real time, whatever clock the gateway runs on.
    since: new Date(Date.now() - ACCESS_TOKEN_MAX_SECONDS * 1000),
    logger,
    onEvent: (revoked) => {
      revocations.add({ accountId: revoked.accountId, sessionId: revoked.sessionId, revokedAt: new Date(revoked.revokedAt) });
      revocations.prune(clock.now());
    },
  });
  await revocationFeed.start();
  const identityFromAuthorization = createAccessTokenVerifier({ keys, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, revocations });
  const urls = subgraphUrls(env);
  const production = env.NODE_ENV === "production";

  const auditDatabase = await openDatabase({ settings: auditDatabaseSettings(env), entities: [], migrations: auditMigrations, logger });
  if (env.METRICS !== "off") metrics.watchDatabase(auditDatabase, "audit");
  const audit = new AuditLog(new AuditRepository(auditDatabase), clock, logger, (size) => metrics.gateway.auditBatchSize.observe(size));

  const fetcher = createHttpFetcher();
  // Apollo's data collection, on unless this variable says otherwise, probes the cloud metadata
  // addresses (169.254.169.254 …) when the gateway is built: a county network has none, and no
  // process of ours may call outside. The launchers set it too; the gateway does not rely on them.
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(env.SUPERGRAPH_FILE, "utf8"),
    buildService: ({ name }) => {
      const url = urls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new SignedIdentityDataSource(url, identityKeys.keyFor(name), clock, env.METRICS === "off" && !tracing.exporting ? fetcher.fetch : tracedFetcher(name, fetcher.fetch, tracing, metrics));
    },
  });
  const feed =
    env.PUBLIC_CACHE === "on"
      ? new InvalidationFeed({ url: env.NATS_URL, namespace: env.NATS_NAMESPACE, subjects: INVALIDATING_SUBJECTS, logger, onChange: () => cache?.invalidate() })
      : null;
  const cache = feed
    ? new PublicResponseCache(
        { maxEntries: env.PUBLIC_CACHE_MAX_ENTRIES, maxBytes: env.PUBLIC_CACHE_MAX_BYTES, ttlSeconds: env.PUBLIC_CACHE_TTL_SECONDS },
        feed,
        logger,
        (outcome) => metrics.gateway.publicCache.inc({ outcome }),
      )
    : null;
  await feed?.start();
  const limiter = new QueryLimiter(queryLimitSettings(env), logger);
  const apollo = new GatewayApolloServer(
    {
      gateway,
      formatError: createGatewayErrorFormatter(logger, { hideSchema: production }),
      includeStacktraceInErrorResponses: false,
      introspection: !production,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // A hash-only request would name a query the limits never see with its new variables.
      persistedQueries: false,
      parseOptions: { maxTokens: env.QUERY_MAX_TOKENS },
      plugins: [auditPlugin(audit), refreshCookiePlugin(clock), inputProblemsPlugin(), requestErrorStatusPlugin(), ...(env.METRICS === "off" ? [] : [metricsPlugin<GatewayContext>(metrics)]), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
    },
    limiter,
    cache,
  );
  await apollo.start();

  const requestIdOf = (request: IncomingMessage): string => {
    const offered = request.headers["x-request-id"];
    // Unless the caller names its own, the request id is the trace id (the logs and the spans meet on it).
    return typeof offered === "string" && requestIdPattern.test(offered) ? offered : (activeTraceId() ?? randomUUID());
  };
  const executeAnonymously: ExecuteAnonymously = async (request, query, variables) => {
    const requestId = requestIdOf(request);
    const context: GatewayContext = { identity: anonymousIdentity, requestId, client: clientOf(request), touchedCenters: new Set() };
    const result = await runWithRequestContext({ identity: anonymousIdentity, requestId }, () =>
      apollo.executeOperation({ query, variables }, { contextValue: context }),
    );
    if (result.body.kind !== "single") throw new Error("A refresh answered incrementally");
    return result.body.singleResult;
  };

  const http = await startHttpServer<GatewayContext>({
    host: env.HOST,
    port: env.PORT,
    logger,
    maxBodyBytes: env.MAX_BODY_BYTES,
    tracing,
    graphql: {
      apollo,
      authenticate: async (request) => {
        const requestId = requestIdOf(request);
        const identity = await identityFromAuthorization(request.headers.authorization);
        const context: GatewayContext = { identity, requestId, client: clientOf(request), touchedCenters: new Set() };
        return { context, requestContext: { identity, requestId } };
      },
    },
    routes: {
      "/auth/refresh": refreshEndpoint(executeAnonymously, clock),
      "/auth/logout": logoutEndpoint(executeAnonymously),
      "/audit": auditEndpoint(audit, identityFromAuthorization),
      "/supervision/stream": supervisionStreamRelay({
        url: env.SUPERVISION_URL.replace(/\/graphql$/, "/stream"),
        identityKey: identityKeys.keyFor("supervision"),
        clock,
        identityFromAuthorization,
        logger,
      }),
      ...documentRelay({
        resultsBase: env.RESULTS_URL.replace(/\/graphql$/, ""),
        identityKey: identityKeys.keyFor("results"),
        clock,
        identityFromAuthorization,
        logger,
      }),
      // The hall's calling screen and public board (取号叫号, 办件公示): public, per center, nothing personal on it.
      "/hall/stream": supervisionStreamRelay({
        url: env.HALL_URL.replace(/\/graphql$/, "/stream"),
        identityKey: identityKeys.keyFor("hall"),
        clock,
        identityFromAuthorization,
        logger,
        forwardQuery: true,
        upstreamName: "The hall",
      }),
      ...fileRelay({
        casesBase: env.CASES_URL.replace(/\/graphql$/, ""),
        identityKey: identityKeys.keyFor("cases"),
        clock,
        identityFromAuthorization,
        logger,
        maxBytes: env.UPLOAD_MAX_BYTES,
        tempDir: env.UPLOAD_TEMP_DIR,
      }),
    },
    fallback: env.PORTAL_DIR ? portalHandler(env.PORTAL_DIR) : undefined,
    readiness: async () => ({
      subgraphs: await subgraphsHealthy(Object.values(urls)),
      audit: await databaseReachable(auditDatabase),
    }),
  });
  // The admin port, never the public one: /metrics is for the county's Prometheus only.
  const admin = env.METRICS === "off" ? null : await startMetricsServer({ host: env.METRICS_HOST, port: metricsPortFor(env), metrics: [metrics], logger });
  logger.info({ url: http.url, metrics: admin?.url ?? "off" }, "gateway ready");

  return {
    url: http.url,
    port: http.port,
    keys,
    metricsUrl: admin?.url ?? "",
    stop: async () => {
      await http.close();
      await apollo.stop();
      fetcher.close();
      await feed?.stop();
      await revocationFeed.stop();
      keys.stop();
      await auditDatabase.destroy();
      await admin?.close();
      await tracing.shutdown();
    },
  };
}
