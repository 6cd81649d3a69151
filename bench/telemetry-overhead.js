#!/usr/bin/env node
// The cost of metrics and tracing on the cases benchmark (bench/cases-throughput.js): runs it in
// pairs, telemetry off then on (the order alternating pair by pair, so a drift in the shared
// machine's load falls on both), and prints each pair's cases per second and the paired change.
//
//   node scripts/build.js && node bench/telemetry-overhead.js [--pairs 3] [--duration 20] [--warmup 4] [--sample 0.1]
//
// off: METRICS=off and no OTLP endpoint (trace ids are still made: they are the request ids).
// on:  every process counts (admin port scraped every 5 s, as Prometheus would) and traces are
//      sampled at --sample and exported by OTLP/HTTP to a collector in this process that counts them.
// Writes bench/results/telemetry-overhead-<timestamp>.json.
"use strict";

const { spawn } = require("node:child_process");
const { createServer } = require("node:http");
const { mkdirSync, readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");

const resultsDir = join(__dirname, "results");

function parseArgs(argv) {
  const options = { pairs: 3, duration: 20, warmup: 4, sample: 0.1, clients: 20, "port-base": 4300 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]}`);
    options[key] = Number(argv[i + 1]);
  }
  return options;
}

function loadAverage() {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

async function runOnce(mode, options, collectorUrl) {
  const before = new Set(readdirSync(resultsDir).filter((f) => f.startsWith("cases-throughput-") && f.endsWith(".json")));
  const env = { ...process.env };
  if (mode === "off") {
    env.METRICS = "off";
    delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  } else {
    env.METRICS = "on";
    env.OTEL_EXPORTER_OTLP_ENDPOINT = collectorUrl;
    env.OTEL_TRACES_SAMPLER_ARG = String(options.sample);
  }
  const scrapes = { ok: 0, failed: 0 };
  const scraper =
    mode === "on"
      ? setInterval(() => {
          for (let i = 0; i <= 6; i += 1) {
            fetch(`http://127.0.0.1:${options["port-base"] + i + 1000}/metrics`)
              .then((r) => r.text().then(() => (r.ok ? scrapes.ok++ : scrapes.failed++)))
              .catch(() => scrapes.failed++);
          }
        }, 5000)
      : null;
  const load = loadAverage();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, "cases-throughput.js"), "--duration", String(options.duration), "--warmup", String(options.warmup), "--clients", String(options.clients), "--port-base", String(options["port-base"])], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`cases-throughput exited ${code}`))));
  });
  if (scraper) clearInterval(scraper);
  const written = readdirSync(resultsDir).filter((f) => f.startsWith("cases-throughput-") && f.endsWith(".json") && !before.has(f)).sort();
  const result = JSON.parse(readFileSync(join(resultsDir, written[written.length - 1]), "utf8"));
  return { mode, casesPerSecond: result.casesPerSecond, latencyMs: result.latencyMs, machineCpuBusyPercent: result.machineCpuBusyPercent, loadAverageBefore: load, scrapes };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(resultsDir, { recursive: true });
  let spans = 0;
  const collector = createServer((request, response) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        for (const r of body.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) spans += (s.spans ?? []).length;
      } catch {
        // not ours to judge
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const collectorUrl = `http://127.0.0.1:${collector.address().port}`;
  console.log(`telemetry overhead: ${options.pairs} pairs of ${options.warmup}+${options.duration} s runs, tracing sampled at ${options.sample}; load average now ${loadAverage().join(" ")}`);
  const pairs = [];
  for (let pair = 0; pair < options.pairs; pair += 1) {
    const order = pair % 2 === 0 ? ["off", "on"] : ["on", "off"];
    const runs = {};
    for (const mode of order) {
      const spansBefore = spans;
      runs[mode] = await runOnce(mode, options, collectorUrl);
      runs[mode].spansExported = spans - spansBefore;
      console.log(`  pair ${pair + 1} ${mode.padEnd(3)}: ${runs[mode].casesPerSecond} cases/s, submit p95 ${runs[mode].latencyMs.submit?.p95 ?? "?"} ms, machine busy ${runs[mode].machineCpuBusyPercent} %, load ${runs[mode].loadAverageBefore.join(" ")}${mode === "on" ? `, ${runs[mode].spansExported} spans, ${runs[mode].scrapes.ok} scrapes` : ""}`);
    }
    const change = (runs.on.casesPerSecond - runs.off.casesPerSecond) / runs.off.casesPerSecond;
    pairs.push({ order, off: runs.off, on: runs.on, change });
    console.log(`  pair ${pair + 1}: on vs off ${(change * 100).toFixed(1)} %`);
  }
  collector.close();
  const changes = pairs.map((p) => p.change).sort((a, b) => a - b);
  const median = changes[Math.floor(changes.length / 2)];
  console.log(`paired change in cases/s (on vs off): median ${(median * 100).toFixed(1)} %, range ${(changes[0] * 100).toFixed(1)} % .. ${(changes[changes.length - 1] * 100).toFixed(1)} %`);
  const file = join(resultsDir, `telemetry-overhead-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, options, pairs, medianChange: median }, null, 2));
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
