import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError, ErrorCode, type Identity } from "@onestop/platform";
import { GatewayErrorCode } from "../errors";
import type { AuditLog } from "./audit.service";

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
};

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

/**
 * GET /audit?after=<seq>&limit=<n>: the audit log for the supervision office, as JSON, with the
 * chain head to note down and later check the log against (`pnpm audit:verify --anchor`).
 */
export function auditEndpoint(audit: AuditLog, identityFromAuthorization: (header: string | undefined) => Promise<Identity>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return send(response, 405, { errors: [{ message: "GET only", extensions: { code: GatewayErrorCode.MethodNotAllowed } }] });
    }
    try {
      const identity = await identityFromAuthorization(request.headers.authorization);
      const search = new URL(request.url ?? "/", "http://localhost").searchParams;
      const page = await audit.readForSupervisor(identity, {
        after: search.get("after") ?? undefined,
        limit: search.get("limit") ?? undefined,
      });
      send(response, 200, page);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) {
        return send(response, STATUS[error.code], { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] });
      }
      throw error;
    }
  };
}
