#!/usr/bin/env node
// Case throughput benchmark: complete promised cases per second through the gateway, each
// case being five calls in order (submit 申请 → accept 受理 → review 审核 → approve 批准 →
// conclude 办结) by 20 concurrent clients, against MySQL's own single-row insert-commit
// rate measured in the same run as the ceiling.
//
//   [DB_SOCKET_PATH=/run/mysqld/mysqld.sock] node scripts/build.js && node bench/cases-throughput.js [--clients 20] [--duration 30] [--warmup 5] [--profile cases,gateway]
//
// Starts the six subgraphs and the gateway as separate processes (as `pnpm start` does) on
// ports --port-base..+6, with their own databases (onestop_bench_cases_*, the gateway's audit log
// included; dropped first and after) and NATS
// namespace (bench_cases), so development data is never touched. Prints the figures, the CPU
// each process used during the run (where the time goes), and writes
// bench/results/cases-throughput-<timestamp>.json.
"use strict";

const { spawn } = require("node:child_process");
const { randomUUID } = require("node:crypto");
const { mkdirSync, readFileSync, readdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");
const { postJson } = require("./support/post-json");
const { requireBuilt } = require("./support/require-built");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";

function parseArgs(argv) {
  const options = { clients: 20, duration: 30, warmup: 5, "port-base": 4300, "ceiling-seconds": 8, "cases-pool": 20, keep: false, profile: "" };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(" ")})`);
    if (typeof options[key] === "boolean") options[key] = true;
    else if (typeof options[key] === "string") options[key] = argv[++i] ?? "";
    else {
      options[key] = Number(argv[++i]);
      if (!Number.isFinite(options[key]) || options[key] <= 0) throw new Error(`--${key} takes a positive number`);
    }
  }
  return options;
}

/** DB_SOCKET_PATH (which the services read too) puts every connection on the server's Unix socket. */
const dbEndpoint = process.env.DB_SOCKET_PATH
  ? { socketPath: process.env.DB_SOCKET_PATH }
  : { host: process.env.DB_HOST ?? "127.0.0.1", port: Number(process.env.DB_PORT ?? 3306) };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc: where the two cores went during the measured window.

function cpuTicks(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function findProcess(names) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, "utf8").trim();
      if (names.includes(comm)) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return null;
}

/** The whole machine's ticks, and how many of them were idle (idle + iowait). */
function machineTicks() {
  const [line] = readFileSync("/proc/stat", "utf8").split("\n");
  const fields = line.split(/\s+/).slice(1).map(Number).filter(Number.isFinite);
  return { total: fields.reduce((sum, n) => sum + n, 0), idle: fields[3] + fields[4] };
}

// ---------------------------------------------------------------------------------------------
// The system

// Supervision too: the gateway is ready only once every subgraph of the supergraph answers.
// Every subgraph of the supergraph: the gateway is ready only once each of them answers.
const services = ["catalog", "cases", "fees", "staffing", "parallel-approval", "supervision", "notifications", "results", "hall"];

/** `--profile cases` (or gateway, …) writes that process's V8 CPU profile to bench/results/profiles/. */
function launch(name, script, env, log, profile = "") {
  const profiling = profile.split(",").includes(name) ? ["--cpu-prof", `--cpu-prof-dir=${join(resultsDir, "profiles")}`] : [];
  const child = spawn(process.execPath, [...profiling, script], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => log.push(`${name}| ${chunk.toString().trimEnd()}`));
  return child;
}

async function waitReady(url, child, name, log, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${log.slice(-15).join("\n")}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${log.slice(-15).join("\n")}`);
}

// ---------------------------------------------------------------------------------------------
// GraphQL through the gateway

let gatewayUrl;

function post(query, variables, token) {
  return postJson(gatewayUrl, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
}

async function must(query, variables, token) {
  const result = await post(query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(result.errors).slice(0, 400)}`);
  return result.data;
}

async function until(what, attempt, waitingCodes, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    const code = result.errors?.[0]?.extensions?.code;
    if (!waitingCodes.includes(code)) {
      if (result.errors?.length) throw new Error(`${what}: ${JSON.stringify(result.errors).slice(0, 400)}`);
      return result.data;
    }
    if (Date.now() > deadline) throw new Error(`${what} still refused with ${code} after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

const Q = {
  submit: `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`,
  accept: `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`,
  review: `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全，符合条件") { id } }`,
  approve: `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`,
  conclude: `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`,
};

async function setUpHall(tokens, mintAccessToken, keys) {
  const { registerDepartment } = await must(`mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" } }, tokens.admin);
  const departmentId = registerDepartment.id;
  const { openWindow } = await must(`mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, { i: { centerCode: CENTER, code: "W-ZJJ-1", name: "住建窗口", kind: "RESIDENT", departmentId } }, tokens.admin);
  const { registerStaff } = await must(`mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ-01", name: "王窗口", departmentId } }, tokens.admin);
  await must(`mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId, acts: ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"] } }, tokens.admin);
  tokens.staff = await mintAccessToken(keys, { subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId, windowId: openWindow.id }, { expiresInSeconds: 3600 });
  // 批准 is another person's, by the letter act APPROVE: the chief representative's.
  const chief = (await must(`mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ-00", name: "李首席", departmentId } }, tokens.admin)).registerStaff;
  await must(`mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: chief.id, departmentId, acts: ["APPROVE"] } }, tokens.admin);
  tokens.chief = await mintAccessToken(keys, { subject: chief.id, roles: ["window_staff", "chief_representative"], centerCode: CENTER, departmentId, windowId: openWindow.id }, { expiresInSeconds: 3600 });
  const { planningLicenceItem } = requireBuilt("packages/testkit/dist/fixtures.js");
  const item = planningLicenceItem(CENTER, departmentId, { baseCode: "XK00101000" });
  const { createItem } = await until("createItem", () => post(`mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: item }, tokens.admin), ["UNKNOWN_DEPARTMENT"]);
  await must(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id }, tokens.admin);
  // Cases learns of the item and the letters through events: one probe case waits for all.
  const probeKey = randomUUID();
  const { submitCase } = await until("submitCase", () => post(Q.submit, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: probeKey } }, tokens.citizen), ["UNKNOWN_ITEM"]);
  await until("acceptCase", () => post(Q.accept, { id: submitCase.id }, tokens.staff), ["NOT_AUTHORIZED"]);
  await must(Q.review, { id: submitCase.id }, tokens.staff);
  await until("decideCase", () => post(Q.approve, { id: submitCase.id }, tokens.chief), ["NOT_AUTHORIZED"]);
  return createItem.id;
}

// ---------------------------------------------------------------------------------------------
// MySQL's own ceiling: single-row INSERT, autocommit, with as many connections as clients.

async function insertCommitRate(mysql, connections, seconds) {
  const admin = await mysql.createConnection({ ...dbEndpoint, user: process.env.DB_USER ?? "root", password: process.env.DB_PASSWORD ?? "" });
  await admin.query("CREATE DATABASE IF NOT EXISTS onestop_bench_ceiling");
  await admin.query("DROP TABLE IF EXISTS onestop_bench_ceiling.commit_probe");
  await admin.query("CREATE TABLE onestop_bench_ceiling.commit_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(100) NOT NULL) ENGINE=InnoDB");
  const pool = await Promise.all(
    Array.from({ length: connections }, () =>
      mysql.createConnection({ ...dbEndpoint, user: process.env.DB_USER ?? "root", password: process.env.DB_PASSWORD ?? "", database: "onestop_bench_ceiling" }),
    ),
  );
  const stopAt = performance.now() + seconds * 1000;
  let commits = 0;
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (connection) => {
      while (performance.now() < stopAt) {
        await connection.query("INSERT INTO commit_probe (payload) VALUES ('x')");
        commits += 1;
      }
    }),
  );
  const rate = commits / ((performance.now() - t0) / 1000);
  await Promise.all(pool.map((c) => c.end()));
  await admin.query("DROP DATABASE onestop_bench_ceiling");
  await admin.end();
  return rate;
}

// ---------------------------------------------------------------------------------------------

function percentile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  for (const name of [...services, "gateway"]) requireBuilt(`services/${name}/dist/main.js`);
  const platform = requireBuilt("packages/platform/dist/index.js");
  const { allStreams } = requireBuilt("packages/events/dist/index.js");
  const { ensureDevelopmentKeys, subgraphIdentityKeyFile } = requireBuilt("packages/testkit/dist/keys.js");
  const { mintAccessToken } = requireBuilt("packages/testkit/dist/tokens.js");
  const mysql = require(join(root, "node_modules", "mysql2", "promise"));
  const { connect } = require(join(root, "node_modules", "@nats-io", "transport-node"));

  const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
  const namespace = "bench_cases";
  const database = (name) => `onestop_bench_cases_${name.replaceAll("-", "_")}`;
  const dbSettings = (name) => ({ DB_HOST: process.env.DB_HOST ?? "127.0.0.1", DB_PORT: Number(process.env.DB_PORT ?? 3306), DB_SOCKET_PATH: process.env.DB_SOCKET_PATH, DB_USER: process.env.DB_USER ?? "root", DB_PASSWORD: process.env.DB_PASSWORD ?? "", DB_NAME: database(name), DB_POOL_SIZE: 1 });
  // The gateway keeps its audit log (审计日志) in a database of its own.
  const databases = [...services, "gateway"];
  for (const name of databases) await platform.dropDatabase(dbSettings(name));
  const nats = await connect({ servers: natsUrl });
  await platform.deleteStreams(nats, namespace, allStreams);
  await nats.close();

  const keys = ensureDevelopmentKeys(join(root, ".local", "bench-keys"));
  const log = [];
  const children = {};
  const stopAll = async () => {
    for (const child of Object.values(children)) if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(Object.values(children).map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))));
  };
  process.on("SIGINT", () => stopAll().then(() => process.exit(130)));

  try {
    const ports = Object.fromEntries(services.map((name, i) => [name, options["port-base"] + 1 + i]));
    const t0 = performance.now();
    for (const name of services) {
      children[name] = launch(name, `services/${name}/dist/main.js`, {
        PORT: String(ports[name]),
        DB_NAME: database(name),
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, name),
        AUTH_SIGNING_KEY_FILE: keys.accessTokenPrivateJwkFile,
        OUTBOX_POLL_MS: "200",
        ...(name === "cases" ? { DB_POOL_SIZE: String(options["cases-pool"]) } : {}),
      }, log, options.profile);
    }
    await Promise.all(services.map((name) => waitReady(`http://127.0.0.1:${ports[name]}/ready`, children[name], name, log)));
    const url = (name) => `http://127.0.0.1:${ports[name]}/graphql`;
    children.gateway = launch("gateway", "services/gateway/dist/main.js", {
      PORT: String(options["port-base"]),
      CATALOG_URL: url("catalog"),
      CASES_URL: url("cases"),
      FEES_URL: url("fees"),
      STAFFING_URL: url("staffing"),
      PARALLEL_APPROVAL_URL: url("parallel-approval"),
      SUPERVISION_URL: url("supervision"),
      NOTIFICATIONS_URL: url("notifications"),
      RESULTS_URL: url("results"),
      HALL_URL: url("hall"),
      IDENTITY_SECRET_FILE: keys.identitySecretFile,
      AUTH_JWKS_FILE: keys.jwksFile,
      AUDIT_DB_NAME: database("gateway"),
    }, log, options.profile);
    await waitReady(`http://127.0.0.1:${options["port-base"]}/ready`, children.gateway, "gateway", log);
    gatewayUrl = `http://127.0.0.1:${options["port-base"]}/graphql`;
    console.log(`database connections over ${process.env.DB_SOCKET_PATH ? `the Unix socket ${process.env.DB_SOCKET_PATH}` : "TCP"}`);
    console.log(`system up in ${((performance.now() - t0) / 1000).toFixed(1)} s (gateway ${gatewayUrl})`);

    console.log(`measuring MySQL's single-row insert-commit rate (${options.clients} connections, ${options["ceiling-seconds"]} s)…`);
    const ceiling = await insertCommitRate(mysql, options.clients, options["ceiling-seconds"]);
    const ceilingOne = await insertCommitRate(mysql, 1, Math.max(2, options["ceiling-seconds"] / 2));
    console.log(`  ${ceiling.toFixed(0)} commits/s with ${options.clients} connections, ${ceilingOne.toFixed(0)} commits/s with one`);

    const tokens = {
      admin: await mintAccessToken(keys, { subject: "bench-admin", roles: ["center_admin"], centerCode: CENTER }, { expiresInSeconds: 3600 }),
      citizen: await mintAccessToken(keys, { subject: "bench-citizen", roles: ["citizen"] }, { expiresInSeconds: 3600 }),
    };
    const itemId = await setUpHall(tokens, mintAccessToken, keys);

    const latencies = { submit: [], accept: [], review: [], approve: [], conclude: [] };
    const failures = [];
    let measuring = false;
    let completed = 0;
    const stopAt = performance.now() + (options.warmup + options.duration) * 1000;
    async function step(name, query, variables, token) {
      const started = performance.now();
      const result = await post(query, variables, token);
      if (measuring) latencies[name].push(performance.now() - started);
      if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors[0]).slice(0, 300)}`);
      return result.data;
    }
    async function client() {
      while (performance.now() < stopAt) {
        try {
          const { submitCase } = await step("submit", Q.submit, { i: { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }, tokens.citizen);
          await step("accept", Q.accept, { id: submitCase.id }, tokens.staff);
          await step("review", Q.review, { id: submitCase.id }, tokens.staff);
          await step("approve", Q.approve, { id: submitCase.id }, tokens.chief);
          const { concludeCase } = await step("conclude", Q.conclude, { id: submitCase.id }, tokens.staff);
          if (concludeCase.status !== "CONCLUDED") throw new Error(`concluded as ${concludeCase.status}`);
          if (measuring) completed += 1;
        } catch (error) {
          failures.push(String(error.message ?? error));
          if (failures.length > 50) throw error;
        }
      }
    }

    const pids = { ...Object.fromEntries(Object.entries(children).map(([name, child]) => [name, child.pid])), mysqld: findProcess(["mariadbd", "mysqld"]), "nats-server": findProcess(["nats-server"]) };
    console.log(`running ${options.clients} clients: ${options.warmup} s warm-up, ${options.duration} s measured…`);
    const clients = Array.from({ length: options.clients }, client);
    await sleep(options.warmup * 1000);
    measuring = true;
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid ? cpuTicks(pid) : null]));
    const machineBefore = machineTicks();
    const measuredFrom = performance.now();
    await sleep(options.duration * 1000);
    measuring = false;
    const measuredSeconds = (performance.now() - measuredFrom) / 1000;
    const cpuAfter = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid ? cpuTicks(pid) : null]));
    const machineAfter = machineTicks();
    await Promise.all(clients);

    // What the relay had not yet published when the clients stopped, and how long it took to drain.
    const casesDb = await mysql.createConnection({ ...dbSettingsToMysql(dbSettings("cases")) });
    const drainFrom = performance.now();
    let backlog = null;
    let drainSeconds = null;
    for (;;) {
      const [[row]] = await casesDb.query("SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL");
      if (backlog === null) backlog = Number(row.n);
      if (Number(row.n) === 0) {
        drainSeconds = (performance.now() - drainFrom) / 1000;
        break;
      }
      if (performance.now() - drainFrom > 60_000) break;
      await sleep(100);
    }
    const [[{ n: slipRows }]] = await casesDb.query("SELECT COUNT(*) AS n FROM case_routing_entry");
    await casesDb.end();

    const hz = 100; // USER_HZ on Linux
    const cpu = Object.fromEntries(
      Object.keys(pids)
        .filter((name) => cpuBefore[name] !== null && cpuAfter[name] !== null)
        .map((name) => [name, Math.round(((cpuAfter[name] - cpuBefore[name]) / hz / measuredSeconds) * 1000) / 10]),
    );
    const casesPerSecond = completed / measuredSeconds;
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      databaseTransport: process.env.DB_SOCKET_PATH ? "unix-socket" : "tcp",
      options,
      mysqlInsertCommitsPerSecond: { concurrent: Math.round(ceiling), single: Math.round(ceilingOne) },
      completedCases: completed,
      measuredSeconds: Math.round(measuredSeconds * 10) / 10,
      casesPerSecond: Math.round(casesPerSecond * 10) / 10,
      gatewayCallsPerSecond: Math.round(casesPerSecond * 5),
      ratioToCeiling: Math.round((casesPerSecond / ceiling) * 1000) / 1000,
      transactionsPerCase: 5,
      latencyMs: Object.fromEntries(Object.entries(latencies).map(([name, samples]) => [name, { p50: Math.round(percentile(samples, 0.5) * 10) / 10, p95: Math.round(percentile(samples, 0.95) * 10) / 10 }])),
      cpuPercentOfOneCore: cpu,
      machineCpuBusyPercent: Math.round((1 - (machineAfter.idle - machineBefore.idle) / (machineAfter.total - machineBefore.total)) * 1000) / 10,
      outboxBacklogAtEnd: backlog,
      outboxDrainSeconds: drainSeconds === null ? null : Math.round(drainSeconds * 10) / 10,
      routingSlipRows: Number(slipRows),
      failures: failures.slice(0, 5),
      failureCount: failures.length,
    };

    console.log("");
    console.log(`  complete cases (5 gateway calls each):  ${result.casesPerSecond} cases/s   (${completed} in ${result.measuredSeconds} s, ${result.gatewayCallsPerSecond} calls/s)`);
    console.log(`  MySQL single-row insert-commit ceiling: ${result.mysqlInsertCommitsPerSecond.concurrent} commits/s (${options.clients} connections); ${result.mysqlInsertCommitsPerSecond.single} with one`);
    console.log(`  ratio cases/s : commits/s:              ${result.ratioToCeiling}  (each case is 5 transactions, plus the relay's and consumers')`);
    console.log(`  latency p50/p95 ms:                     ${Object.entries(result.latencyMs).map(([k, v]) => `${k} ${v.p50}/${v.p95}`).join(", ")}`);
    console.log(`  CPU, % of one core:                     ${Object.entries(cpu).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    console.log(`  machine busy:                           ${result.machineCpuBusyPercent}% of ${os.cpus().length} cores`);
    console.log(`  outbox backlog at the end:              ${backlog} rows, drained in ${result.outboxDrainSeconds ?? "> 60"} s`);
    if (failures.length) console.log(`  failures: ${failures.length}; first: ${failures[0]}`);
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `cases-throughput-${result.at.replaceAll(":", "-").replace(".", "-")}`);
    writeFileSync(`${file}.json`, JSON.stringify(result, null, 2));
    writeFileSync(`${file}.log`, log.join("\n"));
    console.log(`  written to ${file}.json (services' warnings and errors in ${file}.log)`);
  } finally {
    await stopAll();
    if (!options.keep) {
      for (const name of databases) await platform.dropDatabase(dbSettings(name)).catch(() => undefined);
      const leftover = await connect({ servers: natsUrl });
      await platform.deleteStreams(leftover, namespace, allStreams);
      await leftover.close();
    }
  }
}

function dbSettingsToMysql(settings) {
  return { ...dbEndpoint, user: settings.DB_USER, password: settings.DB_PASSWORD, database: settings.DB_NAME };
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
