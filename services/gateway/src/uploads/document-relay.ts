import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError, ErrorCode, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Clock, type Identity, type Logger, type SubgraphKey } from "@onestop/platform";
import { GatewayErrorCode } from "../errors";

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403 };

/** Headers of results' answer that reach the caller. */
const RELAYED = ["content-type", "content-length", "content-disposition", "x-content-type-options", "cache-control", "etag", "allow"];

function send(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export interface DocumentRelayOptions {
  /** Results' base URL (`http://results:4109`): its /documents/<id>. */
  resultsBase: string;
  identityKey: SubgraphKey;
  clock: Clock;
  identityFromAuthorization: (header: string | undefined) => Promise<Identity>;
  logger: Logger;
}

/**
 * GET /documents/<id> (docs/results.md): a result document's PDF, as /files/<id> serves material
 * files. The gateway authenticates the caller and forwards the request with the identity bound
 * to it; results decides who reads the document and streams the stored bytes back.
 */
export function documentRelay(options: DocumentRelayOptions) {
  const base = options.resultsBase.replace(/\/+$/, "");
  const download = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return send(response, 405, GatewayErrorCode.MethodNotAllowed, "GET only");
    }
    let identity: Identity;
    try {
      identity = await options.identityFromAuthorization(request.headers.authorization);
      if (identity.roles.includes("anonymous")) throw new DomainError(ErrorCode.Unauthenticated, "Sign in first");
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return send(response, STATUS[error.code]!, error.code, error.message);
      throw error;
    }
    const id = (request.url ?? "").split("?")[0]!.slice("/documents/".length);
    const requestId = randomUUID();
    const closed = new AbortController();
    response.once("close", () => closed.abort());
    let upstream: Response;
    try {
      upstream = await fetch(`${base}/documents/${encodeURIComponent(id)}`, {
        headers: {
          [IDENTITY_HEADER]: signIdentity(identity, requestId, options.identityKey, options.clock.now(), { body: "", client: request.socket.remoteAddress ?? null }),
          [REQUEST_ID_HEADER]: requestId,
        },
        signal: closed.signal,
      });
    } catch (error) {
      options.logger.warn({ err: error }, "results unreachable for a document download");
      return send(response, 502, ErrorCode.Internal, "The document store is unreachable");
    }
    const headers: Record<string, string> = { "x-request-id": requestId };
    for (const name of RELAYED) {
      const value = upstream.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    response.writeHead(upstream.status, headers);
    if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream), response);
    else response.end();
  };
  return { "/documents/": download };
}
