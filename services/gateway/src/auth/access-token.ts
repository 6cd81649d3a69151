import { readFileSync } from "node:fs";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from "jose";
import { z } from "zod";
import { anonymousIdentity, DomainError, ErrorCode, identitySchema, roles, type Identity } from "@onestop/platform";

/** The claims our access tokens carry besides the registered ones. */
const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  center: z.string().regex(/^\d{12}$/).nullable().default(null),
  dept: z.string().nullable().default(null),
  win: z.string().nullable().default(null),
});

export interface AccessTokenVerifierOptions {
  jwksFile: string;
  issuer: string;
  audience: string;
}

/**
 * Verifies bearer tokens against the configured key set: the key id picks the key, so a
 * new key can be added before tokens are signed with it and the old one removed after
 * its last tokens expire.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions) {
  const keySet = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, "utf8")) as JSONWebKeySet);

  return async function identityFromAuthorization(header: string | undefined): Promise<Identity> {
    if (!header) return anonymousIdentity;
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new DomainError(ErrorCode.Unauthenticated, "Authorization must be 'Bearer <token>'");
    try {
      const { payload } = await jwtVerify(match[1], keySet, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ["EdDSA"],
        requiredClaims: ["exp", "sub"],
      });
      const claims = accessClaimsSchema.parse(payload);
      return identitySchema.parse({
        subject: claims.sub,
        roles: claims.roles,
        centerCode: claims.center,
        departmentId: claims.dept,
        windowId: claims.win,
      });
    } catch (error) {
      const why = error instanceof joseErrors.JWTExpired ? "token expired" : "invalid token";
      throw new DomainError(ErrorCode.Unauthenticated, `Access refused: ${why}`);
    }
  };
}
