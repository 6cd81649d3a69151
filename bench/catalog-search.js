#!/usr/bin/env node
// Catalog search benchmark: the public catalog search (no sign-in, the kiosk's query) through
// the gateway with the seeded county catalog, N concurrent clients, and the same query sent
// straight to the catalog subgraph (with a signed anonymous identity) in the same run.
// Two gateways on the same subgraphs: one with the public cache on (PUBLIC_CACHE=on, emptied
// by the catalog's events on NATS), which the kiosks' repeated searches mostly hit, and one
// with it off, which shows what every query costs when it is not a hit (a new keyword, a
// change just published). The cache's hit ratio is counted from its x-onestop-cache header.
//
//   node scripts/build.js && node bench/catalog-search.js [--concurrency 50] [--duration 15] [--warmup 5] [--rate 4] [--profile gateway-nocache,catalog]
//
// --profile names processes (catalog, gateway, gateway-nocache, …) whose V8 CPU profile is
// written to bench/results/profiles/ when they stop.
//
// Three loads, each through the gateway with the cache, the gateway without, and direct:
//   saturated  every client sends its next query as soon as the last one is answered: the
//              most the system serves, and the latency 50 requests queued at once cost;
//   paced      every client sends --rate queries a second (4: a kiosk searching at every
//              keystroke of a citizen typing pinyin initials), latency counted from when each
//              query was due, so a slow answer that delays the next query is not hidden;
//   single     one client after another: the gateway's own cost per request, without queueing.
//
// The system runs as separate processes, as `pnpm start` runs it (five subgraphs and the
// gateways), on free ports, with its own databases onestop_bench_catalog_* and NATS namespace
// bench_catalog, both dropped and recreated at the start. Results are printed and written to
// bench/results/catalog-search-<timestamp>.json. Goal: p99 under 30 ms through the gateway.
"use strict";

const { spawn } = require("node:child_process");
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { post: postRaw } = require("./support/post-json");
const { requireBuilt } = require("./support/require-built");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");

const platform = requireBuilt("packages/platform/dist/index.js");
const testkit = requireBuilt("packages/testkit/dist/index.js");
const seed = requireBuilt("packages/seed/dist/index.js");
const { openSeedWindowsIfMissing } = requireBuilt("packages/seed/dist/catalog-windows.js");
const { seedItemsStep } = requireBuilt("packages/seed/dist/items.js");

// ---------------------------------------------------------------------------------------------
// Options

const defaults = { concurrency: 50, duration: 15, warmup: 5, rate: 4, profile: "" };
function parseArgs(argv) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const [key, inline] = arg.replace(/^--/, "").split("=", 2);
    if (arg === "--help") {
      process.stdout.write("usage: node bench/catalog-search.js [--concurrency 50] [--duration 15] [--warmup 5] [--rate 4] [--profile gateway-nocache,catalog]\n");
      process.exit(0);
    }
    if (!arg.startsWith("--") || !(key in options)) throw new Error(`Unknown argument ${arg} (try --help)`);
    if (key === "profile") {
      options.profile = inline ?? argv[++i] ?? "";
      continue;
    }
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} needs a positive number`);
    options[key] = value;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The system under test, one process per service

const environment = {
  databasePrefix: "onestop_bench_catalog",
  namespace: "bench_catalog",
  keysDir: join(root, ".local", "test-keys"),
};
const subgraphNames = ["catalog", "cases", "fees", "staffing", "parallel-approval"];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
let profiled = [];

function launch(name, script, env) {
  const profiling = profiled.includes(name) ? ["--cpu-prof", `--cpu-prof-dir=${join(resultsDir, "profiles")}`] : [];
  const child = spawn(process.execPath, [...profiling, script], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr.on("data", (chunk) => process.stderr.write(`  ${name} | ${chunk}`));
  children.push({ name, child });
  return child;
}

async function waitReady(url, child, name, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

async function startProcesses(keys) {
  const urls = {};
  await Promise.all(
    subgraphNames.map(async (name) => {
      const port = await freePort();
      const child = launch(name, `services/${name}/dist/main.js`, {
        PORT: String(port),
        DB_NAME: testkit.databaseName(environment.databasePrefix, name),
        NATS_NAMESPACE: environment.namespace,
        IDENTITY_KEY_FILE: testkit.subgraphIdentityKeyFile(keys, name),
        AUTH_SIGNING_KEY_FILE: keys.accessTokenPrivateJwkFile,
      });
      urls[name] = `http://127.0.0.1:${port}/graphql`;
      await waitReady(urls[name].replace(/graphql$/, "ready"), child, name);
    }),
  );
  for (const [name, cache] of [
    ["gateway", "on"],
    ["gateway-nocache", "off"],
  ]) {
    const port = await freePort();
    const gateway = launch(name, "services/gateway/dist/main.js", {
      PORT: String(port),
      CATALOG_URL: urls.catalog,
      CASES_URL: urls.cases,
      FEES_URL: urls.fees,
      STAFFING_URL: urls.staffing,
      PARALLEL_APPROVAL_URL: urls["parallel-approval"],
      IDENTITY_SECRET_FILE: keys.identitySecretFile,
      AUTH_JWKS_FILE: keys.jwksFile,
      // Both gateways append to one audit chain of the bench's own (the seed's mutations).
      AUDIT_DB_NAME: testkit.databaseName(environment.databasePrefix, "gateway"),
      NATS_NAMESPACE: environment.namespace,
      PUBLIC_CACHE: cache,
    });
    urls[name] = `http://127.0.0.1:${port}/graphql`;
    await waitReady(urls[name].replace(/graphql$/, "ready"), gateway, name);
  }
  return urls;
}

async function stopProcesses() {
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => (clearTimeout(timer), resolve()));
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The database server's process, to show its share of the machine. */
function mariadbPid() {
  for (const entry of require("node:fs").readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, "utf8").trim();
      if (comm === "mariadbd" || comm === "mysqld") return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

function cpuSnapshot(databasePid) {
  const usage = process.cpuUsage();
  return {
    ...Object.fromEntries(children.filter(({ name }) => name === "catalog" || name.startsWith("gateway")).map(({ name, child }) => [name, cpuSeconds(child.pid)])),
    mariadb: databasePid ? cpuSeconds(databasePid) : null,
    "load generator": (usage.user + usage.system) / 1e6,
  };
}

// ---------------------------------------------------------------------------------------------
// The query: what the kiosk sends as a citizen types

const SEARCH = `query Search($c: String!, $k: String, $first: Int) {
  searchItems(centerCode: $c, keyword: $k, first: $first) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id code name kind category legalLimitDays promisedLimitDays speedUpRatio maxVisits department { id } }
  }
}`;
/** Pinyin initials, Chinese words, two words, and browsing the first page without a keyword. */
const keywords = ["jsgc", "不动产", "营业执照", "hz", "sb", "许可 登记", null, "xk", "公积金", "食品", "qy", "婚姻"];

async function post(url, body, headers) {
  const answer = await postRaw(url, body, headers);
  return { status: answer.status, cache: answer.headers["x-onestop-cache"], body: answer.body };
}

const bodies = keywords.map((k) => JSON.stringify({ query: SEARCH, variables: { c: seed.demoCenter.centerCode, k, first: 20 } }));

/**
 * `concurrency` clients for `seconds`. Saturated (rate 0): each sends its next query as soon as
 * the last was answered. Paced: each sends `rate` a second, and latency counts from when the
 * query was due. Every answer is checked: HTTP 200, no GraphQL errors, a page of items.
 */
async function load(url, headersOf, { concurrency, seconds, rate = 0 }) {
  const latencies = [];
  /** Answers by their x-onestop-cache header (hit, miss, bypass; none from the subgraph). */
  const cache = {};
  let failures = 0;
  let firstFailure = null;
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const interval = rate > 0 ? 1000 / rate : 0;
  const client = async (index) => {
    // Paced clients start spread over one interval, not all at once.
    let due = start + (interval * index) / concurrency;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sentAt = performance.now();
      // From when the query was due; a timer that fired early (they keep whole milliseconds) must
      // not count the wait as negative latency.
      const from = interval > 0 ? Math.min(due, sentAt) : sentAt;
      const body = bodies[next++ % bodies.length];
      try {
        const response = await post(url, body, headersOf());
        const elapsed = performance.now() - from;
        const parsed = JSON.parse(response.body);
        if (response.status !== 200 || parsed.errors || !parsed.data?.searchItems) throw new Error(`${response.status} ${response.body.slice(0, 200)}`);
        latencies.push(elapsed);
        if (response.cache) cache[response.cache] = (cache[response.cache] ?? 0) + 1;
      } catch (error) {
        failures += 1;
        firstFailure ??= String(error.message ?? error);
      }
      due = interval > 0 ? due + interval : performance.now();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  const elapsedS = (performance.now() - start) / 1000;
  return { latencies, cache, failures, firstFailure, elapsedS };
}

function stats(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (x) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((sum, x) => sum + x, 0) / sorted.length),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  profiled = options.profile.split(",").filter(Boolean);
  const keys = testkit.ensureDevelopmentKeys(environment.keysDir);
  process.stderr.write(`Catalog search bench: resetting ${environment.databasePrefix}_* and namespace ${environment.namespace}…\n`);
  await testkit.resetEnvironment(environment);
  const startedAt = performance.now();
  const urls = await startProcesses(keys);
  process.stderr.write(`  system up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (six processes)\n`);

  const adminToken = await testkit.mintAccessToken(keys, { subject: "bench-admin", roles: ["center_admin"], centerCode: seed.demoCenter.centerCode }, { expiresInSeconds: 3600 });
  const steps = seed.countySteps.flatMap((step) => (step === seedItemsStep ? [openSeedWindowsIfMissing, step] : [step]));
  const seedLog = [];
  const seedStart = performance.now();
  await seed.seedCounty({ gatewayUrl: urls.gateway, adminToken, log: (line) => seedLog.push(line) }, steps);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  process.stderr.write(`  seeded in ${seedSeconds.toFixed(1)} s: ${seedLog.join("; ")}\n`);

  // The direct calls carry the identity the gateway would forward for an anonymous caller,
  // signed with catalog's key; a signature lives 30 s, so it is renewed every 5.
  const catalogKey = testkit.developmentIdentityKeyring(keys).keyFor("catalog");
  let signed = null;
  let signedAt = 0;
  const directHeaders = () => {
    if (performance.now() - signedAt > 5000) {
      signed = platform.signIdentity(platform.anonymousIdentity, `bench-${Date.now()}`, catalogKey, new Date());
      signedAt = performance.now();
    }
    return { [platform.IDENTITY_HEADER]: signed };
  };
  const noHeaders = () => ({});

  const targets = [
    ["gateway", urls.gateway, noHeaders],
    ["gateway-nocache", urls["gateway-nocache"], noHeaders],
    ["direct", urls.catalog, directHeaders],
  ];
  process.stderr.write(`  warm-up ${options.warmup} s each way…\n`);
  for (const [, url, headers] of targets) await load(url, headers, { concurrency: options.concurrency, seconds: options.warmup });

  const databasePid = mariadbPid();
  const loads = {
    saturated: { concurrency: options.concurrency, seconds: options.duration },
    paced: { concurrency: options.concurrency, seconds: options.duration, rate: options.rate },
    single: { concurrency: 1, seconds: Math.max(5, options.duration / 3) },
  };
  const results = {};
  for (const [loadName, shape] of Object.entries(loads)) {
    for (const [target, url, headers] of targets) {
      process.stderr.write(`  ${loadName} → ${target}: ${shape.concurrency} client(s)${shape.rate ? ` at ${shape.rate}/s each` : ""} for ${shape.seconds} s…\n`);
      const cpuBefore = cpuSnapshot(databasePid);
      const run = await load(url, headers, shape);
      const cpuAfter = cpuSnapshot(databasePid);
      const cpu = Object.fromEntries(
        Object.keys(cpuAfter)
          .filter((process) => cpuAfter[process] !== null)
          .map((process) => [process, Math.round(((cpuAfter[process] - cpuBefore[process]) / run.elapsedS) * 100)]),
      );
      const answered = Object.values(run.cache).reduce((sum, n) => sum + n, 0);
      const cpuMs = (process) => Math.round((((cpuAfter[process] - cpuBefore[process]) * 1000) / run.latencies.length) * 100) / 100;
      results[`${loadName}/${target}`] = {
        load: loadName,
        target,
        ...shape,
        requestsPerSecond: Math.round(run.latencies.length / run.elapsedS),
        latencyMs: stats(run.latencies),
        cacheHitRatio: answered > 0 ? Math.round(((run.cache.hit ?? 0) / answered) * 1000) / 1000 : null,
        cacheAnswers: run.cache,
        // CPU per answer of the process that answered: contention on a shared machine stretches
        // latency far more than it stretches this.
        cpuMsPerRequest: Object.fromEntries(["catalog", target === "direct" ? null : target].filter(Boolean).map((p) => [p, cpuMs(p)])),
        failures: run.failures,
        firstFailure: run.firstFailure,
        cpuPercentOfOneCore: cpu,
      };
    }
  }
  await stopProcesses();

  const gateways = ["gateway", "gateway-nocache"];
  const round2 = (x) => Math.round(x * 100) / 100;
  const overhead = {};
  for (const loadName of Object.keys(loads)) {
    const direct = results[`${loadName}/direct`];
    for (const gateway of gateways) {
      const through = results[`${loadName}/${gateway}`];
      overhead[`${loadName}/${gateway}`] = {
        p50Ratio: round2(through.latencyMs.p50 / direct.latencyMs.p50),
        p99Ratio: round2(through.latencyMs.p99 / direct.latencyMs.p99),
        p50ExtraMs: round2(through.latencyMs.p50 - direct.latencyMs.p50),
        throughputRatio: round2(through.requestsPerSecond / direct.requestsPerSecond),
      };
    }
  }
  const goal = Object.fromEntries(
    Object.keys(loads).flatMap((loadName) => gateways.map((gateway) => [`${loadName}/${gateway}`, results[`${loadName}/${gateway}`].latencyMs.p99 < 30])),
  );

  const lines = [];
  const say = (line = "") => lines.push(line);
  say();
  say(`Catalog search benchmark — ${new Date().toISOString()}`);
  say(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load avg at end ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}`);
  say(`Catalog: ${seedLog.find((line) => line.startsWith("items")) ?? "?"}; seeded through the gateway in ${seedSeconds.toFixed(1)} s`);
  say(`Query: searchItems(centerCode, keyword, first: 20) with 10 fields per item, keywords rotating over ${keywords.length} (pinyin initials, Chinese, two words, none)`);
  say(`Processes: five subgraphs and two gateways (public cache on: "gateway"; off: "gateway-nocache"), one process each, as \`pnpm start\` runs them; the load generator is this process; all on this machine`);
  say();
  say("  load       target            clients    req/s    p50 ms   p95 ms   p99 ms   max ms  fail  hits   CPU ms/answer     CPU % of a core");
  for (const result of Object.values(results)) {
    const l = result.latencyMs;
    const hits = result.cacheHitRatio === null ? "-" : `${Math.round(result.cacheHitRatio * 100)}%`;
    say(
      `  ${result.load.padEnd(10)} ${result.target.padEnd(16)} ${`${result.concurrency}${result.rate ? `×${result.rate}/s` : ""}`.padStart(9)} ${String(result.requestsPerSecond).padStart(8)} ${l.p50
        .toFixed(2)
        .padStart(9)} ${l.p95.toFixed(2).padStart(8)} ${l.p99.toFixed(2).padStart(8)} ${l.max.toFixed(1).padStart(8)} ${String(result.failures).padStart(5)} ${hits.padStart(5)}   ${Object.entries(
        result.cpuMsPerRequest,
      )
        .map(([k, v]) => `${k === "catalog" ? "catalog" : "gw"} ${v.toFixed(2)}`)
        .join(", ")
        .padEnd(17)} ${Object.entries(result.cpuPercentOfOneCore)
        .filter(([k, v]) => v > 0 || !k.startsWith("gateway"))
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  }
  say();
  for (const [key, o] of Object.entries(overhead)) {
    say(
      `  ${key.padEnd(26)} vs direct: ×${o.throughputRatio} the req/s; latency ×${o.p50Ratio} at p50 (${o.p50ExtraMs >= 0 ? "+" : ""}${o.p50ExtraMs} ms), ×${o.p99Ratio} at p99`,
    );
  }
  say();
  say(
    `Goal p99 < 30 ms through the gateway: ${Object.entries(goal)
      .map(([key, met]) => `${key} ${met ? "met" : "NOT met"} (${results[key].latencyMs.p99} ms)`)
      .join("; ")}`,
  );

  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const jsonPath = join(resultsDir, `catalog-search-${stamp}.json`);
  writeFileSync(
    jsonPath,
    JSON.stringify(
      { benchmark: "catalog-search", at: new Date().toISOString(), options, seed: { seconds: seedSeconds, log: seedLog }, query: SEARCH, keywords, results, overhead, goal },
      null,
      2,
    ) + "\n",
  );
  say(`Results: ${jsonPath}`);
  process.stdout.write(lines.join("\n") + "\n");
  if (Object.values(results).some((result) => result.failures > 0)) process.exitCode = 1;
}

process.once("SIGINT", () => stopProcesses().then(() => process.exit(130)));
main().catch(async (error) => {
  process.stderr.write(`\nBenchmark failed: ${error.stack ?? error.message}\n`);
  await stopProcesses();
  process.exit(1);
});
