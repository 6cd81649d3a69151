import { createLogger, ManualClock, UnitOfWork, type RunningSubgraph } from "@onestop/platform";
import { eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { supervisionCore, type SupervisionEnv } from "../../src/main";
import { Publisher, syntheticHistory, type Published } from "../support/synthetic";

/**
 * The projection against the real MariaDB and NATS: events published in a shuffled order, a fifth
 * of them twice, then time moved past deadlines so the durable timers raise what time raises; the
 * result is then compared, table by table, with a rebuild from the journal at the same instant.
 */
jest.setTimeout(120_000);

const environment = testEnvironment("supervision_projection");
const clock = new ManualClock("2026-03-06T02:00:00Z");
let supervision: RunningSubgraph;
let publisher: Publisher;

type Row = Record<string, unknown>;

async function snapshot(): Promise<Record<string, Row[]>> {
  const db = supervision.infrastructure.dataSource;
  const tables: Record<string, string> = {
    supervision_case: "case_id",
    supervision_joint: "joint_approval_id",
    supervision_window: "window_id",
    supervision_warning: "id",
    supervision_window_watch: "staff_id, window_id",
  };
  const out: Record<string, Row[]> = {};
  for (const [table, key] of Object.entries(tables)) out[table] = (await db.query(`SELECT * FROM ${table} ORDER BY ${key}`)) as Row[];
  return out;
}

/** Waits until every event is in the journal and two looks a second apart see the same projection. */
async function settled(events: readonly Published[]): Promise<Record<string, Row[]>> {
  const db = supervision.infrastructure.dataSource;
  await eventually(async () => {
    const [row] = (await db.query("SELECT COUNT(DISTINCT event_id) AS n FROM supervision_journal")) as Array<{ n: string }>;
    return Number(row.n) === events.length ? true : null;
  }, 60_000);
  let previous = JSON.stringify(await snapshot());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await snapshot();
    if (JSON.stringify(now) === previous) return now;
    previous = JSON.stringify(now);
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  supervision = await startOneSubgraph("supervision", environment, { clock });
  publisher = await Publisher.connect(environment.namespace);
});

afterAll(async () => {
  await publisher?.close();
  await supervision?.stop();
});

test("shuffled and repeated events, then time passing: the live projection equals its rebuild", async () => {
  const events = syntheticHistory(60);
  const order = shuffled([...events, ...events.filter((_, i) => i % 5 === 0)], 42);
  for (const event of order) await publisher.publish(event);
  const live = await settled(events);

  const db = supervision.infrastructure.dataSource;
  const [duplicates] = (await db.query("SELECT COUNT(*) - COUNT(DISTINCT event_id, subject_type, subject_id) AS n FROM supervision_journal")) as Array<{ n: string }>;
  expect(Number(duplicates.n)).toBe(0);
  const kinds = new Set(live.supervision_warning.map((w) => `${w.kind}:${w.level}`));
  expect([...kinds].sort()).toEqual(
    expect.arrayContaining(["STAGE_DEADLINE:RED", "UNREASONED_REJECTION:RED", "FEE_IRREGULARITY:RED", "WINDOW_UNATTENDED:RED", "OUT_OF_ORDER:RED"]),
  );
  expect([...kinds].filter((k) => k.startsWith("CASE_DEADLINE") || k.startsWith("JOINT_DEADLINE"))).toEqual([]);
  expect(live.supervision_case).toHaveLength(60);

  // Past most deadlines: only the durable timers can raise what follows.
  clock.set("2026-03-19T02:00:00Z");
  const later = await settled(events);
  expect(new Set(later.supervision_warning.map((w) => `${w.kind}:${w.level}`))).toEqual(
    new Set([...kinds, "CASE_DEADLINE:YELLOW", "CASE_DEADLINE:RED", "JOINT_DEADLINE:YELLOW", "JOINT_DEADLINE:RED"]),
  );
  // Every case concluded by now has its deadline warnings closed.
  const ended = new Set(later.supervision_case.filter((c) => c.ended_at && (c.ended_at as Date) <= clock.now()).map((c) => c.case_id));
  const ofEnded = later.supervision_warning.filter((w) => w.kind === "CASE_DEADLINE" && ended.has(w.case_id));
  expect(ofEnded.length).toBeGreaterThan(0);
  for (const w of ofEnded) expect(w.closed_at).not.toBeNull();

  const env = supervision.infrastructure.env as SupervisionEnv;
  const { rebuild } = supervisionCore({ dataSource: db, unitOfWork: new UnitOfWork(db, clock), clock, logger: createLogger("rebuild", "silent"), env });
  const report = await rebuild.rebuild();
  expect(report.subjects).toBeGreaterThan(60);
  expect(await snapshot()).toEqual(later);
});
