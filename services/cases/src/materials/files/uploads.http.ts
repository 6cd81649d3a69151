import { once } from "node:events";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError, ErrorCode, type Identity, type Logger, type SubgraphInfrastructure } from "@onestop/platform";
import { CaseErrorCode } from "../../errors";
import { downloadName, materialMediaTypes, sniffMaterialType, SNIFF_BYTES, type MaterialMediaType } from "./file-type.rules";
import type { UploadsService } from "./uploads.service";

const STATUS: Record<string, number> = {
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.PayloadTooLarge]: 413,
  [CaseErrorCode.FileTypeRefused]: 415,
};

const sha256Pattern = /^[0-9a-f]{64}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, code: string, message: string, details: Record<string, unknown> = {}): void {
  send(response, STATUS[code] ?? 400, { errors: [{ message, extensions: { code, ...details } }] });
}

class TooLarge extends Error {}

/** The body, written to `path` as it comes: its SHA-256, its size and its first bytes; never more than `limit` bytes. */
async function stageBody(request: IncomingMessage, path: string, limit: number): Promise<{ sha256: string; sizeBytes: number; head: Buffer }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limit) return done(new TooLarge());
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const file = createWriteStream(path, { flags: "wx" });
  try {
    await pipeline(request, measure, file);
  } catch (error) {
    // A file still opening would be made after the caller removed it: wait until it is closed.
    if (!file.closed) await once(file, "close");
    throw error;
  }
  return { sha256: hash.digest("hex"), sizeBytes, head };
}

function fileNameOf(request: IncomingMessage): string | null {
  const given = request.headers["x-file-name"];
  if (typeof given !== "string" || given.length === 0) return null;
  try {
    return decodeURIComponent(given).slice(0, 200);
  } catch {
    return null;
  }
}

/**
 * The cases service's own file endpoints, behind the gateway's /uploads and /files/<id>
 * (docs/materials.md): the gateway authenticates, limits and streams; cases checks the file's
 * content, keeps it and decides who reads it.
 */
export function uploadRoutes(options: {
  uploads: UploadsService;
  authenticate: SubgraphInfrastructure["authenticateRoute"];
  maxBytes: number;
  logger: Logger;
}) {
  const { uploads, logger } = options;

  /** POST /uploads: the raw bytes, with `x-content-sha256` (what the identity is bound to) and `x-file-name`. */
  const upload = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      return send(response, 405, { errors: [{ message: "POST only", extensions: { code: ErrorCode.BadRequest } }] });
    }
    const declared = String(request.headers["x-content-sha256"] ?? "");
    if (!sha256Pattern.test(declared)) return refuse(response, ErrorCode.BadRequest, "x-content-sha256 must be the body's SHA-256 in hex");
    let identity: Identity;
    try {
      identity = (await options.authenticate(request, { bodySha256: declared })).identity;
      uploads.requireUploader(identity);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return refuse(response, error.code, error.message);
      throw error;
    }
    const tooLarge = () => {
      response.setHeader("connection", "close");
      refuse(response, ErrorCode.PayloadTooLarge, `A material file is at most ${options.maxBytes} bytes`, { maxBytes: options.maxBytes });
    };
    if (Number(request.headers["content-length"] ?? 0) > options.maxBytes) return tooLarge();
    const staged = join(uploads.stagingDir, `${randomUUID()}.part`);
    try {
      let body: Awaited<ReturnType<typeof stageBody>>;
      try {
        body = await stageBody(request, staged, options.maxBytes);
      } catch (error) {
        if (error instanceof TooLarge) return tooLarge();
        // The sender went away mid-file: nobody is left to answer.
        logger.info({ err: error }, "upload broke off");
        response.destroy();
        return;
      }
      if (body.sha256 !== declared) return refuse(response, ErrorCode.BadRequest, "The body is not the one its identity was signed for");
      const mediaType = sniffMaterialType(body.head);
      if (!mediaType) {
        return refuse(response, CaseErrorCode.FileTypeRefused, `Only PDF, JPEG and PNG files, judged by their content: this one is none of them`, {
          accepted: [...materialMediaTypes],
        });
      }
      const row = await uploads.accept(identity, staged, { sha256: body.sha256, mediaType, sizeBytes: body.sizeBytes }, fileNameOf(request));
      send(response, 201, { fileId: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, uploadedAt: row.uploadedAt.toISOString() });
    } finally {
      await rm(staged, { force: true });
    }
  };

  /** GET /files/<fileId>: the file, to whoever may read it; anyone else hears it does not exist. */
  const download = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return send(response, 405, { errors: [{ message: "GET only", extensions: { code: ErrorCode.BadRequest } }] });
    }
    let identity: Identity;
    try {
      identity = (await options.authenticate(request, { body: "" })).identity;
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return refuse(response, error.code, error.message);
      throw error;
    }
    const id = (request.url ?? "").split("?")[0]!.slice("/files/".length);
    const found = uuidPattern.test(id) ? await uploads.readable(identity, id) : null;
    const bytes = found ? await uploads.open(found) : null;
    if (!found || !bytes) {
      if (found) logger.error({ fileId: id, sha256: found.sha256 }, "material file missing from the store");
      return refuse(response, ErrorCode.NotFound, `No file ${id}`);
    }
    const name = downloadName(found.fileName, found.mediaType as MaterialMediaType);
    response.writeHead(200, {
      "content-type": found.mediaType,
      "content-length": String(found.sizeBytes),
      // Never shown inline: a browser would otherwise render the file in the portal's origin.
      "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    await pipeline(bytes, response);
  };

  return { "/uploads": upload, "/files/": download };
}
