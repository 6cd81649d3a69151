#!/usr/bin/env node
// Staffing benchmark: how fast a service checks authorization letters (授权书) from its own
// replica, and how long "who is on duty at every window" takes through the gateway.
//
//   pnpm build && node bench/staffing-authz.js [--checks 20000] [--concurrency 16] [--roster 1000] [--warmup 100]
//
// It starts the staffing subgraph and the gateway (serving the whole supergraph) in this
// process, on their own databases and NATS namespace, named like a test run's
// (onestop_test_r<pid>_bench_staffing_*) so that test runs leave them alone while this
// process lives and clean them up after; the other subgraphs are not needed by anything
// measured here. It seeds the
// demonstration county's departments and staffing through the gateway, and stands up a
// consuming service's replica exactly as a service adds it: the replica tables in its own
// database and the replica's handlers on its own durable consumers, fed by staffing's
// events. Figures are printed and written to bench/results/staffing-authz-<timestamp>.json.
"use strict";

const { integerOptions } = require("./support/options");
const { randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const root = join(__dirname, "..");
const platform = require(join(root, "packages/platform/dist/index.js"));
const testkit = require(join(root, "packages/testkit/dist/index.js"));
const authorization = require(join(root, "packages/authorization/dist/index.js"));
const { gatewayEnvSchema, startGateway } = require(join(root, "services/gateway/dist/main.js"));
const { demoCenter, seedCounty, seedSteps } = require(join(root, "packages/seed/dist/index.js"));
const { seedStaffingStep } = require(join(root, "packages/seed/dist/staffing.js"));

function parseArgs(argv) {
  return integerOptions(argv, { checks: 20000, concurrency: 16, roster: 1000, warmup: 100 });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summarize(latenciesMs, elapsedMs) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    perSecond: Math.round((sorted.length / elapsedMs) * 1000),
    p50: +percentile(sorted, 50).toFixed(3),
    p95: +percentile(sorted, 95).toFixed(3),
    p99: +percentile(sorted, 99).toFixed(3),
    max: +sorted[sorted.length - 1].toFixed(3),
  };
}

/** Runs `work(i)` n times with `concurrency` in flight; returns each call's latency and the wall time. */
async function run(n, concurrency, work) {
  const latencies = new Array(n);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await work(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  return { latencies, elapsed: performance.now() - started };
}

async function main() {
  const options = parseArgs(process.argv.slice(2).filter((a) => a !== "--"));
  const runId = `r${process.pid.toString(36)}`;
  const environment = {
    databasePrefix: `onestop_test_${runId}_bench_staffing`,
    namespace: `t_${runId}_bench_staffing`,
    keysDir: join(root, ".local", "test-keys"),
    logLevel: process.env.BENCH_LOG_LEVEL ?? "silent",
  };
  const log = (line) => process.stdout.write(`${line}\n`);
  log(`staffing-authz: ${os.cpus().length} CPUs, Node ${process.version}`);

  await testkit.resetEnvironment(environment);
  const keys = testkit.ensureDevelopmentKeys(environment.keysDir);
  const staffing = await testkit.startOneSubgraph("staffing", environment);
  const gateway = await startGateway(
    gatewayEnvSchema.parse({
      NODE_ENV: "test",
      PORT: "0",
      LOG_LEVEL: "silent",
      STAFFING_URL: staffing.url,
      IDENTITY_SECRET_FILE: keys.identitySecretFile,
      AUTH_JWKS_FILE: keys.jwksFile,
    }),
  );
  const system = {
    gatewayUrl: gateway.url,
    keys,
    stop: async () => {
      await gateway.stop();
      await staffing.stop();
    },
  };
  const logger = platform.createLogger("bench-replica", "silent");
  let consumers;
  let replicaDb;
  let nats;
  try {
    const CENTER = demoCenter.centerCode;
    const adminToken = await testkit.mintAccessToken(system.keys, { subject: "bench-admin", roles: ["center_admin"], centerCode: CENTER });
    const seedStarted = performance.now();
    const seeded = await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, [seedSteps.departments, seedStaffingStep]);
    log(`seeded ${seeded.departmentIds.size} departments and ${seeded.windowIds.size} windows in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    // A consuming service's replica, wired as a service wires it.
    const settings = {
      ...testkit.subgraphEnv("staffing", environment, system.keys),
      DB_NAME: testkit.databaseName(environment.databasePrefix, "replica"),
    };
    await platform.dropDatabase(settings);
    replicaDb = await platform.openDatabase({
      settings,
      entities: [...platform.messagingEntities, ...authorization.authorizationReplicaEntities],
      migrations: [platform.MessagingTables1763769600000, authorization.AuthorizationReplica1763769600900, authorization.DepartmentPrincipalsNoVetoLetters1763769600901],
      logger,
    });
    const replica = new authorization.AuthorizationReplica(replicaDb);
    nats = await platform.connectNats(settings.NATS_URL, "bench-replica", logger);
    consumers = new platform.EventConsumers({
      serviceName: "bench_replica",
      connection: nats,
      namespace: environment.namespace,
      unitOfWork: new platform.UnitOfWork(replicaDb, platform.systemClock),
      logger,
      handlers: replica.handlers(),
    });
    const staffingDb = staffing.infrastructure.dataSource;
    const letters = await staffingDb.query("SELECT staff_id, department_id FROM authorization_letter WHERE revoked_at IS NULL");
    const caughtUpStarted = performance.now();
    await consumers.start();
    await testkit.eventually(async () => {
      const [{ n }] = await replicaDb.query("SELECT COUNT(*) AS n FROM authorization_letter_replica");
      return Number(n) >= letters.length ? true : null;
    }, 60_000);
    log(`replica caught up with ${letters.length} letters in ${((performance.now() - caughtUpStarted) / 1000).toFixed(1)} s`);

    // The workload: every letter holder acting on items of the departments, half of them not covered.
    const departments = [...new Set(letters.map((l) => l.department_id))];
    const items = new Map(departments.map((d) => [d, Array.from({ length: 20 }, () => randomUUID())]));
    const acts = ["ACCEPT", "DECIDE_INSTANT", "PRE_REVIEW_PROMISED", "DELIVER"];
    const request = (i) => {
      const letter = letters[i % letters.length];
      const department = i % 2 === 0 ? letter.department_id : departments[(departments.indexOf(letter.department_id) + 1) % departments.length];
      const pool = items.get(department);
      return { staffId: letter.staff_id, departmentId: department, itemId: pool[i % pool.length], act: acts[i % acts.length] };
    };
    let allowed = 0;
    const check = async (i) => {
      const r = request(i);
      if (await replica.check(r.staffId, r.act, r.itemId, r.departmentId, { centerCode: CENTER })) allowed += 1;
    };
    await run(Math.min(1000, options.checks), 4, check);

    allowed = 0;
    const sequential = await run(options.checks, 1, check);
    const sequentialAllowed = allowed;
    allowed = 0;
    const concurrent = await run(options.checks, options.concurrency, check);
    // A veto is the department principal's by office: one read of the principal replica, no letter.
    const vetoes = await run(Math.ceil(options.checks / 4), options.concurrency, async (i) => {
      const r = request(i * 2);
      await replica.isPrincipal(r.staffId, r.departmentId);
    });

    // Some people on leave now, so the roster has absences to weigh.
    const now = Date.now();
    const staffIds = [...new Set(letters.map((l) => l.staff_id))].slice(0, 12);
    for (const staffId of staffIds) {
      const result = await testkit.graphql(
        system.gatewayUrl,
        `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`,
        { i: { staffId, startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3 * 3_600_000).toISOString(), reason: "外出办事" } },
        { token: adminToken },
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }

    const ROSTER = `query ($c: String!) { dutyRoster(centerCode: $c) { window { code name } status post onDuty { code name } } }`;
    let statuses = {};
    const viaGateway = async () => {
      const result = await testkit.graphql(system.gatewayUrl, ROSTER, { c: CENTER }, { token: adminToken });
      if (result.errors || result.data.dutyRoster.length !== 29) throw new Error(`unexpected roster: ${JSON.stringify(result.errors)}`);
      statuses = result.data.dutyRoster.reduce((acc, d) => ({ ...acc, [d.status]: (acc[d.status] ?? 0) + 1 }), {});
    };
    const identityKey = testkit.developmentIdentityKeyring(system.keys).keyFor("staffing");
    const admin = { subject: "bench-admin", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null };
    const direct = async () => {
      const header = platform.signIdentity(admin, `bench-${randomUUID()}`, identityKey, new Date());
      const result = await testkit.graphql(staffing.url, ROSTER, { c: CENTER }, { headers: { [platform.IDENTITY_HEADER]: header } });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    };
    await run(options.warmup, 1, viaGateway);
    await run(options.warmup, 1, direct);
    const rosterGateway = await run(options.roster, 1, viaGateway);
    const rosterDirect = await run(options.roster, 1, direct);
    const rosterConcurrent = await run(options.roster, 8, viaGateway);

    const figures = {
      when: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      authorizationChecks: {
        letters: letters.length,
        sequential: { ...summarize(sequential.latencies, sequential.elapsed), allowedShare: +(sequentialAllowed / options.checks).toFixed(3) },
        concurrent: { concurrency: options.concurrency, ...summarize(concurrent.latencies, concurrent.elapsed) },
        vetoPrincipalLookup: { concurrency: options.concurrency, ...summarize(vetoes.latencies, vetoes.elapsed) },
      },
      dutyRoster: {
        windows: 29,
        staffOnLeave: staffIds.length,
        statuses,
        gatewaySequential: summarize(rosterGateway.latencies, rosterGateway.elapsed),
        subgraphSequential: summarize(rosterDirect.latencies, rosterDirect.elapsed),
        gatewayConcurrency8: summarize(rosterConcurrent.latencies, rosterConcurrent.elapsed),
      },
    };
    const a = figures.authorizationChecks;
    const d = figures.dutyRoster;
    log("");
    log(`Authorization checks from the local replica (${a.letters} letters, MariaDB, one indexed read each)`);
    log(`  sequential         ${a.sequential.perSecond} checks/s   p50 ${a.sequential.p50} ms  p95 ${a.sequential.p95} ms  p99 ${a.sequential.p99} ms  (${a.sequential.allowedShare * 100}% allowed)`);
    log(`  ${options.concurrency} concurrent      ${a.concurrent.perSecond} checks/s   p50 ${a.concurrent.p50} ms  p95 ${a.concurrent.p95} ms  p99 ${a.concurrent.p99} ms`);
    log(`  veto (principal)   ${a.vetoPrincipalLookup.perSecond} checks/s   p50 ${a.vetoPrincipalLookup.p50} ms  p95 ${a.vetoPrincipalLookup.p95} ms  p99 ${a.vetoPrincipalLookup.p99} ms`);
    log(`Who is on duty at every window (29 windows, ${d.staffOnLeave} people on leave: ${JSON.stringify(d.statuses)})`);
    log(`  through the gateway   p50 ${d.gatewaySequential.p50} ms  p95 ${d.gatewaySequential.p95} ms  p99 ${d.gatewaySequential.p99} ms  (${d.gatewaySequential.perSecond} req/s, one client)`);
    log(`  straight to staffing  p50 ${d.subgraphSequential.p50} ms  p95 ${d.subgraphSequential.p95} ms  p99 ${d.subgraphSequential.p99} ms`);
    log(`  gateway, 8 clients    p50 ${d.gatewayConcurrency8.p50} ms  p95 ${d.gatewayConcurrency8.p95} ms  p99 ${d.gatewayConcurrency8.p99} ms  (${d.gatewayConcurrency8.perSecond} req/s)`);
    const resultsDir = join(__dirname, "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `staffing-authz-${figures.when.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(figures, null, 2));
    log(`\nwritten to ${file}`);
  } finally {
    await consumers?.stop();
    await nats?.drain().catch(() => undefined);
    await replicaDb?.destroy();
    await system.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
