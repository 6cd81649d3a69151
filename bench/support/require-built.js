"use strict";
// The benchmarks run the services' compiled code: a module of the workspace from its dist/.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");

/** `relative` from the repository's root, e.g. "packages/platform/dist/index.js"; `from` another checkout's root, to measure it. */
function requireBuilt(relative, from = root) {
  const file = join(from, relative);
  if (!existsSync(file)) throw new Error(`${relative} is missing: build first (node scripts/build.js, or pnpm bench)`);
  return require(file);
}

module.exports = { requireBuilt };
