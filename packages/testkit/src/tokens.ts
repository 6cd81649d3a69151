import { importJWK, SignJWT } from "jose";
import type { Role } from "@onestop/platform";
import { readPrivateJwk, type KeyFiles } from "./keys";

export interface TokenClaims {
  subject: string;
  roles: Role[];
  centerCode?: string | null;
  departmentId?: string | null;
  windowId?: string | null;
  applicantKey?: string | null;
}

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  expiresInSeconds?: number;
}

/** Signs an access token the way the login service will, for tests and local use. */
export async function mintAccessToken(keys: KeyFiles, claims: TokenClaims, options: TokenOptions = {}): Promise<string> {
  const jwk = readPrivateJwk(keys);
  const key = await importJWK(jwk, "EdDSA");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: claims.roles,
    center: claims.centerCode ?? null,
    dept: claims.departmentId ?? null,
    win: claims.windowId ?? null,
    apk: claims.applicantKey ?? null,
  })
    .setProtectedHeader({ alg: "EdDSA", kid: jwk.kid })
    .setSubject(claims.subject)
    .setIssuer(options.issuer ?? "onestop")
    .setAudience(options.audience ?? "onestop-gateway")
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 15 * 60))
    .sign(key);
}
