#!/usr/bin/env node
// Regenerates the subgraphs' resolver types whose schema changed (scripts/codegen.js), then
// compiles every workspace package and service from src/ to dist/ with swc (types are
// checked separately by `pnpm typecheck`).
const { execFileSync } = require("node:child_process");
const { existsSync, readdirSync, rmSync } = require("node:fs");
const { join } = require("node:path");

const { writeResolverTypes } = require("./codegen");

const root = join(__dirname, "..");
const swc = join(root, "node_modules", ".bin", "swc");
const dirs = ["packages", "services"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
);

async function build() {
  await writeResolverTypes({ staleOnly: true });
  for (const dir of dirs) {
    if (!existsSync(join(dir, "src"))) continue;
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    execFileSync(
      swc,
      ["src", "-d", "dist", "--strip-leading-paths", "--quiet", "--config-file", join(root, ".swcrc"), "--ignore", "**/*.test.ts"],
      { cwd: dir, stdio: "inherit" },
    );
  }
}

build().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
