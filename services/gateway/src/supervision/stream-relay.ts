import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError, ErrorCode, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Clock, type Identity, type Logger, type SubgraphKey } from "@onestop/platform";
import { GatewayErrorCode } from "../errors";

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403 };

function send(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * GET /supervision/stream: the dashboard's push stream of supervision warnings (server-sent
 * events). Apollo Gateway federates no subscriptions, so the gateway verifies the access token as
 * for any request and relays supervision's own stream, opened with the caller's identity signed
 * for supervision and bound to the (empty) body of that request; supervision decides what the
 * caller may see, as it does for its queries.
 */
export function supervisionStreamRelay(options: {
  url: string;
  identityKey: SubgraphKey;
  clock: Clock;
  identityFromAuthorization: (header: string | undefined) => Promise<Identity>;
  logger: Logger;
  /** Passes the request's query string on (the hall's public stream is per center: ?centerCode=…). */
  forwardQuery?: boolean;
  /** Named in the log and the 502: "Supervision", "The hall". */
  upstreamName?: string;
}) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return send(response, 405, GatewayErrorCode.MethodNotAllowed, "GET only");
    }
    let identity: Identity;
    try {
      identity = await options.identityFromAuthorization(request.headers.authorization);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return send(response, STATUS[error.code], error.code, error.message);
      throw error;
    }
    const requestId = randomUUID();
    const upstreamClosed = new AbortController();
    response.once("close", () => upstreamClosed.abort());
    let upstream: Response;
    try {
      const search = options.forwardQuery ? new URL(request.url ?? "/", "http://gateway").search : "";
      upstream = await fetch(options.url + search, {
        headers: {
          accept: "text/event-stream",
          [IDENTITY_HEADER]: signIdentity(identity, requestId, options.identityKey, options.clock.now(), { body: "" }),
          [REQUEST_ID_HEADER]: requestId,
        },
        signal: upstreamClosed.signal,
      });
    } catch (error) {
      options.logger.warn({ err: error, upstream: options.upstreamName ?? "Supervision" }, "push stream unreachable");
      return send(response, 502, ErrorCode.Internal, `${options.upstreamName ?? "Supervision"} is unreachable`);
    }
    if (!upstream.ok || !upstream.body) {
      response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json; charset=utf-8" });
      response.end(await upstream.text());
      return;
    }
    // Set, not passed to writeHead: the server's close finds a stream to end by this header.
    response.setHeader("content-type", "text/event-stream; charset=utf-8");
    response.writeHead(200, {
      "cache-control": "no-store",
      connection: "close",
      "x-accel-buffering": "no",
      "x-request-id": requestId,
    });
    try {
      for await (const chunk of upstream.body) response.write(chunk);
    } catch (error) {
      if (!upstreamClosed.signal.aborted) options.logger.warn({ err: error }, "supervision stream broke off");
    }
    response.end();
  };
}
