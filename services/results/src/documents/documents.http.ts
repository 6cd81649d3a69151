import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { DomainError, ErrorCode, type Identity, type Logger, type SubgraphInfrastructure } from "@onestop/platform";
import type { DocumentsService } from "./documents.service";

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403, [ErrorCode.NotFound]: 404 };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * GET /documents/<id>: the PDF, behind the gateway's relay of the same path, to the case's
 * applicant, the department's staff and the center's overseers; anyone else hears it does not
 * exist. The bytes are the stored ones, the same at every download (their SHA-256 in `etag`).
 */
export function documentRoutes(options: { documents: DocumentsService; authenticate: SubgraphInfrastructure["authenticateRoute"]; logger: Logger }) {
  const download = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return refuse(response, 405, ErrorCode.BadRequest, "GET only");
    }
    let identity: Identity;
    try {
      identity = (await options.authenticate(request, { body: "" })).identity;
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return refuse(response, STATUS[error.code]!, error.code, error.message);
      throw error;
    }
    const id = (request.url ?? "").split("?")[0]!.slice("/documents/".length);
    const found = uuidPattern.test(id) ? await options.documents.readable(identity, id) : null;
    if (!found) return refuse(response, 404, ErrorCode.NotFound, `No document ${id}`);
    const name = `${found.row.title}-${found.row.documentNo}.pdf`;
    response.writeHead(200, {
      "content-type": "application/pdf",
      "content-length": String(found.row.sizeBytes),
      // Never shown inline in the portal's origin; the browser saves it.
      "content-disposition": `attachment; filename="${found.row.documentNo}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${found.row.sha256}"`,
    });
    await pipeline(found.bytes, response);
  };
  return { "/documents/": download };
}
