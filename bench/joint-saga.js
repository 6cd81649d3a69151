#!/usr/bin/env node
// Joint-approval saga benchmark (并联审批): N joint approvals of P participants each, every
// joint case decided by a driver as soon as cases opens it, until every joint approval is
// APPROVED. Prints the time to all concluded, cases and bus messages per second, the CPU each
// process used, and checks that every participant's outcome was counted exactly once.
//
//   node scripts/build.js && node bench/joint-saga.js [--approvals 1000] [--participants 5]
//        [--kill] [--open-concurrency 16] [--driver-concurrency 48] [--port-base 4400] [--keep]
//
// --kill: kill -9 the parallel-approval process once half the outcomes are counted, start it
// again at once, and check that nothing was lost or counted twice. --profile: write a V8 CPU
// profile of each service process to the system's temporary directory. --saga-only: measure
// parallel-approval alone: cases is not started, and the bench answers each joint-case command
// with the six events cases publishes for a case accepted, reviewed, approved and concluded
// (five routing-slip steps and the conclusion), straight onto the bus.
//
// staffing, catalog, cases and parallel-approval run as their own processes (node
// services/<name>/dist/main.js), with their own databases onestop_bench_joint_* (dropped
// first) and NATS namespace bench_joint on the local NATS server. The county (departments,
// window staff with authorization letters, joint items) is set up through staffing and
// catalog as the real system requires; both are stopped before the measured run, which
// needs only cases and parallel-approval. The driver calls the cases subgraph directly with
// signed identities of each department's window staff (as the gateway would forward them),
// not through the gateway: on two cores a sixth process in the path would measure the
// gateway, not the saga. Results go to bench/results/joint-saga-<timestamp>.json.
"use strict";

const { spawn } = require("node:child_process");
const { randomUUID } = require("node:crypto");
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");
const { postJson } = require("./support/post-json");
const { requireBuilt } = require("./support/require-built");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");
const CENTER = "330110000000";
const NAMESPACE = "bench_joint";
const SERVICES = ["staffing", "catalog", "cases", "parallel-approval"];
const DEPARTMENTS = [
  ["FGJ", "发展和改革局"],
  ["ZJJ", "住房和城乡建设局"],
  ["ZRZYJ", "自然资源局"],
  ["HBJ", "生态环境局"],
  ["SLJ", "水利局"],
  ["JTJ", "交通运输局"],
  ["SCJGJ", "市场监督管理局"],
  ["XFJ", "消防救援大队"],
  ["RFB", "人防办"],
  ["WJJ", "卫生健康局"],
  ["WLJ", "文化广电旅游体育局"],
];

function parseArgs(argv) {
  const options = { approvals: 1000, participants: 5, "open-concurrency": 16, "driver-concurrency": 48, "port-base": 4400, kill: false, keep: false, profile: false, "saga-only": false };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(" ")})`);
    if (typeof options[key] === "boolean") options[key] = true;
    else {
      options[key] = Number(argv[++i]);
      if (!Number.isInteger(options[key]) || options[key] <= 0) throw new Error(`--${key} takes a positive whole number`);
    }
  }
  if (options.participants < 2 || options.participants > DEPARTMENTS.length - 1) throw new Error(`--participants: 2 to ${DEPARTMENTS.length - 1}`);
  return options;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => (ms / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------
// Processes and where the CPU went

function cpuTicks(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function machineTicks() {
  const [line] = readFileSync("/proc/stat", "utf8").split("\n");
  const fields = line.split(/\s+/).slice(1).map(Number).filter(Number.isFinite);
  return { total: fields.reduce((sum, n) => sum + n, 0), idle: fields[3] + fields[4] };
}

function mariadbPid() {
  try {
    return Number(readFileSync("/run/mysqld/mysqld.pid", "utf8").trim()) || null;
  } catch {
    return null;
  }
}

class Service {
  constructor(name, env, log, nodeArgs = []) {
    this.name = name;
    this.nodeArgs = nodeArgs;
    this.env = env;
    this.log = log;
    this.child = null;
    this.ticks = 0;
  }

  get url() {
    return `http://127.0.0.1:${this.env.PORT}/graphql`;
  }

  async start() {
    const child = spawn(process.execPath, [...this.nodeArgs, join(root, `services/${this.name}/dist/main.js`)], {
      cwd: root,
      env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "test", LOG_LEVEL: "warn", ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => this.log.push(`${this.name}| ${chunk.toString().trimEnd()}`));
    this.child = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}):\n${this.log.slice(-15).join("\n")}`);
      const ready = await fetch(`http://127.0.0.1:${this.env.PORT}/ready`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok).catch(() => false);
      if (ready) return;
      await sleep(100);
    }
    throw new Error(`${this.name} was not ready within 90 s:\n${this.log.slice(-15).join("\n")}`);
  }

  /** The CPU ticks of every process this service ran, the killed ones included. */
  cpu() {
    return this.ticks + (this.child ? cpuTicks(this.child.pid) : 0);
  }

  async stop(signal = "SIGTERM") {
    const child = this.child;
    if (!child) return;
    this.ticks += cpuTicks(child.pid);
    this.child = null;
    if (child.exitCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await gone;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Calls as the gateway would forward them

/** Each call signed with the key of the service at `url` (one of `services`). */
function caller(platform, keyring, services) {
  const keyAt = new Map(Object.values(services).map((service) => [service.url, keyring.keyFor(service.name)]));
  return async function call(url, identity, query, variables = {}) {
    const header = platform.signIdentity(identity, `bench-${randomUUID()}`, keyAt.get(url), new Date());
    return postJson(url, { query, variables }, { [platform.IDENTITY_HEADER]: header });
  };
}

function must(result, what) {
  if (result.errors?.length || !result.data) throw new Error(`${what}: ${JSON.stringify(result.errors).slice(0, 400)}`);
  return result.data;
}

/** Retries while the answer is one of the codes a replica that has not caught up gives. */
async function until(what, attempt, waitingCodes, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    const code = result.errors?.[0]?.extensions?.code;
    if (!waitingCodes.includes(code)) return must(result, what);
    if (Date.now() > deadline) throw new Error(`${what} still refused with ${code} after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

const START = `mutation ($input: StartJointApprovalInput!) { startJointApproval(input: $input) { id } }`;

/** Departments, their window staff and chief representatives with letters, one joint item each: through staffing and catalog. */
async function setUpCounty(call, urls, count) {
  const admin = { subject: "bench-admin", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null };
  const departments = [];
  for (const [code, name] of DEPARTMENTS.slice(0, count + 1)) {
    const { registerDepartment } = must(await call(urls.staffing, admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code, name } }), "registerDepartment");
    const { registerStaff } = must(
      await call(urls.staffing, admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: `${code}01`, name: `${name}窗口`, departmentId: registerDepartment.id } }),
      "registerStaff",
    );
    must(
      await call(urls.staffing, admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId: registerDepartment.id, acts: ["ACCEPT", "PRE_REVIEW_JOINT", "DELIVER"] } }),
      "grantAuthorization",
    );
    // 批准 is another person's than the reviewing clerk: the chief representative's, by the letter act APPROVE.
    const chief = must(
      await call(urls.staffing, admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: `${code}00`, name: `${name}首席代表`, departmentId: registerDepartment.id } }),
      "registerStaff",
    ).registerStaff;
    must(
      await call(urls.staffing, admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: chief.id, departmentId: registerDepartment.id, acts: ["APPROVE"] } }),
      "grantAuthorization",
    );
    departments.push({
      code,
      id: registerDepartment.id,
      clerk: { subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId: registerDepartment.id, windowId: null },
      chief: { subject: chief.id, roles: ["chief_representative"], centerCode: CENTER, departmentId: registerDepartment.id, windowId: null },
    });
  }
  const [lead, ...participants] = departments;
  for (const [index, department] of participants.entries()) {
    const input = {
      centerCode: CENTER,
      departmentId: department.id,
      baseCode: `XK${String(20001 + index).padStart(5, "0")}000`,
      agencyCreditCode: "115117220086510033",
      name: `${department.code}联办审批事项`,
      category: "ADMINISTRATIVE_LICENCE",
      kind: "JOINT",
      content: "企业投资项目联合审批",
      legalBasis: "《企业投资项目核准和备案管理条例》",
      conditions: "项目符合规划",
      procedure: "申请、受理、审查、决定",
      materials: [{ code: "M01", name: "申请表", form: "ORIGINAL" }],
      legalLimitDays: 20,
      promisedLimitDays: 10,
      supervisionContact: "0818-5222110",
      maxVisits: 1,
      jointDepartmentIds: [lead.id],
    };
    const { createItem } = await until("createItem", () => call(urls.catalog, admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }), ["UNKNOWN_DEPARTMENT"]);
    must(await call(urls.catalog, admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id }), "publishItemVersion");
    department.itemId = createItem.id;
  }
  return { lead, participants, bureau: { subject: "bench-bureau", roles: ["bureau"], centerCode: CENTER, departmentId: lead.id, windowId: null } };
}

/** parallel-approval knows every department and item once a request with a one-day deadline is refused for the deadline only. */
async function untilSagaKnowsCounty(call, url, county) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await call(url, county.bureau, START, {
      input: {
        projectName: "探测",
        projectCode: `PROBE-${randomUUID().slice(0, 8)}`,
        applicant: { name: "探测", idNumber: "91350100M000100Y43" },
        leadDepartmentId: county.lead.id,
        participants: county.participants.map((p) => ({ departmentId: p.id, itemId: p.itemId })),
        deadlineWorkingDays: 1,
        idempotencyKey: randomUUID(),
      },
    });
    if (result.errors?.[0]?.extensions?.code === "DEADLINE_TOO_SHORT") return;
    if (Date.now() > deadline) throw new Error(`parallel-approval did not learn the county: ${JSON.stringify(result.errors).slice(0, 300)}`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------
// The driver: decides every joint case as soon as cases opens it

/** Each step with who takes it: the clerk, but for the approval, which is the chief representative's. */
const STEPS = [
  ["accept", "clerk", `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "accept") { id } }`],
  ["review", "clerk", `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全，符合要求", idempotencyKey: "review") { id } }`],
  ["decide", "chief", `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "同意", idempotencyKey: "decide") { id } }`],
  ["conclude", "clerk", `mutation ($id: ID!) { concludeCase(caseId: $id, idempotencyKey: "conclude") { id } }`],
];

async function startDriver({ call, casesUrl, county, natsUrl, concurrency, events, platform, jetstream }) {
  const { connect } = require("@nats-io/transport-node");
  const connection = await connect({ servers: natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const consumer = await jetstream.jetstream(connection).consumers.get(platform.namespacedStream(NAMESPACE, events.streams.cases), {
    filter_subjects: platform.namespacedSubject(NAMESPACE, events.casesEvents.caseStageChanged.subject),
    deliver_policy: jetstream.DeliverPolicy.All,
  });
  const messages = await consumer.consume();
  const departmentOf = new Map(county.participants.map((d) => [d.id, d]));
  const seen = new Set();
  const inFlight = new Set();
  const stats = { decided: 0, calls: 0, retries: {}, latencies: [] };
  async function decide(department, caseId) {
    for (const [name, who, query] of STEPS) {
      for (;;) {
        const started = performance.now();
        const result = await call(casesUrl, department[who], query, { id: caseId });
        stats.calls += 1;
        stats.latencies.push(performance.now() - started);
        const code = result.errors?.[0]?.extensions?.code;
        // The letter may not have reached cases' replica yet; an internal error is a transaction cases lost
        // to a deadlock. Every step carries its idempotency key, so trying again never acts twice.
        if (code === "FORBIDDEN" || code === "NOT_AUTHORIZED" || code === "INTERNAL_SERVER_ERROR") {
          stats.retries[code] = (stats.retries[code] ?? 0) + 1;
          await sleep(code === "INTERNAL_SERVER_ERROR" ? 20 : 100);
          continue;
        }
        must(result, `${name} ${caseId}`);
        break;
      }
    }
    stats.decided += 1;
  }
  const loop = (async () => {
    for await (const message of messages) {
      const event = JSON.parse(message.string()).payload;
      if (event.kind !== "JOINT" || event.fromStatus !== null || seen.has(event.caseId)) continue;
      const department = departmentOf.get(event.departmentId);
      if (!department) continue;
      seen.add(event.caseId);
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const work = decide(department, event.caseId)
        .catch((error) => {
          stats.error = String(error);
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
    }
  })();
  return {
    stats,
    async stop() {
      await messages.close().catch(() => undefined);
      await loop;
      await Promise.all(inFlight);
      await connection.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// --saga-only: the bench plays cases, answering each command with the events cases would publish

async function startCasesStandIn({ natsUrl, events, platform, jetstream }) {
  const { connect } = require("@nats-io/transport-node");
  const connection = await connect({ servers: natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const js = jetstream.jetstream(connection);
  const consumer = await js.consumers.get(platform.namespacedStream(NAMESPACE, events.streams.jointApproval), {
    filter_subjects: platform.namespacedSubject(NAMESPACE, events.jointEvents.jointCaseRequested.subject),
    deliver_policy: jetstream.DeliverPolicy.All,
  });
  const messages = await consumer.consume();
  const stats = { decided: 0, calls: 0, retries: {}, latencies: [] };
  const publish = (event, payload) => {
    const envelope = { id: randomUUID(), type: event.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload: event.schema.parse(payload) };
    return js.publish(platform.namespacedSubject(NAMESPACE, event.subject), JSON.stringify(envelope), { msgID: envelope.id });
  };
  const inFlight = new Set();
  const loop = (async () => {
    for await (const message of messages) {
      const command = JSON.parse(message.string()).payload;
      const now = new Date().toISOString();
      const reference = {
        caseId: randomUUID(),
        receiptNo: `SL261122${String(stats.decided).padStart(8, "0")}`,
        centerCode: CENTER,
        itemId: command.itemId,
        itemVersion: 1,
        departmentId: command.departmentId,
        kind: "JOINT",
        windowId: null,
        handlerId: "stand-in-clerk",
        jointApprovalId: command.jointApprovalId,
        participantId: command.participantId,
      };
      const steps = [
        ["SUBMIT", null, "SUBMITTED", "SYSTEM", null],
        ["ACCEPT", "SUBMITTED", "ACCEPTED", "STAFF", null],
        ["REVIEW", "ACCEPTED", "REVIEWED", "STAFF", "材料齐全，符合要求"],
        ["APPROVE", "REVIEWED", "APPROVED", "STAFF", "同意"],
        ["CONCLUDE", "APPROVED", "CONCLUDED", "STAFF", null],
      ];
      const work = (async () => {
        for (const [index, [action, fromStatus, toStatus, actorKind, opinion]] of steps.entries()) {
          await publish(events.casesEvents.caseStageChanged, {
            ...reference,
            slipSeq: index + 1,
            action,
            fromStatus,
            toStatus,
            actorId: actorKind === "SYSTEM" ? "system" : "stand-in-clerk",
            actorKind,
            actorWindowId: null,
            opinion,
            outcome: toStatus === "APPROVED" || toStatus === "CONCLUDED" ? "APPROVED" : null,
            occurredAt: now,
            submittedAt: now,
            acceptedAt: index >= 1 ? now : null,
            deadline: null,
            onHold: false,
            stage: null,
            stageDeadline: null,
          });
        }
        await publish(events.casesEvents.caseConcluded, {
          ...reference,
          outcome: "APPROVED",
          acceptedAt: now,
          concludedAt: now,
          deadline: null,
          onTime: true,
          workingDaysUsed: 0,
          promisedLimitDays: 10,
          decidedBySystem: false,
        });
        stats.decided += 1;
      })()
        .catch((error) => {
          stats.error = String(error);
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      while (inFlight.size >= 64) await Promise.race(inFlight);
    }
  })();
  return {
    stats,
    async stop() {
      await messages.close().catch(() => undefined);
      await loop;
      await Promise.all(inFlight);
      await connection.close();
    },
  };
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const platform = requireBuilt("packages/platform/dist/index.js");
  const events = requireBuilt("packages/events/dist/index.js");
  const { developmentIdentityKeyring, ensureDevelopmentKeys, subgraphIdentityKeyFile } = requireBuilt("packages/testkit/dist/keys.js");
  const mysql = require(join(root, "node_modules", "mysql2", "promise"));
  const { connect } = require("@nats-io/transport-node");
  const jetstream = require("@nats-io/jetstream");

  const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
  const database = (name) => `onestop_bench_joint_${name.replaceAll("-", "_")}`;
  const dbConnection = { host: process.env.DB_HOST ?? "127.0.0.1", port: Number(process.env.DB_PORT ?? 3306), user: process.env.DB_USER ?? "root", password: process.env.DB_PASSWORD ?? "" };
  const admin = await mysql.createConnection(dbConnection);
  for (const name of SERVICES) await admin.query(`DROP DATABASE IF EXISTS \`${database(name)}\``);
  const bus = await connect({ servers: natsUrl });
  await platform.deleteStreams(bus, NAMESPACE, events.allStreams);

  const keys = ensureDevelopmentKeys(join(root, ".local", "bench-keys"));
  const log = [];
  const running = options["saga-only"] ? SERVICES.filter((name) => name !== "cases") : SERVICES;
  const services = Object.fromEntries(
    running.map((name, i) => [
      name,
      new Service(
        name,
        {
          PORT: String(options["port-base"] + i),
          DB_NAME: database(name),
          NATS_URL: natsUrl,
          NATS_NAMESPACE: NAMESPACE,
          IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, name),
          AUTH_SIGNING_KEY_FILE: keys.accessTokenPrivateJwkFile,
          OUTBOX_POLL_MS: "200",
          DB_POOL_SIZE: "20",
        },
        log,
        options.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(os.tmpdir(), "joint-saga-profiles")}`] : [],
      ),
    ]),
  );
  const stopAll = async () => {
    for (const service of Object.values(services)) await service.stop();
  };
  process.on("SIGINT", () => stopAll().then(() => process.exit(130)));
  const call = caller(platform, developmentIdentityKeyring(keys), services);
  let driver = null;
  try {
    const t0 = performance.now();
    await Promise.all(Object.values(services).map((s) => s.start()));
    console.log(`${running.join(", ")} up in ${seconds(performance.now() - t0)} s`);
    const urls = Object.fromEntries(running.map((name) => [name, services[name].url]));
    const county = await setUpCounty(call, urls, options.participants);
    await untilSagaKnowsCounty(call, urls["parallel-approval"], county);
    // Only cases and parallel-approval take part in the run; staffing's assessment would consume every case event too.
    await services.staffing.stop();
    await services.catalog.stop();
    console.log(`county set up through staffing and catalog: ${county.participants.length} participating departments, window staff with letters, one joint item each`);

    driver = options["saga-only"]
      ? await startCasesStandIn({ natsUrl, events, platform, jetstream })
      : await startDriver({ call, casesUrl: urls.cases, county, natsUrl, concurrency: options["driver-concurrency"], events, platform, jetstream });
    const sagaDb = await mysql.createConnection({ ...dbConnection, database: database("parallel-approval") });
    const casesDb = options["saga-only"] ? null : await mysql.createConnection({ ...dbConnection, database: database("cases") });
    const jsm = await jetstream.jetstreamManager(bus);
    const busMessages = async () => {
      let total = 0;
      for (const stream of events.allStreams) {
        const info = await jsm.streams.info(platform.namespacedStream(NAMESPACE, stream)).catch(() => null);
        total += info ? info.state.messages : 0;
      }
      return total;
    };
    const handledBySaga = async () => {
      const [rows] = await sagaDb.query("SELECT COUNT(*) AS n FROM inbox_message WHERE consumer LIKE 'parallel-approval_joint-case-%'");
      return Number(rows[0].n);
    };
    const messagesBefore = await busMessages();
    const total = options.approvals * options.participants;
    const cpuBefore = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.cpu()]));
    const dbPid = mariadbPid();
    const dbCpuBefore = dbPid ? cpuTicks(dbPid) : 0;
    const natsPid = (() => {
      try {
        return Number(require("node:child_process").execFileSync("pidof", ["nats-server"]).toString().trim().split(" ")[0]) || null;
      } catch {
        return null;
      }
    })();
    const natsCpuBefore = natsPid ? cpuTicks(natsPid) : 0;
    const selfCpuBefore = process.cpuUsage();
    const machineBefore = machineTicks();

    console.log(`opening ${options.approvals} joint approvals of ${options.participants} participants (${total} joint cases)…`);
    const started = performance.now();
    let opened = 0;
    let openedAt = null;
    let openingError = null;
    const opening = (async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: options["open-concurrency"] }, async () => {
          while (next < options.approvals) {
            const n = next++;
            const input = {
              projectName: `县域产业项目${n + 1}`,
              projectCode: `2611-330110-04-01-${String(n + 1).padStart(6, "0")}`,
              applicant: { name: "某某实业有限公司", idNumber: "91350100M000100Y43" },
              leadDepartmentId: county.lead.id,
              participants: county.participants.map((p) => ({ departmentId: p.id, itemId: p.itemId })),
              deadlineWorkingDays: 20,
              // Made once per approval: the retries after a restart (--kill) send it again.
              idempotencyKey: randomUUID(),
            };
            for (;;) {
              const result = await call(urls["parallel-approval"], county.bureau, START, { input }).catch((error) => ({ errors: [{ message: String(error) }] }));
              if (!result.errors) break;
              // While the process is being restarted (--kill), the bureau retries: the project code makes it safe.
              if (!options.kill) must(result, "startJointApproval");
              await sleep(200);
            }
            opened += 1;
          }
        }),
      );
      openedAt = performance.now();
    })().catch((error) => {
      openingError = error;
    });

    let killed = null;
    let last = { approved: 0, counted: 0 };
    let lastPrint = 0;
    for (;;) {
      const [rows] = await sagaDb.query("SELECT COALESCE(SUM(status = 'APPROVED'), 0) AS approved, COALESCE(SUM(outcomes_counted), 0) AS counted FROM joint_approval");
      last = { approved: Number(rows[0].approved), counted: Number(rows[0].counted) };
      if (options.kill && !killed && last.counted >= total / 2) {
        const at = performance.now();
        await services["parallel-approval"].stop("SIGKILL");
        const countedAtKill = last.counted;
        await services["parallel-approval"].start();
        killed = { atSeconds: (at - started) / 1000, countedAtKill, downSeconds: (performance.now() - at) / 1000 };
        console.log(`  kill -9 of parallel-approval at ${seconds(at - started)} s with ${countedAtKill}/${total} outcomes counted; back up after ${killed.downSeconds.toFixed(1)} s`);
      }
      if (performance.now() - lastPrint > 5000) {
        lastPrint = performance.now();
        console.log(`  ${seconds(performance.now() - started)} s: opened ${opened}, cases decided ${driver.stats.decided}, outcomes counted ${last.counted}, approved ${last.approved}`);
      }
      if (last.approved === options.approvals) break;
      if (driver.stats.error) throw new Error(`driver: ${driver.stats.error}`);
      if (openingError) throw openingError;
      if (performance.now() - started > 15 * 60_000) throw new Error(`not done after 15 minutes: ${JSON.stringify(last)}`);
      await sleep(100);
    }
    const elapsed = (performance.now() - started) / 1000;
    await opening;
    const machineAfter = machineTicks();
    const cpu = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, (s.cpu() - cpuBefore[name]) / 100]));
    cpu.mariadb = dbPid ? (cpuTicks(dbPid) - dbCpuBefore) / 100 : null;
    cpu["nats-server"] = natsPid ? (cpuTicks(natsPid) - natsCpuBefore) / 100 : null;
    const self = process.cpuUsage(selfCpuBefore);
    cpu["bench (driver)"] = (self.user + self.system) / 1e6;
    const busy = 1 - (machineAfter.idle - machineBefore.idle) / (machineAfter.total - machineBefore.total);
    const messages = (await busMessages()) - messagesBefore;
    const handled = await handledBySaga();

    // Exactly once: on each participant's row, in each joint approval's count, in the history, and one case per participant.
    const [[check]] = await sagaDb.query(
      `SELECT (SELECT COUNT(*) FROM joint_participant p JOIN joint_approval j ON j.id = p.joint_approval_id WHERE j.status = 'APPROVED' AND p.outcome = 'APPROVED' AND p.counted_at IS NOT NULL) AS counted_rows,
              (SELECT COALESCE(SUM(outcomes_counted), 0) FROM joint_approval WHERE status = 'APPROVED') AS counted_total,
              (SELECT COUNT(*) FROM joint_history WHERE kind = 'OUTCOME_COUNTED') AS history_rows,
              (SELECT COUNT(*) FROM (SELECT participant_id FROM joint_history WHERE kind = 'OUTCOME_COUNTED' GROUP BY participant_id HAVING COUNT(*) > 1) twice) AS counted_twice`,
    );
    // Without cases (--saga-only) there is no case to count.
    const [[casesCheck]] = casesDb
      ? await casesDb.query(`SELECT COUNT(*) AS cases, COUNT(DISTINCT participant_id) AS participants, SUM(status = 'CONCLUDED') AS concluded FROM service_case WHERE kind = 'JOINT'`)
      : [[{ cases: null, participants: null, concluded: null }]];
    const exactlyOnce = {
      expected: total,
      participantRowsCounted: Number(check.counted_rows),
      countedInJointApprovals: Number(check.counted_total),
      historyEntries: Number(check.history_rows),
      participantsCountedTwice: Number(check.counted_twice),
      jointCasesInCases: casesCheck.cases === null ? null : Number(casesCheck.cases),
      distinctParticipantsInCases: casesCheck.participants === null ? null : Number(casesCheck.participants),
      concludedInCases: casesCheck.concluded === null ? null : Number(casesCheck.concluded),
    };
    const passed =
      exactlyOnce.participantRowsCounted === total &&
      exactlyOnce.countedInJointApprovals === total &&
      exactlyOnce.historyEntries === total &&
      exactlyOnce.participantsCountedTwice === 0 &&
      (casesDb === null || (exactlyOnce.jointCasesInCases === total && exactlyOnce.distinctParticipantsInCases === total));

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, node: process.version },
      options,
      secondsToAllApproved: Number(elapsed.toFixed(2)),
      secondsToAllOpened: openedAt ? Number(((openedAt - started) / 1000).toFixed(2)) : null,
      jointApprovalsPerSecond: Number((options.approvals / elapsed).toFixed(1)),
      casesDecidedPerSecond: Number((total / elapsed).toFixed(1)),
      driverCallsToCases: driver.stats.calls,
      driverRetries: driver.stats.retries,
      driverCallLatencyMs: { p50: percentile(driver.stats.latencies, 50), p95: percentile(driver.stats.latencies, 95), p99: percentile(driver.stats.latencies, 99) },
      busMessagesPublished: messages,
      busMessagesPerSecond: Number((messages / elapsed).toFixed(0)),
      caseEventsHandledBySaga: handled,
      caseEventsHandledBySagaPerSecond: Number((handled / elapsed).toFixed(0)),
      kill: killed,
      exactlyOnce,
      exactlyOncePassed: passed,
      cpuSeconds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v === null ? null : Number(v.toFixed(1))])),
      machineBusy: Number(busy.toFixed(2)),
    };
    console.log("");
    console.log(`all ${options.approvals} joint approvals APPROVED in ${result.secondsToAllApproved} s (${result.jointApprovalsPerSecond} joint approvals/s, ${result.casesDecidedPerSecond} joint cases/s)`);
    console.log(`bus: ${messages} messages published (${result.busMessagesPerSecond}/s); the saga handled ${handled} case events (${result.caseEventsHandledBySagaPerSecond}/s)`);
    console.log(`driver: ${driver.stats.calls} calls to cases, p50 ${result.driverCallLatencyMs.p50?.toFixed(1)} ms, p95 ${result.driverCallLatencyMs.p95?.toFixed(1)} ms; retried ${JSON.stringify(driver.stats.retries)}`);
    if (killed) console.log(`kill -9 at ${killed.atSeconds.toFixed(1)} s (${killed.countedAtKill} outcomes counted), down ${killed.downSeconds.toFixed(1)} s`);
    console.log(`exactly once: ${passed ? "yes" : "NO"} ${JSON.stringify(exactlyOnce)}`);
    console.log(`CPU seconds: ${JSON.stringify(result.cpuSeconds)}; machine busy ${(busy * 100).toFixed(0)}% of ${os.cpus().length} cores`);
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `joint-saga-${result.at.replaceAll(":", "-").replaceAll(".", "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${file}`);
    await sagaDb.end();
    await casesDb?.end();
    if (!passed) process.exitCode = 1;
  } catch (error) {
    console.error(log.slice(-30).join("\n"));
    throw error;
  } finally {
    await driver?.stop();
    await stopAll();
    if (!options.keep) for (const name of SERVICES) await admin.query(`DROP DATABASE IF EXISTS \`${database(name)}\``);
    if (!options.keep) await platform.deleteStreams(bus, NAMESPACE, events.allStreams);
    await admin.end();
    await bus.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
