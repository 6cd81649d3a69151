#!/usr/bin/env node
// Composes the supergraph from every subgraph's src/schema/*.graphql and writes
// services/gateway/supergraph.graphql; exits non-zero on any composition error.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const { composeSupergraph } = require(join(root, "services/gateway/dist/federation/compose.js"));
const result = composeSupergraph(root);
if (!result.ok) {
  process.stderr.write(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join("\n")}\n`);
  process.exit(1);
}
writeFileSync(join(root, "services/gateway/supergraph.graphql"), result.supergraphSdl);
process.stdout.write("services/gateway/supergraph.graphql written\n");
