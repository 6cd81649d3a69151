import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Role } from "@onestop/platform";

/** The claims the gateway reads from an access token (see services/gateway/src/auth/access-token.ts). */
export interface AccessClaims {
  subject: string;
  roles: Role[];
  centerCode: string | null;
  departmentId: string | null;
  windowId: string | null;
  /** A citizen's or enterprise's applicant key, from the account's verified ID number; null for staff and machines. */
  applicantKey: string | null;
  /** The sign-in (refresh family) the token belongs to, so that ending it refuses the token too; null for machines. */
  sessionId: string | null;
}

export interface SignerOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Signs short-lived access tokens: a JWT, EdDSA over Ed25519, with the key id in the header
 * so the gateway picks the key from its key set and keys can rotate.
 */
export class AccessTokenSigner {
  private constructor(
    private readonly key: KeyObject,
    private readonly keyId: string,
    private readonly options: SignerOptions,
  ) {}

  static fromJwkFile(path: string, options: SignerOptions): AccessTokenSigner {
    const jwk = JSON.parse(readFileSync(path, "utf8")) as { kid?: string; kty?: string; crv?: string; d?: string; x?: string };
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.d || !jwk.kid) {
      throw new Error(`${path} is not a private Ed25519 JWK with a kid`);
    }
    return new AccessTokenSigner(createPrivateKey({ key: jwk as never, format: "jwk" }), jwk.kid, options);
  }

  sign(claims: AccessClaims, now: Date): { token: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.options.ttlSeconds;
    const header = encode({ alg: "EdDSA", typ: "JWT", kid: this.keyId });
    const payload = encode({
      sub: claims.subject,
      roles: claims.roles,
      center: claims.centerCode,
      dept: claims.departmentId,
      win: claims.windowId,
      apk: claims.applicantKey,
      sid: claims.sessionId,
      iss: this.options.issuer,
      aud: this.options.audience,
      iat,
      exp,
    });
    const signature = sign(null, Buffer.from(`${header}.${payload}`), this.key).toString("base64url");
    return { token: `${header}.${payload}.${signature}`, expiresAt: new Date(exp * 1000) };
  }
}
