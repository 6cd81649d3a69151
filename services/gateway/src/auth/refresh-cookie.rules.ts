import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/**
 * The portal keeps its refresh token where no script of the page can read it (issue 17, point
 * 6): the gateway moves it out of the sign-in's answer into an HttpOnly cookie, and reads it
 * back from there on /auth/refresh and /auth/logout. Callers that do not ask for this (the
 * bank, scripts, the tests of the API) keep receiving it in the body.
 */

/** The request header a client sends to have its refresh token kept in the cookie. Being a custom header, it also forces a CORS preflight, which this gateway never grants: a page of another site cannot send it. */
export const REFRESH_TRANSPORT_HEADER = "x-onestop-refresh";
export const REFRESH_TRANSPORT_COOKIE = "cookie";
export const REFRESH_COOKIE = "onestop_refresh";
/** Sent only to the two endpoints that spend it, never with a GraphQL request. */
export const REFRESH_COOKIE_PATH = "/auth";

/** The root fields whose answers carry a refresh token. */
const SIGN_IN_FIELDS: ReadonlySet<string> = new Set(["loginCitizen", "refreshAccessToken", "login"]);

/** `Set-Cookie` for a refresh token valid until `expiresAt` (at the latest). */
export function refreshCookie(token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${REFRESH_COOKIE}=${token}; Path=${REFRESH_COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=Strict`;
}

/** `Set-Cookie` that makes the browser forget the refresh token. */
export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/** The refresh token in a `Cookie` header, or null. Tokens are base64url: anything else is not one of ours. */
export function refreshTokenFromCookies(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    const value = rest.join("=");
    if (name === REFRESH_COOKIE && /^[A-Za-z0-9_-]{16,200}$/.test(value)) return value;
  }
  return null;
}

/** Where, in a mutation's answer, a refresh token (and its expiry) sits: by response keys, aliases included. */
export interface TokenLocation {
  rootKey: string;
  tokenKey: string;
  expiresKey: string | null;
}

function fieldsOf(selectionSet: SelectionSetNode): Array<{ name: string; key: string; selectionSet?: SelectionSetNode }> {
  return selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [{ name: selection.name.value, key: selection.alias?.value ?? selection.name.value, selectionSet: selection.selectionSet }] : [],
  );
}

/** The refresh tokens a sign-in or refresh of this operation answers with. Fragments are not followed: the portal selects the field directly. */
export function refreshTokenLocations(operation: OperationDefinitionNode | null | undefined, document: DocumentNode | null | undefined): TokenLocation[] {
  if (!operation || !document || operation.operation !== "mutation") return [];
  return fieldsOf(operation.selectionSet)
    .filter((root) => SIGN_IN_FIELDS.has(root.name) && root.selectionSet)
    .flatMap((root) => {
      const inner = fieldsOf(root.selectionSet!);
      const token = inner.find((field) => field.name === "refreshToken");
      if (!token) return [];
      const expires = inner.find((field) => field.name === "refreshExpiresAt");
      return [{ rootKey: root.key, tokenKey: token.key, expiresKey: expires?.key ?? null }];
    });
}
