import { createLogger, ManualClock, UnitOfWork, type RunningSubgraph } from "@onestop/platform";
import { resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { supervisionCore, type SupervisionEnv } from "../../src/main";
import { syntheticHistory, type Published } from "../support/synthetic";

/**
 * The journal cache against the real MariaDB: two instances of the projection (each its own cache)
 * take turns on the same cases, and one of them has a transaction rolled back after it cached; each
 * case row must still be what an evaluation of the whole journal gives (the rebuild's function).
 */
jest.setTimeout(120_000);

const environment = testEnvironment("supervision_journal_cache");
const clock = new ManualClock("2026-03-06T02:00:00Z");
let supervision: RunningSubgraph;

beforeAll(async () => {
  await resetEnvironment(environment);
  // Started only for its migrated database; the instances below are driven by hand.
  supervision = await startOneSubgraph("supervision", environment, { clock });
  await supervision.stop();
});

afterAll(async () => {
  if (supervision?.infrastructure.dataSource.isInitialized) await supervision.infrastructure.dataSource.destroy();
});

test("two instances alternating on the same cases, and a rolled-back batch: every case row as its whole journal gives", async () => {
  const db = supervision.infrastructure.dataSource;
  if (!db.isInitialized) await db.initialize();
  const env = supervision.infrastructure.env as SupervisionEnv;
  const core = () => supervisionCore({ dataSource: db, unitOfWork: new UnitOfWork(db, clock), clock, logger: createLogger("cache", "silent"), env: { ...env, JOURNAL_CACHE_SUBJECTS: 1000 } });
  const one = core();
  const two = core();
  const unitOfWork = new UnitOfWork(db, clock);
  const steps = syntheticHistory(6).filter((e) => e.event.subject === "cases.case.stage-changed");
  const absorb = (instance: ReturnType<typeof core>, event: Published) =>
    unitOfWork.run((tx) =>
      instance.projector.absorb(tx, [{ event: event.event, payload: event.payload, envelope: { id: event.id, type: event.event.subject, occurredAt: clock.now().toISOString(), requestId: null, centerCode: null, payload: event.payload } }]),
    );

  // After each batch, what was written for the case must be what its whole journal gives now.
  const fresh = core();
  const mismatches: string[] = [];
  const check = async (event: Published) => {
    const caseId = (event.payload as { caseId: string }).caseId;
    const evaluated = await fresh.projector.evaluate(db, [{ type: "CASE", id: caseId }], clock.now());
    const expected = (evaluated.causes.get(`CASE:${caseId}`) ?? []).map((w) => `${w.kind}:${w.id}`).sort();
    const warnings = (await db.query("SELECT kind, id FROM supervision_warning WHERE subject_type = 'CASE' AND subject_id = ? ORDER BY id", [caseId])) as Array<{ kind: string; id: string }>;
    const actual = warnings.map((w) => `${w.kind}:${w.id}`).sort();
    const [row] = (await db.query("SELECT status, last_slip_seq FROM supervision_case WHERE case_id = ?", [caseId])) as Array<{ status: string; last_slip_seq: number }>;
    const view = evaluated.cases[0]!;
    if (JSON.stringify(actual) !== JSON.stringify(expected) || row?.status !== view.status || row?.last_slip_seq !== view.lastSlipSeq) {
      mismatches.push(`${caseId}: ${JSON.stringify({ actual, expected, row, view: { status: view.status, lastSlipSeq: view.lastSlipSeq } })}`);
    }
  };

  let rolledBack = 0;
  for (const [i, event] of steps.entries()) {
    if (i % 4 === 3) {
      // Cached by `one`, then rolled back: `one` must not trust what it cached.
      await expect(
        unitOfWork.run(async (tx) => {
          await one.projector.absorb(tx, [{ event: event.event, payload: event.payload, envelope: { id: `${event.id}-rolled-back`, type: event.event.subject, occurredAt: clock.now().toISOString(), requestId: null, centerCode: null, payload: { ...(event.payload as object), slipSeq: 99 } } }]);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      rolledBack += 1;
    }
    await absorb(i % 2 === 0 ? one : two, event);
    await check(event);
  }
  expect(rolledBack).toBeGreaterThan(0);
  expect(mismatches).toEqual([]);
});
