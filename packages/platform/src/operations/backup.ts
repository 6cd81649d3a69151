import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerConfig, type StreamConfig } from "@nats-io/jetstream";
import { connect, headers as natsHeaders } from "@nats-io/transport-node";
import { createConnection, type Connection } from "mysql2/promise";

/**
 * Backing up and restoring the whole system's state: every service's database and the JetStream
 * streams with their durable consumers. docs/operations.md says why the order is what it is:
 * streams are saved first and databases second, and on restore the outbox rows published after
 * the streams were saved are published again (same Nats-Msg-Id): nothing is lost, and the
 * consumers' inboxes drop what was already applied.
 */

export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  /** mariadb-dump or mysqldump; the client beside it restores. */
  dumpCommand?: string;
  clientCommand?: string;
}

export interface BackupManifest {
  format: 1;
  takenAt: string;
  /** When the stream copy began: outbox rows published from then on are republished on restore. */
  streamsSavedFrom: string;
  databases: string[];
  /** The binary log position the database snapshot corresponds to, for point-in-time recovery; null when the server logs none. */
  binlog: { file: string; position: number } | null;
  streams: Array<{ name: string; messages: number; consumers: string[] }>;
  /** Per database, per table, a checksum of its rows in key order. */
  books: Books;
}

export type Books = Record<string, Record<string, { rows: number; sha256: string }>>;

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; stdout?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ["pipe", options.stdout ? "pipe" : "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const done = new Promise<void>((ok, fail) => {
      child.on("error", fail);
      child.on("close", (code) => (code === 0 ? ok() : fail(new Error(`${command} exited ${code}: ${stderr.trim()}`))));
    });
    const piping: Promise<unknown>[] = [];
    if (options.stdout) piping.push(pipeline(child.stdout!, createWriteStream(options.stdout)));
    if (options.stdin) piping.push(pipeline(createReadStream(options.stdin), child.stdin!));
    else child.stdin!.end();
    Promise.all([done, ...piping]).then(() => resolve(), reject);
  });
}

function mysqlArgs(target: MysqlTarget): string[] {
  return [`--host=${target.host}`, `--port=${target.port}`, `--user=${target.user}`, "--protocol=TCP"];
}

async function server(target: MysqlTarget): Promise<Connection> {
  return createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, multipleStatements: false });
}

/** Whether the server writes a binary log (point-in-time recovery needs it). */
export async function binlogEnabled(target: MysqlTarget): Promise<boolean> {
  const connection = await server(target);
  try {
    const [rows] = (await connection.query("SHOW VARIABLES LIKE 'log_bin'")) as unknown as [Array<{ Value: string }>];
    return rows[0]?.Value === "ON";
  } finally {
    await connection.end();
  }
}

/**
 * A checksum of each table's rows in primary-key order: two copies of the books are the same
 * exactly when every table's checksum is.
 */
export async function booksOf(target: MysqlTarget, databases: readonly string[]): Promise<Books> {
  const connection = await server(target);
  const books: Books = {};
  try {
    for (const database of databases) {
      books[database] = {};
      const [tables] = (await connection.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name", [database])) as unknown as [Array<{ name: string }>];
      for (const { name } of tables) {
        const [keys] = (await connection.query(
          "SELECT column_name AS name FROM information_schema.key_column_usage WHERE table_schema = ? AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
          [database, name],
        )) as unknown as [Array<{ name: string }>];
        const order = keys.length > 0 ? ` ORDER BY ${keys.map((k) => `\`${k.name}\``).join(", ")}` : "";
        const [rows] = (await connection.query({ sql: `SELECT * FROM \`${database}\`.\`${name}\`${order}`, rowsAsArray: true })) as unknown as [unknown[][]];
        const hash = createHash("sha256");
        for (const row of rows) hash.update(JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)) + "\n");
        books[database][name] = { rows: rows.length, sha256: hash.digest("hex") };
      }
    }
  } finally {
    await connection.end();
  }
  return books;
}

/** Saves every stream of the namespace (messages with their headers) and its durable consumers' positions. */
export async function saveStreams(natsUrl: string, namespace: string, directory: string): Promise<BackupManifest["streams"]> {
  const nc = await connect({ servers: natsUrl, name: "backup" });
  const saved: BackupManifest["streams"] = [];
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${namespace.toUpperCase()}_`;
    for await (const info of jsm.streams.list()) {
      if (!info.config.name.startsWith(prefix)) continue;
      const name = info.config.name;
      const lines: string[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
        const message = await jsm.streams.getMessage(name, { seq }).catch(() => null);
        if (!message) continue;
        const headers: Record<string, string> = {};
        for (const [key, values] of message.header ?? []) headers[key] = values[0];
        lines.push(JSON.stringify({ seq: message.seq, subject: message.subject, headers, data: Buffer.from(message.data).toString("base64") }));
      }
      const consumers: Array<{ config: ConsumerConfig; ackFloor: number }> = [];
      for await (const consumer of jsm.consumers.list(name)) {
        if (!consumer.config.durable_name) continue;
        consumers.push({ config: consumer.config, ackFloor: consumer.ack_floor.stream_seq });
      }
      await writeFile(join(directory, `stream-${name}.jsonl`), lines.join("\n") + (lines.length ? "\n" : ""));
      await writeFile(join(directory, `stream-${name}.json`), JSON.stringify({ config: info.config, consumers }, null, 2));
      saved.push({ name, messages: lines.length, consumers: consumers.map((c) => c.config.durable_name!) });
    }
  } finally {
    await nc.close();
  }
  return saved;
}

/**
 * Puts the saved streams back: each created anew with its configuration, its messages published
 * in order with their own Nats-Msg-Id, and each durable consumer created to start after the
 * last message it had acknowledged (what it had taken and not acknowledged comes again).
 */
export async function restoreStreams(natsUrl: string, directory: string, streams: BackupManifest["streams"]): Promise<void> {
  const nc = await connect({ servers: natsUrl, name: "restore" });
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    for (const { name } of streams) {
      const saved = JSON.parse(await readFile(join(directory, `stream-${name}.json`), "utf8")) as { config: StreamConfig; consumers: Array<{ config: ConsumerConfig; ackFloor: number }> };
      await jsm.streams.delete(name).catch(() => undefined);
      const { config } = saved;
      await jsm.streams.add({ name: config.name, subjects: config.subjects, storage: config.storage, retention: config.retention, max_age: config.max_age, duplicate_window: config.duplicate_window, num_replicas: config.num_replicas });
      const text = await readFile(join(directory, `stream-${name}.jsonl`), "utf8");
      const newSeqOf = new Map<number, number>();
      let lastNew = 0;
      for (const line of text.split("\n").filter(Boolean)) {
        const message = JSON.parse(line) as { seq: number; subject: string; headers: Record<string, string>; data: string };
        const h = natsHeaders();
        for (const [key, value] of Object.entries(message.headers)) if (!key.startsWith("Nats-Expected")) h.set(key, value);
        const ack = await js.publish(message.subject, Buffer.from(message.data, "base64"), { headers: h, msgID: message.headers["Nats-Msg-Id"] });
        newSeqOf.set(message.seq, ack.seq);
        lastNew = ack.seq;
      }
      for (const { config: consumer, ackFloor } of saved.consumers) {
        const next = [...newSeqOf.entries()].filter(([old]) => old > ackFloor).sort((a, b) => a[0] - b[0])[0]?.[1] ?? lastNew + 1;
        await jsm.consumers.add(name, {
          durable_name: consumer.durable_name,
          ack_policy: consumer.ack_policy ?? AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: next,
          filter_subject: consumer.filter_subject,
          ...(consumer.filter_subjects ? { filter_subjects: consumer.filter_subjects } : {}),
          ack_wait: consumer.ack_wait,
          max_deliver: consumer.max_deliver,
          max_ack_pending: consumer.max_ack_pending,
        });
      }
    }
  } finally {
    await nc.close();
  }
}

/**
 * Backs up the streams of `namespace`, then the `databases` in one consistent snapshot
 * (mariadb-dump --single-transaction: one transaction for all of them, so the books agree across
 * services), into `directory`, with a manifest.
 */
export async function backup(options: {
  mysql: MysqlTarget;
  databases: readonly string[];
  natsUrl: string;
  namespace: string;
  directory: string;
  /** Test seam: runs between the stream copy and the database snapshot (the window the outbox republish covers). */
  afterStreamsSaved?: () => Promise<void>;
}): Promise<BackupManifest> {
  const { mysql, directory } = options;
  await mkdir(directory, { recursive: true });
  const streamsSavedFrom = new Date();
  const streams = await saveStreams(options.natsUrl, options.namespace, directory);
  await options.afterStreamsSaved?.();
  const withBinlog = await binlogEnabled(mysql);
  const dump = mysql.dumpCommand ?? "mariadb-dump";
  await run(
    dump,
    [
      ...mysqlArgs(mysql),
      "--single-transaction",
      "--routines",
      "--triggers",
      "--events",
      "--hex-blob",
      "--default-character-set=utf8mb4",
      // The binary log position of the snapshot, written as a comment: where point-in-time replay starts.
      ...(withBinlog ? [dump.includes("mariadb") ? "--master-data=2" : "--source-data=2"] : []),
      "--databases",
      ...options.databases,
    ],
    { env: { MYSQL_PWD: mysql.password }, stdout: join(directory, "databases.sql") },
  );
  let binlog: BackupManifest["binlog"] = null;
  if (withBinlog) {
    const head = (await readFile(join(directory, "databases.sql"), "utf8")).slice(0, 20_000);
    const match = /(?:MASTER|SOURCE)_LOG_FILE='([^']+)',\s*(?:MASTER|SOURCE)_LOG_POS=(\d+)/.exec(head);
    if (match) binlog = { file: match[1], position: Number(match[2]) };
  }
  const manifest: BackupManifest = {
    format: 1,
    takenAt: new Date().toISOString(),
    streamsSavedFrom: streamsSavedFrom.toISOString(),
    databases: [...options.databases],
    binlog,
    streams,
    books: await booksOf(mysql, options.databases),
  };
  await writeFile(join(directory, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** How far before the stream copy began the outbox is republished from: clocks of two hosts, the copy's own time. */
const REPUBLISH_MARGIN_MS = 60_000;

/**
 * Restores a backup, in the order that keeps events neither lost nor applied twice: the streams
 * and their consumers first, then the databases, then every outbox row published since the streams
 * were saved is marked unpublished, so each service's relay publishes it again when it starts.
 * The services must be stopped while this runs.
 */
export async function restore(options: { mysql: MysqlTarget; natsUrl: string; directory: string }): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(options.directory, "manifest.json"), "utf8")) as BackupManifest;
  await restoreStreams(options.natsUrl, options.directory, manifest.streams);
  const client = options.mysql.clientCommand ?? "mariadb";
  await run(client, [...mysqlArgs(options.mysql), "--default-character-set=utf8mb4"], { env: { MYSQL_PWD: options.mysql.password }, stdin: join(options.directory, "databases.sql") });
  const connection = await server(options.mysql);
  try {
    const since = new Date(new Date(manifest.streamsSavedFrom).getTime() - REPUBLISH_MARGIN_MS);
    for (const database of manifest.databases) {
      const [tables] = (await connection.query("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'outbox_message'", [database])) as unknown as [unknown[]];
      if (tables.length === 0) continue;
      await connection.query(`UPDATE \`${database}\`.outbox_message SET published_at = NULL WHERE published_at >= ?`, [since]);
    }
  } finally {
    await connection.end();
  }
  return manifest;
}

/** The tables whose checksums differ between two copies of the books (empty when identical). */
export function compareBooks(before: Books, after: Books, options: { ignoreTables?: readonly string[] } = {}): string[] {
  const differences: string[] = [];
  const ignored = new Set(options.ignoreTables ?? []);
  for (const database of new Set([...Object.keys(before), ...Object.keys(after)])) {
    for (const table of new Set([...Object.keys(before[database] ?? {}), ...Object.keys(after[database] ?? {})])) {
      if (ignored.has(table)) continue;
      const a = before[database]?.[table];
      const b = after[database]?.[table];
      if (a?.sha256 !== b?.sha256) differences.push(`${database}.${table}: ${a?.rows ?? "missing"} rows before, ${b?.rows ?? "missing"} after`);
    }
  }
  return differences;
}
