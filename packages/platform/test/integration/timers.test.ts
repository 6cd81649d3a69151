import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import {
  createLogger,
  DurableTimers,
  DurableTimerTable1763769600002,
  dropDatabase,
  ManualClock,
  MessagingTables1763769600000,
  messagingEntities,
  openDatabase,
  UnitOfWork,
  type DatabaseSettings,
  type TimerHandler,
} from "@onestop/platform";
import { testDatabaseName } from "../../../../test/support/environment";

const settings: DatabaseSettings = {
  DB_HOST: "127.0.0.1",
  DB_PORT: 3306,
  DB_USER: "root",
  DB_PASSWORD: "",
  DB_NAME: testDatabaseName("platform_timers"),
  DB_POOL_SIZE: 10,
};
const logger = createLogger("test", "silent");
const clock = new ManualClock("2026-03-02T01:00:00Z");

class Fired1763769600998 implements MigrationInterface {
  name = "Fired1763769600998";
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE fired (seq INT AUTO_INCREMENT PRIMARY KEY, timer_key VARCHAR(100) NOT NULL, note VARCHAR(100) NULL)");
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE fired");
  }
}

let dataSource: DataSource;
let unitOfWork: UnitOfWork;

const recordFiring: TimerHandler = async (tx, timer) => {
  await tx.manager.query("INSERT INTO fired (timer_key, note) VALUES (?, ?)", [timer.key, (timer.payload as { note?: string })?.note ?? null]);
};

function timers(handler: TimerHandler = recordFiring) {
  const timers = new DurableTimers({ dataSource, unitOfWork, clock, logger });
  timers.register({ deadline: handler });
  return timers;
}

async function firedKeys(): Promise<string[]> {
  return ((await dataSource.query("SELECT timer_key FROM fired ORDER BY seq")) as Array<{ timer_key: string }>).map((r) => r.timer_key);
}

beforeAll(async () => {
  await dropDatabase(settings);
  dataSource = await openDatabase({
    settings,
    entities: messagingEntities,
    migrations: [MessagingTables1763769600000, DurableTimerTable1763769600002, Fired1763769600998],
    logger,
  });
  unitOfWork = new UnitOfWork(dataSource, clock);
});

beforeEach(async () => {
  await dataSource.query("DELETE FROM durable_timer");
  await dataSource.query("DELETE FROM fired");
  clock.set("2026-03-02T01:00:00Z");
});

afterAll(async () => {
  await dataSource?.destroy();
});

test("a timer fires once its time has come, with its payload, and only once", async () => {
  const t = timers();
  await unitOfWork.run((tx) => t.schedule(tx, "deadline", "case-1", new Date("2026-03-05T09:00:00Z"), { note: "deemed approval" }));
  expect(await t.fireDue()).toBe(0);
  clock.set("2026-03-05T09:00:00Z");
  expect(await t.fireDue()).toBe(1);
  expect(await t.fireDue()).toBe(0);
  expect(await dataSource.query("SELECT timer_key, note FROM fired")).toEqual([{ timer_key: "case-1", note: "deemed approval" }]);
});

test("a handler registered after the timers were built fires them; a second handler for the same kind is refused", async () => {
  const t = new DurableTimers({ dataSource, unitOfWork, clock, logger });
  t.register({ deadline: recordFiring });
  expect(() => t.register({ deadline: recordFiring })).toThrow("Timers of kind deadline already have a handler");
  await unitOfWork.run((tx) => t.schedule(tx, "deadline", "registered", new Date("2026-03-02T01:00:00Z")));
  expect(await t.fireDue()).toBe(1);
  expect(await firedKeys()).toEqual(["registered"]);
});

test("no handler is registered once the timers run", async () => {
  const t = new DurableTimers({ dataSource, unitOfWork, clock, logger, pollMs: 60_000 });
  t.start();
  try {
    expect(() => t.register({ late: recordFiring })).toThrow("Timer handlers are registered before the timers start");
  } finally {
    await t.stop();
  }
});

test("rescheduling moves an unfired timer; cancelling removes it; a fired one is not re-armed", async () => {
  const t = timers();
  await unitOfWork.run(async (tx) => {
    await t.schedule(tx, "deadline", "moved", new Date("2026-03-03T00:00:00Z"));
    await t.schedule(tx, "deadline", "cancelled", new Date("2026-03-03T00:00:00Z"));
  });
  await unitOfWork.run(async (tx) => {
    await t.schedule(tx, "deadline", "moved", new Date("2026-03-10T00:00:00Z"));
    await t.cancel(tx, "deadline", "cancelled");
  });
  clock.set("2026-03-04T00:00:00Z");
  expect(await t.fireDue()).toBe(0);
  clock.set("2026-03-10T00:00:00Z");
  expect(await t.fireDue()).toBe(1);
  await unitOfWork.run((tx) => t.schedule(tx, "deadline", "moved", new Date("2026-03-11T00:00:00Z")));
  clock.set("2026-03-12T00:00:00Z");
  expect(await t.fireDue()).toBe(0);
  expect(await firedKeys()).toEqual(["moved"]);
});

test("several timers set and cancelled in one statement each behave as one at a time: the fired one stays fired", async () => {
  const t = timers();
  await unitOfWork.run((tx) =>
    t.scheduleAll(tx, [
      { kind: "deadline", key: "all-a", dueAt: new Date("2026-03-03T00:00:00Z"), payload: { note: "a" } },
      { kind: "deadline", key: "all-b", dueAt: new Date("2026-03-05T00:00:00Z") },
      { kind: "deadline", key: "all-c", dueAt: new Date("2026-03-05T00:00:00Z") },
    ]),
  );
  clock.set("2026-03-04T00:00:00Z");
  expect(await t.fireDue()).toBe(1);
  await unitOfWork.run(async (tx) => {
    // all-a fired: neither moved nor removed. all-b moves; all-c goes.
    await t.scheduleAll(tx, [
      { kind: "deadline", key: "all-a", dueAt: new Date("2026-03-20T00:00:00Z") },
      { kind: "deadline", key: "all-b", dueAt: new Date("2026-03-06T00:00:00Z") },
    ]);
    await t.cancelAll(tx, [
      { kind: "deadline", key: "all-a" },
      { kind: "deadline", key: "all-c" },
    ]);
  });
  const rows = (await dataSource.query("SELECT timer_key, due_at, fired_at IS NOT NULL AS fired FROM durable_timer WHERE timer_key LIKE 'all-%' ORDER BY timer_key")) as Array<{
    timer_key: string;
    due_at: Date;
    fired: number;
  }>;
  expect(rows.map((r) => [r.timer_key, r.due_at.toISOString(), Number(r.fired)])).toEqual([
    ["all-a", "2026-03-03T00:00:00.000Z", 1],
    ["all-b", "2026-03-06T00:00:00.000Z", 0],
  ]);
});

test("a timer scheduled in a transaction that rolls back does not exist", async () => {
  const t = timers();
  await expect(
    unitOfWork.run(async (tx) => {
      await t.schedule(tx, "deadline", "ghost", new Date("2026-03-02T00:00:00Z"));
      throw new Error("the change failed");
    }),
  ).rejects.toThrow();
  expect(await t.fireDue()).toBe(0);
});

test("a failing handler leaves the timer due with its error, and the next pass fires it", async () => {
  let calls = 0;
  const t = timers(async (tx, timer) => {
    calls += 1;
    await recordFiring(tx, timer);
    if (calls === 1) throw new Error("downstream not ready");
  });
  await unitOfWork.run((tx) => t.schedule(tx, "deadline", "flaky", new Date("2026-03-01T00:00:00Z")));
  expect(await t.fireDue()).toBe(0);
  expect(await dataSource.query("SELECT attempts, last_error FROM durable_timer")).toEqual([{ attempts: 1, last_error: "downstream not ready" }]);
  expect(await firedKeys()).toEqual([]);
  expect(await t.fireDue()).toBe(1);
  expect(await firedKeys()).toEqual(["flaky"]);
});

test("after a restart the overdue timers fire; two instances together fire each exactly once", async () => {
  const before = timers();
  await unitOfWork.run(async (tx) => {
    for (let i = 0; i < 300; i += 1) await before.schedule(tx, "deadline", `t-${i}`, new Date(`2026-03-0${2 + (i % 3)}T08:00:00Z`));
  });
  clock.set("2026-03-09T00:00:00Z");
  const first = timers();
  const second = timers();
  const passes = async (t: DurableTimers) => {
    let total = 0;
    for (;;) {
      const fired = await t.fireDue();
      total += fired;
      const [{ n }] = (await dataSource.query("SELECT COUNT(*) AS n FROM durable_timer WHERE fired_at IS NULL")) as Array<{ n: string }>;
      if (Number(n) === 0) return total;
    }
  };
  const [a, b] = await Promise.all([passes(first), passes(second)]);
  expect(a + b).toBe(300);
  const keys = await firedKeys();
  expect(keys).toHaveLength(300);
  expect(new Set(keys).size).toBe(300);
});
