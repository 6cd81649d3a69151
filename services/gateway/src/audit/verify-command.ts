import { readFileSync } from "node:fs";
import { DataSource } from "typeorm";
import { createLogger, parseEnv, systemClock } from "@onestop/platform";
import { auditDatabaseEnvSchema, auditDatabaseSettings } from "../env";
import { AuditRepository, type ChainHead } from "./audit.repository";
import { AuditLog } from "./audit.service";

export const AUDIT_VERIFY_USAGE = `usage: pnpm audit:verify [--anchor <seq>:<hash>]...
  Verifies the gateway's audit log (AUDIT_DB_* as the gateway reads them; default database
  onestop_gateway on 127.0.0.1): every entry in sequence, each linked to the hash of the one
  before, each giving its own hash, the last one the log's recorded head. Prints the head to
  note down; --anchor checks that an entry noted earlier still has the hash it had then.
  Exit code 0: intact; 1: broken (the first broken link is named); 2: could not check.
`;

function parseAnchors(argv: string[]): ChainHead[] | string {
  const anchors: ChainHead[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    if (flag !== "--anchor") return `unknown argument ${argv[i]}`;
    const value = inline ?? argv[++i] ?? "";
    const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
    if (!match) return `--anchor needs <seq>:<64 hex digits>, got "${value}"`;
    anchors.push({ seq: Number(match[1]), hash: match[2] });
  }
  return anchors;
}

/** `pnpm audit:verify`: returns the exit code, writing what it found line by line. */
export async function runAuditVerify(argv: string[], source: Record<string, string | undefined>, write: (line: string) => void): Promise<number> {
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("--help")) {
    write(AUDIT_VERIFY_USAGE);
    return 0;
  }
  const anchors = parseAnchors(args);
  if (typeof anchors === "string") {
    write(`${anchors}\n${AUDIT_VERIFY_USAGE}`);
    return 2;
  }
  const parsed = parseEnv(auditDatabaseEnvSchema, source);
  if (!parsed.ok) {
    write(`invalid configuration:\n${parsed.problems.map((problem) => `  - ${problem}`).join("\n")}`);
    return 2;
  }
  const settings = auditDatabaseSettings(parsed.env);
  const where = `${settings.DB_NAME} on ${settings.DB_HOST}:${settings.DB_PORT}`;
  // Opened as it is, never created or migrated: checking a log must not make one.
  const dataSource = new DataSource({
    type: "mysql",
    host: settings.DB_HOST,
    port: settings.DB_PORT,
    username: settings.DB_USER,
    password: settings.DB_PASSWORD_FILE ? readFileSync(settings.DB_PASSWORD_FILE, "utf8").trim() : settings.DB_PASSWORD,
    database: settings.DB_NAME,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
    poolSize: 1,
    logging: false,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    write(`cannot open the audit log ${where}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const audit = new AuditLog(new AuditRepository(dataSource), systemClock, createLogger("audit-verify", "silent"));
    const result = await audit.verify(anchors);
    if (!result.ok) {
      write(`audit log ${where}: BROKEN at entry ${result.broken.seq}: ${result.broken.problem}`);
      write(`  (${result.entries} entries read; the log's recorded head is entry ${result.head.seq})`);
      return 1;
    }
    write(`audit log ${where}: intact, ${result.entries} entries${anchors.length ? `, ${anchors.length} anchor(s) confirmed` : ""}`);
    write(`  head ${result.head.seq}:${result.head.hash}`);
    return 0;
  } catch (error) {
    write(`cannot read the audit log ${where}: ${(error as Error).message}`);
    return 2;
  } finally {
    await dataSource.destroy();
  }
}
