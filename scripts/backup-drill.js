#!/usr/bin/env node
// Backs up, restores and checks the books of the whole system (docs/operations.md, "Backups").
//
//   pnpm backup  --dir DIR            streams first, then one snapshot of every service database
//   pnpm restore --dir DIR --yes      streams and consumers, then databases, then the outbox tail
//                                     marked for republishing (stop every service first)
//   pnpm backup:verify --dir DIR      compares the books now with the backup's (after a restore)
//   pnpm backup:drill --dir DIR --yes backup, destroy (drop the databases, delete the streams),
//                                     restore, verify; for a staging copy, never production
//
// Reads DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (or DB_PASSWORD_FILE), NATS_URL, NATS_NAMESPACE
// as the services do; DATABASES (comma-separated) defaults to the seven service databases.
// MYSQLDUMP / MYSQL name the client programs (default mariadb-dump / mariadb; mysqldump / mysql
// for MySQL 8.4). Exit code 0: done and identical; 1: the books differ; 2: could not run.
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { connect } = require("@nats-io/transport-node");
const { jetstreamManager } = require("@nats-io/jetstream");
const { createConnection } = require("mysql2/promise");

const operations = require(join(__dirname, "..", "packages/platform/dist/operations/backup.js"));

const DEFAULT_DATABASES = ["onestop_catalog", "onestop_cases", "onestop_fees", "onestop_staffing", "onestop_parallel_approval", "onestop_supervision", "onestop_gateway"];
/** Only the outbox's publication marks change across a restore (the tail is republished). */
const CHANGED_BY_RESTORE = ["outbox_message"];

function options(argv) {
  const [command, ...rest] = argv;
  const flags = { command, yes: rest.includes("--yes") };
  const dir = rest.indexOf("--dir");
  flags.dir = dir >= 0 ? resolve(rest[dir + 1]) : null;
  return flags;
}

function settings(env) {
  return {
    mysql: {
      host: env.DB_HOST ?? "127.0.0.1",
      port: Number(env.DB_PORT ?? 3306),
      user: env.DB_USER ?? "root",
      password: env.DB_PASSWORD_FILE ? readFileSync(env.DB_PASSWORD_FILE, "utf8").trim() : (env.DB_PASSWORD ?? ""),
      dumpCommand: env.MYSQLDUMP ?? "mariadb-dump",
      clientCommand: env.MYSQL ?? "mariadb",
    },
    natsUrl: env.NATS_URL ?? "nats://127.0.0.1:4222",
    namespace: env.NATS_NAMESPACE ?? "onestop",
    databases: env.DATABASES ? env.DATABASES.split(",").map((s) => s.trim()).filter(Boolean) : DEFAULT_DATABASES,
  };
}

async function destroy(config, manifest) {
  const connection = await createConnection({ host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password });
  for (const database of manifest.databases) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
  const nc = await connect({ servers: config.natsUrl });
  const jsm = await jetstreamManager(nc);
  for (const stream of manifest.streams) await jsm.streams.delete(stream.name).catch(() => undefined);
  await nc.close();
}

async function verify(config, manifest, log) {
  const now = await operations.booksOf(config.mysql, manifest.databases);
  const differences = operations.compareBooks(manifest.books, now, { ignoreTables: CHANGED_BY_RESTORE });
  const tables = Object.values(now).reduce((n, t) => n + Object.keys(t).length, 0);
  const rows = Object.values(now).reduce((n, t) => n + Object.values(t).reduce((m, x) => m + x.rows, 0), 0);
  if (differences.length === 0) log(`books identical: ${manifest.databases.length} databases, ${tables} tables, ${rows} rows`);
  else for (const line of differences) log(`DIFFERS ${line}`);
  return differences.length === 0 ? 0 : 1;
}

async function main(argv, env, log) {
  const flags = options(argv);
  if (!flags.dir || !["backup", "restore", "verify", "drill"].includes(flags.command)) {
    log("usage: backup-drill.js backup|restore|verify|drill --dir DIR [--yes]");
    return 2;
  }
  const config = settings(env);
  if (flags.command === "backup" || flags.command === "drill") {
    const started = Date.now();
    const manifest = await operations.backup({ ...config, directory: flags.dir });
    log(`backed up ${manifest.databases.length} databases and ${manifest.streams.length} streams (${manifest.streams.reduce((n, s) => n + s.messages, 0)} messages) to ${flags.dir} in ${Date.now() - started} ms`);
    log(manifest.binlog ? `binary log position: ${manifest.binlog.file}:${manifest.binlog.position}` : "binary log OFF on this server: no point-in-time recovery past this backup");
    if (flags.command === "backup") return 0;
  }
  const manifest = JSON.parse(readFileSync(join(flags.dir, "manifest.json"), "utf8"));
  if (flags.command === "verify") return verify(config, manifest, log);
  if (!flags.yes) {
    log(`${flags.command} replaces ${manifest.databases.join(", ")} and ${manifest.streams.length} streams: stop every service, then run again with --yes`);
    return 2;
  }
  if (flags.command === "drill") {
    await destroy(config, manifest);
    log("destroyed: databases dropped, streams deleted");
  }
  const started = Date.now();
  await operations.restore({ mysql: config.mysql, natsUrl: config.natsUrl, directory: flags.dir });
  log(`restored in ${Date.now() - started} ms; the outbox rows published since ${manifest.streamsSavedFrom} (less a minute) will be published again when the services start`);
  return verify(config, manifest, log);
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(2);
    },
  );
}

module.exports = { main };
