import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
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
  /** The subgraph the identity was signed for. */
  aud: z.string().min(1).optional(),
  /** SHA-256 (hex) of the exact request body it authorizes. */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});

export interface VerifiedIdentity {
  identity: Identity;
  requestId: string;
}

/**
 * One subgraph fetch: the subgraph it goes to and the exact body sent. The gateway binds every
 * identity it forwards to one, so a header lifted from one fetch is worth nothing on another.
 */
export interface IdentityBinding {
  audience: string;
  body: string;
}

const sha256Hex = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/**
 * Signs the caller's identity for subgraphs. Without a binding the header is good for any
 * fetch for 30 s: only tests and tools holding the key make such headers, and production
 * subgraphs refuse them (see `verifyIdentity`'s `requireBinding`).
 */
export function signIdentity(identity: Identity, requestId: string, privateKey: KeyObject, now: Date, binding?: IdentityBinding): string {
  const iat = Math.floor(now.getTime() / 1000);
  const bound = binding ? { aud: binding.audience, bodySha256: sha256Hex(binding.body) } : {};
  const claims = { ...identity, requestId, ...bound, iat, exp: iat + IDENTITY_TTL_SECONDS };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign(null, Buffer.from(body), privateKey).toString("base64url");
  return `${body}.${signature}`;
}

/** The fetch a subgraph received, to check a bound identity against. */
export interface ReceivedRequest {
  /** The receiving subgraph's name, as the supergraph names it. */
  audience: string;
  body: string;
  /** Refuse identities bound to no fetch (production subgraphs). */
  requireBinding: boolean;
}

const refused = (why: string) => new DomainError(ErrorCode.Unauthenticated, `Identity refused: ${why}`);

/**
 * Throws UNAUTHENTICATED for a missing, malformed, forged or stale header, and for one bound
 * to another subgraph or another body than the request it came with.
 */
export function verifyIdentity(header: string | undefined, publicKey: KeyObject, now: Date, received?: ReceivedRequest): VerifiedIdentity {
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
  const { requestId, aud, bodySha256, iat: _iat, exp: _exp, ...identity } = parsed.data;
  if (aud === undefined && bodySha256 === undefined) {
    if (received?.requireBinding) throw refused("not bound to this request");
  } else {
    // A bound header is checked wherever it arrives; without the request it cannot be.
    if (!received || aud === undefined || bodySha256 === undefined) throw refused("binding cannot be checked");
    if (aud !== received.audience) throw refused("signed for another subgraph");
    if (bodySha256 !== sha256Hex(received.body)) throw refused("signed for another request body");
  }
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
