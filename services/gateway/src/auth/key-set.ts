import { createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "@onestop/platform";

/** How often an unknown key id may make the gateway look at the file again. */
const UNKNOWN_KEY_RECHECK_MS = 1000;

interface PublicJwk {
  kty?: unknown;
  crv?: unknown;
  kid?: unknown;
  use?: unknown;
  alg?: unknown;
  d?: unknown;
  x?: unknown;
}

/**
 * The Ed25519 public keys of a JWKS, by key id. Keys that are not Ed25519 signing keys, carry
 * private material or repeat a kid are problems: the caller decides whether they are fatal.
 */
export function parseKeySet(text: string): { keys: Map<string, KeyObject>; problems: string[] } {
  const keys = new Map<string, KeyObject>();
  const problems: string[] = [];
  let parsed: { keys?: unknown };
  try {
    parsed = JSON.parse(text) as { keys?: unknown };
  } catch {
    return { keys, problems: ["not JSON"] };
  }
  if (!Array.isArray(parsed.keys)) return { keys, problems: ['no "keys" array'] };
  for (const [index, jwk] of (parsed.keys as PublicJwk[]).entries()) {
    const where = typeof jwk?.kid === "string" ? `key ${jwk.kid}` : `key #${index}`;
    if (typeof jwk?.kid !== "string" || jwk.kid.length === 0) problems.push(`${where}: no kid`);
    else if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519") problems.push(`${where}: not an Ed25519 key`);
    else if (jwk.d !== undefined) problems.push(`${where}: holds a private key, which never belongs in a public key set`);
    else if ((jwk.use !== undefined && jwk.use !== "sig") || (jwk.alg !== undefined && jwk.alg !== "EdDSA")) problems.push(`${where}: not for EdDSA signatures`);
    else if (keys.has(jwk.kid)) problems.push(`${where}: kid appears twice`);
    else {
      try {
        keys.set(jwk.kid, createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x } as never, format: "jwk" }));
      } catch {
        problems.push(`${where}: not a valid public key`);
      }
    }
  }
  return { keys, problems };
}

export interface KeySetFileOptions {
  file: string;
  refreshSeconds: number;
  logger: Logger;
}

/**
 * The access-token public keys, read from a JWKS file and read again every `refreshSeconds`
 * and whenever a token names a key id not yet known, so keys rotate without a restart: the
 * new key is added before tokens are signed with it, the old one removed once its tokens
 * have expired. A file that cannot be read or parsed keeps the last good set.
 */
export class KeySetFile {
  private keys = new Map<string, KeyObject>();
  private text = "";
  /** Moves on every time the set changes, so what was verified against the old set is forgotten. */
  revision = 0;
  private lastCheck = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: KeySetFileOptions) {}

  /** Reads the file, failing if it gives no usable set; then watches it. */
  start(): void {
    this.reload(true);
    this.timer = setInterval(() => this.reload(false), this.options.refreshSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** The key for a kid; an unknown kid makes the file be read again, at most once a second. */
  keyFor(kid: string): KeyObject | undefined {
    const key = this.keys.get(kid);
    if (key) return key;
    if (Date.now() - this.lastCheck < UNKNOWN_KEY_RECHECK_MS) return undefined;
    this.reload(false);
    return this.keys.get(kid);
  }

  private reload(initial: boolean): void {
    this.lastCheck = Date.now();
    let text: string;
    try {
      text = readFileSync(this.options.file, "utf8");
    } catch (error) {
      if (initial) throw new Error(`cannot read AUTH_JWKS_FILE ${this.options.file}: ${(error as Error).message}`);
      this.options.logger.error({ file: this.options.file, err: error }, "access-token key set unreadable; keeping the last good one");
      return;
    }
    if (text === this.text) return;
    const { keys, problems } = parseKeySet(text);
    if (problems.length > 0) {
      const message = `AUTH_JWKS_FILE ${this.options.file}: ${problems.join("; ")}`;
      if (initial) throw new Error(message);
      this.options.logger.error({ file: this.options.file, problems }, "access-token key set invalid; keeping the last good one");
      return;
    }
    const before = this.keyIds;
    this.keys = keys;
    this.text = text;
    this.revision += 1;
    if (!initial) {
      this.options.logger.info(
        { added: this.keyIds.filter((kid) => !before.includes(kid)), removed: before.filter((kid) => !keys.has(kid)) },
        "access-token key set reloaded",
      );
    }
  }
}
