#!/usr/bin/env node
// Notifications benchmark: how many notifications per second go through the notification outbox,
// and how long from the cause (a case's acceptance, as cases publishes it) to the applicant's inbox
// and to the SMS handed to the gateway.
//
//   pnpm bench:notifications [--causes 5000] [--latency 300] [--rate 50]
//
// 1. Throughput: --causes acceptances are put on the stream at once; the notifications subgraph
//    (in this process, its SMS sender on, the development SMS gateway writing to a file) absorbs
//    them: an inbox notification and an SMS for each. Timed until every inbox row is written, and
//    until every SMS is SENT.
// 2. Latency: --latency acceptances published one by one at --rate a second; for each, the time
//    from the event's occurrence to its inbox row, and to its SMS recorded SENT (p50, p95, p99).
//
// Databases and NATS namespaces are named like a test run's (onestop_test_r<pid>_bench_ntf*), so
// test runs clean them up after this process ends. Figures are printed and written to
// bench/results/notifications-<timestamp>.json.
"use strict";

const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");

const root = join(__dirname, "..");
const platform = require(join(root, "packages/platform/dist/index.js"));
const testkit = require(join(root, "packages/testkit/dist/index.js"));
const { casesEvents } = require(join(root, "packages/events/dist/index.js"));
const { connect } = require("@nats-io/transport-node");
const { jetstream } = require("@nats-io/jetstream");

function parseArgs(argv) {
  const options = { causes: 5000, latency: 300, rate: 50 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).join(", ")})`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${key} needs a positive whole number`);
    options[key] = value;
  }
  return options;
}

const run = `r${process.pid.toString(36)}`;
const CENTER = "511722000000";
const APPLICANTS = 500;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A case's acceptance step as cases publishes it (caseStageChanged, ACCEPT). */
function accepted(n, label) {
  const now = new Date().toISOString();
  const caseId = `bench-${label}-${n}`;
  return {
    id: randomUUID(),
    payload: {
      caseId, receiptNo: `SL261206${String(n).padStart(8, "0")}`, centerCode: CENTER, itemId: "item-1", itemVersion: 1, departmentId: `dept-${n % 26}`,
      kind: "PROMISED", windowId: `win-${n % 29}`, handlerId: "staff-1", slipSeq: 2, action: "ACCEPT", fromStatus: "SUBMITTED", toStatus: "ACCEPTED",
      actorId: "staff-1", actorKind: "STAFF", actorWindowId: `win-${n % 29}`, opinion: null, occurredAt: now, outcome: null, concludes: false,
      applicantSubject: `applicant-${n % APPLICANTS}`, submittedAt: now, acceptedAt: now, deadline: "2026-12-31T16:00:00.000Z", onHold: false,
      stage: null, stageDeadline: null, jointApprovalId: null, participantId: null, itemCode: null, applicantKind: "PERSON", applicantIdMasked: null,
    },
  };
}

function publish(js, namespace, event) {
  const envelope = { id: event.id, type: casesEvents.caseStageChanged.subject, occurredAt: event.payload.occurredAt, requestId: null, centerCode: CENTER, payload: event.payload };
  return js.publish(platform.namespacedSubject(namespace, casesEvents.caseStageChanged.subject), JSON.stringify(envelope), { msgID: event.id });
}

async function scalar(db, sql, params = []) {
  const [row] = await db.query(sql, params);
  return Number(Object.values(row)[0]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const env = { databasePrefix: `onestop_test_${run}_bench_ntf`, namespace: `t_${run}_bench_ntf`, keysDir: join(root, ".local", "test-keys"), logLevel: "silent" };
  await testkit.resetEnvironment(env);
  const service = await testkit.startOneSubgraph("notifications", env);
  const db = service.infrastructure.dataSource;
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const js = jetstream(nats);
  const results = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() }, node: process.version, options };
  try {
    // Every applicant has a number and wants every SMS.
    const now = new Date();
    for (let i = 0; i < APPLICANTS; i += 100) {
      const rows = Array.from({ length: Math.min(100, APPLICANTS - i) }, (_, k) => [`applicant-${i + k}`, `138${String(i + k).padStart(8, "0")}`, "", now]);
      await db.query(`INSERT INTO contact_preference (subject, phone, sms_off, updated_at) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`, rows.flat());
    }

    process.stdout.write(`Throughput: ${options.causes} acceptances on the stream at once\n`);
    const events = Array.from({ length: options.causes }, (_, n) => accepted(n, "t"));
    const started = performance.now();
    for (let i = 0; i < events.length; i += 500) await Promise.all(events.slice(i, i + 500).map((e) => publish(js, env.namespace, e)));
    const published = performance.now();
    let inboxDone = null;
    for (;;) {
      const inbox = inboxDone ?? (await scalar(db, "SELECT COUNT(*) FROM notification WHERE channel = 'INBOX' AND case_id LIKE 'bench-t-%'"));
      if (inboxDone === null && inbox >= options.causes) inboxDone = performance.now();
      const sent = await scalar(db, "SELECT COUNT(*) FROM notification WHERE channel = 'SMS' AND status = 'SENT' AND case_id LIKE 'bench-t-%'");
      if (sent >= options.causes) break;
      if (performance.now() - started > 600_000) throw new Error(`gave up after 10 minutes: ${inbox} inbox, ${sent} SMS`);
      await sleep(50);
    }
    const smsDone = performance.now();
    results.throughput = {
      causes: options.causes,
      publishSeconds: (published - started) / 1000,
      inboxSeconds: (inboxDone - started) / 1000,
      causesPerSecond: options.causes / ((inboxDone - started) / 1000),
      notificationsPerSecond: (2 * options.causes) / ((inboxDone - started) / 1000),
      smsSeconds: (smsDone - started) / 1000,
      smsPerSecond: options.causes / ((smsDone - started) / 1000),
    };
    const t = results.throughput;
    process.stdout.write(
      `  inbox: ${t.causes} causes in ${t.inboxSeconds.toFixed(1)} s = ${t.causesPerSecond.toFixed(0)} causes/s, ${t.notificationsPerSecond.toFixed(0)} notifications/s into the outbox (inbox + SMS row)\n` +
        `  SMS:   all ${t.causes} SENT after ${t.smsSeconds.toFixed(1)} s = ${t.smsPerSecond.toFixed(0)} SMS/s through the development gateway\n`,
    );

    process.stdout.write(`Latency: ${options.latency} acceptances one by one at ${options.rate}/s\n`);
    const gap = 1000 / options.rate;
    for (let n = 0; n < options.latency; n++) {
      await publish(js, env.namespace, accepted(n, "l"));
      await sleep(gap);
    }
    await (async () => {
      const deadline = Date.now() + 120_000;
      while ((await scalar(db, "SELECT COUNT(*) FROM notification WHERE channel = 'SMS' AND status = 'SENT' AND case_id LIKE 'bench-l-%'")) < options.latency) {
        if (Date.now() > deadline) throw new Error("latency run did not finish in 2 minutes");
        await sleep(50);
      }
    })();
    const rows = await db.query("SELECT channel, TIMESTAMPDIFF(MICROSECOND, caused_at, COALESCE(sent_at, created_at)) / 1000 AS ms FROM notification WHERE case_id LIKE 'bench-l-%'");
    const figures = (channel) => {
      const sorted = rows.filter((r) => r.channel === channel).map((r) => Number(r.ms)).sort((a, b) => a - b);
      return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
    };
    results.latency = { inbox: figures("INBOX"), sms: figures("SMS") };
    const l = results.latency;
    process.stdout.write(
      `  cause → inbox: p50 ${l.inbox.p50.toFixed(0)} ms, p95 ${l.inbox.p95.toFixed(0)} ms, p99 ${l.inbox.p99.toFixed(0)} ms (max ${l.inbox.max.toFixed(0)})\n` +
        `  cause → SMS SENT: p50 ${l.sms.p50.toFixed(0)} ms, p95 ${l.sms.p95.toFixed(0)} ms, p99 ${l.sms.p99.toFixed(0)} ms (max ${l.sms.max.toFixed(0)})\n`,
    );
    process.stdout.write(`  (load average while measuring: ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})\n`);
    results.loadAfter = os.loadavg();
  } finally {
    await nats.close();
    await service.stop();
  }
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  const file = join(root, "bench", "results", `notifications-${results.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Written to ${file}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
