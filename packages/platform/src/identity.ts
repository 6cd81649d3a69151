import { createHash, createHmac, createSecretKey, hkdfSync, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { applicantKeyPattern } from "./applicant-key";
import { DomainError, ErrorCode } from "./errors";

export const roles = [
  "anonymous",
  "citizen",
  "window_staff",
  "chief_representative",
  /** 单位主要负责人: the head of a whole department (not a section head); signs its vetoes. */
  "department_principal",
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
  /**
   * A citizen's or enterprise's applicant key (applicant.ts): staffing computed it from the
   * account's verified ID number and signed it into the token. Absent for everyone else.
   */
  applicantKey: z.string().regex(applicantKeyPattern).nullish(),
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
  /** 128 random bits: a bound header is accepted once (identity-nonces.ts). */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/).optional(),
  /** The address the gateway saw the request come from (the socket's), for throttling anonymous guesses. */
  client: z.string().max(64).nullish(),
  iat: z.number().int(),
  exp: z.number().int(),
});

export interface VerifiedIdentity {
  identity: Identity;
  requestId: string;
  /** The header's one-time number, when it is bound to a request; with when the header expires. */
  nonce?: { value: string; expiresAt: Date };
  /** The caller's network address as the gateway saw it; null when not given (tests, tools). */
  client: string | null;
}

/** Bytes of the master secret, of every key derived from it and of a MAC. */
const IDENTITY_KEY_BYTES = 32;
/** HKDF's info is this, then the subgraph's name: it keeps these keys apart from anything else ever derived from the secret. */
const SUBGRAPH_KEY_LABEL = "onestop forwarded identity v1: ";

/**
 * One subgraph's identity key, with the name (as the supergraph names the subgraph) it was
 * derived for. Headers are MACed with it, so only that subgraph and the holder of the master
 * secret (the gateway) can make a header that subgraph accepts.
 */
export interface SubgraphKey {
  readonly audience: string;
  readonly secret: KeyObject;
}

export function deriveSubgraphKey(master: KeyObject, audience: string): SubgraphKey {
  const derived = hkdfSync("sha256", master, Buffer.alloc(0), `${SUBGRAPH_KEY_LABEL}${audience}`, IDENTITY_KEY_BYTES);
  return { audience, secret: createSecretKey(Buffer.from(derived)) };
}

/** The master secret's holder (the gateway; tests and tools in development): each subgraph's key, derived once. */
export class IdentityKeyring {
  private readonly keys = new Map<string, SubgraphKey>();

  constructor(private readonly master: KeyObject) {}

  keyFor(audience: string): SubgraphKey {
    let key = this.keys.get(audience);
    if (!key) {
      key = deriveSubgraphKey(this.master, audience);
      this.keys.set(audience, key);
    }
    return key;
  }
}

/**
 * The body of the one subgraph fetch an identity is bound to. The gateway binds every identity
 * it forwards, so a header lifted from one fetch is worth nothing on another; the subgraph it
 * goes to is the key's.
 */
export type IdentityBinding = BodyOf & {
  /** The caller's network address, signed with the rest. */
  client?: string | null;
};

/**
 * The body a header is bound to: the text itself, or (a file streamed through, never held whole
 * in memory) the SHA-256 in hex its sender computed while reading it.
 */
export type BodyOf = { body: string } | { bodySha256: string };

const sha256Hex = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");
const hashOf = (of: BodyOf) => ("body" in of ? sha256Hex(of.body) : of.bodySha256);

const mac = (claims: string, key: SubgraphKey) => createHmac("sha256", key.secret).update(claims).digest();

/**
 * Signs the caller's identity for the subgraph `key` was derived for. Without a binding the
 * header is good for any fetch to that subgraph for 30 s: only tests and tools holding the
 * master secret make such headers, and production subgraphs refuse them (see
 * `verifyIdentity`'s `requireBinding`).
 */
export function signIdentity(identity: Identity, requestId: string, key: SubgraphKey, now: Date, binding?: IdentityBinding): string {
  const iat = Math.floor(now.getTime() / 1000);
  const bound = binding ? { aud: key.audience, bodySha256: hashOf(binding), nonce: randomBytes(16).toString("base64url"), client: binding.client ?? null } : {};
  const claims = { ...identity, requestId, ...bound, iat, exp: iat + IDENTITY_TTL_SECONDS };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(body, key).toString("base64url")}`;
}

/** The fetch a subgraph received, to check a bound identity against. */
export type ReceivedRequest = BodyOf & {
  /** Refuse identities bound to no fetch (production subgraphs). */
  requireBinding: boolean;
};

const refused = (why: string) => new DomainError(ErrorCode.Unauthenticated, `Identity refused: ${why}`);

/**
 * Throws UNAUTHENTICATED for a missing, malformed, forged or stale header, and for one bound
 * to another subgraph or another body than the request it came with. `ownKey` is the
 * receiving subgraph's key: its audience is the name a bound header must carry.
 */
export function verifyIdentity(header: string | undefined, ownKey: SubgraphKey, now: Date, received?: ReceivedRequest): VerifiedIdentity {
  if (!header) throw refused("no signed identity");
  const [body, signature, extra] = header.split(".");
  if (!body || !signature || extra !== undefined) throw refused("malformed");
  const given = Buffer.from(signature, "base64url");
  // timingSafeEqual throws on a length mismatch; the length of a MAC is no secret.
  if (given.length !== IDENTITY_KEY_BYTES || !timingSafeEqual(given, mac(body, ownKey))) throw refused("bad signature");
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
  const { requestId, aud, bodySha256, nonce, client, iat: _iat, exp, ...identity } = parsed.data;
  if (aud === undefined && bodySha256 === undefined) {
    if (received?.requireBinding) throw refused("not bound to this request");
  } else {
    // A bound header is checked wherever it arrives; without the request it cannot be.
    if (!received || aud === undefined || bodySha256 === undefined) throw refused("binding cannot be checked");
    if (aud !== ownKey.audience) throw refused("signed for another subgraph");
    if (bodySha256 !== hashOf(received)) throw refused("signed for another request body");
    // Without it the same body could be sent again within the 30 s: the nonce is what a subgraph remembers.
    if (nonce === undefined) throw refused("carries no nonce");
    return { identity, requestId, client: client ?? null, nonce: { value: nonce, expiresAt: new Date((exp + CLOCK_SKEW_SECONDS) * 1000) } };
  }
  return { identity, requestId, client: client ?? null };
}

/** A new master secret, as the text of its file (base64, like `openssl rand -base64 32`). */
export function generateIdentitySecret(): string {
  return `${randomBytes(IDENTITY_KEY_BYTES).toString("base64")}\n`;
}

/** A subgraph's key as the text of its file, to hand to that subgraph alone. */
export function exportSubgraphKey(key: SubgraphKey): string {
  return `${key.secret.export().toString("base64")}\n`;
}

function readKeyFile(path: string): KeyObject {
  const text = readFileSync(path, "utf8").trim();
  const bytes = Buffer.from(text, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.length !== IDENTITY_KEY_BYTES) {
    throw new Error(`${path}: expected ${IDENTITY_KEY_BYTES} bytes in base64`);
  }
  return createSecretKey(bytes);
}

/** The gateway's master identity secret (IDENTITY_SECRET_FILE). */
export function loadIdentitySecret(path: string): KeyObject {
  return readKeyFile(path);
}

/** A subgraph's own key (IDENTITY_KEY_FILE), derived for `audience` from the master secret. */
export function loadSubgraphKey(path: string, audience: string): SubgraphKey {
  return { audience, secret: readKeyFile(path) };
}
