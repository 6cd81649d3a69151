import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DomainError, ErrorCode } from "./errors";

export const roles = [
  "anonymous",
  "citizen",
  "window_staff",
  "chief_representative",
  "center_admin",
  "supervisor",
  "finance",
  "bank",
  "bureau",
  /** A service acting on an event, not a person. */
  "system",
] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as the gateway established it. */
export const identitySchema = z.object({
  subject: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  centerCode: z.string().regex(/^\d{12}$/).nullable(),
  departmentId: z.string().nullable(),
  windowId: z.string().nullable(),
});
export type Identity = z.infer<typeof identitySchema>;

export const anonymousIdentity: Identity = {
  subject: "anonymous",
  roles: ["anonymous"],
  centerCode: null,
  departmentId: null,
  windowId: null,
};

export const IDENTITY_HEADER = "x-onestop-identity";
export const REQUEST_ID_HEADER = "x-request-id";

/** A forwarded identity is good for this long: enough for one federated request. */
const IDENTITY_TTL_SECONDS = 30;
const CLOCK_SKEW_SECONDS = 5;

const signedClaimsSchema = identitySchema.extend({
  requestId: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
});

export interface VerifiedIdentity {
  identity: Identity;
  requestId: string;
}

export function signIdentity(identity: Identity, requestId: string, privateKey: KeyObject, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims = { ...identity, requestId, iat, exp: iat + IDENTITY_TTL_SECONDS };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign(null, Buffer.from(body), privateKey).toString("base64url");
  return `${body}.${signature}`;
}

const refused = (why: string) => new DomainError(ErrorCode.Unauthenticated, `Identity refused: ${why}`);

/** Throws UNAUTHENTICATED for a missing, malformed, forged or stale header. */
export function verifyIdentity(header: string | undefined, publicKey: KeyObject, now: Date): VerifiedIdentity {
  if (!header) throw refused("no signed identity");
  const [body, signature, extra] = header.split(".");
  if (!body || !signature || extra !== undefined) throw refused("malformed");
  const valid = verify(null, Buffer.from(body), publicKey, Buffer.from(signature, "base64url"));
  if (!valid) throw refused("bad signature");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw refused("malformed");
  }
  const parsed = signedClaimsSchema.safeParse(json);
  if (!parsed.success) throw refused("malformed claims");
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (parsed.data.exp < nowSeconds) throw refused("expired");
  if (parsed.data.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw refused("issued in the future");
  const { requestId, iat: _iat, exp: _exp, ...identity } = parsed.data;
  return { identity, requestId };
}

export function loadPublicKey(path: string): KeyObject {
  return createPublicKey(readFileSync(path));
}

export function loadPrivateKey(path: string): KeyObject {
  return createPrivateKey(readFileSync(path));
}

export function generateSigningKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
