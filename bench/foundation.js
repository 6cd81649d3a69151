#!/usr/bin/env node
// Foundation benchmark: cold start of the whole system, idle memory of each service, and
// the cost of the gateway on the four-subgraph `case(id)` query of the thin path.
//
//   pnpm bench                 warm start against the existing dev databases (onestop_*)
//   pnpm bench --fresh         drops the dev databases first: a first start (migrations run),
//                              then a warm start
//   options: --n 2000 --warmup 200 --idle 3 --starts 1 --start-timeout 120
//
// It runs `node scripts/start.js` exactly as `pnpm start` does (gateway on 4000, subgraphs on
// 4101-4105, the dev databases and NATS namespace), so those ports must be free. Results are
// printed and written to bench/results/foundation-<timestamp>.json; the services' logs go to
// bench/results/foundation-<timestamp>.log. Needs a build first (`pnpm bench` does it).
"use strict";

const { spawn, execFileSync } = require("node:child_process");
const { mkdirSync, readdirSync, readFileSync, writeFileSync, createWriteStream } = require("node:fs");
const { createConnection: tcpConnect } = require("node:net");
const { randomUUID } = require("node:crypto");
const { join, dirname } = require("node:path");
const { requireBuilt } = require("./support/require-built");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");

// ---------------------------------------------------------------------------------------------
// Options

const defaults = { n: 2000, warmup: 200, idle: 3, starts: 1, "start-timeout": 120 };
function parseArgs(argv) {
  const options = { ...defaults, fresh: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const [key, inline] = arg.replace(/^--/, "").split("=", 2);
    if (!arg.startsWith("--") || !(key in options)) throw new Error(`Unknown argument ${arg} (try --help)`);
    if (typeof options[key] === "boolean") options[key] = true;
    else {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`--${key} needs a non-negative number`);
      options[key] = value;
    }
  }
  if (options.n < 1) throw new Error("--n must be at least 1");
  if (options.starts < 1) throw new Error("--starts must be at least 1");
  return options;
}

const usage = `usage: pnpm bench [--fresh] [--n 2000] [--warmup 200] [--idle 3] [--starts 1] [--start-timeout 120]
  --fresh          drop the dev databases (${"onestop_{catalog,cases,fees,staffing,parallel_approval}"}) first and
                   measure a first start (migrations run) before the warm start(s)
  --n N            timed executions of the four-subgraph query (after the warm-up)
  --warmup N       untimed executions before them
  --idle S         seconds to wait after ready before reading each service's RSS
  --starts K       warm starts to measure (the last one is used for memory and the query)
  --start-timeout S  give up if the gateway is not ready within S seconds
`;

// ---------------------------------------------------------------------------------------------
// The system under test

const subgraphPorts = { catalog: 4101, cases: 4102, fees: 4103, staffing: 4104, "parallel-approval": 4105 };
const gatewayPort = 4000;
const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
const devDatabases = ["onestop_catalog", "onestop_cases", "onestop_fees", "onestop_staffing", "onestop_parallel_approval"];
const CENTER = "330110000000";

const REGISTER_DEPARTMENT = `mutation ($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id code name } }`;
const CREATE_ITEM = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id name } }`;
const PUBLISH_ITEM = `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`;
const SUBMIT_CASE = `mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { id status receiptNo } }`;
const ACCEPT_CASE = `mutation ($id: ID!) { acceptCase(caseId: $id) { id status } }`;
/** The query of test/e2e/thin-path.test.ts: cases, catalog (item), staffing (item.department), fees. */
const CASE_ACROSS_FOUR_SUBGRAPHS = `
  query ($id: ID!) {
    case(id: $id) {
      id status receiptNo
      item { name promisedLimitDays department { name code } }
      paymentNotices { noticeNo amountFen status lineItems { description amountFen } }
    }
  }`;

/** The subgraph fetches the gateway's plan makes for that query (used if the planner cannot be loaded). */
const fallbackFetches = {
  cases: "query($id:ID!){case(id:$id){__typename id status receiptNo item{__typename id}}}",
  fees: "query($representations:[_Any!]!){_entities(representations:$representations){...on Case{paymentNotices{noticeNo amountFen status lineItems{description amountFen}}}}}",
  catalog: "query($representations:[_Any!]!){_entities(representations:$representations){...on Item{name promisedLimitDays department{__typename id}}}}",
  staffing: "query($representations:[_Any!]!){_entities(representations:$representations){...on Department{name code}}}",
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtS = (ms) => (ms == null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

function table(headers, rows, alignRight = []) {
  const widths = headers.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => "  " + cells.map((c, i) => pad(c, widths[i], alignRight.includes(i))).join("  ");
  return [line(headers), "  " + widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  const round = (x) => Math.round(x * 1000) / 1000;
  return {
    count: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(mean),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

function canReach(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** The first line a NATS server sends is INFO {...}, with its version and whether JetStream is on. */
function natsInfo(host, port, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    let buffered = "";
    const fail = (error) => (socket.destroy(), reject(error));
    socket.setTimeout(timeoutMs, () => fail(new Error(`no INFO from NATS at ${host}:${port} within ${timeoutMs} ms`)));
    socket.once("error", fail);
    socket.on("data", (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf("\r\n");
      if (end < 0) return;
      socket.destroy();
      const line = buffered.slice(0, end);
      if (!line.startsWith("INFO ")) return reject(new Error(`unexpected greeting from ${host}:${port}: ${line.slice(0, 80)}`));
      resolve(JSON.parse(line.slice(5)));
    });
  });
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

// ---------------------------------------------------------------------------------------------
// Processes: the launcher, its children, their memory

function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

function childrenOf(parentPid) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat && stat.ppid === parentPid) pids.push(Number(entry));
  }
  return pids;
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m")) ?? [])[1] ?? NaN);
    return { rssMiB: kb("VmRSS") / 1024, peakMiB: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

const alive = (pid) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== "Z";
};

/** The services start.js launched, by the name in their command line (services/<name>/dist/main.js). */
function serviceProcesses(launcherPid) {
  const found = {};
  for (const pid of childrenOf(launcherPid)) {
    const match = commandLine(pid).join(" ").match(/services\/([a-z-]+)\/dist\/main\.js/);
    if (match) found[match[1]] = pid;
  }
  return found;
}

class SystemRun {
  constructor(label, log, startTimeoutMs) {
    this.label = label;
    this.log = log;
    this.startTimeoutMs = startTimeoutMs;
    this.tail = [];
    this.services = {};
    this.launcherSaid = null;
  }

  async start() {
    this.log.write(`\n===== ${new Date().toISOString()} start: ${this.label} =====\n`);
    const env = { ...process.env };
    delete env.PORT; // start.js would take it for the gateway's port
    delete env.GATEWAY_PORT;
    const t0 = performance.now();
    this.child = spawn(process.execPath, [join(root, "scripts", "start.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
    this.child.once("exit", (code, signal) => this.log.write(`===== launcher exited (code ${code}, signal ${signal}) =====\n`));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.on("data", (chunk) => {
        const text = stripAnsi(chunk.toString());
        this.log.write(text);
        this.tail.push(...text.split("\n").filter(Boolean).map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)));
        if (this.tail.length > 40) this.tail.splice(0, this.tail.length - 40);
        const said = text.match(/The system is up \(([\d.]+) s\)/);
        if (said) this.launcherSaid = Number(said[1]) * 1000;
      });
    }

    // Poll every service's /ready as well as the gateway's, to see where the time goes.
    const targets = { ...subgraphPorts, gateway: gatewayPort };
    const readyAt = {};
    let launcherExit = null;
    this.exited.then((exit) => (launcherExit = exit));
    const deadline = t0 + this.startTimeoutMs;
    await Promise.all(
      Object.entries(targets).map(async ([name, port]) => {
        while (readyAt.gateway === undefined || name === "gateway") {
          if (launcherExit) return;
          if (performance.now() > deadline) return;
          const ok = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) })
            .then(async (response) => (await response.arrayBuffer(), response.status === 200))
            .catch(() => false);
          if (ok) {
            readyAt[name] = performance.now() - t0;
            return;
          }
          await sleep(25);
        }
      }),
    );
    if (launcherExit) {
      throw new Error(
        `start.js exited (code ${launcherExit.code}) before the gateway was ready. Last output:\n  ${this.tail.slice(-15).join("\n  ") || "(none yet)"}`,
      );
    }
    if (readyAt.gateway === undefined) {
      throw new Error(`The gateway was not ready within ${this.startTimeoutMs / 1000} s. Last output:\n  ${this.tail.slice(-15).join("\n  ") || "(none yet)"}`);
    }
    this.readyMs = readyAt.gateway;
    this.readyAt = readyAt;
    // start.js prints its line right after its own /ready check; give it a moment.
    for (let i = 0; i < 40 && this.launcherSaid === null; i++) await sleep(25);
    this.services = serviceProcesses(this.child.pid);
    const missing = [...Object.keys(subgraphPorts), "gateway"].filter((name) => !(name in this.services));
    if (missing.length) throw new Error(`Could not find the process of ${missing.join(", ")} under start.js (pid ${this.child.pid})`);
    return this;
  }

  memory() {
    const result = { launcher: { pid: this.child.pid, ...memoryOf(this.child.pid) } };
    for (const [name, pid] of Object.entries(this.services)) result[name] = { pid, ...memoryOf(pid) };
    return result;
  }

  /** SIGTERM to start.js, which stops its children; then makes sure none is left behind. */
  async stop() {
    if (!this.child || this.stopResult) return this.stopResult;
    const pids = Object.values(this.services).length ? Object.values(this.services) : childrenOf(this.child.pid);
    const t0 = performance.now();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    const exit = await Promise.race([this.exited, sleep(20_000).then(() => null)]);
    let leftovers = [];
    for (let i = 0; i < 200; i++) {
      leftovers = pids.filter(alive);
      if (leftovers.length === 0) break;
      await sleep(50);
    }
    const stopMs = performance.now() - t0;
    if (!exit) this.child.kill("SIGKILL");
    for (const pid of leftovers) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    this.stopResult = { stopMs, exitCode: exit?.code ?? null, clean: Boolean(exit) && exit.code === 0 && leftovers.length === 0, killed: leftovers };
    return this.stopResult;
  }
}

// ---------------------------------------------------------------------------------------------
// GraphQL calls

async function post(url, query, variables, headers) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  return { status: response.status, ...body };
}

async function eventually(what, check, timeoutMs = 30_000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.done) return last.value;
    await sleep(intervalMs);
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s; last answer: ${JSON.stringify(last?.value ?? null).slice(0, 400)}`);
}

const firstCode = (result) => result.errors?.[0]?.extensions?.code;
function expectData(what, result) {
  if (result.errors?.length || !result.data) throw new Error(`${what} failed (HTTP ${result.status}): ${JSON.stringify(result.errors ?? result).slice(0, 500)}`);
  return result.data;
}

/** Through the gateway, as the thin-path e2e test: department → item (fixed fee, published) → case → acceptance → payment notice. */
async function setUpCase(tokens) {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const auth = (token) => ({ authorization: `Bearer ${token}` });
  const department = expectData(
    "registerDepartment",
    await post(gatewayUrl, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code: `BENCH-${suffix}`, name: `基准测试局 ${suffix}` } }, auth(tokens.admin)),
  ).registerDepartment;

  // Fees issues notices only to a department with its fee account; it learns of the department by event.
  await eventually("configureFeeAccount (fees learning of the department)", async () => {
    const result = await post(
      gatewayUrl,
      `mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id } }`,
      { input: { departmentId: department.id, accountNo: `62220202${String(Date.now()).slice(-11)}`, accountName: "基准测试局非税收入户", bankName: "中国工商银行宣汉支行" } },
      auth(tokens.admin),
    );
    if (firstCode(result) === "UNKNOWN_DEPARTMENT") return { done: false, value: result };
    return { done: true, value: expectData("configureFeeAccount", result) };
  });

  // As test/e2e/thin-path.test.ts: an item with one FIXED fee of 50 yuan, created as a draft, then published.
  const { fixedFee, planningLicenceItem } = requireBuilt("packages/testkit/dist/fixtures.js");
  const itemInput = () => planningLicenceItem(CENTER, department.id, { feeItems: [fixedFee()] });
  // Catalog and cases learn of departments and items through events: retry while they have not.
  // A random base code may already be taken in the dev databases: then try another.
  const item = await eventually("createItem (catalog learning of the department)", async () => {
    const result = await post(gatewayUrl, CREATE_ITEM, { input: itemInput() }, auth(tokens.admin));
    if (["UNKNOWN_DEPARTMENT", "CONFLICT"].includes(firstCode(result))) return { done: false, value: result };
    return { done: true, value: expectData("createItem", result).createItem };
  });
  expectData("publishItemVersion", await post(gatewayUrl, PUBLISH_ITEM, { id: item.id }, auth(tokens.admin)));
  const submissionKey = randomUUID();
  const submitted = await eventually("submitCase (cases learning of the item)", async () => {
    const result = await post(
      gatewayUrl,
      SUBMIT_CASE,
      { input: { itemId: item.id, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: submissionKey } },
      auth(tokens.citizen),
    );
    if (firstCode(result) === "UNKNOWN_ITEM") return { done: false, value: result };
    return { done: true, value: expectData("submitCase", result).submitCase };
  });
  // Acceptance needs an authorization letter (授权书) that staffing grants and cases learns of by event.
  const staff = expectData(
    "registerStaff",
    await post(
      gatewayUrl,
      `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`,
      { i: { centerCode: CENTER, code: `B${suffix}`, name: "基准测试员", departmentId: department.id } },
      auth(tokens.admin),
    ),
  ).registerStaff;
  expectData(
    "grantAuthorization",
    await post(
      gatewayUrl,
      `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`,
      { i: { staffId: staff.id, departmentId: department.id, acts: ["ACCEPT"] } },
      auth(tokens.admin),
    ),
  );
  const staffToken = await tokens.staffFor(staff.id, department.id);
  await eventually("acceptCase (cases learning of the letter)", async () => {
    const result = await post(gatewayUrl, ACCEPT_CASE, { id: submitted.id }, auth(staffToken));
    if (firstCode(result) === "NOT_AUTHORIZED") return { done: false, value: result };
    return { done: true, value: expectData("acceptCase", result) };
  });
  const t0 = performance.now();
  const view = await eventually("the payment notice (fees handling CaseAccepted)", async () => {
    const result = await post(gatewayUrl, CASE_ACROSS_FOUR_SUBGRAPHS, { id: submitted.id }, auth(tokens.citizen));
    return { done: Boolean(result.data?.case?.paymentNotices?.length), value: result };
  });
  const noticeMs = performance.now() - t0;
  if (view.errors) throw new Error(`case query answered with errors: ${JSON.stringify(view.errors).slice(0, 500)}`);
  return { departmentId: department.id, itemId: item.id, caseId: submitted.id, view: view.data, noticeMs };
}

/** The fetches of the gateway's query plan for the query, from the planner the gateway uses. */
function plannedFetches() {
  try {
    const gatewayDir = dirname(require.resolve("@apollo/gateway/package.json", { paths: [join(root, "services", "gateway")] }));
    const resolveFromGateway = (name) => require(require.resolve(name, { paths: [gatewayDir] }));
    const { QueryPlanner, prettyFormatQueryPlan } = resolveFromGateway("@apollo/query-planner");
    const { Supergraph, operationFromDocument } = resolveFromGateway("@apollo/federation-internals");
    const { parse } = resolveFromGateway("graphql");
    const supergraph = Supergraph.build(readFileSync(join(root, "services", "gateway", "supergraph.graphql"), "utf8"));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(CASE_ACROSS_FOUR_SUBGRAPHS)));
    const fetches = {};
    const walk = (node) => {
      if (!node) return;
      if (node.kind === "Fetch") {
        if (fetches[node.serviceName]) throw new Error(`two fetches to ${node.serviceName}`);
        fetches[node.serviceName] = node.operation;
      }
      for (const child of node.nodes ?? []) walk(child);
      walk(node.node);
    };
    walk(plan.node);
    const expected = Object.keys(fallbackFetches).sort().join(",");
    if (Object.keys(fetches).sort().join(",") !== expected) {
      throw new Error(`the plan fetches from ${Object.keys(fetches).join(", ")}, not ${expected}`);
    }
    return { source: "query planner", fetches, pretty: prettyFormatQueryPlan(plan) };
  } catch (error) {
    return { source: `built in (planner unavailable: ${error.message})`, fetches: fallbackFetches, pretty: null };
  }
}

async function benchmarkQuery(setup, tokens, identityKit, options) {
  const plan = plannedFetches();
  const subgraphUrl = (name) => `http://127.0.0.1:${subgraphPorts[name]}/graphql`;
  const gatewayHeaders = { authorization: `Bearer ${tokens.citizen}` };

  const expectCase = (result, where) => {
    if (result.errors || result.data?.case?.id !== setup.caseId || !result.data.case.paymentNotices?.length) {
      throw new Error(`${where}: unexpected answer ${JSON.stringify(result).slice(0, 400)}`);
    }
  };
  const timed = async (url, query, variables, headers) => {
    const t0 = performance.now();
    const result = await post(url, query, variables, headers);
    return { ms: performance.now() - t0, result };
  };

  async function viaGateway() {
    const { ms, result } = await timed(gatewayUrl, CASE_ACROSS_FOUR_SUBGRAPHS, { id: setup.caseId }, gatewayHeaders);
    expectCase(result, "gateway");
    return ms;
  }

  /** The plan's four fetches, one after the other, each with a freshly signed identity as the gateway sends. */
  async function direct(i) {
    const requestId = `bench-direct-${i}-${identityKit.runId}`;
    // Signed for each subgraph with its own key, as the gateway does, outside the timed calls.
    const headers = (subgraph) => ({
      [identityKit.IDENTITY_HEADER]: identityKit.signIdentity(identityKit.identity, requestId, identityKit.keyring.keyFor(subgraph), new Date()),
      [identityKit.REQUEST_ID_HEADER]: requestId,
    });
    const ok = (name, result) => {
      if (result.errors || !result.data) throw new Error(`direct ${name}: unexpected answer ${JSON.stringify(result).slice(0, 400)}`);
      return result.data;
    };
    const cases = await timed(subgraphUrl("cases"), plan.fetches.cases, { id: setup.caseId }, headers("cases"));
    const theCase = ok("cases", cases.result).case;
    if (theCase?.id !== setup.caseId) throw new Error(`direct cases: no case ${setup.caseId}`);
    const fees = await timed(subgraphUrl("fees"), plan.fetches.fees, { representations: [{ __typename: "Case", id: theCase.id }] }, headers("fees"));
    if (!ok("fees", fees.result)._entities?.[0]?.paymentNotices?.length) throw new Error("direct fees: no payment notice");
    const catalog = await timed(subgraphUrl("catalog"), plan.fetches.catalog, { representations: [{ __typename: "Item", id: theCase.item.id }] }, headers("catalog"));
    const department = ok("catalog", catalog.result)._entities?.[0]?.department;
    if (!department?.id) throw new Error("direct catalog: no item department");
    const staffing = await timed(subgraphUrl("staffing"), plan.fetches.staffing, { representations: [{ __typename: "Department", id: department.id }] }, headers("staffing"));
    if (!ok("staffing", staffing.result)._entities?.[0]?.name) throw new Error("direct staffing: no department");
    return { cases: cases.ms, fees: fees.ms, catalog: catalog.ms, staffing: staffing.ms };
  }

  const samples = { gateway: [], cases: [], catalog: [], staffing: [], fees: [], directSum: [], directCriticalPath: [] };
  const total = options.warmup + options.n;
  const progressEvery = Math.max(1, Math.floor(total / 10));
  const t0 = performance.now();
  // Interleaved, so drift (GC, other load on the machine) touches both sides alike.
  for (let i = 0; i < total; i++) {
    const gatewayMs = await viaGateway();
    const parts = await direct(i);
    if (i >= options.warmup) {
      samples.gateway.push(gatewayMs);
      for (const [name, ms] of Object.entries(parts)) samples[name].push(ms);
      samples.directSum.push(parts.cases + parts.fees + parts.catalog + parts.staffing);
      samples.directCriticalPath.push(parts.cases + Math.max(parts.fees, parts.catalog + parts.staffing));
    }
    if ((i + 1) % progressEvery === 0) {
      const line = `  query: ${i + 1}/${total} (${(((i + 1) / (performance.now() - t0)) * 1000).toFixed(0)}/s)`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    }
  }
  if (process.stderr.isTTY) process.stderr.write("\r" + " ".repeat(40) + "\r");
  const elapsedMs = performance.now() - t0;
  return { plan, samples, elapsedMs, stats: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])) };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) return void process.stdout.write(usage);

  const platform = requireBuilt("packages/platform/dist/index.js");
  const { developmentIdentityKeyring, ensureDevelopmentKeys } = requireBuilt("packages/testkit/dist/keys.js");
  const { mintAccessToken } = requireBuilt("packages/testkit/dist/tokens.js");
  requireBuilt("services/gateway/dist/main.js");
  const mysql = require("mysql2/promise");

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = join(resultsDir, `foundation-${stamp}.json`);
  const logPath = join(resultsDir, `foundation-${stamp}.log`);
  currentLogPath = logPath;

  // Preflight: MariaDB and NATS up, the system's ports free.
  const dbHost = process.env.DB_HOST ?? "127.0.0.1";
  const dbPort = Number(process.env.DB_PORT ?? 3306);
  const nats = platform.natsHostPort(process.env.NATS_URL ?? "nats://127.0.0.1:4222");
  const problems = [];
  let mariadbVersion = null;
  let natsVersion = null;
  let existingDatabases = [];
  if (!(await canReach(dbHost, dbPort))) problems.push(`${platform.howToStart.mariadb}\n  (looked for it at ${dbHost}:${dbPort})`);
  else {
    try {
      const connection = await mysql.createConnection({
        host: dbHost,
        port: dbPort,
        user: process.env.DB_USER ?? "root",
        password: process.env.DB_PASSWORD ?? "",
        connectTimeout: 5000,
      });
      try {
        mariadbVersion = (await connection.query("SELECT VERSION() AS v"))[0][0].v;
        const [rows] = await connection.query("SHOW DATABASES");
        existingDatabases = rows.map((row) => Object.values(row)[0]).filter((name) => devDatabases.includes(name));
      } finally {
        await connection.end();
      }
    } catch (error) {
      problems.push(`MariaDB at ${dbHost}:${dbPort} answers TCP but not as expected: ${error.message}`);
    }
  }
  if (!(await canReach(nats.host, nats.port))) problems.push(`${platform.howToStart.nats}\n  (looked for it at ${nats.host}:${nats.port})`);
  else {
    try {
      const info = await natsInfo(nats.host, nats.port);
      natsVersion = info.version;
      if (info.jetstream === false) problems.push(`NATS at ${nats.host}:${nats.port} runs without JetStream (start it with -js)`);
    } catch (error) {
      problems.push(`NATS at ${nats.host}:${nats.port}: ${error.message}`);
    }
  }
  for (const port of [gatewayPort, ...Object.values(subgraphPorts)]) {
    if (await canReach("127.0.0.1", port, 500)) {
      problems.push(`Port ${port} is in use (is \`pnpm start\` or another bench running?). The bench starts the system on 4000 and 4101-4105.`);
    }
  }
  if (problems.length) {
    process.stderr.write(`Cannot run the benchmark.\n\n${problems.join("\n\n")}\n`);
    process.exit(1);
  }
  if (options.fresh) {
    // Only now that nothing listens on the system's ports: no running service loses its database.
    const connection = await mysql.createConnection({
      host: dbHost,
      port: dbPort,
      user: process.env.DB_USER ?? "root",
      password: process.env.DB_PASSWORD ?? "",
      connectTimeout: 5000,
    });
    try {
      for (const name of devDatabases) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await connection.end();
    }
  }

  const cpus = os.cpus();
  const git = gitDescription();
  const machine = {
    cpuModel: cpus[0]?.model?.trim() ?? "unknown",
    logicalCores: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    mariadb: mariadbVersion,
    nats: natsVersion,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };

  const log = createWriteStream(logPath);
  const runs = [];
  let current = null;
  const onSignal = async (signal) => {
    process.stderr.write(`\n${signal}: stopping the system…\n`);
    if (current) await current.stop();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const missingBefore = devDatabases.filter((name) => !existingDatabases.includes(name));
  const plannedStarts = [];
  if (options.fresh) plannedStarts.push({ kind: "first", label: "first start (fresh databases, migrations run)" });
  else if (missingBefore.length) plannedStarts.push({ kind: "first", label: `first start (${missingBefore.length} database(s) created, migrations run)` });
  for (let i = 0; i < options.starts; i++) plannedStarts.push({ kind: "warm", label: options.starts > 1 ? `warm start #${i + 1}` : "warm start (databases exist)" });

  process.stderr.write(`OneStop foundation bench: logs → ${logPath}\n`);
  if (options.fresh) process.stderr.write(`  --fresh: dropped ${devDatabases.join(", ")} (NATS streams kept)\n`);

  let query = null;
  let memory = null;
  let memoryAfterLoad = null;
  let setup = null;
  try {
    for (const [index, planned] of plannedStarts.entries()) {
      const last = index === plannedStarts.length - 1;
      process.stderr.write(`  ${planned.label}…`);
      current = new SystemRun(planned.label, log, options["start-timeout"] * 1000);
      await current.start();
      process.stderr.write(` ready in ${fmtS(current.readyMs)}\n`);
      const run = { kind: planned.kind, label: planned.label, readyMs: current.readyMs, readyAtMs: current.readyAt, launcherSaidMs: current.launcherSaid };
      runs.push(run);

      if (last) {
        await sleep(options.idle * 1000);
        memory = current.memory();
        process.stderr.write(`  setting up a case through the gateway…\n`);
        const keys = ensureDevelopmentKeys(join(root, ".local", "keys"));
        const citizenSubject = `bench-citizen-${randomUUID().slice(0, 8)}`;
        const hour = { expiresInSeconds: 3600 };
        const tokens = {
          admin: await mintAccessToken(keys, { subject: "bench-admin", roles: ["center_admin"], centerCode: CENTER }, hour),
          citizen: await mintAccessToken(keys, { subject: citizenSubject, roles: ["citizen"] }, hour),
          staffFor: (staffId, departmentId) =>
            mintAccessToken(keys, { subject: staffId, roles: ["window_staff"], centerCode: CENTER, departmentId }, hour),
        };
        setup = await setUpCase(tokens);
        const identityKit = {
          runId: stamp,
          identity: { subject: citizenSubject, roles: ["citizen"], centerCode: null, departmentId: null, windowId: null },
          keyring: developmentIdentityKeyring(keys),
          signIdentity: platform.signIdentity,
          IDENTITY_HEADER: platform.IDENTITY_HEADER,
          REQUEST_ID_HEADER: platform.REQUEST_ID_HEADER,
        };
        process.stderr.write(`  timing the four-subgraph query: ${options.warmup} warm-up + ${options.n} runs, each via gateway and direct…\n`);
        query = await benchmarkQuery(setup, tokens, identityKit, options);
        memoryAfterLoad = current.memory();
      }
      run.stop = await current.stop();
      current = null;
    }
  } finally {
    if (current) await current.stop().catch(() => undefined);
    log.end();
  }

  // ------------------------------------------------------------------------------------------
  // Report

  const out = [];
  const say = (line = "") => out.push(line);
  say();
  say(`OneStop foundation benchmark — ${new Date().toISOString()}  (commit ${git.commit ?? "?"}${git.dirty ? ", uncommitted changes" : ""})`);
  say(
    `Machine: ${machine.logicalCores} logical cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}; ` +
      `Node ${machine.node}; MariaDB ${machine.mariadb}; NATS ${machine.nats}; load avg ${machine.loadAverageAtStart.join(" / ")}`,
  );
  say(
    options.fresh
      ? `Databases: dev databases onestop_* dropped first (--fresh); NATS streams of namespace "onestop" kept.`
      : `Databases: the existing dev databases onestop_* (each run adds one department, item, case and notice).`,
  );

  say();
  say("1. Cold start: spawn `node scripts/start.js` → gateway /ready answers 200");
  const serviceOrder = [...Object.keys(subgraphPorts), "gateway"];
  say(
    table(
      ["start", "gateway ready", "start.js says", "stop (SIGTERM→all exited)", ...serviceOrder.map((s) => (s === "gateway" ? "│ gateway" : s))],
      runs.map((run) => [
        run.label,
        fmtS(run.readyMs),
        run.launcherSaidMs == null ? "—" : fmtS(run.launcherSaidMs),
        run.stop ? `${fmtS(run.stop.stopMs)}${run.stop.clean ? "" : " (NOT clean)"}` : "—",
        ...serviceOrder.map((s) => (s === "gateway" ? "│ " : "") + fmtS(run.readyAtMs[s])),
      ]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ),
  );
  const warm = runs.filter((run) => run.kind === "warm").map((run) => run.readyMs);
  if (warm.length > 1) {
    const st = stats(warm);
    say(`   Warm starts (${warm.length}): median ${fmtS(st.median)}, min ${fmtS(st.min)}, max ${fmtS(st.max)}.`);
  }
  say("   Per-service columns: when that service's own /ready first answered 200 (each polled every 25 ms from the spawn).");
  say("   start.js starts the five subgraphs together and the gateway once all five are ready; \"start.js says\" is its own");
  say("   figure, counted from after it has loaded its modules.");

  say();
  say(`2. Memory: RSS ${options.idle} s after ready (idle), and after the query benchmark`);
  say(
    table(
      ["process", "pid", "idle RSS (MiB)", "peak by then", "after load RSS (MiB)", "peak by then"],
      [...serviceOrder, "launcher"].map((name) => [
        name === "launcher" ? "launcher (start.js)" : name,
        memory[name]?.pid ?? "—",
        memory[name]?.rssMiB?.toFixed(1) ?? "—",
        memory[name]?.peakMiB?.toFixed(1) ?? "—",
        memoryAfterLoad?.[name]?.rssMiB?.toFixed(1) ?? "—",
        memoryAfterLoad?.[name]?.peakMiB?.toFixed(1) ?? "—",
      ]).concat([
        [
          "all six services",
          "",
          serviceOrder.reduce((sum, name) => sum + (memory[name]?.rssMiB ?? 0), 0).toFixed(1),
          "",
          memoryAfterLoad ? serviceOrder.reduce((sum, name) => sum + (memoryAfterLoad[name]?.rssMiB ?? 0), 0).toFixed(1) : "—",
          "",
        ],
      ]),
      [1, 2, 3, 4, 5],
    ),
  );
  say("   RSS = VmRSS, peak = VmHWM from /proc/<pid>/status; the launcher is start.js itself, not counted in the sum.");

  say();
  say(`3. The four-subgraph case(id) query: ${options.n} timed sequential runs after ${options.warmup} warm-up, keep-alive, interleaved gateway/direct`);
  say(`   data set up through the gateway; payment notice visible ${fmtMs(setup.noticeMs)} ms after acceptCase. Fetches: ${query.plan.source}.`);
  const s = query.stats;
  const row = (label, st) => [label, fmtMs(st.median), fmtMs(st.p95), fmtMs(st.p99), fmtMs(st.mean), fmtMs(st.min), fmtMs(st.max)];
  say(
    table(
      ["ms", "median", "p95", "p99", "mean", "min", "max"],
      [
        row("gateway: one query, four subgraph fetches", s.gateway),
        row("direct: cases   case(id)", s.cases),
        row("direct: fees    _entities(Case)", s.fees),
        row("direct: catalog _entities(Item)", s.catalog),
        row("direct: staffing _entities(Department)", s.staffing),
        row("direct sum (the four, one after another)", s.directSum),
        row("direct plan-shaped: cases + max(fees, catalog+staffing) *", s.directCriticalPath),
      ],
      [1, 2, 3, 4, 5, 6],
    ),
  );
  const ratio = (q) => s.gateway[q] / s.directSum[q];
  const overhead = {
    medianRatio: ratio("median"),
    p95Ratio: ratio("p95"),
    p99Ratio: ratio("p99"),
    medianExtraMs: s.gateway.median - s.directSum.median,
    medianRatioToPlanShaped: s.gateway.median / s.directCriticalPath.median,
  };
  say(
    `   Gateway overhead vs direct sum: ×${overhead.medianRatio.toFixed(2)} at the median (${overhead.medianExtraMs >= 0 ? "+" : ""}${fmtMs(overhead.medianExtraMs)} ms), ` +
      `×${overhead.p95Ratio.toFixed(2)} at p95, ×${overhead.p99Ratio.toFixed(2)} at p99; ` +
      `×${overhead.medianRatioToPlanShaped.toFixed(2)} vs the plan-shaped figure at the median.`,
  );
  say(`   * modelled from the same direct timings: the gateway runs fees in parallel with catalog→staffing.`);
  say(`   Throughput of the loop: ${(((options.warmup + options.n) / query.elapsedMs) * 1000).toFixed(0)} iterations/s (one gateway query + four direct calls each).`);
  say();
  say(`4. Stopped: ${runs.every((run) => run.stop?.clean) ? "every start stopped cleanly (start.js exit 0, no service left)" : "NOT every stop was clean, see the table and the log"}.`);
  say(`   Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}`);
  say(`   Results: ${jsonPath}`);
  say(`   Logs:    ${logPath}`);
  process.stdout.write(out.join("\n") + "\n");

  const result = {
    benchmark: "foundation",
    at: new Date().toISOString(),
    git,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    options: { fresh: options.fresh, n: options.n, warmup: options.warmup, idleSeconds: options.idle, warmStarts: options.starts },
    databases: options.fresh ? "dev databases dropped first (--fresh); NATS streams kept" : "existing dev databases",
    coldStart: runs.map((run) => ({
      kind: run.kind,
      label: run.label,
      gatewayReadyMs: Math.round(run.readyMs),
      launcherReportedMs: run.launcherSaidMs,
      serviceReadyMs: Object.fromEntries(Object.entries(run.readyAtMs).map(([k, v]) => [k, Math.round(v)])),
      stop: run.stop ? { ms: Math.round(run.stop.stopMs), exitCode: run.stop.exitCode, clean: run.stop.clean, killed: run.stop.killed } : null,
    })),
    memoryMiB: {
      idleAfterSeconds: options.idle,
      idle: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, { pid: v.pid, rss: round1(v.rssMiB), peak: round1(v.peakMiB) }])),
      afterLoad: Object.fromEntries(Object.entries(memoryAfterLoad).map(([k, v]) => [k, { rss: round1(v.rssMiB), peak: round1(v.peakMiB) }])),
      note: "rss = VmRSS, peak = VmHWM (high-water mark since the process started); launcher = start.js",
    },
    query: {
      operation: CASE_ACROSS_FOUR_SUBGRAPHS.replace(/\s+/g, " ").trim(),
      setup: { caseId: setup.caseId, itemId: setup.itemId, departmentId: setup.departmentId, paymentNoticeVisibleMs: Math.round(setup.noticeMs) },
      fetches: query.plan.fetches,
      fetchesFrom: query.plan.source,
      queryPlan: query.plan.pretty,
      statsMs: query.stats,
      gatewayOverhead: Object.fromEntries(Object.entries(overhead).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
      loopElapsedMs: Math.round(query.elapsedMs),
    },
  };
  writeFileSync(jsonPath, JSON.stringify(result, null, 2) + "\n");
  if (!runs.every((run) => run.stop?.clean)) process.exitCode = 1;
}

const round1 = (x) => Math.round(x * 10) / 10;
let currentLogPath = null;

main().catch((error) => {
  process.stderr.write(`\nBenchmark failed: ${error.message}\n${currentLogPath ? `The services' logs: ${currentLogPath}\n` : ""}`);
  process.exit(1);
});
