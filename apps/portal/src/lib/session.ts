import { useSyncExternalStore } from "react";

/**
 * Who is signed in (issue 17, point 6). The access token lives only in this module's memory;
 * the refresh token is an HttpOnly cookie the gateway sets on the sign-in (asked for with the
 * header below) and spends on POST /auth/refresh, so no script of the page ever holds a token
 * that survives a reload. After a reload the page renews silently from the cookie.
 */
export const REFRESH_HEADERS = { "x-onestop-refresh": "cookie" } as const;

export interface Account {
  id: string;
  kind: "PERSON" | "ENTERPRISE" | "STAFF";
  name: string;
}

/**
 * What the access token says of its holder, read (not verified: the gateway verifies) so that the
 * page offers the staff areas the person's roles open. The services still decide every request.
 */
export interface Claims {
  subject: string;
  roles: string[];
  centerCode: string | null;
  departmentId: string | null;
  windowId: string | null;
}

export type SessionState =
  | { status: "restoring" }
  | { status: "signed-out" }
  | { status: "signed-in"; account: Account | null; claims: Claims };

/** The token's payload (base64url JSON between the dots). */
export function claimsOf(token: string): Claims {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    return {
      subject: text(json.sub) ?? "",
      roles: Array.isArray(json.roles) ? json.roles.filter((role): role is string => typeof role === "string") : [],
      centerCode: text(json.center),
      departmentId: text(json.dept),
      windowId: text(json.win),
    };
  } catch {
    return { subject: "", roles: [], centerCode: null, departmentId: null, windowId: null };
  }
}

/** Whether the signed-in person is staff (any role but a citizen's). */
export const isStaff = (claims: Claims): boolean => claims.roles.some((role) => role !== "citizen");

let state: SessionState = { status: "restoring" };
let accessToken: string | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
/** One renewal at a time: two would spend the same cookie twice, which ends the sign-in. */
let renewing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export const currentAccessToken = (): string | null => accessToken;

/** Keeps the access token and renews it a minute before it expires. */
function hold(token: string, expiresAt: string): void {
  accessToken = token;
  clearTimeout(renewTimer);
  const wait = Math.max(5_000, Date.parse(expiresAt) - Date.now() - 60_000);
  renewTimer = setTimeout(() => void renew(), wait);
}

/**
 * Whether this browser signed in and has not signed out: not a token, only a hint that a cookie
 * may be there, so that a visitor who never signed in is not sent to /auth/refresh on every page.
 */
const HINT = "portal.signedIn";
function hint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(HINT, "1");
    else window.localStorage.removeItem(HINT);
  } catch {
    // A browser that keeps nothing renews on every load instead.
  }
}
function hinted(): boolean {
  try {
    return window.localStorage.getItem(HINT) === "1";
  } catch {
    return true;
  }
}

/** On load: renew from the cookie if this browser may hold one. */
export function restore(): void {
  if (state.status !== "restoring" || renewing) return;
  if (!hinted()) set({ status: "signed-out" });
  else void renew();
}

/** After a sign-in through GraphQL (the gateway kept the refresh token in the cookie). */
export function signedIn(token: string, expiresAt: string, account: Account): void {
  hold(token, expiresAt);
  hint(true);
  set({ status: "signed-in", account, claims: claimsOf(token) });
}

/** Spends the cookie for a new access token; false when there is no sign-in to renew. */
export function renew(): Promise<boolean> {
  renewing ??= (async () => {
    try {
      const response = await fetch("/auth/refresh", { method: "POST", headers: { ...REFRESH_HEADERS, "content-type": "application/json" }, body: "{}", credentials: "same-origin" });
      if (!response.ok) {
        hint(false);
        accessToken = null;
        clearTimeout(renewTimer);
        set({ status: "signed-out" });
        return false;
      }
      const answer = (await response.json()) as { accessToken: string; expiresAt: string };
      hold(answer.accessToken, answer.expiresAt);
      if (state.status !== "signed-in") set({ status: "signed-in", account: null, claims: claimsOf(answer.accessToken) });
      return true;
    } catch {
      // The network failed: the cookie was not spent; the person may try again.
      if (state.status === "restoring") set({ status: "signed-out" });
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/** The account, once loaded with the renewed token (a reload knows only the token at first). */
export function knowAccount(account: Account): void {
  if (state.status === "signed-in" && state.account?.id !== account.id) set({ ...state, account });
}

/** Ends the sign-in on the server (the whole family of refresh tokens) and forgets the token here. */
export async function signOut(): Promise<void> {
  await fetch("/auth/logout", { method: "POST", headers: { ...REFRESH_HEADERS, "content-type": "application/json" }, body: "{}", credentials: "same-origin" }).catch(() => undefined);
  accessToken = null;
  hint(false);
  clearTimeout(renewTimer);
  set({ status: "signed-out" });
}
