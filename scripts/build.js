#!/usr/bin/env node
// Regenerates the subgraphs' resolver types whose schema changed (scripts/codegen.js), then
// compiles every workspace package and service from src/ to dist/ with swc (types are
// checked separately by `pnpm typecheck`), and the county web portal (apps/portal) with Vite into
// apps/portal/dist, which the gateway serves at / — only when its sources changed since the last build.
const { execFileSync } = require("node:child_process");
const { existsSync, readdirSync, rmSync, statSync } = require("node:fs");
const { join } = require("node:path");

const { writeResolverTypes } = require("./codegen");

const root = join(__dirname, "..");
const swc = join(root, "node_modules", ".bin", "swc");
const dirs = ["packages", "services"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
);

const portal = join(root, "apps", "portal");

/** The newest modification time under the given paths (files or directories). */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

function buildPortal() {
  const built = join(portal, "dist", "index.html");
  const sources = ["src", "index.html", "vite.config.ts", "package.json", "public"].map((name) => join(portal, name));
  if (existsSync(built) && statSync(built).mtimeMs > newest(sources) && process.env.PORTAL_REBUILD !== "1") return;
  process.stdout.write("Building the portal (apps/portal/dist)\n");
  execFileSync(process.execPath, [join(portal, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
    cwd: portal,
    stdio: "inherit",
  });
}

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
  if (existsSync(portal)) buildPortal();
}

build().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
