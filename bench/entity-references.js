#!/usr/bin/env node
// Entity references benchmark: what the list queries that fan out to other subgraphs' entities
// cost, and how many SQL statements each subgraph runs for one of them. Two queries, through
// the gateway, as center administration:
//   workbench  cases(centerCode) with each case's item, department (and its fee account),
//              window, handler, payment notices, fee assessment and joint approval;
//   joint      jointApprovals with each participant's case (Case references into cases),
//              department and item.
//
//   node scripts/build.js && node bench/entity-references.js [--root /tmp/refs-base]
//        [--cases 40] [--joint 6] [--n 200] [--warmup 20] [--concurrency 4] [--rounds 4]
//
// Every root named (this checkout always, labelled "this"; each --root labelled by its
// folder) runs its whole system (five subgraphs and the gateway, from its built dist/) in a
// child process of its own, so two builds never share a module; the children seed the same
// county through their gateway, then this process sends the queries to them in turn: each
// round sends n/rounds requests of a query to every system, the order of the systems
// alternating between rounds, so drift on the shared cores touches all alike.
//
// SQL statements are counted in each subgraph by wrapping its TypeORM DataSource's
// logger.logQuery, which TypeORM calls for every statement it sends (query builder, find and
// raw query alike), whatever the logging settings. Only statements run inside a GraphQL
// request of the benchmark's caller count (the platform's request context names the caller),
// so the outbox relay, timers and event consumers running beside them do not; the counted
// pass sends its queries one at a time and divides by their number.
//
// Databases and NATS namespaces are named like a test run's (onestop_test_r<child pid>_bench_refs_*)
// and dropped at the start and the end. Figures are printed and written to
// bench/results/entity-references-<timestamp>.json.
"use strict";

const { fork } = require("node:child_process");
const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { basename, join, resolve } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");
const { postJson } = require("./support/post-json");
const { requireBuilt } = require("./support/require-built");

const thisRoot = join(__dirname, "..");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
const ADMIN = "bench-refs-admin";
const SUBGRAPHS = ["cases", "catalog", "fees", "staffing", "parallel-approval"];

const QUERIES = {
  workbench: `query ($c: String!) {
    cases(centerCode: $c, limit: 100) {
      id receiptNo status kind
      item { id name }
      department { id name feeAccount { accountNo } }
      window { id name }
      handler { id name }
      paymentNotices { id noticeNo amountFen status }
      feeAssessment
      jointApproval { id projectName status }
    }
  }`,
  joint: `query {
    jointApprovals(first: 50) {
      edges { node { id projectName participants { id department { id name } item { id name } case { id receiptNo status } } } }
    }
  }`,
};

function parseArgs(argv) {
  const options = { root: [], cases: 40, joint: 6, n: 200, warmup: 20, concurrency: 4, rounds: 4 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(", ")})`);
    const value = inline ?? argv[++i];
    if (key === "root") options.root.push(resolve(value));
    else {
      options[key] = Number(value);
      if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} needs a positive integer`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// A system, in its own child process: started from one root's dist/, seeded, statements counted

async function serve(root, label, options) {
  const fromRoot = (relative) => requireBuilt(relative, root);
  const testkit = fromRoot("packages/testkit/dist/index.js");
  const { currentRequestContext } = fromRoot("packages/platform/dist/index.js");
  const runId = `r${process.pid.toString(36)}`;
  const environment = {
    databasePrefix: `onestop_test_${runId}_bench_refs_${label}`,
    namespace: `t_${runId}_bench_refs_${label}`,
    keysDir: join(thisRoot, ".local", "test-keys"),
    logLevel: process.env.BENCH_LOG_LEVEL ?? "silent",
  };
  await testkit.resetEnvironment(environment);
  const system = await testkit.startSystem(environment);

  const counts = Object.fromEntries(SUBGRAPHS.map((name) => [name, 0]));
  let counting = false;
  for (const name of SUBGRAPHS) {
    const logger = system.subgraphs[name].infrastructure.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (...args) => {
      if (counting && currentRequestContext()?.identity.subject === ADMIN) counts[name]++;
      return logQuery(...args);
    };
  }

  const mint = (claims) => testkit.mintAccessToken(system.keys, claims, { expiresInSeconds: 6 * 3600 });
  const adminToken = await mint({ subject: ADMIN, roles: ["center_admin"], centerCode: CENTER });
  await seed(system.gatewayUrl, adminToken, mint, fromRoot("packages/testkit/dist/fixtures.js"), options);

  process.on("message", async (message) => {
    if (message.type === "count") {
      counting = message.on;
      if (counting) for (const name of SUBGRAPHS) counts[name] = 0;
      process.send({ type: "counted", counts: { ...counts } });
    } else if (message.type === "stop") {
      await system.stop();
      await testkit.resetEnvironment(environment);
      process.exit(0);
    }
  });
  process.send({ type: "ready", gatewayUrl: system.gatewayUrl, adminToken, node: process.version });
}

const firstCode = (result) => result.errors?.[0]?.extensions?.code;

/** Calls until the answer has no error, while `waitingFor` names what an event has not yet brought (another service learning of a department, an item, a letter). */
async function call(url, token, query, variables, waitingFor = []) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await postJson(url, { query, variables }, { authorization: `Bearer ${token}` });
    if (!result.errors?.length && result.data) return result.data;
    if (!waitingFor.includes(firstCode(result)) || Date.now() > deadline) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(result.errors ?? result).slice(0, 400)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * One department charging a fixed fee on its item, with a window, a clerk holding a letter and
 * `cases` accepted cases (each with its payment notice); a lead department and two participant
 * departments with joint items, and `joint` joint approvals (two joint cases each).
 */
async function seed(url, admin, mint, { fixedFee, planningLicenceItem }, options) {
  const department = async (code, name) => (await call(url, admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code, name } })).registerDepartment.id;
  const publishedItem = async (input) => {
    const { createItem } = await call(url, admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }, ["UNKNOWN_DEPARTMENT"]);
    await call(url, admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
    return createItem.id;
  };

  const zjj = await department("ZJJ", "住房和城乡建设局");
  await call(
    url,
    admin,
    `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`,
    { i: { departmentId: zjj, accountNo: "6222020200112233445", accountName: "住建局非税收入户", bankName: "中国工商银行宣汉支行" } },
    ["UNKNOWN_DEPARTMENT"],
  );
  const { openWindow } = await call(url, admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, { i: { centerCode: CENTER, code: "W-ZJJ-1", name: "住建窗口", kind: "RESIDENT", departmentId: zjj } });
  const { registerStaff } = await call(url, admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ-01", name: "王窗口", departmentId: zjj } });
  await call(url, admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId: zjj, acts: ["ACCEPT"] } });
  const clerk = await mint({ subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId: zjj, windowId: openWindow.id });
  const citizen = await mint({ subject: "bench-refs-citizen", roles: ["citizen"] });
  const itemId = await publishedItem(planningLicenceItem(CENTER, zjj, { baseCode: "XK00101000", feeItems: [fixedFee()] }));
  for (let i = 0; i < options.cases; i++) {
    const { submitCase } = await call(url, citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }, ["UNKNOWN_ITEM"]);
    await call(url, clerk, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: submitCase.id }, ["NOT_AUTHORIZED"]);
  }

  const lead = await department("FGJ", "发展和改革局");
  const participants = [];
  for (const [index, [code, name]] of [["ZRZY", "自然资源局"], ["STHJ", "生态环境局"]].entries()) {
    const id = await department(code, name);
    const item = await publishedItem({
      ...planningLicenceItem(CENTER, id, { baseCode: `XK${String(20001 + index).padStart(5, "0")}000` }),
      name: `${name}联办审批事项`,
      kind: "JOINT",
      promisedLimitDays: 10,
      jointDepartmentIds: [lead],
    });
    participants.push({ departmentId: id, itemId: item });
  }
  const bureau = await mint({ subject: "bench-refs-bureau", roles: ["bureau"], centerCode: CENTER, departmentId: lead });
  for (let i = 0; i < options.joint; i++) {
    await call(
      url,
      bureau,
      `mutation ($i: StartJointApprovalInput!) { startJointApproval(input: $i) { id } }`,
      { i: { projectName: `联审项目 ${i + 1}`, projectCode: `BENCH-REFS-${i + 1}`, applicant: { name: "宣汉县某公司", idNumber: "91350100M000100Y43" }, leadDepartmentId: lead, participants, deadlineWorkingDays: 30, idempotencyKey: randomUUID() } },
      ["UNKNOWN_DEPARTMENT", "UNKNOWN_ITEM"],
    );
  }
  // Cases opens the joint cases and fees issues the notices on events: wait for both.
  const expected = options.cases + options.joint * participants.length;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { cases } = await call(url, admin, `query ($c: String!) { cases(centerCode: $c, limit: 200) { id jointApprovalId paymentNotices { id } } }`, { c: CENTER });
    const noticed = cases.filter((c) => c.paymentNotices.length > 0).length;
    if (cases.length === expected && noticed === options.cases) return;
    if (Date.now() > deadline) throw new Error(`seeding: ${cases.length} of ${expected} cases, ${noticed} of ${options.cases} notices after 60 s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

// ---------------------------------------------------------------------------------------------
// The driver

function startChild(root, label, options) {
  const child = fork(__filename, ["--serve", root, label, JSON.stringify(options)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const replies = [];
  const waiting = [];
  child.on("message", (message) => (waiting.length ? waiting.shift()(message) : replies.push(message)));
  const next = () => (replies.length ? Promise.resolve(replies.shift()) : new Promise((done) => waiting.push(done)));
  const exited = new Promise((done) => child.on("exit", done));
  return {
    label,
    root,
    ready: next().then((ready) => {
      if (ready?.type !== "ready") throw new Error(`${label}: the system did not start`);
      return ready;
    }),
    count: (on) => (child.send({ type: "count", on }), next().then((reply) => reply.counts)),
    stop: () => (child.send({ type: "stop" }), exited),
    exited,
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function send(system, query) {
  const result = await postJson(system.gatewayUrl, { query, variables: { c: CENTER } }, { authorization: `Bearer ${system.adminToken}` });
  if (result.errors?.length || !result.data) throw new Error(`${system.label}: ${JSON.stringify(result.errors ?? result).slice(0, 400)}`);
  return result.data;
}

/** n requests with `concurrency` in flight; each one's latency in ms, and the wall time. */
async function load(system, query, n, concurrency) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        await send(system, query);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => process.stdout.write(`${line}\n`);
  const roots = [[thisRoot, "this"], ...options.root.map((root) => [root, basename(root).replace(/[^a-z0-9]/gi, "_").toLowerCase()])];
  log(`entity-references: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; ${options.cases} cases with a notice, ${options.joint} joint approvals of two cases`);
  const systems = roots.map(([root, label]) => startChild(root, label, options));
  try {
    // Started one after the other: seeding is the heavy part, and the two would only slow each other down.
    for (const system of systems) {
      Object.assign(system, await Promise.race([system.ready, system.exited.then((code) => Promise.reject(new Error(`${system.label} exited (${code})`)))]));
      log(`  ${system.label} (${system.root}): up and seeded`);
    }
    const results = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const answers = await Promise.all(systems.map((system) => send(system, query)));
      const sizes = answers.map((answer) => JSON.stringify(answer).length);
      if (new Set(sizes).size > 1) log(`  note: ${name} answers differ in size between systems (${sizes.join(" / ")} bytes)`);
      for (const system of systems) await load(system, query, options.warmup, options.concurrency);

      // SQL statements per query: one request at a time, counted in each subgraph.
      const statements = {};
      for (const system of systems) {
        await system.count(true);
        for (let i = 0; i < options.warmup; i++) await send(system, query);
        const counts = await system.count(false);
        statements[system.label] = Object.fromEntries(Object.entries(counts).map(([subgraph, count]) => [subgraph, count / options.warmup]));
      }

      // Throughput and latency, in rounds, the systems' order alternating.
      const runs = Object.fromEntries(systems.map((system) => [system.label, { latencies: [], elapsedMs: 0 }]));
      const perRound = Math.ceil(options.n / options.rounds);
      for (let round = 0; round < options.rounds; round++) {
        for (const system of round % 2 ? [...systems].reverse() : systems) {
          const { latencies, elapsedMs } = await load(system, query, perRound, options.concurrency);
          runs[system.label].latencies.push(...latencies);
          runs[system.label].elapsedMs += elapsedMs;
        }
      }
      results[name] = Object.fromEntries(
        systems.map((system) => {
          const { latencies, elapsedMs } = runs[system.label];
          const sorted = latencies.sort((a, b) => a - b);
          const perSubgraph = statements[system.label];
          return [
            system.label,
            {
              requests: sorted.length,
              perSecond: +((sorted.length / elapsedMs) * 1000).toFixed(1),
              p50Ms: +percentile(sorted, 50).toFixed(1),
              p95Ms: +percentile(sorted, 95).toFixed(1),
              statements: { ...perSubgraph, total: Object.values(perSubgraph).reduce((sum, x) => sum + x, 0) },
              answerBytes: sizes[systems.indexOf(system)],
            },
          ];
        }),
      );
      log(`\n${name}: ${perRound * options.rounds} requests per system, ${options.concurrency} in flight`);
      log(`  ${"system".padEnd(12)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)}   SQL statements per query: ${[...SUBGRAPHS, "total"].join(" / ")}`);
      for (const [label, r] of Object.entries(results[name])) {
        log(`  ${label.padEnd(12)} ${String(r.perSecond).padStart(7)} ${String(r.p50Ms).padStart(7)} ${String(r.p95Ms).padStart(7)}   ${[...SUBGRAPHS, "total"].map((s) => +r.statements[s].toFixed(1)).join(" / ")}`);
      }
    }
    const resultsDir = join(__dirname, "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `entity-references-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ options, node: process.version, cpus: os.cpus().length, systems: roots, results }, null, 2));
    log(`\nwritten to ${file}`);
  } finally {
    await Promise.all(systems.map((system) => system.stop()));
  }
}

if (process.argv[2] === "--serve") {
  const [, , , root, label, options] = process.argv;
  serve(root, label, JSON.parse(options)).catch((error) => {
    process.stderr.write(`${label}: ${error.stack ?? error}\n`);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
