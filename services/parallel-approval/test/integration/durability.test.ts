import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection, type Connection } from "mysql2/promise";
import type { RunningSubgraph } from "@onestop/platform";
import { databaseName, ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { JointCaseDriver } from "../support/driver";
import { buildJointCounty, ok, READ, START, subgraphCaller, type JointCounty, type Service } from "../support/joint-county";
import { freePort, PrivateNats, SagaProcess } from "../support/processes";

/**
 * A joint approval lives through whatever happens to the processes around it. Real staffing,
 * catalog and cases run in this process; parallel-approval runs as one or two processes of its
 * own build; a driver decides every joint case as soon as cases opens it. The bus is a NATS
 * server of this test's own, so restarting it disturbs nobody else. Each scenario ends with
 * every joint approval APPROVED and every participant's outcome counted exactly once.
 *
 * Needs the build: `node scripts/build.js` (pnpm test runs it first).
 */

jest.setTimeout(240_000);

const CENTER = "330110000000";
const PARTICIPANTS = ["ZJJ", "ZRZYJ", "HBJ", "SLJ", "JTJ"];
const BATCH = 16;

const storeDir = mkdtempSync(join(tmpdir(), "joint-durability-nats-"));
let nats: PrivateNats;
const base = testEnvironment("joint_durability");
let environment: typeof base & { natsUrl: string };
let subgraphs: Partial<Record<Service, RunningSubgraph>> = {};
let sagas: SagaProcess[] = [];
let county: JointCounty;
let driver: JointCaseDriver;
let jointDb: Connection;
let casesDb: Connection;
let projectNo = 0;

/** The saga's API on whichever instance is running. */
const sagaUrl = () => {
  const running = sagas.find((s) => s.running);
  if (!running) throw new Error("no parallel-approval instance is running");
  return running.url;
};
const keys = ensureDevelopmentKeys(base.keysDir);
const call = subgraphCaller((service) => (service === "parallel-approval" ? sagaUrl() : subgraphs[service]!.url), keys);

async function openBatch(count: number): Promise<string[]> {
  const bureau = county.bureauOf("FGJ");
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    projectNo += 1;
    const input = {
      projectName: `工业园区标准厂房项目${projectNo}`,
      projectCode: `2611-330110-04-01-${String(300000 + projectNo)}`,
      applicant: { name: "某某实业有限公司", idNumber: "91350100M000100Y43" },
      leadDepartmentId: county.departments.FGJ!.id,
      participants: PARTICIPANTS.map((code) => ({ departmentId: county.departments[code]!.id, itemId: county.items[code]!.id })),
      deadlineWorkingDays: 20,
      idempotencyKey: randomUUID(),
    };
    ids.push(ok(await call<{ startJointApproval: { id: string } }>("parallel-approval", bureau, START, { input })).startJointApproval.id);
  }
  return ids;
}

async function outcomesCounted(ids: readonly string[]): Promise<number> {
  const [rows] = await jointDb.query("SELECT COALESCE(SUM(outcomes_counted), 0) AS n FROM joint_approval WHERE id IN (?)", [ids]);
  return Number((rows as Array<{ n: string }>)[0]!.n);
}

/** Every joint approval APPROVED; each participant's outcome counted once, on its row, in the total and in the history; each case opened once. */
async function expectAllApprovedOnce(ids: readonly string[]): Promise<void> {
  await eventually(async () => {
    const [rows] = await jointDb.query("SELECT COUNT(*) AS n FROM joint_approval WHERE id IN (?) AND status = 'APPROVED'", [ids]);
    return Number((rows as Array<{ n: string }>)[0]!.n) === ids.length ? true : null;
  }, 180_000).catch((error) => {
    throw new Error(`${String(error)}\n${sagas.map((s) => s.log()).join("\n")}\ndriver failures: ${driver.failures.map(String).join("; ")}`);
  });
  const [joints] = await jointDb.query("SELECT outcomes_counted, approvals_counted, participants_total FROM joint_approval WHERE id IN (?)", [ids]);
  for (const joint of joints as Array<Record<string, number>>) {
    expect(joint).toEqual({ outcomes_counted: PARTICIPANTS.length, approvals_counted: PARTICIPANTS.length, participants_total: PARTICIPANTS.length });
  }
  const [counted] = await jointDb.query("SELECT COUNT(*) AS n FROM joint_participant WHERE joint_approval_id IN (?) AND counted_at IS NOT NULL AND outcome = 'APPROVED'", [ids]);
  expect(Number((counted as Array<{ n: string }>)[0]!.n)).toBe(ids.length * PARTICIPANTS.length);
  const [twice] = await jointDb.query(
    "SELECT participant_id FROM joint_history WHERE joint_approval_id IN (?) AND kind = 'OUTCOME_COUNTED' GROUP BY participant_id HAVING COUNT(*) <> 1",
    [ids],
  );
  expect(twice).toEqual([]);
  const [history] = await jointDb.query("SELECT COUNT(*) AS n FROM joint_history WHERE joint_approval_id IN (?) AND kind = 'OUTCOME_COUNTED'", [ids]);
  expect(Number((history as Array<{ n: string }>)[0]!.n)).toBe(ids.length * PARTICIPANTS.length);
  const [cases] = await casesDb.query("SELECT participant_id, COUNT(*) AS n FROM service_case WHERE joint_approval_id IN (?) GROUP BY participant_id", [ids]);
  expect((cases as Array<{ n: number }>).length).toBe(ids.length * PARTICIPANTS.length);
  expect((cases as Array<{ n: number }>).every((c) => Number(c.n) === 1)).toBe(true);
}

beforeAll(async () => {
  nats = new PrivateNats(await freePort(), storeDir);
  await nats.start();
  environment = { ...base, natsUrl: nats.url };
  await resetEnvironment(environment);
  for (const name of ["staffing", "catalog", "cases"] as const) subgraphs[name] = await startOneSubgraph(name, environment);
  sagas = [await SagaProcess.create(environment, keys)];
  await sagas[0]!.start();
  county = await buildJointCounty(call, {
    centerCode: CENTER,
    leadDepartment: "FGJ",
    departments: [
      { code: "FGJ", name: "发展和改革局" },
      { code: "ZJJ", name: "住房和城乡建设局" },
      { code: "ZRZYJ", name: "自然资源局" },
      { code: "HBJ", name: "生态环境局" },
      { code: "SLJ", name: "水利局" },
      { code: "JTJ", name: "交通运输局" },
    ],
    items: PARTICIPANTS.map((code) => ({ key: code, department: code, name: `${code}联办事项`, promisedLimitDays: 10 })),
  });
  const connection = { host: "127.0.0.1", user: "root", password: "" };
  jointDb = await createConnection({ ...connection, database: databaseName(environment.databasePrefix, "parallel-approval") });
  casesDb = await createConnection({ ...connection, database: databaseName(environment.databasePrefix, "cases") });
  driver = new JointCaseDriver(call, county, { natsUrl: nats.url, namespace: environment.namespace });
  await driver.start();
});

afterAll(async () => {
  await driver?.stop();
  await jointDb?.end();
  await casesDb?.end();
  for (const saga of sagas) await saga.stop();
  for (const running of Object.values(subgraphs)) await running?.stop();
  await nats?.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

test("two instances of parallel-approval consuming at once", async () => {
  const second = await SagaProcess.create(environment, keys);
  await second.start();
  sagas.push(second);
  const ids = await openBatch(BATCH);
  await expectAllApprovedOnce(ids);
  await second.stop();
  sagas = sagas.filter((s) => s !== second);
});

test("kill -9 of the parallel-approval process in the middle, then a restart", async () => {
  const ids = await openBatch(BATCH);
  await eventually(async () => ((await outcomesCounted(ids)) >= (BATCH * PARTICIPANTS.length) / 4 ? true : null), 120_000);
  const before = await outcomesCounted(ids);
  await sagas[0]!.kill();
  expect(before).toBeLessThan(BATCH * PARTICIPANTS.length);
  await sagas[0]!.start();
  await expectAllApprovedOnce(ids);
});

test("a NATS restart in the middle", async () => {
  const ids = await openBatch(BATCH);
  await eventually(async () => ((await outcomesCounted(ids)) >= (BATCH * PARTICIPANTS.length) / 4 ? true : null), 120_000);
  await nats.stop();
  // The bus is down: the outboxes hold the events, nothing is lost.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await outcomesCounted(ids)).toBeLessThan(BATCH * PARTICIPANTS.length);
  await nats.start();
  await expectAllApprovedOnce(ids);
  const read = ok(await call<{ jointApproval: { status: string; participants: Array<{ status: string }> } }>("parallel-approval", county.bureauOf("FGJ"), READ, { id: ids[0] }));
  expect(read.jointApproval.participants.map((p) => p.status)).toEqual(PARTICIPANTS.map(() => "APPROVED"));
});
