#!/usr/bin/env node
// Result documents (docs/results.md): how many PDFs the renderer makes per second, and how long
// from a case's conclusion to its licence being downloadable.
//
//   node scripts/build.js && node bench/results-documents.js [--renders 40] [--cases 40] [--rate 4]
//
// 1. Renders: --renders licences of different applicants, one after another in this process,
//    with the fonts parsed once (as the service does): documents per second, p50/p95 per document,
//    bytes per document. The first document, which parses the fonts, is reported on its own.
// 2. Conclusion to download: the results subgraph alone (its own database onestop_bench_results,
//    dropped first, and NATS namespace bench_results), fed on the bus with what catalog, staffing
//    and cases publish: an item version, a department, then --cases concluded approvals at --rate
//    per second, as cases' outbox relay would publish them. For each, the time from publishing
//    the conclusion to GET /documents/<id> answering 200 with the PDF (the id is derived from the
//    case, so the poller knows it), polled every 25 ms with a signed identity of the department's
//    staff. p50/p95/max.
// 3. Conclusion to download through the gateway: the whole system (startSystem, databases
//    onestop_bench_results_system_*), a department, its clerk and chief representative, a
//    licence item; --concluded cases taken to approval through the gateway, then concluded one
//    at a time: the time from concludeCase answering to GET /documents/<id> through the gateway
//    answering 200 with the PDF (polled every 25 ms as the clerk), p50/p95/max. This is what a
//    person at the window waits for before printing the licence.
// Results go to bench/results/results-documents-<timestamp>.json.
"use strict";

const { randomUUID, createHash } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { integerOptions } = require("./support/options");
const { requireBuilt } = require("./support/require-built");

const options = integerOptions(process.argv.slice(2), { renders: 40, cases: 40, rate: 4, concluded: 20 });
const CENTER = "511722000000";
const NAMESPACE = "bench_results";

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value) => Math.round(value * 10) / 10;

function licenceFacts(i) {
  return {
    kind: "LICENCE",
    centerName: "宣汉县政务服务中心",
    documentNo: `ZZ511722-2026-${String(i + 1).padStart(6, "0")}`,
    issuedAt: new Date(Date.UTC(2026, 2, 5, 2, 0, i)),
    verificationCode: createHash("sha256").update(String(i)).digest("hex").slice(0, 16).toUpperCase(),
    receiptNo: `R2026030500${i}`,
    applicantName: ["张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十"][i % 8] + "有限公司",
    itemName: "建设工程规划许可证核发",
    itemCode: null,
    departmentName: "县住房和城乡建设局",
    acceptedAt: new Date("2026-03-02T02:00:00Z"),
    deadline: null,
    promisedLimitDays: 7,
    materials: [],
    reasons: null,
    payment: null,
    licence: { licenceNo: `ZZ511722-2026-${String(i + 1).padStart(6, "0")}`, validFrom: "2026-03-05", validUntil: "2031-03-04" },
  };
}

async function renders(env) {
  const { PdfRenderer, documentContent } = requireBuilt("services/results/dist/main.js");
  const renderer = new PdfRenderer(
    { regularFile: env.RESULTS_FONT_PATH, regularName: env.RESULTS_FONT_NAME, boldFile: env.RESULTS_FONT_BOLD_PATH, boldName: env.RESULTS_FONT_BOLD_NAME },
    env.VERIFY_URL,
  );
  let started = performance.now();
  const first = await renderer.render(licenceFacts(0), documentContent(licenceFacts(0)));
  const firstMs = performance.now() - started;
  const times = [];
  let bytes = 0;
  const all = performance.now();
  for (let i = 1; i <= options.renders; i += 1) {
    started = performance.now();
    const pdf = await renderer.render(licenceFacts(i), documentContent(licenceFacts(i)));
    times.push(performance.now() - started);
    bytes += pdf.length;
  }
  const seconds = (performance.now() - all) / 1000;
  return { firstMs: round(firstMs), firstBytes: first.length, documents: options.renders, perSecond: round(options.renders / seconds), p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), meanBytes: Math.round(bytes / options.renders) };
}

async function conclusionToDownload() {
  const platform = requireBuilt("packages/platform/dist/index.js");
  const { casesEvents, catalogEvents, staffingEvents } = requireBuilt("packages/events/dist/index.js");
  const testkit = requireBuilt("packages/testkit/dist/index.js");
  const { documentIdOf } = requireBuilt("services/results/dist/documents/documents.rules.js");
  const { jetstream } = require("@nats-io/jetstream");
  const { connect } = require("@nats-io/transport-node");
  const environment = { databasePrefix: "onestop_bench", namespace: NAMESPACE, keysDir: join(__dirname, "..", ".local", "keys"), logLevel: "warn" };
  const keys = testkit.ensureDevelopmentKeys(environment.keysDir);
  const env = testkit.subgraphEnv("results", environment, keys);
  await platform.dropDatabase(env);
  const nats = await connect({ servers: env.NATS_URL });
  await platform.deleteStreams(nats, NAMESPACE, requireBuilt("packages/events/dist/index.js").allStreams);
  const results = await testkit.startOneSubgraph("results", environment);
  const js = jetstream(nats);
  const publish = (event, payload) =>
    js.publish(platform.namespacedSubject(NAMESPACE, event.subject), JSON.stringify({ id: randomUUID(), type: event.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload }), { msgID: randomUUID() });

  const itemId = randomUUID();
  const departmentId = randomUUID();
  await publish(staffingEvents.departmentRegistered, { departmentId, centerCode: CENTER, code: "ZJJ", name: "县住房和城乡建设局" });
  await publish(catalogEvents.itemPublished, {
    itemId, version: 1, centerCode: CENTER, departmentId, name: "建设工程规划许可证核发", kind: "PROMISED", legalLimitDays: 20, promisedLimitDays: 7,
    feeStandard: { kind: "FREE" }, materials: [{ code: "M01", name: "申请表", form: "ORIGINAL", mandatory: true, copies: 1, notes: "" }],
  });
  const keyring = testkit.developmentIdentityKeyring(keys);
  const key = keyring.keyFor("results");
  const staff = { subject: "staff-1", roles: ["window_staff"], centerCode: CENTER, departmentId, windowId: null };
  const base = results.url.replace(/\/graphql$/, "");
  // Signed as the gateway's relay signs it: bound to the request (an empty body), or refused.
  const downloadable = async (documentId) => {
    const response = await fetch(`${base}/documents/${documentId}`, { headers: { [platform.IDENTITY_HEADER]: platform.signIdentity(staff, randomUUID(), key, new Date(), { body: "" }) } });
    const ok = response.status === 200;
    await response.arrayBuffer();
    return ok;
  };

  const latencies = [];
  const waits = [];
  const spacing = 1000 / options.rate;
  const startedAll = performance.now();
  for (let i = 0; i < options.cases; i += 1) {
    const caseId = randomUUID();
    const at = new Date();
    const step = {
      caseId, receiptNo: `BENCH${i}`, centerCode: CENTER, itemId, itemVersion: 1, departmentId, kind: "PROMISED", windowId: null, handlerId: "staff-1",
      slipSeq: 5, action: "CONCLUDE", fromStatus: "APPROVED", toStatus: "CONCLUDED", actorId: "staff-1", actorKind: "STAFF", actorWindowId: null, opinion: null,
      occurredAt: at.toISOString(), outcome: "APPROVED", concludes: true, submittedAt: at.toISOString(), acceptedAt: at.toISOString(), deadline: null, onHold: false,
      stage: null, stageDeadline: null, jointApprovalId: null, participantId: null, itemCode: null, applicantKind: "PERSON", applicantIdMasked: null,
      applicantSubject: `citizen-${i}`, applicantName: `申请人${i}`, details: null,
    };
    const documentId = documentIdOf(caseId, "LICENCE", "concluded");
    const published = performance.now();
    await publish(casesEvents.caseStageChanged, step);
    waits.push(
      (async () => {
        // eslint-disable-next-line no-await-in-loop
        while (!(await downloadable(documentId))) await new Promise((resolve) => setTimeout(resolve, 25));
        latencies.push(performance.now() - published);
      })(),
    );
    const next = startedAll + (i + 1) * spacing;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(waits);
  const seconds = (performance.now() - startedAll) / 1000;
  await results.stop();
  await nats.close();
  return { cases: options.cases, ratePerSecond: options.rate, seconds: round(seconds), p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), maxMs: round(Math.max(...latencies)) };
}

async function conclusionThroughGateway() {
  const testkit = requireBuilt("packages/testkit/dist/index.js");
  const { documentIdOf } = requireBuilt("services/results/dist/documents/documents.rules.js");
  const environment = { databasePrefix: "onestop_bench_results_system", namespace: "bench_results_system", keysDir: join(__dirname, "..", ".local", "test-keys"), logLevel: process.env.BENCH_LOG_LEVEL ?? "silent" };
  await testkit.resetEnvironment(environment);
  const system = await testkit.startSystem(environment);
  const base = system.gatewayUrl.replace(/\/graphql$/, "");
  const gql = async (token, query, variables, retryOn = []) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = await response.json();
      // A replica that has not caught up yet (a department, an item, a letter): asked again shortly.
      if (body.errors?.length && retryOn.includes(body.errors[0].extensions?.code) && attempt < 200) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
      return body.data;
    }
  };
  try {
    const mint = (claims) => testkit.mintAccessToken(system.keys, { centerCode: CENTER, ...claims }, { expiresInSeconds: 3600 });
    const admin = await mint({ subject: "bench-admin", roles: ["center_admin"] });
    const { registerDepartment } = await gql(admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ", name: "县住房和城乡建设局" } });
    const departmentId = registerDepartment.id;
    const { openWindow } = await gql(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, { i: { centerCode: CENTER, code: "W-ZJJ", name: "县住房和城乡建设局窗口", kind: "RESIDENT", departmentId } });
    const staffOf = async (code, name, acts) => {
      const { registerStaff } = await gql(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code, name, departmentId } });
      await gql(admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId, acts } });
      return registerStaff.id;
    };
    const clerk = await mint({ subject: await staffOf("ZJJ-01", "王窗口", ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"]), roles: ["window_staff"], departmentId, windowId: openWindow.id });
    const chief = await mint({ subject: await staffOf("ZJJ-00", "李首席", ["APPROVE"]), roles: ["window_staff", "chief_representative"], departmentId, windowId: openWindow.id });
    const { createItem } = await gql(admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: testkit.planningLicenceItem(CENTER, departmentId) }, ["UNKNOWN_DEPARTMENT"]);
    await gql(admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
    const citizen = await mint({ subject: `bench-citizen-${randomUUID()}`, roles: ["citizen"], centerCode: null });
    const approved = [];
    for (let i = 0; i < options.concluded; i += 1) {
      const { submitCase } = await gql(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }, ["UNKNOWN_ITEM"]);
      await gql(clerk, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: submitCase.id }, ["NOT_AUTHORIZED"]);
      await gql(clerk, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: submitCase.id });
      await gql(chief, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: submitCase.id }, ["NOT_AUTHORIZED"]);
      approved.push(submitCase.id);
    }
    // The receipts and other documents of the approvals are made before the measured conclusions begin.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const downloadable = async (documentId) => {
      const response = await fetch(`${base}/documents/${documentId}`, { headers: { authorization: `Bearer ${clerk}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      return response.status === 200 && bytes.subarray(0, 5).toString() === "%PDF-";
    };
    const latencies = [];
    for (const caseId of approved) {
      await gql(clerk, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId });
      const answered = performance.now();
      const documentId = documentIdOf(caseId, "LICENCE", "concluded");
      while (!(await downloadable(documentId))) await new Promise((resolve) => setTimeout(resolve, 25));
      latencies.push(performance.now() - answered);
    }
    return { cases: latencies.length, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), maxMs: round(Math.max(...latencies)) };
  } finally {
    await system.stop();
  }
}

async function main() {
  const { resultsEnvSchema } = requireBuilt("services/results/dist/env.js");
  const env = resultsEnvSchema.parse({ IDENTITY_KEY_FILE: "(not read: the renderer alone)" });
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load: os.loadavg().map(round) };
  console.log(`results-documents on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load ${machine.load.join(" ")}`);
  const rendering = await renders(env);
  console.log(`renders: ${rendering.perSecond} PDFs/s one after another (p50 ${rendering.p50Ms} ms, p95 ${rendering.p95Ms} ms, ${rendering.meanBytes} bytes each); the first, parsing the fonts: ${rendering.firstMs} ms`);
  const flow = await conclusionToDownload();
  console.log(`conclusion to downloadable: ${flow.cases} cases at ${flow.ratePerSecond}/s: p50 ${flow.p50Ms} ms, p95 ${flow.p95Ms} ms, max ${flow.maxMs} ms`);
  const gateway = await conclusionThroughGateway();
  console.log(`concludeCase answered to GET /documents/<id> 200 through the gateway: ${gateway.cases} cases one at a time: p50 ${gateway.p50Ms} ms, p95 ${gateway.p95Ms} ms, max ${gateway.maxMs} ms`);
  mkdirSync(join(__dirname, "results"), { recursive: true });
  const file = join(__dirname, "results", `results-documents-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine, options, rendering, flow, gateway }, null, 2));
  console.log(`written ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
