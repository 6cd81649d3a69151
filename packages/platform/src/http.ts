import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { DomainError, ErrorCode } from "./errors";
import type { Logger } from "./logger";
import { runWithRequestContext, type RequestContext } from "./request-context";
import { failSpan, runInContext, SpanKind, SpanStatusCode, type Tracing } from "./telemetry/tracing";

export interface GraphqlEndpoint<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /**
   * Establishes who calls, given the request and its whole body (a subgraph checks the
   * forwarded identity was signed for exactly this body); a DomainError UNAUTHENTICATED
   * answers 401 before any resolver runs.
   */
  authenticate(request: IncomingMessage, body: string): Promise<{ context: C; requestContext: RequestContext }>;
}

export interface HttpServerOptions<C extends BaseContext> {
  host: string;
  port: number;
  logger: Logger;
  graphql: GraphqlEndpoint<C>;
  /** Named checks for /ready; every one must pass. */
  readiness: () => Promise<Record<string, boolean>>;
  maxBodyBytes?: number;
  /**
   * Further endpoints by path (the gateway's /audit); each answers its requests itself. A path
   * ending in "/" takes every path under it (`/files/` answers `/files/<id>`).
   */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>>;
  /** Asked about any other path before the 404 (the gateway's portal files); true when it answered. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /**
   * Each /graphql request becomes a server span continuing the caller's `traceparent`; the
   * authentication and the execution run inside it (the gateway's request id is its trace id).
   */
  tracing?: Tracing;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function graphqlError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

function routeFor<R>(routes: Record<string, R> | undefined, path: string): R | undefined {
  if (!routes) return undefined;
  if (Object.hasOwn(routes, path)) return routes[path];
  const under = Object.keys(routes).find((prefix) => prefix.endsWith("/") && path.startsWith(prefix) && path.length > prefix.length);
  return under === undefined ? undefined : routes[under];
}

/** A small node:http integration for Apollo Server with /health and /ready beside /graphql. */
export async function startHttpServer<C extends BaseContext>(options: HttpServerOptions<C>): Promise<RunningHttpServer> {
  const { logger, graphql } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  async function handleGraphql(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const tracing = options.tracing;
    if (!tracing) return answerGraphql(request, response);
    const { span, context } = tracing.startFromHeaders("POST /graphql", request.headers, SpanKind.SERVER);
    try {
      await runInContext(context, () => answerGraphql(request, response));
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  async function answerGraphql(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: string;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read, so the connection cannot carry another request.
        response.setHeader("connection", "close");
        graphqlError(response, 413, ErrorCode.PayloadTooLarge, `Request body over ${maxBodyBytes} bytes`);
        return;
      }
      throw error;
    }
    let authenticated: Awaited<ReturnType<GraphqlEndpoint<C>["authenticate"]>>;
    try {
      authenticated = await graphql.authenticate(request, body);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Unauthenticated) {
        graphqlError(response, 401, error.code, error.message);
        return;
      }
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsedBody: unknown = body;
    if (headers.get("content-type")?.startsWith("application/json") && body.length > 0) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        graphqlError(response, 400, ErrorCode.BadRequest, "Body is not valid JSON");
        return;
      }
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const result = await runWithRequestContext(authenticated.requestContext, () =>
      graphql.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "POST", headers, search: url.search, body: parsedBody },
        context: async () => authenticated.context,
      }),
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.setHeader("x-request-id", authenticated.requestContext.requestId);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  // Once closing, every answer asks its client to close the connection: a kept-alive client (the
  // gateway's fetcher, a load balancer) would otherwise keep sending on it, and the server, which
  // only waits for its connections to end, would never stop under load.
  // An answer already under way when closing begins is told the same, if it can still be, and its
  // connection is closed once it has been sent, not left idle for the keep-alive's 65 s.
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    if (closing) response.setHeader("connection", "close");
    inFlight.add(response);
    response.on("close", () => {
      inFlight.delete(response);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    const path = (request.url ?? "/").split("?")[0];
    const handle = async () => {
      if (path === "/health") return sendJson(response, 200, { status: "ok" });
      if (path === "/ready") {
        const checks = await options.readiness();
        const ready = Object.values(checks).every(Boolean);
        return sendJson(response, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
      }
      if (path === "/graphql") return handleGraphql(request, response);
      const route = routeFor(options.routes, path);
      if (route) {
        return route(request, response);
      }
      if (options.fallback && (await options.fallback(request, response))) return;
      return sendJson(response, 404, { error: "not found" });
    };
    handle().catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!response.headersSent) graphqlError(response, 500, ErrorCode.Internal, "Internal server error");
      else response.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host}:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const response of inFlight) if (!response.headersSent) response.setHeader("connection", "close");
        server.close(() => resolve());
        server.closeIdleConnections();
        // A server-sent event stream (a further endpoint's) never ends by itself: closing ends it,
        // and the client reconnects elsewhere.
        for (const response of inFlight) {
          if (String(response.getHeader("content-type") ?? "").startsWith("text/event-stream")) response.end();
        }
      }),
  };
}
