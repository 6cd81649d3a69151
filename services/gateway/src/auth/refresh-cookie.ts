import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { ErrorCode, type Clock } from "@onestop/platform";
import type { GatewayContext } from "../context";
import { GatewayErrorCode } from "../errors";
import {
  clearedRefreshCookie,
  REFRESH_TRANSPORT_COOKIE,
  REFRESH_TRANSPORT_HEADER,
  refreshCookie,
  refreshTokenFromCookies,
  refreshTokenLocations,
} from "./refresh-cookie.rules";

/** Staffing's refresh tokens live 30 days; the cookie never outlives what the answer said, when it said it. */
const DEFAULT_REFRESH_SECONDS = 30 * 24 * 3600;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A sign-in (or refresh) sent with `x-onestop-refresh: cookie` answers its refresh token as an
 * HttpOnly cookie and an empty string in the body: the page's scripts never hold it.
 */
export function refreshCookiePlugin(clock: Clock): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(REFRESH_TRANSPORT_HEADER) !== REFRESH_TRANSPORT_COOKIE) return;
      return {
        async willSendResponse({ operation, document, response }) {
          if (response.body.kind !== "single") return;
          const data = response.body.singleResult.data;
          if (!data) return;
          for (const location of refreshTokenLocations(operation, document)) {
            const answer = data[location.rootKey];
            if (!isRecord(answer) || typeof answer[location.tokenKey] !== "string") continue;
            const expiresText = location.expiresKey ? answer[location.expiresKey] : null;
            const now = clock.now();
            const expiresAt = typeof expiresText === "string" ? new Date(expiresText) : new Date(now.getTime() + DEFAULT_REFRESH_SECONDS * 1000);
            response.http.headers.set("set-cookie", refreshCookie(answer[location.tokenKey] as string, expiresAt, now));
            response.http.headers.set("cache-control", "no-store");
            answer[location.tokenKey] = "";
          }
        },
      };
    },
  };
}

/** Runs one operation through the gateway's own pipeline (limits, audit, subgraphs) as the anonymous caller of this request. */
export type ExecuteAnonymously = (request: IncomingMessage, query: string, variables: Record<string, unknown>) => Promise<FormattedExecutionResult>;

const REFRESH = `mutation PortalRefresh($refreshToken: String!) {
  refreshAccessToken(refreshToken: $refreshToken) { accessToken tokenType expiresAt refreshToken refreshExpiresAt }
}`;
const LOGOUT = `mutation PortalLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;

function send(response: ServerResponse, status: number, body: unknown, cookie?: string): void {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
  if (cookie) headers["set-cookie"] = cookie;
  response.writeHead(status, headers);
  response.end(JSON.stringify(body));
}

const refusal = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * POST only, and only with the transport header: a form or an image of another site can
 * neither send the header nor (SameSite=Strict) carry the cookie.
 */
function refused(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") {
    response.setHeader("allow", "POST");
    send(response, 405, refusal(GatewayErrorCode.MethodNotAllowed, "POST only"));
    return true;
  }
  if (request.headers[REFRESH_TRANSPORT_HEADER] !== REFRESH_TRANSPORT_COOKIE) {
    send(response, 400, refusal(ErrorCode.BadRequest, `Send the header ${REFRESH_TRANSPORT_HEADER}: ${REFRESH_TRANSPORT_COOKIE}`));
    return true;
  }
  return false;
}

/**
 * POST /auth/refresh: spends the cookie's refresh token for a new access token (in the body)
 * and the next refresh token (in the cookie). A refused token (expired, revoked, or spent
 * before, which ends the whole sign-in) clears the cookie: the person signs in again.
 */
export function refreshEndpoint(execute: ExecuteAnonymously, clock: Clock) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (refused(request, response)) return;
    const token = refreshTokenFromCookies(request.headers.cookie);
    if (!token) return send(response, 401, refusal(ErrorCode.Unauthenticated, "No sign-in to renew: sign in"));
    const result = await execute(request, REFRESH, { refreshToken: token });
    const pair = isRecord(result.data) ? result.data.refreshAccessToken : null;
    if (!isRecord(pair) || result.errors?.length) {
      const error = result.errors?.[0];
      const code = String(error?.extensions?.code ?? ErrorCode.Internal);
      const refusedToken = code === "INVALID_REFRESH_TOKEN" || code === "REFRESH_TOKEN_REUSED";
      return send(
        response,
        refusedToken ? 401 : code === ErrorCode.Internal ? 500 : 503,
        { errors: [{ message: error?.message ?? "Internal server error", extensions: { code } }] },
        refusedToken ? clearedRefreshCookie() : undefined,
      );
    }
    const cookie = refreshCookie(String(pair.refreshToken), new Date(String(pair.refreshExpiresAt)), clock.now());
    send(response, 200, { accessToken: pair.accessToken, tokenType: pair.tokenType, expiresAt: pair.expiresAt }, cookie);
  };
}

/** POST /auth/logout: ends the sign-in the cookie belongs to (its whole family) and clears the cookie, whatever the token's state. */
export function logoutEndpoint(execute: ExecuteAnonymously) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (refused(request, response)) return;
    const token = refreshTokenFromCookies(request.headers.cookie);
    if (token) {
      const result = await execute(request, LOGOUT, { refreshToken: token });
      const code = result.errors?.[0]?.extensions?.code;
      // A token already refused has no sign-in left to end; anything else is worth a retry.
      if (code && code !== "INVALID_REFRESH_TOKEN" && code !== "REFRESH_TOKEN_REUSED") {
        return send(response, 503, { errors: [{ message: "Sign-out did not reach the accounts service: try again", extensions: { code } }] });
      }
    }
    send(response, 200, { signedOut: true }, clearedRefreshCookie());
  };
}
