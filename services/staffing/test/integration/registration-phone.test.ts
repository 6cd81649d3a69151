import { randomUUID } from "node:crypto";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { RegistrationPhoneMasked1763769602401 } from "../../src/accounts/migrations/1763769602401-registration-phone-masked";
import { testEnvironment } from "../../../../test/support/environment";
import { ok, subgraphCaller } from "./support";

/**
 * Phone numbers stay with the one service that sends (issue 19): staffing keeps a citizen's
 * registration number masked and hands the number to notifications by its event; accounts
 * registered before do so through the migration.
 */
const environment = testEnvironment("staffing_registration_phone");
const clock = new ManualClock(new Date("2026-03-02T01:00:00Z"));
const anonymous = { subject: "anonymous", roles: ["anonymous" as const], centerCode: null, departmentId: null, windowId: null };
let running: RunningSubgraph;
let call: ReturnType<typeof subgraphCaller>;

const phoneOf = async (id: string) => ((await running.infrastructure.dataSource.query("SELECT phone FROM citizen_account WHERE id = ?", [id])) as Array<{ phone: string }>)[0]!.phone;
const announced = async (accountId: string) =>
  ((await running.infrastructure.dataSource.query("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", ["staffing.citizen.registered"])) as Array<{ envelope: string }>)
    .map((row) => (JSON.parse(row.envelope) as { payload: { accountId: string; phone: string } }).payload)
    .filter((payload) => payload.accountId === accountId);

beforeAll(async () => {
  await resetEnvironment(environment);
  running = await startOneSubgraph("staffing", environment, { clock });
  call = subgraphCaller(running, ensureDevelopmentKeys(environment.keysDir), clock);
});

afterAll(async () => {
  await running?.stop();
});

test("a registration keeps the number masked and announces it whole, once", async () => {
  const { registerCitizen } = ok(
    await call<{ registerCitizen: { id: string; phone: string } }>(anonymous, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id phone } }`, {
      i: { name: "王小明", idNumber: "11010519491231002X", phone: "13800138001", password: "portal-pass-2026" },
    }),
  );
  expect(registerCitizen.phone).toBe("138****8001");
  expect(await phoneOf(registerCitizen.id)).toBe("138****8001");
  expect(await announced(registerCitizen.id)).toEqual([{ accountId: registerCitizen.id, phone: "13800138001", registeredAt: expect.any(String) }]);
});

test("the migration hands an earlier account's number to notifications and masks it; run again, it finds nothing to do", async () => {
  const dataSource = running.infrastructure.dataSource;
  const id = randomUUID();
  await dataSource.query(
    "INSERT INTO citizen_account (id, kind, name, id_number, phone, password_hash, created_at) VALUES (?, 'PERSON', '李四', '110105194912310037', '13900139000', 'x', ?)",
    [id, new Date("2025-11-01T02:00:00Z")],
  );
  const migration = new RegistrationPhoneMasked1763769602401();
  const runner = dataSource.createQueryRunner();
  try {
    await migration.up(runner);
    expect(await phoneOf(id)).toBe("139****9000");
    expect(await announced(id)).toEqual([{ accountId: id, phone: "13900139000", registeredAt: "2025-11-01T02:00:00.000Z" }]);
    await migration.up(runner);
    expect(await announced(id)).toHaveLength(1);
  } finally {
    await runner.release();
  }
});
