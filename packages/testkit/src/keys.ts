import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JWK } from "jose";
import { generateSigningKeyPair } from "@onestop/platform";

/** Where the keys of a non-production environment live, and what they are. */
export interface KeyFiles {
  /** Gateway's key that signs identities forwarded to subgraphs. */
  identityPrivateKeyFile: string;
  identityPublicKeyFile: string;
  /** The access-token signing key (a JWK with its kid), standing in for the login service's. */
  accessTokenPrivateJwkFile: string;
  /** The public key set the gateway verifies access tokens against. */
  jwksFile: string;
}

export function keyFiles(dir: string): KeyFiles {
  return {
    identityPrivateKeyFile: join(dir, "identity-private.pem"),
    identityPublicKeyFile: join(dir, "identity-public.pem"),
    accessTokenPrivateJwkFile: join(dir, "access-token-private.jwk.json"),
    jwksFile: join(dir, "access-token-jwks.json"),
  };
}

/** Creates development keys in `dir` unless they are already there. Never for production. */
export function ensureDevelopmentKeys(dir: string): KeyFiles {
  const files = keyFiles(dir);
  if (Object.values(files).every((file) => existsSync(file))) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const identity = generateSigningKeyPair();
  writeFileSync(files.identityPrivateKeyFile, identity.privateKeyPem, { mode: 0o600 });
  writeFileSync(files.identityPublicKeyFile, identity.publicKeyPem);
  const { privateKey } = generateKeyPairSync("ed25519");
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "EdDSA", use: "sig" };
  const { d: _secret, ...publicJwk } = jwk;
  writeFileSync(files.accessTokenPrivateJwkFile, JSON.stringify(jwk), { mode: 0o600 });
  writeFileSync(files.jwksFile, JSON.stringify({ keys: [publicJwk] }));
  return files;
}

export function readPrivateJwk(files: KeyFiles): JWK & { kid: string } {
  return JSON.parse(readFileSync(files.accessTokenPrivateJwkFile, "utf8")) as JWK & { kid: string };
}
