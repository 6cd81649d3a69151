#!/usr/bin/env node
// Fees benchmark: the bank collection point's two heavy operations, through the gateway as the
// bank's client calls them (role `bank`, access token, the gateway's audit log of mutations).
//
//   node scripts/build.js && node bench/fees-bank.js [--payments 4000] [--warmup 200] [--concurrency 20]
//                                                  [--lines 100000] [--part 5000] [--uploaders 2]
//
// 1. Payments per second: recordBankPayment of distinct notices, `concurrency` at a time.
// 2. Reconciliation of one day's statement of `lines` lines: beginBankStatement, the lines in
//    parts of `part` (`uploaders` parts in flight), closeBankStatement; the time from the first
//    call to the report.
//
// The fees subgraph and the gateway run as their own processes (node services/*/dist/main.js),
// on free ports, against databases and a NATS namespace of this run alone
// (onestop_bench_fees_<run>_{fees,gateway}, bench_fees_<run>), removed again at the end; a
// name of its own per run, because test runs sweep every onestop_test_* database and T_* stream
// when they start, which would pull them away mid-run. The data the bench needs is written straight into the
// fees database with the service's own tables (see seedPayments and seedStatement): issuing
// 100,000 notices and recording 100,000 payments through GraphQL would measure the setup, not the
// operation. Results are printed and written to bench/results/fees-bank-<timestamp>.json.
"use strict";

const { spawn, execFileSync } = require("node:child_process");
const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { createServer } = require("node:net");
const { join } = require("node:path");
const { requireBuilt } = require("./support/require-built");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");
const CENTER = "511722000000";
const RUN = Date.now().toString(36);
const DATABASES = { fees: `onestop_bench_fees_${RUN}_fees`, gateway: `onestop_bench_fees_${RUN}_gateway` };
const NAMESPACE = `bench_fees_${RUN}`;
const PAY_ACCOUNT = "6222020200100000001";
const STATEMENT_ACCOUNT = "6222020200100000002";

function parseArgs(argv) {
  const options = { payments: 4000, warmup: 200, concurrency: 20, lines: 100_000, part: 5000, uploaders: 2 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (argv[i] === "--") continue;
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(", ")})`);
    options[key] = Number(argv[++i]);
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} takes a positive whole number`);
  }
  if (options.part > 5000) throw new Error("--part: the service takes at most 5,000 lines per part");
  return options;
}

const { ensureDevelopmentKeys, subgraphIdentityKeyFile } = requireBuilt("packages/testkit/dist/keys.js");
const { mintAccessToken } = requireBuilt("packages/testkit/dist/tokens.js");
const { noticeNumber, noticeExpiry } = requireBuilt("services/fees/dist/notices/notice.rules.js");
const { shanghaiDayOf } = requireBuilt("packages/calendar/dist/index.js");
const { allStreams } = requireBuilt("packages/events/dist/index.js");
const { deleteStreams } = requireBuilt("packages/platform/dist/index.js");
const { connect: connectNats } = require("@nats-io/transport-node");
const mysql = require("mysql2/promise");

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (x) => Math.round(x * 100) / 100;
  return { count: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]) };
}

function gitDescription() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

async function graphql(url, token, query, variables) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  return body;
}

function must(body, what) {
  if (body.errors?.length) throw new Error(`${what}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

// ---------------------------------------------------------------------------------------------
// The processes under test

class Service {
  constructor(name, script, env) {
    this.name = name;
    this.log = [];
    this.child = spawn(process.execPath, ["--enable-source-maps", join(root, script)], {
      cwd: root,
      env: { ...process.env, ...env, APOLLO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.on("data", (chunk) => {
        this.log.push(...chunk.toString().split("\n").filter(Boolean));
        if (this.log.length > 50) this.log.splice(0, this.log.length - 50);
      });
    }
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  async waitHealthy(url, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.log.join("\n")}`);
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // not up yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} not healthy within ${timeoutMs} ms:\n${this.log.join("\n")}`);
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    await Promise.race([this.exited, sleep(10_000).then(() => this.child.kill("SIGKILL"))]);
  }
}

// ---------------------------------------------------------------------------------------------
// Data, written the way the fees service writes it (its tables, its numbers)

async function insertRows(db, table, columns, rows, batch = 2000) {
  for (let start = 0; start < rows.length; start += batch) {
    await db.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ?`, [rows.slice(start, start + batch)]);
  }
}

const NOTICE_COLUMNS = [
  "id", "notice_no", "center_code", "case_id", "sequence", "item_id", "item_version", "item_name", "department_id", "department_name",
  "account_no", "account_name", "bank_name", "payer_subject", "payer_name", "amount_fen", "standard_amount_fen", "line_items", "status",
  "issued_by", "issued_at", "expires_at", "paid_at", "bank_txn_id", "receipt_no", "settled_at",
];

function noticeRow({ noticeNo, departmentId, accountNo, amountFen, issuedAt, paid }) {
  const line = { feeCode: "F01", description: "证照工本费", quantity: 1, standardAmountFen: amountFen, reductionFen: 0, amountFen, legalBasis: "收费文件" };
  return [
    randomUUID(), noticeNo, CENTER, randomUUID(), 1, "bench-item", 1, "建设工程规划许可证核发", departmentId, "基准测试局",
    accountNo, "基准测试局非税收入户", "中国工商银行", "citizen-bench", "张三", amountFen, amountFen, JSON.stringify([line]),
    paid ? "PAID" : "ISSUED", "system", issuedAt, noticeExpiry(issuedAt), paid ? paid.paidAt : null, paid ? paid.bankTxnId : null, null,
    paid ? paid.paidAt : null,
  ];
}

async function seedAccounts(db) {
  const departments = [
    ["bench-dept-pay", CENTER, "BENCH-PAY", "基准测试局（缴款）", PAY_ACCOUNT],
    ["bench-dept-rec", CENTER, "BENCH-REC", "基准测试局（对账）", STATEMENT_ACCOUNT],
  ];
  await insertRows(db, "department_replica", ["id", "center_code", "code", "name"], departments.map((d) => d.slice(0, 4)));
  const now = new Date();
  await insertRows(
    db,
    "fee_account",
    ["department_id", "center_code", "account_no", "account_name", "bank_name", "revision", "configured_by", "configured_at"],
    departments.map(([id, center, , , accountNo]) => [id, center, accountNo, "基准测试局非税收入户", "中国工商银行", 1, "bench", now]),
  );
}

/** Issued notices, one per payment to make, as the service issues them on acceptance. */
async function seedPayments(db, count) {
  const issuedAt = new Date();
  const notices = Array.from({ length: count }, (_, i) => ({
    noticeNo: noticeNumber(CENTER, issuedAt, i + 1),
    departmentId: "bench-dept-pay",
    accountNo: PAY_ACCOUNT,
    amountFen: 5000 + (i % 7) * 100,
    issuedAt,
  }));
  await insertRows(db, "payment_notice", NOTICE_COLUMNS, notices.map((notice) => noticeRow(notice)));
  return notices;
}

/**
 * A day of `lines` payments on the statement's account, recorded as recordBankPayment records
 * them (paid notices, accepted bank transactions), and the bank's statement of that day: every
 * payment except 5 (missing at the bank), 5 with the wrong amount, and 5 on unknown notices.
 */
async function seedStatement(db, lines) {
  const now = new Date();
  const day = shanghaiDayOf(now);
  const dayStart = Date.parse(`${day}T00:00:00+08:00`);
  const span = Math.max(1, now.getTime() - 60_000 - dayStart);
  const notices = [];
  const transactions = [];
  for (let i = 0; i < lines; i++) {
    const paidAt = new Date(dayStart + Math.floor((i / lines) * span));
    const bankTxnId = `REC-${String(i + 1).padStart(7, "0")}`;
    const amountFen = 1000 + (i % 50) * 100;
    const noticeNo = noticeNumber(CENTER, now, 1_000_000 + i + 1);
    const row = noticeRow({ noticeNo, departmentId: "bench-dept-rec", accountNo: STATEMENT_ACCOUNT, amountFen, issuedAt: now, paid: { paidAt, bankTxnId } });
    notices.push(row);
    transactions.push([bankTxnId, "PAYMENT", CENTER, noticeNo, null, amountFen, paidAt, "COUNTER", "ACCEPTED", row[0], "bench-dept-rec", STATEMENT_ACCOUNT, day, row[0], null, "bank-bench", now]);
  }
  await insertRows(db, "payment_notice", NOTICE_COLUMNS, notices);
  await insertRows(
    db,
    "bank_transaction",
    ["bank_txn_id", "kind", "center_code", "notice_no", "refund_id", "amount_fen", "paid_at", "channel", "outcome", "notice_id", "department_id", "account_no", "paid_day", "accepted_notice_id", "accepted_refund_id", "recorded_by", "recorded_at"],
    transactions,
  );
  const entries = transactions.slice(5).map(([bankTxnId, , , noticeNo, , amountFen, paidAt], index) => ({
    bankTxnId,
    noticeNo,
    amountFen: index < 5 ? amountFen + 1 : amountFen,
    paidAt: paidAt.toISOString(),
  }));
  for (let i = 0; i < 5; i++) {
    entries.push({ bankTxnId: `UNKNOWN-${i}`, noticeNo: noticeNumber(CENTER, now, 9_000_000 + i), amountFen: 777, paidAt: new Date(now.getTime() - 120_000).toISOString() });
  }
  return { day, entries, expected: { matched: lines - 10, amountMismatch: 5, paidAtBankUnknownHere: 5, recordedHereMissingAtBank: 5 } };
}

// ---------------------------------------------------------------------------------------------
// The measurements

const PAY = `mutation ($input: RecordBankPaymentInput!) { recordBankPayment(input: $input) { receiptNo } }`;

async function runPayments(url, token, notices, concurrency) {
  let next = 0;
  const latencies = [];
  const failures = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < notices.length) {
        const notice = notices[next++];
        const input = { noticeNo: notice.noticeNo, amountFen: notice.amountFen, bankTxnId: `PAY-${notice.noticeNo}`, paidAt: new Date().toISOString(), channel: "COUNTER" };
        const t0 = performance.now();
        const body = await graphql(url, token, PAY, { input });
        latencies.push(performance.now() - t0);
        if (body.errors?.length) failures.push(body.errors[0].extensions?.code ?? body.errors[0].message);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { count: notices.length, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(notices.length / seconds), latencyMs: stats(latencies), failures };
}

const REPORT = `matched { count bankTotalFen } amountMismatch { count } paidAtBankUnknownHere { count } recordedHereMissingAtBank { count } detailMismatch { count }
  totals { bankLineCount bankTotalFen recordedTotalFen differenceFen }`;

async function runReconciliation(url, token, statement, options) {
  const totalFen = statement.entries.reduce((sum, entry) => sum + entry.amountFen, 0);
  const t0 = performance.now();
  const begun = must(
    await graphql(url, token, `mutation ($input: BeginBankStatementInput!) { beginBankStatement(input: $input) { id } }`, {
      input: { statementDate: statement.day, accountNo: STATEMENT_ACCOUNT, lineCount: statement.entries.length, totalFen },
    }),
    "beginBankStatement",
  );
  const statementId = begun.beginBankStatement.id;
  const parts = [];
  for (let start = 0; start < statement.entries.length; start += options.part) parts.push(statement.entries.slice(start, start + options.part));
  let nextPart = 0;
  const partMs = [];
  await Promise.all(
    Array.from({ length: options.uploaders }, async () => {
      while (nextPart < parts.length) {
        const partNo = ++nextPart;
        const p0 = performance.now();
        must(
          await graphql(url, token, `mutation ($input: AppendBankStatementLinesInput!) { appendBankStatementLines(input: $input) { receivedLines } }`, {
            input: { statementId, partNo, entries: parts[partNo - 1] },
          }),
          `appendBankStatementLines part ${partNo}`,
        );
        partMs.push(performance.now() - p0);
      }
    }),
  );
  const t1 = performance.now();
  const closed = must(await graphql(url, token, `mutation ($id: ID!) { closeBankStatement(statementId: $id) { ${REPORT} } }`, { id: statementId }), "closeBankStatement");
  const t2 = performance.now();
  const again = must(await graphql(url, token, `mutation ($id: ID!) { closeBankStatement(statementId: $id) { ${REPORT} } }`, { id: statementId }), "closeBankStatement again");
  const t3 = performance.now();
  const report = closed.closeBankStatement;
  const got = {
    matched: report.matched.count,
    amountMismatch: report.amountMismatch.count,
    paidAtBankUnknownHere: report.paidAtBankUnknownHere.count,
    recordedHereMissingAtBank: report.recordedHereMissingAtBank.count,
  };
  const correct = JSON.stringify(got) === JSON.stringify(statement.expected) && JSON.stringify(again.closeBankStatement) === JSON.stringify(report);
  return {
    lines: statement.entries.length,
    parts: parts.length,
    requestBytesPerPart: Buffer.byteLength(JSON.stringify({ input: { statementId, partNo: 1, entries: parts[0] } })),
    totalSeconds: Math.round((t2 - t0) / 10) / 100,
    uploadSeconds: Math.round((t1 - t0) / 10) / 100,
    closeSeconds: Math.round((t2 - t1) / 10) / 100,
    closeAgainMs: Math.round(t3 - t2),
    partMs: stats(partMs),
    report,
    expected: statement.expected,
    correct,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const keys = ensureDevelopmentKeys(join(root, ".local", "bench-keys"));
  const admin = await mysql.createConnection({ host: "127.0.0.1", user: "root", password: "" });
  const [[{ version }]] = await admin.query("SELECT VERSION() AS version");

  const [feesPort, gatewayPort] = [await freePort(), await freePort()];
  const feesUrl = `http://127.0.0.1:${feesPort}/graphql`;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const fees = new Service("fees", "services/fees/dist/main.js", {
    NODE_ENV: "development",
    PORT: String(feesPort),
    DB_NAME: DATABASES.fees,
    DB_POOL_SIZE: "20",
    NATS_NAMESPACE: NAMESPACE,
    IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, "fees"),
    LOG_LEVEL: "warn",
  });
  const services = [fees];
  try {
    await fees.waitHealthy(`http://127.0.0.1:${feesPort}/health`);
    const gateway = new Service("gateway", "services/gateway/dist/main.js", {
      NODE_ENV: "development",
      PORT: String(gatewayPort),
      FEES_URL: feesUrl,
      IDENTITY_SECRET_FILE: keys.identitySecretFile,
      AUTH_JWKS_FILE: keys.jwksFile,
      AUDIT_DB_NAME: DATABASES.gateway,
      LOG_LEVEL: "warn",
    });
    services.push(gateway);
    await gateway.waitHealthy(`http://127.0.0.1:${gatewayPort}/health`);

    const db = await mysql.createConnection({ host: "127.0.0.1", user: "root", password: "", database: DATABASES.fees, timezone: "Z" });
    const seconds = (since) => Math.round((performance.now() - since) / 10) / 100;
    // Each measurement gets its own data just before it, so the database's background work of
    // writing 100,000 rows does not fall into the payments' measurement.
    let s0 = performance.now();
    await seedAccounts(db);
    const notices = await seedPayments(db, options.warmup + options.payments);
    console.log(`seeded ${notices.length} issued notices in ${seconds(s0)} s`);

    const token = await mintAccessToken(keys, { subject: "bank-icbc-hall", roles: ["bank"], centerCode: CENTER }, { expiresInSeconds: 3600 });
    await runPayments(gatewayUrl, token, notices.slice(0, options.warmup), options.concurrency);
    const payments = await runPayments(gatewayUrl, token, notices.slice(options.warmup), options.concurrency);
    console.log(`payments: ${payments.perSecond}/s (${payments.count} in ${payments.seconds} s, ${options.concurrency} concurrent), latency ms`, payments.latencyMs, payments.failures.length ? `FAILURES: ${payments.failures.length} ${payments.failures.slice(0, 3)}` : "");

    s0 = performance.now();
    const statement = await seedStatement(db, options.lines);
    const seedSeconds = seconds(s0);
    await db.end();
    console.log(`seeded a day of ${options.lines} recorded payments on one account in ${seedSeconds} s`);

    const reconciliation = await runReconciliation(gatewayUrl, token, statement, options);
    console.log(
      `reconciliation of ${reconciliation.lines} lines: ${reconciliation.totalSeconds} s (upload of ${reconciliation.parts} parts ${reconciliation.uploadSeconds} s, close ${reconciliation.closeSeconds} s; closing again ${reconciliation.closeAgainMs} ms) ${reconciliation.correct ? "report as expected" : "REPORT DIFFERS"}`,
    );
    console.log("report:", JSON.stringify(reconciliation.report));

    const result = {
      benchmark: "fees-bank",
      at: new Date().toISOString(),
      git: gitDescription(),
      machine: { cpuModel: os.cpus()[0]?.model, logicalCores: os.cpus().length, node: process.version, mariadb: version, loadAverage: os.loadavg() },
      options,
      seedSeconds,
      payments,
      reconciliation,
      goals: { paymentsPerSecond: 300, reconciliationSeconds: 10 },
      met: { payments: payments.perSecond >= 300 && payments.failures.length === 0, reconciliation: reconciliation.totalSeconds < 10 && reconciliation.correct },
    };
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `fees-bank-${result.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`goals: payments ≥ 300/s ${result.met.payments ? "met" : "NOT met"}; reconciliation < 10 s ${result.met.reconciliation ? "met" : "NOT met"} → ${file}`);
    if (payments.failures.length > 0 || !reconciliation.correct) process.exitCode = 1;
  } finally {
    for (const service of services.reverse()) await service.stop();
    for (const name of Object.values(DATABASES)) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    const nats = await connectNats({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
    await deleteStreams(nats, NAMESPACE, allStreams);
    await nats.close();
  }
}

main().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 3000));
  process.exit(1);
});
