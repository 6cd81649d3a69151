import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError, ErrorCode, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Clock, type Identity, type Logger, type SubgraphKey } from "@onestop/platform";
import { GatewayErrorCode } from "../errors";

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403 };

/** Headers of cases' answer that reach the caller; the rest (its connection, its server) do not. */
const RELAYED = ["content-type", "content-length", "content-disposition", "x-content-type-options", "cache-control", "allow"];

function send(response: ServerResponse, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}

class TooLarge extends Error {}

export interface FileRelayOptions {
  /** Cases' base URL (`http://cases:4102`): its /uploads and /files/<id>. */
  casesBase: string;
  identityKey: SubgraphKey;
  clock: Clock;
  identityFromAuthorization: (header: string | undefined) => Promise<Identity>;
  logger: Logger;
  maxBytes: number;
  /** Where a file is held while it comes in (it is hashed on the way, and the identity is bound to that hash). */
  tempDir: string;
}

/**
 * POST /uploads and GET /files/<id> (docs/materials.md). The gateway authenticates the caller,
 * holds the body to UPLOAD_MAX_BYTES and streams it to a temporary file while hashing it, then
 * streams that file to cases with the caller's identity bound to its SHA-256: a header lifted
 * from the fetch is worth nothing for other bytes. Cases judges the content, keeps it and
 * decides who reads it. Whatever happens, the temporary file is gone when the request ends.
 */
export function fileRelay(options: FileRelayOptions) {
  const casesBase = options.casesBase.replace(/\/+$/, "");

  async function caller(request: IncomingMessage, response: ServerResponse): Promise<Identity | null> {
    try {
      const identity = await options.identityFromAuthorization(request.headers.authorization);
      if (identity.roles.includes("anonymous")) throw new DomainError(ErrorCode.Unauthenticated, "Sign in first");
      return identity;
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) {
        send(response, STATUS[error.code]!, error.code, error.message);
        return null;
      }
      throw error;
    }
  }

  function relayedHeaders(upstream: Response, requestId: string): Record<string, string> {
    const headers: Record<string, string> = { "x-request-id": requestId };
    for (const name of RELAYED) {
      const value = upstream.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return headers;
  }

  async function relay(upstream: Response, response: ServerResponse, requestId: string): Promise<void> {
    response.writeHead(upstream.status, relayedHeaders(upstream, requestId));
    if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream), response);
    else response.end();
  }

  const tooLarge = (response: ServerResponse) => {
    // The rest of the body is never read, so the connection cannot carry another request.
    response.setHeader("connection", "close");
    send(response, 413, ErrorCode.PayloadTooLarge, `A material file is at most ${options.maxBytes} bytes`, { maxBytes: options.maxBytes });
  };

  const upload = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      return send(response, 405, GatewayErrorCode.MethodNotAllowed, "POST only");
    }
    const identity = await caller(request, response);
    if (!identity) return;
    if (Number(request.headers["content-length"] ?? 0) > options.maxBytes) return tooLarge(response);
    await mkdir(options.tempDir, { recursive: true });
    const held = join(options.tempDir, `${randomUUID()}.part`);
    try {
      const hash = createHash("sha256");
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > options.maxBytes) return done(new TooLarge());
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const file = createWriteStream(held, { flags: "wx" });
      try {
        await pipeline(request, measure, file);
      } catch (error) {
        // A file still opening would be made after it was removed: wait until it is closed.
        if (!file.closed) await once(file, "close");
        if (error instanceof TooLarge) return tooLarge(response);
        options.logger.info({ err: error }, "upload broke off");
        response.destroy();
        return;
      }
      const sha256 = hash.digest("hex");
      const requestId = randomUUID();
      const name = new URL(request.url ?? "/", "http://gateway").searchParams.get("name");
      let upstream: Response;
      try {
        upstream = await fetch(`${casesBase}/uploads`, {
          method: "POST",
          body: Readable.toWeb(createReadStream(held)) as ReadableStream,
          duplex: "half",
          headers: {
            "content-type": "application/octet-stream",
            "content-length": String(size),
            "x-content-sha256": sha256,
            ...(name ? { "x-file-name": encodeURIComponent(name.slice(0, 200)) } : {}),
            [IDENTITY_HEADER]: signIdentity(identity, requestId, options.identityKey, options.clock.now(), { bodySha256: sha256, client: request.socket.remoteAddress ?? null }),
            [REQUEST_ID_HEADER]: requestId,
          },
        } as RequestInit);
      } catch (error) {
        options.logger.warn({ err: error }, "cases unreachable for an upload");
        return send(response, 502, ErrorCode.Internal, "The file store is unreachable; send the file again later");
      }
      // Cases' answer is a small JSON: the held file goes before the caller hears it was taken.
      const answer = Buffer.from(await upstream.arrayBuffer());
      await rm(held, { force: true });
      response.writeHead(upstream.status, { ...relayedHeaders(upstream, requestId), "content-length": String(answer.length) });
      response.end(answer);
    } finally {
      await rm(held, { force: true });
    }
  };

  const download = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return send(response, 405, GatewayErrorCode.MethodNotAllowed, "GET only");
    }
    const identity = await caller(request, response);
    if (!identity) return;
    const id = (request.url ?? "").split("?")[0]!.slice("/files/".length);
    const requestId = randomUUID();
    const closed = new AbortController();
    response.once("close", () => closed.abort());
    let upstream: Response;
    try {
      upstream = await fetch(`${casesBase}/files/${encodeURIComponent(id)}`, {
        headers: {
          [IDENTITY_HEADER]: signIdentity(identity, requestId, options.identityKey, options.clock.now(), { body: "", client: request.socket.remoteAddress ?? null }),
          [REQUEST_ID_HEADER]: requestId,
        },
        signal: closed.signal,
      });
    } catch (error) {
      options.logger.warn({ err: error }, "cases unreachable for a download");
      return send(response, 502, ErrorCode.Internal, "The file store is unreachable");
    }
    await relay(upstream, response, requestId);
  };

  return { "/uploads": upload, "/files/": download };
}
