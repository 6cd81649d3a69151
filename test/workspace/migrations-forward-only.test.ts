// Migrations only go forward (docs/operations.md, "Upgrades"): no code reverts one (a bad
// migration is answered by a new one, or by restoring the backup taken before the upgrade), each
// service's list only grows at its end, and a migration that takes something away (drops or renames
// a column or table, changes a column's type) is the contract step of an expand-then-contract
// change: its file says, in a `contract:` comment, which earlier release stopped using what it
// removes, so a rolling upgrade never runs old code against a schema without it. TypeORM runs the
// pending migrations in timestamp order whatever order a service lists them in, so a migration
// merged late with an early timestamp still runs; what it must never do is rely on running first.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { subgraphCatalog } from "@onestop/testkit";

const root = join(__dirname, "..", "..");

function files(dir: string, match: (path: string) => boolean, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, match, found);
    else if (match(path)) found.push(path);
  }
  return found;
}

const sources = ["services", "packages", "scripts", "bench"].flatMap((dir) => files(join(root, dir), (p) => /\.(ts|js)$/.test(p) && !p.includes(`${join("test", "")}`)));

/** Destructive migrations written before this rule; each was released together with code that no longer read what it drops. */
const BEFORE_THE_RULE = new Set([
  "services/fees/src/notices/migrations/1763769600034-notice-lifecycle.ts",
  "services/staffing/src/accounts/migrations/1763769601502-sign-in-throttle.ts",
  "services/parallel-approval/src/joint-approvals/migrations/1763769600053-joint-alarms.ts",
  "services/parallel-approval/src/joint-approvals/migrations/1763769600051-joint-saga.ts",
  // Widens status (MODIFY COLUMN): an expand step, which the pattern cannot tell from a narrowing one.
  "services/cases/src/cases/migrations/1763769600023-case-lifecycle.ts",
]);

const TAKES_AWAY = /\bDROP\s+(COLUMN|TABLE)\b|\bRENAME\s+(COLUMN|TABLE|TO)\b|\bCHANGE\s+COLUMN\b|\bMODIFY\s+COLUMN\b/i;

/** The body of a migration file's up(). */
function upBody(text: string): string {
  const start = text.search(/async\s+up\s*\(/);
  if (start < 0) return "";
  const down = text.search(/async\s+down\s*\(/);
  return text.slice(start, down > start ? down : undefined);
}

test("no code reverts a migration", () => {
  const reverting = sources.filter((path) => /undoLastMigration|migration:revert|\.down\(\s*queryRunner/.test(readFileSync(path, "utf8")));
  expect(reverting.map((p) => relative(root, p))).toEqual([]);
});

test("a migration that takes something away names, in a contract: comment, the release that stopped using it", () => {
  const migrations = sources.filter((path) => /migrations?[/\\]/.test(path) || /class \w+\d{13} implements MigrationInterface/.test(readFileSync(path, "utf8")));
  expect(migrations.length).toBeGreaterThan(30);
  const unmarked = migrations
    .map((path) => ({ path: relative(root, path).split("\\").join("/"), text: readFileSync(path, "utf8") }))
    .filter(({ path, text }) => TAKES_AWAY.test(upBody(text)) && !BEFORE_THE_RULE.has(path) && !/contract:\s*\S/.test(text))
    .map(({ path }) => path);
  expect(unmarked).toEqual([]);
});

test("each service's migrations carry distinct 13-digit timestamps (TypeORM runs the pending ones in their order)", () => {
  for (const [name, { definition }] of Object.entries(subgraphCatalog)) {
    const stamps = definition.migrations.map((migration) => /(\d{13})$/.exec(migration.name)?.[1] ?? migration.name);
    expect([name, stamps.filter((stamp) => !/^\d{13}$/.test(stamp))]).toEqual([name, []]);
    expect([name, new Set(stamps).size]).toEqual([name, stamps.length]);
  }
});
