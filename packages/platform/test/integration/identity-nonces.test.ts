import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { createLogger, dropDatabase, IdentityNonces, IdentityNonces1763769601500, ManualClock, openDatabase, type DatabaseSettings } from "@onestop/platform";
import { testDatabaseName } from "../../../../test/support/environment";

const settings: DatabaseSettings = {
  DB_HOST: "127.0.0.1",
  DB_PORT: 3306,
  DB_USER: "root",
  DB_PASSWORD: "",
  DB_NAME: testDatabaseName("platform_nonces"),
  DB_POOL_SIZE: 10,
};
const logger = createLogger("test", "silent");
const clock = new ManualClock("2026-03-02T01:00:00Z");
const expiresAt = new Date("2026-03-02T01:00:30Z");
const fresh = () => randomBytes(16).toString("base64url");

let dataSource: DataSource;
let nonces: IdentityNonces;

beforeAll(async () => {
  await dropDatabase(settings);
  dataSource = await openDatabase({ settings, entities: [], migrations: [IdentityNonces1763769601500], logger });
  nonces = new IdentityNonces(dataSource, clock, logger);
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(settings);
});

test("each nonce is accepted once, the first time it is presented", async () => {
  const nonce = fresh();
  expect(await nonces.accept(nonce, expiresAt)).toBe(true);
  expect(await nonces.accept(nonce, expiresAt)).toBe(false);
});

test("nonces presented together are recorded together, and a replay among them is refused alone", async () => {
  const seen = fresh();
  expect(await nonces.accept(seen, expiresAt)).toBe(true);
  const statements = jest.spyOn(dataSource, "query");
  try {
    const distinct = Array.from({ length: 30 }, fresh);
    // All presented at once: the first may go alone, the rest wait for it and go in one statement.
    expect(await Promise.all(distinct.map((nonce) => nonces.accept(nonce, expiresAt)))).toEqual(distinct.map(() => true));
    expect(statements.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(statements.mock.calls.length).toBeLessThanOrEqual(2);

    // A replayed nonce, and the same new one twice, among fresh ones: only those are refused.
    const twin = fresh();
    const lot = [fresh(), seen, fresh(), twin, twin, distinct[3], fresh()];
    expect(await Promise.all(lot.map((nonce) => nonces.accept(nonce, expiresAt)))).toEqual([true, false, true, true, false, false, true]);
  } finally {
    statements.mockRestore();
  }
  const [{ n }] = (await dataSource.query("SELECT COUNT(*) AS n FROM identity_nonce")) as Array<{ n: string | number }>;
  // One of the first test's, `seen`, the 30, and the 4 new ones of the last lot.
  expect(Number(n)).toBe(1 + 1 + 30 + 4);
});

test("expired nonces are pruned", async () => {
  clock.set("2026-03-02T01:01:00Z");
  expect(await nonces.prune()).toBeGreaterThan(0);
  const [{ n }] = (await dataSource.query("SELECT COUNT(*) AS n FROM identity_nonce")) as Array<{ n: string | number }>;
  expect(Number(n)).toBe(0);
});
