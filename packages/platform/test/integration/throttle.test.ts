import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { createFailureThrottleTable, createLogger, dropDatabase, FailureThrottle, openDatabase, type DatabaseSettings, type ThrottlePolicy } from "@onestop/platform";
import { testDatabaseName } from "../../../../test/support/environment";

const settings: DatabaseSettings = {
  DB_HOST: "127.0.0.1",
  DB_PORT: 3306,
  DB_USER: "root",
  DB_PASSWORD: "",
  DB_NAME: testDatabaseName("platform_throttle"),
  DB_POOL_SIZE: 12,
};
const logger = createLogger("test", "silent");

class Throttle1763769601501 implements MigrationInterface {
  name = "Throttle1763769601501";
  async up(queryRunner: QueryRunner): Promise<void> {
    await createFailureThrottleTable(queryRunner);
  }
  async down(): Promise<void> {}
}

let dataSource: DataSource;
let throttle: FailureThrottle;

beforeAll(async () => {
  await dropDatabase(settings);
  dataSource = await openDatabase({ settings, entities: [], migrations: [Throttle1763769601501], logger });
  throttle = new FailureThrottle(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(settings);
});

test("failures recorded in parallel against one key all count, none fails (no lock upgrade deadlock)", async () => {
  const policy: ThrottlePolicy = { maxFailures: 100, lockSeconds: 60, maxLockSeconds: 3600, windowSeconds: 600 };
  const now = new Date();
  for (const round of [1, 2]) {
    // The first round races on a key nobody recorded yet, the second on one that exists.
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => throttle.recordFailure([{ key: "client:127.0.0.1", policy }], now)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [row] = (await dataSource.query(`SELECT failures FROM failure_throttle`)) as Array<{ failures: number }>;
    expect(row!.failures).toBe(12 * round);
  }
});
