import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Payload } from "altcha-lib" with { "resolution-mode": "import" };
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { z } from "zod";
import { isDuplicateKey } from "./db";
import { DomainError } from "./errors";

/**
 * A proof-of-work challenge (ALTCHA v2, PBKDF2/SHA-256) in front of what answers an anonymous
 * guess: the progress look-up and sign-in after a failure (docs/security.md, "Guessing"). The
 * caller's browser spends about a second finding the counter the service hid; a bot spends the
 * same on every attempt. The service signs each challenge with a key of its own, accepts a
 * solution once (the challenge's nonce is kept until it expires), and only then counts the
 * attempt: a refused challenge changes nothing.
 */
export const ChallengeErrorCode = {
  /** The operation needs a solved challenge and none was given: fetch one, solve it, send it along. */
  ChallengeRequired: "CHALLENGE_REQUIRED",
  /** The challenge given is not one this service issued, has expired, is not solved, or was spent already: fetch a new one. */
  ChallengeFailed: "CHALLENGE_FAILED",
} as const;

/** `field` names where the challenge goes, as BAD_USER_INPUT would: `challenge`, `input.challenge`. */
const challengeRequired = (field: string) => new DomainError(ChallengeErrorCode.ChallengeRequired, `Solve a challenge first (${field})`, { field });

const challengeFailed = (field: string) =>
  new DomainError(ChallengeErrorCode.ChallengeFailed, "The challenge is expired, unsolved, spent or not ours; fetch a new one", { field });

/** The settings of a service that issues challenges (cases, staffing). */
export const challengeEnvShape = {
  /**
   * File of the key challenges are signed with (32 bytes in base64; scripts/identity-keys.js
   * writes `challenge-key-<subgraph>`). Required in production; elsewhere derived from the
   * subgraph's identity key.
   */
  CHALLENGE_KEY_FILE: z.string().min(1).optional(),
  /** PBKDF2 iterations per attempt. */
  CHALLENGE_COST: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** The hidden counter is drawn from [max/2, max]: about max × 3/4 attempts to find it. */
  CHALLENGE_MAX_COUNTER: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** How long a challenge may be solved and spent. */
  CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
};

/** For a service env schema with `challengeEnvShape`: production names its key file. */
export function challengeKeyRequiredInProduction(env: { NODE_ENV: string; CHALLENGE_KEY_FILE?: string }, context: z.RefinementCtx): void {
  if (env.NODE_ENV === "production" && !env.CHALLENGE_KEY_FILE) {
    context.addIssue({ code: "custom", path: ["CHALLENGE_KEY_FILE"], message: "required in production (scripts/identity-keys.js writes challenge-key-<subgraph>)" });
  }
}

export interface ChallengeSettings {
  NODE_ENV: string;
  IDENTITY_KEY_FILE: string;
  CHALLENGE_KEY_FILE?: string;
  CHALLENGE_COST: number;
  CHALLENGE_MAX_COUNTER: number;
  CHALLENGE_TTL_SECONDS: number;
}

const KEY_BYTES = 32;
/** HKDF's info, then the subgraph's name: keeps challenge keys apart from every other key derived from the same secret. */
const CHALLENGE_KEY_LABEL = "onestop proof-of-work challenge v1: ";

/** A subgraph's challenge key, derived from a secret (the gateway's master secret for deployments, the subgraph's identity key in development). */
export function deriveChallengeKey(secret: KeyObject, audience: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `${CHALLENGE_KEY_LABEL}${audience}`, KEY_BYTES)));
}

function readKey(path: string): KeyObject {
  const text = readFileSync(path, "utf8").trim();
  const bytes = Buffer.from(text, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.length !== KEY_BYTES) throw new Error(`${path}: expected ${KEY_BYTES} bytes in base64`);
  return createSecretKey(bytes);
}

/** The configured key; outside production, without one, a key derived from the subgraph's identity key (itself from the development secret). */
export function loadChallengeKey(env: ChallengeSettings, audience: string): KeyObject {
  if (env.CHALLENGE_KEY_FILE) return readKey(env.CHALLENGE_KEY_FILE);
  if (env.NODE_ENV === "production") throw new Error("CHALLENGE_KEY_FILE is required in production");
  return deriveChallengeKey(readKey(env.IDENTITY_KEY_FILE), audience);
}

/** What a client is handed: the challenge as ALTCHA's solvers take it (JSON), and until when it is good. */
export interface IssuedChallenge {
  altcha: string;
  expiresAt: Date;
}

const TABLE = "spent_challenge";

/** altcha-lib ships ES modules for the type checker; loaded on first use (its CommonJS build, at run time). */
const altcha = () => Promise.all([import("altcha-lib"), import("altcha-lib/algorithms/pbkdf2")]).then(([lib, { deriveKey }]) => ({ ...lib, deriveKey }));

/** The base64 JSON of `{ challenge, solution }`, as ALTCHA's widget and solvers send it; null unless it has that shape. */
function parsePayload(text: string): Payload | null {
  if (text.length > 4096) return null;
  try {
    const value = JSON.parse(Buffer.from(text, "base64").toString("utf8")) as Payload;
    const parameters = value?.challenge?.parameters;
    if (typeof parameters?.nonce !== "string" || !/^[0-9a-f]{32}$/.test(parameters.nonce) || typeof value.challenge.signature !== "string") return null;
    if (typeof value.solution?.counter !== "number" || typeof value.solution.derivedKey !== "string") return null;
    return value;
  } catch {
    return null;
  }
}

/**
 * Issues and spends one service's challenges. The signature covers every parameter, the
 * service's name (a challenge of cases is refused by staffing) and the expiry; the derived key
 * is signed too, so checking a solution is two HMACs, not a derivation.
 */
export class ProofOfWork {
  private readonly signatureSecret: string;
  private readonly keySignatureSecret: string;

  constructor(
    private readonly dataSource: DataSource,
    key: KeyObject,
    private readonly audience: string,
    private readonly settings: Pick<ChallengeSettings, "CHALLENGE_COST" | "CHALLENGE_MAX_COUNTER" | "CHALLENGE_TTL_SECONDS">,
  ) {
    const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), purpose, KEY_BYTES)).toString("hex");
    this.signatureSecret = derive("challenge signature");
    this.keySignatureSecret = derive("derived key signature");
  }

  /** A new challenge. ALTCHA checks expiry against the wall clock, so it is set from the wall clock. */
  async issue(): Promise<IssuedChallenge> {
    const max = this.settings.CHALLENGE_MAX_COUNTER;
    const expiresAt = new Date(Date.now() + this.settings.CHALLENGE_TTL_SECONDS * 1000);
    const { createChallenge, deriveKey, randomInt } = await altcha();
    const challenge = await createChallenge({
      algorithm: "PBKDF2/SHA-256",
      cost: this.settings.CHALLENGE_COST,
      counter: randomInt(max, Math.ceil(max / 2)),
      deriveKey,
      data: { audience: this.audience },
      expiresAt,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
    return { altcha: JSON.stringify(challenge), expiresAt: new Date(challenge.parameters.expiresAt! * 1000) };
  }

  /**
   * Accepts a solved challenge once: CHALLENGE_REQUIRED without one, CHALLENGE_FAILED for a
   * forged, tampered, expired, unsolved, foreign or spent one.
   */
  async spend(payload: string | null | undefined, field = "challenge"): Promise<void> {
    if (!payload) throw challengeRequired(field);
    const parsed = parsePayload(payload);
    if (!parsed || parsed.challenge.parameters.data?.audience !== this.audience || !parsed.challenge.parameters.expiresAt) throw challengeFailed(field);
    const { deriveKey, verifySolution } = await altcha();
    const result = await verifySolution({
      challenge: parsed.challenge,
      solution: parsed.solution,
      deriveKey,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    }).catch(() => null);
    if (!result?.verified) throw challengeFailed(field);
    const expiresAt = new Date(parsed.challenge.parameters.expiresAt * 1000);
    try {
      await this.dataSource.query(`INSERT INTO ${TABLE} (nonce, expires_at) VALUES (?, ?)`, [parsed.challenge.parameters.nonce, expiresAt]);
    } catch (error) {
      if (isDuplicateKey(error)) throw challengeFailed(field);
      throw error;
    }
    // Spent challenges are kept only until they expire: the ones coming in clear them, a few at a time.
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE expires_at < ? LIMIT 100`, [new Date()]);
  }
}

/** The table of spent challenges, in the migrations of each service that issues them (cases, staffing). */
export class SpentChallenges1763769601600 implements MigrationInterface {
  name = "SpentChallenges1763769601600";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${TABLE} (
      nonce CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      expires_at DATETIME(3) NOT NULL,
      KEY ix_spent_challenge_expires (expires_at)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${TABLE}`);
  }
}

