import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { JWK } from "jose";
import { deriveSubgraphKey, exportSubgraphKey, generateIdentitySecret, IdentityKeyring, loadIdentitySecret } from "@onestop/platform";

/** Where the keys of a non-production environment live, and what they are. */
export interface KeyFiles {
  /** The gateway's master identity secret; each subgraph's key is derived from it (see `subgraphIdentityKeyFile`). */
  identitySecretFile: string;
  /** The access-token signing key (a JWK with its kid), standing in for the login service's. */
  accessTokenPrivateJwkFile: string;
  /** The public key set the gateway verifies access tokens against. */
  jwksFile: string;
}

export function keyFiles(dir: string): KeyFiles {
  return {
    identitySecretFile: join(dir, "identity-secret"),
    accessTokenPrivateJwkFile: join(dir, "access-token-private.jwk.json"),
    jwksFile: join(dir, "access-token-jwks.json"),
  };
}

/** A file's full content appears at once: test workers share a keys folder and read while others write. */
function writeWhole(file: string, content: string, mode: number): void {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, file);
}

/**
 * Writes the file unless it exists, atomically: of workers creating it at once, one wins and
 * all use its content, so every key derived from the secret agrees with the gateway's.
 */
function createOnce(file: string, content: string, mode: number): void {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { mode });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** Creates development keys in `dir` unless they are already there. Never for production. */
export function ensureDevelopmentKeys(dir: string): KeyFiles {
  const files = keyFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(files.identitySecretFile)) createOnce(files.identitySecretFile, generateIdentitySecret(), 0o600);
  if (existsSync(files.accessTokenPrivateJwkFile) && existsSync(files.jwksFile)) return files;
  const { privateKey } = generateKeyPairSync("ed25519");
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "EdDSA", use: "sig" };
  const { d: _secret, ...publicJwk } = jwk;
  writeFileSync(files.accessTokenPrivateJwkFile, JSON.stringify(jwk), { mode: 0o600 });
  writeFileSync(files.jwksFile, JSON.stringify({ keys: [publicJwk] }));
  return files;
}

/**
 * The file of one subgraph's identity key (its IDENTITY_KEY_FILE), derived from the environment's
 * secret for `subgraph`, its name in the supergraph; written (again) when missing or stale.
 */
export function subgraphIdentityKeyFile(files: KeyFiles, subgraph: string): string {
  const file = join(dirname(files.identitySecretFile), `identity-key-${subgraph}`);
  const key = exportSubgraphKey(deriveSubgraphKey(loadIdentitySecret(files.identitySecretFile), subgraph));
  if (!existsSync(file) || readFileSync(file, "utf8") !== key) writeWhole(file, key, 0o600);
  return file;
}

/** Signs for any subgraph as tests and tools call them directly: `signIdentity(…, keyring.keyFor(name), …)`. */
export function developmentIdentityKeyring(files: KeyFiles): IdentityKeyring {
  return new IdentityKeyring(loadIdentitySecret(files.identitySecretFile));
}

export function readPrivateJwk(files: KeyFiles): JWK & { kid: string } {
  return JSON.parse(readFileSync(files.accessTokenPrivateJwkFile, "utf8")) as JWK & { kid: string };
}
