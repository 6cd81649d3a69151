import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  createErrorFormatter,
  createLogger,
  loadPrivateKey,
  startHttpServer,
  systemClock,
  type Clock,
  type Logger,
} from "@onestop/platform";
import { createAccessTokenVerifier } from "./auth/access-token";
import type { GatewayEnv } from "./env";
import { SignedIdentityDataSource, type GatewayContext } from "./federation/signed-data-source";

const requestIdPattern = /^[A-Za-z0-9_.:-]{8,64}$/;

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function subgraphUrls(env: GatewayEnv): Record<string, string> {
  return {
    catalog: env.CATALOG_URL,
    cases: env.CASES_URL,
    fees: env.FEES_URL,
    staffing: env.STAFFING_URL,
    "parallel-approval": env.PARALLEL_APPROVAL_URL,
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

export async function startGateway(env: GatewayEnv, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger("gateway", env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const privateKey = loadPrivateKey(env.IDENTITY_PRIVATE_KEY_FILE);
  const identityFromAuthorization = createAccessTokenVerifier({
    jwksFile: env.AUTH_JWKS_FILE,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
  });
  const urls = subgraphUrls(env);
  const production = env.NODE_ENV === "production";

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(env.SUPERGRAPH_FILE, "utf8"),
    buildService: ({ name }) => {
      const url = urls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new SignedIdentityDataSource(url, privateKey, clock);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const http = await startHttpServer<GatewayContext>({
    host: env.HOST,
    port: env.PORT,
    logger,
    maxBodyBytes: env.MAX_BODY_BYTES,
    graphql: {
      apollo,
      authenticate: async (request) => {
        const offered = request.headers["x-request-id"];
        const requestId = typeof offered === "string" && requestIdPattern.test(offered) ? offered : randomUUID();
        const identity = await identityFromAuthorization(request.headers.authorization);
        const context: GatewayContext = { identity, requestId };
        return { context, requestContext: { identity, requestId } };
      },
    },
    readiness: async () => ({ subgraphs: await subgraphsHealthy(Object.values(urls)) }),
  });
  logger.info({ url: http.url }, "gateway ready");

  return {
    url: http.url,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
