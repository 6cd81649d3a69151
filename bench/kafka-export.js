#!/usr/bin/env node
// Provincial export benchmark: records per second exported from JetStream to Kafka with every
// key's order checked on the way back, and how long a backlog of 100,000 records (Kafka away
// for a while, or a first start) takes to catch up. Kafka is librdkafka's mock cluster in
// kcat (a real protocol peer, in memory, on this machine), so the figures are the exporter's
// and NATS's cost with a near-zero network, not a remote cluster's.
//
//   pnpm bench:export [--live 20000] [--backlog 100000] [--batch 500]
//
// The NATS namespace is named like a test run's (t_r<pid>_bench_kafka), so test runs leave it
// alone while this process lives and clean it up after. Figures are printed and written to
// bench/results/kafka-export-<timestamp>.json.
"use strict";

const { spawn } = require("node:child_process");
const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");
const { requireBuilt } = require("./support/require-built");

const platform = requireBuilt("packages/platform/dist/index.js");
const { allStreams, casesEvents } = requireBuilt("packages/events/dist/index.js");
const { exporterEnvSchema, startExporter } = requireBuilt("services/exporter/dist/main.js");
const { connect } = require("@nats-io/transport-node");
const { jetstream } = require("@nats-io/jetstream");

function parseArgs(argv) {
  const options = { live: 20000, backlog: 100000, batch: 500 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).join(", ")})`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} needs a positive whole number`);
    options[key] = value;
  }
  return options;
}

const run = `r${process.pid.toString(36)}`;
const namespace = `t_${run}_bench_kafka`;
const CENTER = "330110000000";
const PREFIX = "bench.";
const STEPS = 10;

/** kcat's mock cluster; its port is in its debug log. */
async function startMock() {
  const child = spawn("kcat", ["-b", "x:1", "-C", "-t", "_mock", "-X", "test.mock.num.brokers=1", "-d", "mock", "-q"], { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error("kcat's mock cluster did not start (is kcat installed?)")), 10000);
    child.once("error", reject);
    child.stderr.on("data", (chunk) => {
      if (seen === null) return;
      seen += chunk;
      const match = /bootstrap\.servers=127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        seen = null;
        resolve(Number(match[1]));
      }
    });
  });
  return { child, brokers: `127.0.0.1:${port}` };
}

/** Stage changes of `cases` cases, STEPS each, interleaved as a busy hall's would be. */
function stageChanges(cases, prefix) {
  const events = [];
  for (let seq = 1; seq <= STEPS; seq++) {
    for (let n = 0; n < cases; n++) {
      const at = new Date(Date.parse("2026-03-02T01:00:00Z") + n * 1000 + seq * 60000).toISOString();
      events.push({
        id: randomUUID(),
        payload: {
          caseId: `${prefix}-${n}`, receiptNo: `R-${prefix}-${n}`, centerCode: CENTER, itemId: "item-1", itemVersion: 1, departmentId: "dept-1",
          kind: "PROMISED", windowId: "win-1", handlerId: "staff-1", slipSeq: seq, action: seq === 1 ? "SUBMIT" : "STEP",
          fromStatus: seq === 1 ? null : "ACCEPTED", toStatus: seq === 1 ? "SUBMITTED" : "ACCEPTED", actorId: "staff-1", actorKind: "STAFF",
          actorWindowId: "win-1", opinion: null, occurredAt: at, outcome: null, concludes: false, submittedAt: at, acceptedAt: null,
          deadline: null, onHold: false, stage: null, stageDeadline: null, jointApprovalId: null, participantId: null,
        },
      });
    }
  }
  return events;
}

async function publishAll(nats, events) {
  const js = jetstream(nats);
  const subject = platform.namespacedSubject(namespace, casesEvents.caseStageChanged.subject);
  const window = 512;
  for (let i = 0; i < events.length; i += window) {
    await Promise.all(
      events.slice(i, i + window).map((e) =>
        js.publish(subject, JSON.stringify({ id: e.id, type: casesEvents.caseStageChanged.subject, occurredAt: e.payload.occurredAt, requestId: null, centerCode: CENTER, payload: e.payload }), { msgID: e.id }),
      ),
    );
  }
}

/** Until Kafka acknowledged `total` records (the lag gauge then reads 0 at its next poll). */
async function untilDrained(running, total) {
  const started = performance.now();
  while ((running.exporter.metrics.exported["case-stage"] ?? 0) < total) await new Promise((resolve) => setTimeout(resolve, 20));
  return performance.now() - started;
}

/**
 * Reads the topic as it is written, with kcat (librdkafka's consumer): the mock cluster keeps some
 * 5 MB per partition and drops the oldest beyond that, so the bench's 120,000 records are checked
 * as they arrive rather than read back at the end. Checks that each case's steps come in order,
 * each once.
 */
function follow(brokers, topic) {
  const child = spawn("kcat", ["-C", "-b", brokers, "-t", topic, "-o", "beginning", "-q", "-u", "-f", "%h\t%s\n"], { stdio: ["ignore", "pipe", "ignore"] });
  const state = { records: 0, distinct: 0, repeats: 0, outOfOrder: 0 };
  const seen = new Set();
  const lastSeq = new Map();
  let buffered = "";
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop();
    for (const line of lines) {
      const [headers, value] = line.split("\t");
      const id = /event-id=([^,]+)/.exec(headers)[1];
      state.records++;
      if (seen.has(id)) {
        state.repeats++;
        continue;
      }
      seen.add(id);
      state.distinct++;
      const record = JSON.parse(value);
      if ((lastSeq.get(record.caseId) ?? 0) >= record.slipSeq) state.outOfOrder++;
      lastSeq.set(record.caseId, record.slipSeq);
    }
  });
  return {
    state,
    async until(expected, timeoutMs = 120000) {
      const deadline = performance.now() + timeoutMs;
      while (state.distinct < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill("SIGKILL");
      return { ...state, expected };
    },
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const logger = platform.createLogger("bench-export", "silent");
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  await platform.ensureStreams(nats, namespace, allStreams);
  const mock = await startMock();
  const env = exporterEnvSchema.parse({
    NODE_ENV: "test", PORT: "0", LOG_LEVEL: "silent", NATS_URL: process.env.NATS_URL ?? "nats://127.0.0.1:4222", NATS_NAMESPACE: namespace,
    KAFKA_BROKERS: mock.brokers, KAFKA_TOPIC_PREFIX: PREFIX, KAFKA_IDEMPOTENT: "false",
    EXPORT_BATCH_SIZE: String(options.batch), EXPORT_LAG_POLL_MS: "5000", EXPORT_ITEM_CODE_WAIT_MS: "0",
  });
  const reader = follow(mock.brokers, `${PREFIX}case-stage`);
  const results = { at: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model}`, options };
  try {
    // 1. Live: the exporter runs while the events are published as fast as NATS takes them.
    let running = await startExporter(env, logger);
    const live = stageChanges(options.live / STEPS, "live");
    const liveStart = performance.now();
    await publishAll(nats, live);
    const publishedMs = performance.now() - liveStart;
    await untilDrained(running, live.length);
    const liveMs = performance.now() - liveStart;
    results.live = { records: live.length, publishMs: Math.round(publishedMs), exportMs: Math.round(liveMs), recordsPerSecond: Math.round(live.length / (liveMs / 1000)) };
    console.log(`live: ${live.length} records exported in ${(liveMs / 1000).toFixed(1)} s = ${results.live.recordsPerSecond} records/s (publishing alone took ${(publishedMs / 1000).toFixed(1)} s)`);
    await running.stop();

    // 2. Backlog: published while no exporter runs, then one starts and catches up.
    const backlog = stageChanges(options.backlog / STEPS, "backlog");
    await publishAll(nats, backlog);
    const catchUpStart = performance.now();
    running = await startExporter(env, logger);
    await untilDrained(running, backlog.length);
    const catchUpMs = performance.now() - catchUpStart;
    results.backlog = { records: backlog.length, catchUpMs: Math.round(catchUpMs), recordsPerSecond: Math.round(backlog.length / (catchUpMs / 1000)) };
    console.log(`backlog: ${backlog.length} records caught up in ${(catchUpMs / 1000).toFixed(1)} s = ${results.backlog.recordsPerSecond} records/s`);
    await running.stop();

    // 3. What the province read: every record, each case's steps in order.
    const check = await reader.until(live.length + backlog.length);
    results.readBack = check;
    console.log(`read back: ${check.distinct}/${check.expected} distinct records, ${check.repeats} repeats, ${check.outOfOrder} out of order`);
    if (check.distinct !== check.expected || check.outOfOrder > 0) process.exitCode = 1;
  } finally {
    mock.child.kill("SIGKILL");
    await platform.deleteStreams(nats, namespace, allStreams);
    await nats.close();
  }
  mkdirSync(join(__dirname, "results"), { recursive: true });
  const file = join(__dirname, "results", `kafka-export-${results.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
