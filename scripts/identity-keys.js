#!/usr/bin/env node
// Writes each subgraph's identity key, derived from the gateway's master identity secret, so
// every subgraph can be given its own key only (IDENTITY_KEY_FILE) and the gateway the secret
// (IDENTITY_SECRET_FILE). docs/security.md §2 says why. Usage, after `node scripts/build.js`:
//   node scripts/identity-keys.js [DIR]      (default: infra/secrets)
// reads DIR/identity-secret (32 random bytes in base64: `openssl rand -base64 32`) and writes
// DIR/identity-key-<subgraph> for every subgraph of services/gateway/supergraph.graphql, and
// DIR/challenge-key-<subgraph> for the subgraphs that issue proof-of-work challenges (CHALLENGE_KEY_FILE).
// Run again with the same secret, it writes the same files; after a new secret, it must be run
// and every service restarted.
const { existsSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const root = join(__dirname, "..");
const built = join(root, "packages/platform/dist/identity.js");
if (!existsSync(built)) {
  process.stderr.write(`${built} is missing: run node scripts/build.js first\n`);
  process.exit(2);
}
const { deriveSubgraphKey, exportSubgraphKey, loadIdentitySecret } = require(built);
const { deriveChallengeKey } = require(join(root, "packages/platform/dist/challenge.js"));

/** The subgraphs that sign challenges: cases (the anonymous progress look-up) and staffing (sign-in after a failure). */
const challengers = ["cases", "staffing"];

const dir = resolve(process.argv[2] ?? join(root, "infra", "secrets"));
const secretFile = join(dir, "identity-secret");
if (!existsSync(secretFile)) {
  process.stderr.write(`${secretFile} is missing. Make it first:\n  (umask 077; openssl rand -base64 32 > ${secretFile})\n`);
  process.exit(2);
}

// The gateway derives each key for the subgraph's name in the supergraph it serves.
const supergraph = readFileSync(join(root, "services/gateway/supergraph.graphql"), "utf8");
const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]);
if (names.length === 0) {
  process.stderr.write("no subgraph found in services/gateway/supergraph.graphql\n");
  process.exit(2);
}

try {
  const master = loadIdentitySecret(secretFile);
  for (const name of names) {
    const file = join(dir, `identity-key-${name}`);
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, exportSubgraphKey(deriveSubgraphKey(master, name)), { mode: 0o600 });
    renameSync(temporary, file);
    process.stdout.write(`${file} (IDENTITY_KEY_FILE of ${name})\n`);
  }
  for (const name of challengers) {
    const file = join(dir, `challenge-key-${name}`);
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, `${deriveChallengeKey(master, name).export().toString("base64")}\n`, { mode: 0o600 });
    renameSync(temporary, file);
    process.stdout.write(`${file} (CHALLENGE_KEY_FILE of ${name})\n`);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
