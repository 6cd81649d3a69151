#!/usr/bin/env node
// Supervision benchmark (电子监察): how many events per second the projection absorbs, the lag from
// a case's stage change to its warning on the gateway's push stream, and how long a rebuild of the
// projection from 1,000,000 journalled events takes.
//
//   pnpm bench:supervision [--events 60000] [--lag 200] [--rebuild 1000000] [--baseline-batch 64] [--batch 256]
//
// Absorption is measured four times in one run, before, after, after, before: the projection's
// batches of --baseline-batch events (the platform's 64) against
// batches of --batch; with --baseline-batch 0, the journal cache off against on.
//
// Databases and NATS namespaces are named like a test run's (onestop_test_r<pid>_bench_sup*), so
// test runs leave them alone while this process lives and clean them up after. Figures are
// printed and written to bench/results/supervision-<timestamp>.json.
"use strict";

const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");

const root = join(__dirname, "..");
const platform = require(join(root, "packages/platform/dist/index.js"));
const testkit = require(join(root, "packages/testkit/dist/index.js"));
const { casesEvents } = require(join(root, "packages/events/dist/index.js"));
const { supervisionCore } = require(join(root, "services/supervision/dist/main.js"));
const { connect } = require("@nats-io/transport-node");
const { jetstream } = require("@nats-io/jetstream");
const { performance } = require("node:perf_hooks");

function parseArgs(argv) {
  const options = { events: 60000, lag: 200, rebuild: 1000000, "baseline-batch": 64, batch: 256 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).join(", ")})`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} needs a whole number`);
    options[key] = value;
  }
  return options;
}

const run = `r${process.pid.toString(36)}`;
const CENTER = "330110000000";
const DAY = 86_400_000;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const environment = (label) => ({
  databasePrefix: `onestop_test_${run}_bench_${label}`,
  namespace: `t_${run}_bench_${label}`,
  keysDir: join(root, ".local", "test-keys"),
  logLevel: "silent",
});

/** The stage changes of one promised case, as cases publishes them: submitted, accepted, reviewed, approved, concluded. */
function caseEvents(n, start, deadline) {
  const caseId = `bench-case-${n}`;
  const t = (days) => new Date(start + days * DAY + (n % 1000) * 1000).toISOString();
  const base = {
    caseId, receiptNo: `R${n}`, centerCode: CENTER, itemId: "item-1", itemVersion: 1, departmentId: `dept-${n % 26}`, kind: "PROMISED",
    windowId: `win-${n % 29}`, handlerId: `staff-${n % 49}`, actorId: `staff-${n % 49}`, actorKind: "STAFF", actorWindowId: `win-${n % 29}`,
    opinion: "同意", outcome: null, concludes: false, submittedAt: t(0), acceptedAt: t(0.1), deadline, onHold: false,
    stage: null, stageDeadline: null, jointApprovalId: null, participantId: null,
  };
  const steps = [
    { slipSeq: 1, action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", occurredAt: t(0), acceptedAt: null, deadline: null },
    { slipSeq: 2, action: "ACCEPT", fromStatus: "SUBMITTED", toStatus: "ACCEPTED", occurredAt: t(0.1), stage: "REVIEW", stageDeadline: new Date(Date.parse(deadline) - 4 * DAY).toISOString() },
    { slipSeq: 3, action: "REVIEW", fromStatus: "ACCEPTED", toStatus: "REVIEWED", occurredAt: t(2) },
    { slipSeq: 4, action: "APPROVE", fromStatus: "REVIEWED", toStatus: "APPROVED", occurredAt: t(3) },
    { slipSeq: 5, action: "CONCLUDE", fromStatus: "APPROVED", toStatus: "CONCLUDED", occurredAt: t(4 + (n % 9)), concludes: true, outcome: "APPROVED" },
    { slipSeq: 6, action: "DELIVER", fromStatus: "CONCLUDED", toStatus: "DELIVERED", occurredAt: t(5 + (n % 9)), outcome: "APPROVED" },
  ];
  return steps.map((step) => ({ id: randomUUID(), event: casesEvents.caseStageChanged, payload: { ...base, ...step } }));
}

function history(count) {
  const out = [];
  for (let n = 0; out.length < count; n++) {
    const start = Date.parse("2026-03-02T01:00:00Z") + (n % 20) * DAY;
    out.push(...caseEvents(n, start, new Date(start + 9 * DAY).toISOString().slice(0, 10) + "T16:00:00.000Z"));
  }
  return out.slice(0, count);
}

async function publishAll(nats, namespace, events) {
  const js = jetstream(nats);
  for (let i = 0; i < events.length; i += 1000) {
    await Promise.all(
      events.slice(i, i + 1000).map((e) => {
        const envelope = { id: e.id, type: e.event.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload: e.payload };
        return js.publish(platform.namespacedSubject(namespace, e.event.subject), JSON.stringify(envelope), { msgID: e.id });
      }),
    );
  }
}

async function count(db, sql) {
  const [row] = await db.query(sql);
  return Number(Object.values(row)[0]);
}

/** Events absorbed per second: the stream filled first, then supervision started on it. */
async function throughput(n) {
  const env = environment("sup_absorb");
  await testkit.resetEnvironment(env);
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const { allStreams } = require(join(root, "packages/events/dist/index.js"));
  await platform.ensureStreams(nats, env.namespace, allStreams);
  const events = history(n);
  const publishStarted = Date.now();
  await publishAll(nats, env.namespace, events);
  process.stdout.write(`  ${n} events on the stream in ${((Date.now() - publishStarted) / 1000).toFixed(1)} s\n`);
  const booting = Date.now();
  const supervision = await testkit.startOneSubgraph("supervision", env);
  const db = supervision.infrastructure.dataSource;
  // Timed from the first event journalled to the last, so the service's start is not counted.
  let first = null;
  let absorbed = 0;
  while (absorbed < n) {
    await new Promise((r) => setTimeout(r, 50));
    absorbed = await count(db, "SELECT COUNT(*) FROM supervision_journal");
    if (absorbed > 0 && first === null) first = { at: Date.now(), absorbed };
  }
  const seconds = (Date.now() - first.at) / 1000;
  n -= first.absorbed;
  process.stdout.write(`  started in ${((first.at - booting) / 1000).toFixed(1)} s\n`);
  const warnings = await count(db, "SELECT COUNT(*) FROM supervision_warning");
  await supervision.stop();
  await nats.close();
  return { events: n, seconds: +seconds.toFixed(2), perSecond: Math.round(n / seconds), cases: Math.ceil(n / 6), warnings };
}

/** From a stage change on the bus to its RED warning on the gateway's push stream, one case at a time. */
async function lag(samples) {
  const env = environment("sup_lag");
  await testkit.resetEnvironment(env);
  const system = await testkit.startSystem(env);
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const js = jetstream(nats);
  const token = await testkit.mintAccessToken(system.keys, { subject: "jcj-01", roles: ["supervisor"], centerCode: CENTER });
  const listening = new AbortController();
  const response = await fetch(system.gatewayUrl.replace(/\/graphql$/, "/supervision/stream"), { headers: { authorization: `Bearer ${token}` }, signal: listening.signal });
  const waiting = new Map();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const line = frame.split("\n").find((l) => l.startsWith("data: "));
        if (!line) continue;
        const change = JSON.parse(line.slice(6));
        const resolve = waiting.get(change.caseId);
        if (resolve && change.change === "RAISED") resolve(performance.now());
      }
    }
  })().catch(() => undefined);
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    // Accepted with a deadline already past: the step itself raises RED.
    const [accepted] = caseEvents(1_000_000 + i, Date.now() - 20 * DAY, new Date(Date.now() - 2 * DAY).toISOString()).slice(1, 2);
    const seen = new Promise((resolve) => waiting.set(accepted.payload.caseId, resolve));
    const envelope = { id: accepted.id, type: accepted.event.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload: accepted.payload };
    const sent = performance.now();
    await js.publish(platform.namespacedSubject(env.namespace, accepted.event.subject), JSON.stringify(envelope), { msgID: accepted.id });
    latencies.push((await seen) - sent);
    waiting.delete(accepted.payload.caseId);
    await new Promise((r) => setTimeout(r, 20));
  }
  listening.abort();
  await nats.close();
  await system.stop();
  const sorted = latencies.sort((a, b) => a - b);
  return { samples, p50: +percentile(sorted, 50).toFixed(1), p95: +percentile(sorted, 95).toFixed(1), p99: +percentile(sorted, 99).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) };
}

/** A journal of `n` events written directly, then the rebuild timed. */
async function rebuild(n) {
  const env = environment("sup_rebuild");
  await testkit.resetEnvironment(env);
  const supervision = await testkit.startOneSubgraph("supervision", env);
  const { infrastructure } = supervision;
  await supervision.stop();
  const dataSource = await platform.openDatabase({ settings: infrastructure.env, entities: [], migrations: [], logger: platform.createLogger("bench", "silent") });
  const filled = Date.now();
  for (let i = 0; i < n; i += 6000) {
    // Each slice its own cases: the same shapes under new ids.
    const part = history(Math.min(6000, n - i)).map((e) => ({ ...e, payload: { ...e.payload, caseId: `${e.payload.caseId}-${i}` } }));
    await dataSource.query(
      `INSERT INTO supervision_journal (event_id, subject_type, subject_id, event_type, occurred_at, payload) VALUES ${part.map(() => "(?, 'CASE', ?, ?, ?, ?)").join(", ")}`,
      part.flatMap((e) => [e.id, e.payload.caseId, e.event.subject, new Date(e.payload.occurredAt), JSON.stringify(e.payload)]),
    );
  }
  process.stdout.write(`  ${n} events journalled in ${((Date.now() - filled) / 1000).toFixed(1)} s\n`);
  const clock = platform.systemClock;
  const { rebuild: service } = supervisionCore({ dataSource, unitOfWork: new platform.UnitOfWork(dataSource, clock), clock, logger: platform.createLogger("bench", "silent"), env: infrastructure.env });
  const report = await service.rebuild((subjects) => subjects % 50_000 === 0 && process.stdout.write(`  ${subjects} cases rebuilt\n`));
  const memory = Math.round(process.memoryUsage().rss / 1024 / 1024);
  await dataSource.destroy();
  return { events: n, subjects: report.subjects, warnings: report.warnings, seconds: +report.seconds.toFixed(1), eventsPerSecond: Math.round(n / report.seconds), rssMiB: memory };
}

async function main() {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const options = parseArgs(process.argv.slice(2));
  const results = { machine: { cpus: os.cpus().length, node: process.version }, options };
  if (options.events > 0) {
    // Before and after in one run, on the same machine load, in the order before, after, after,
    // before so a load that rises or falls during the run weighs on both alike.
    const byBatch = options["baseline-batch"] > 0;
    const setting = byBatch ? "PROJECTION_BATCH" : "JOURNAL_CACHE_SUBJECTS";
    const before = byBatch ? String(options["baseline-batch"]) : "0";
    const label = byBatch ? { before: `batches of ${before}`, after: `batches of ${options.batch}` } : { before: "journal cache off", after: "journal cache on" };
    const configured = byBatch ? String(options.batch) : process.env[setting];
    const runs = { before: [], after: [] };
    for (const mode of ["before", "after", "after", "before"]) {
      process.stdout.write(`Absorbing ${options.events} stage changes, ${label[mode]}…\n`);
      if (mode === "before") process.env[setting] = before;
      else if (configured === undefined) delete process.env[setting];
      else process.env[setting] = configured;
      const result = await throughput(options.events);
      runs[mode].push(result);
      process.stdout.write(`  ${result.perSecond} events/s (${result.seconds} s, ${result.warnings} warnings)\n`);
    }
    const mean = (list) => Math.round(list.reduce((sum, r) => sum + r.perSecond, 0) / list.length);
    results.absorbBefore = { setting: label.before, runs: runs.before, perSecond: mean(runs.before) };
    results.absorb = { setting: label.after, runs: runs.after, perSecond: mean(runs.after) };
    process.stdout.write(`  mean: ${results.absorbBefore.perSecond} events/s with ${label.before}, ${results.absorb.perSecond} with ${label.after}\n`);
  }
  if (options.lag > 0) {
    process.stdout.write(`Lag from a stage change to its warning on the push stream through the gateway, ${options.lag} samples…\n`);
    results.lag = await lag(options.lag);
    process.stdout.write(`  p50 ${results.lag.p50} ms, p95 ${results.lag.p95} ms, p99 ${results.lag.p99} ms, max ${results.lag.max} ms\n`);
  }
  if (options.rebuild > 0) {
    process.stdout.write(`Rebuilding from ${options.rebuild} journalled events…\n`);
    results.rebuild = await rebuild(options.rebuild);
    process.stdout.write(`  ${results.rebuild.seconds} s (${results.rebuild.eventsPerSecond} events/s, ${results.rebuild.subjects} cases, ${results.rebuild.warnings} warnings, RSS ${results.rebuild.rssMiB} MiB)\n`);
  }
  mkdirSync(join(__dirname, "results"), { recursive: true });
  const file = join(__dirname, "results", `supervision-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  process.stdout.write(`Written to ${file}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
