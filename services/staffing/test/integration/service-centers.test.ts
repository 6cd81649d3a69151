import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { errorCode, identity, ok, subgraphCaller } from "./support";

const environment = testEnvironment("staffing_service_centers");
const COUNTY = "511722000000";
const TOWNSHIP = "511722101000";
const VILLAGE = "511722101201";
const countyAdmin = identity("county-admin", ["center_admin"], COUNTY);
const townshipAdmin = identity("township-admin", ["center_admin"], TOWNSHIP);
const anonymous = { subject: "anonymous", roles: ["anonymous" as const], centerCode: null, departmentId: null, windowId: null };
const clock = new ManualClock(new Date("2026-03-02T01:00:00Z"));
let running: RunningSubgraph;
let call: ReturnType<typeof subgraphCaller>;

const REGISTER = `mutation ($i: RegisterServiceCenterInput!) { registerServiceCenter(input: $i) { code level parentCode name revision open } }`;
const CHANGE = `mutation ($i: ChangeServiceCenterInput!) { changeServiceCenter(input: $i) { code openingHours phone revision open } }`;
const details = { address: "地址", openingHours: "周一至周五 9:00–12:00, 14:00–17:30", phone: "0818-5222000", handles: "县级事项" };

async function published(): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ envelope: string }> = await running.infrastructure.dataSource.query(
    "SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq",
    ["staffing.center.published"],
  );
  return rows.map((row) => (JSON.parse(row.envelope) as { payload: Record<string, unknown> }).payload);
}

beforeAll(async () => {
  await resetEnvironment(environment);
  running = await startOneSubgraph("staffing", environment, { clock });
  call = subgraphCaller(running, ensureDevelopmentKeys(environment.keysDir), clock);
});

afterAll(async () => {
  await running?.stop();
});

test("the county's administration registers the county, a township and a village point, each announced", async () => {
  ok(await call(countyAdmin, REGISTER, { i: { code: COUNTY, level: "COUNTY", name: "宣汉县政务服务中心", ...details } }));
  ok(await call(countyAdmin, REGISTER, { i: { code: TOWNSHIP, level: "TOWNSHIP", parentCode: COUNTY, name: "君塘镇便民服务中心", ...details } }));
  const village = ok(
    await call<{ registerServiceCenter: Record<string, unknown> }>(countyAdmin, REGISTER, {
      i: { code: VILLAGE, level: "VILLAGE", parentCode: TOWNSHIP, name: "君塘镇某村便民代办点", ...details },
    }),
  ).registerServiceCenter;
  expect(village).toEqual({ code: VILLAGE, level: "VILLAGE", parentCode: TOWNSHIP, name: "君塘镇某村便民代办点", revision: 1, open: true });
  expect((await published()).map((p) => [p.code, p.level, p.parentCode, p.revision])).toEqual([
    [COUNTY, "COUNTY", null, 1],
    [TOWNSHIP, "TOWNSHIP", COUNTY, 1],
    [VILLAGE, "VILLAGE", TOWNSHIP, 1],
  ]);
});

test("anyone reads the register: the county's centers by level, a township's village points", async () => {
  const data = ok(
    await call<{ serviceCenters: Array<{ code: string; children: Array<{ code: string }>; parent: { code: string } | null }> }>(
      anonymous,
      `{ serviceCenters(countyCode: "${COUNTY}", level: TOWNSHIP) { code parent { code } children { code } } }`,
    ),
  );
  expect(data.serviceCenters).toEqual([{ code: TOWNSHIP, parent: { code: COUNTY }, children: [{ code: VILLAGE }] }]);
  const all = ok(await call<{ serviceCenters: Array<{ code: string }> }>(anonymous, `{ serviceCenters(countyCode: "${COUNTY}") { code } }`));
  expect(all.serviceCenters.map((c) => c.code)).toEqual([COUNTY, TOWNSHIP, VILLAGE]);
});

test("a retried registration answers the center again; a different one for the same code is a conflict", async () => {
  const before = (await published()).length;
  ok(await call(countyAdmin, REGISTER, { i: { code: TOWNSHIP, level: "TOWNSHIP", parentCode: COUNTY, name: "君塘镇便民服务中心", ...details } }));
  const other = await call(countyAdmin, REGISTER, { i: { code: TOWNSHIP, level: "TOWNSHIP", parentCode: COUNTY, name: "别的镇", ...details } });
  expect(errorCode(other)).toBe("CONFLICT");
  expect((await published()).length).toBe(before);
});

test("bad places in the hierarchy are refused naming the field, and nothing is registered", async () => {
  const wrongParent = await call(countyAdmin, REGISTER, { i: { code: "511722101202", level: "VILLAGE", parentCode: "511722102000", name: "x", ...details } });
  expect(errorCode(wrongParent)).toBe("BAD_USER_INPUT");
  expect(wrongParent.errors?.[0]?.extensions?.field).toBe("input.parentCode");
  const orphan = await call(countyAdmin, REGISTER, { i: { code: "511722102201", level: "VILLAGE", parentCode: "511722102000", name: "x", ...details } });
  expect(orphan.errors?.[0]?.message).toContain("511722102000 is not registered");
  const wrongLevel = await call(countyAdmin, REGISTER, { i: { code: "511722102000", level: "VILLAGE", parentCode: COUNTY, name: "x", ...details } });
  expect(wrongLevel.errors?.[0]?.extensions?.field).toBe("input.level");
  const badPhone = await call(countyAdmin, REGISTER, { i: { code: "511722102000", level: "TOWNSHIP", parentCode: COUNTY, name: "x", ...details, phone: "call me" } });
  expect(badPhone.errors?.[0]?.extensions?.field).toBe("input.phone");
  const rows: Array<{ n: string | number }> = await running.infrastructure.dataSource.query("SELECT COUNT(*) AS n FROM service_center");
  expect(Number(rows[0].n)).toBe(3);
});

test("only the county's administration keeps the register: not a township's, not another county's, not a supervisor", async () => {
  const byTownship = await call(townshipAdmin, CHANGE, { i: { code: TOWNSHIP, phone: "0818-1" } });
  expect(errorCode(byTownship)).toBe("FORBIDDEN");
  const byOtherCounty = await call(identity("x", ["center_admin"], "511702000000"), CHANGE, { i: { code: TOWNSHIP, phone: "0818-1" } });
  expect(errorCode(byOtherCounty)).toBe("FORBIDDEN");
  const bySupervisor = await call(identity("y", ["supervisor"], COUNTY), CHANGE, { i: { code: TOWNSHIP, phone: "0818-1" } });
  expect(errorCode(bySupervisor)).toBe("FORBIDDEN");
  const unknown = await call(countyAdmin, CHANGE, { i: { code: "511722199000", phone: "0818-5222111" } });
  expect(errorCode(unknown)).toBe("UNKNOWN_CENTER");
});

test("an edit changes only what it names and is announced with the next revision; an edit to the same values announces nothing", async () => {
  const changed = ok(await call<{ changeServiceCenter: Record<string, unknown> }>(countyAdmin, CHANGE, { i: { code: TOWNSHIP, openingHours: "周一至周六 8:30–17:30" } }));
  expect(changed.changeServiceCenter).toEqual({ code: TOWNSHIP, openingHours: "周一至周六 8:30–17:30", phone: details.phone, revision: 2, open: true });
  const before = (await published()).length;
  ok(await call(countyAdmin, CHANGE, { i: { code: TOWNSHIP, openingHours: "周一至周六 8:30–17:30" } }));
  expect((await published()).length).toBe(before);
  expect((await published()).at(-1)).toMatchObject({ code: TOWNSHIP, openingHours: "周一至周六 8:30–17:30", revision: 2 });
});
