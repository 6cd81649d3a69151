import { errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { anonymousIdentity, DomainError, ErrorCode, identitySchema, roles, type Identity } from "@onestop/platform";
import type { KeySetFile } from "./key-set";
import type { RevocationList, TokenSession } from "./revocations.rules";

/** The claims our access tokens carry besides the registered ones. */
const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  center: z.string().regex(/^\d{12}$/).nullable().default(null),
  dept: z.string().nullable().default(null),
  win: z.string().nullable().default(null),
  /** A citizen's applicant key (packages/platform/src/applicant-key.ts); tokens signed before it have none. */
  apk: z.string().nullable().default(null),
  /** The sign-in (staffing's refresh family) the token belongs to; machine clients' and older tokens have none. */
  sid: z.string().nullable().default(null),
});

export interface AccessTokenVerifierOptions {
  keys: KeySetFile;
  issuer: string;
  audience: string;
  /** Sign-ins ended before their tokens expire (logout, a reused refresh token, a password reset). */
  revocations: RevocationList;
}

/** Staffing's clock and the gateway's may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Tokens remembered as verified: a signed-in client sends the same token with every request. */
const VERIFIED_TOKENS_KEPT = 10_000;

class RefusedToken extends Error {}

/** Why a token was refused, in words the caller can act on, never the token's content. */
function reason(error: unknown): string {
  if (error instanceof RefusedToken) return error.message;
  if (error instanceof joseErrors.JWTExpired) return "token expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "token is for another audience";
    if (error.claim === "iss") return "token is from another issuer";
    if (error.claim === "nbf") return "token not yet valid";
    return `token claim ${error.claim} invalid`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) return "signature algorithm not allowed";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "bad signature";
  if (error instanceof z.ZodError) return "token claims invalid";
  return "malformed token";
}

/**
 * Verifies bearer access tokens: EdDSA only, the key picked by the token's key id from the
 * key set (read again as it changes), issuer and audience checked, then the claims read into
 * an identity. No token at all is the anonymous caller; a bad one is UNAUTHENTICATED.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions) {
  // The same bytes verify the same way against the same key set until the token expires, so
  // a verified token is remembered (by its whole text, signature included) until then, or
  // until the key set changes; the oldest are forgotten first.
  const verified = new Map<string, { identity: Identity; session: TokenSession; exp: number }>();
  let revision = options.keys.revision;

  async function verify(token: string): Promise<Identity> {
    const { identity, session } = await verifiedToken(token);
    // Asked every time, of remembered tokens too: a revocation binds the next request.
    if (options.revocations.refuses(session)) throw new RefusedToken("token revoked (signed out)");
    return identity;
  }

  async function verifiedToken(token: string): Promise<{ identity: Identity; session: TokenSession }> {
    if (options.keys.revision !== revision) {
      verified.clear();
      revision = options.keys.revision;
    }
    const known = verified.get(token);
    if (known && known.exp + CLOCK_TOLERANCE_SECONDS >= Date.now() / 1000) {
      verified.delete(token);
      verified.set(token, known);
      return known;
    }
    verified.delete(token);
    const { payload } = await jwtVerify(
      token,
      (protectedHeader) => {
        if (!protectedHeader.kid) throw new RefusedToken("token names no key id");
        const key = options.keys.keyFor(protectedHeader.kid);
        if (!key) throw new RefusedToken("token signed with an unknown or retired key");
        return key;
      },
      {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ["EdDSA"],
        requiredClaims: ["exp", "sub"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      },
    );
    const claims = accessClaimsSchema.parse(payload);
    const identity = identitySchema.parse({
      subject: claims.sub,
      roles: claims.roles,
      centerCode: claims.center,
      departmentId: claims.dept,
      windowId: claims.win,
      applicantKey: claims.apk,
    });
    const session: TokenSession = { subject: claims.sub, sessionId: claims.sid, issuedAt: typeof payload.iat === "number" ? payload.iat : 0 };
    // A key set read while this token was checked makes its verdict stale: not kept.
    if (options.keys.revision === revision) {
      verified.set(token, { identity, session, exp: payload.exp as number });
      if (verified.size > VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
    }
    return { identity, session };
  }

  return async function identityFromAuthorization(header: string | undefined): Promise<Identity> {
    if (!header) return anonymousIdentity;
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new DomainError(ErrorCode.Unauthenticated, "Authorization must be 'Bearer <token>'");
    try {
      return await verify(match[1]);
    } catch (error) {
      throw new DomainError(ErrorCode.Unauthenticated, `Access refused: ${reason(error)}`);
    }
  };
}
