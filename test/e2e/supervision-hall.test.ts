import { randomUUID } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { createLogger, ManualClock, namespacedSubject, UnitOfWork } from "@onestop/platform";
import { supervisionCore, type SupervisionEnv } from "@onestop/supervision";
import { eventually, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";
import { gatewayClient, type Data } from "../support/gateway-client";
import { hallWindow, type HallWindowFixture } from "../support/hall-floor";

/**
 * 大厅效能 in supervision (issue 21, point 5), from the hall's real events: tickets taken at the
 * kiosk, called, served, marked no-show and transferred by the clerks on duty, a case started from
 * a ticket; supervision's figures per center, department, window, item and hour through the
 * gateway, each department's staff seeing their own; the monthly report and its CSV; a
 * redelivered event counted once; and a rebuild from the journal giving the same rows.
 */
jest.setTimeout(240_000);

const environment = testEnvironment("e2e_sup_hall");
const CENTER = "330110000000";
// Monday 2026-03-02, 09:30 Beijing.
const clock = new ManualClock("2026-03-02T01:30:00Z");
const MINUTE = 60_000;
let system: RunningSystem;
let adminToken: string;
let supervisorToken: string;
let zjj: HallWindowFixture;
let ga: HallWindowFixture;
let itemId: string;
const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

const FIGURES = `issued called served noShows noShowRate transferred casesStarted meanWaitingSeconds maxWaitingSeconds meanHandlingSeconds activeHours ticketsPerHour`;
const HALL = `query ($c: String!, $p: SupervisionPeriodInput!, $d: ID) {
  supervisionHallFigures(centerCode: $c, period: $p, departmentId: $d) {
    from to missedAppointments
    center { ${FIGURES} }
    departments { key name department { id } figures { issued served } }
    windows { key name window { id } figures { ${FIGURES} } }
    items { key name item { id } department { id } figures { issued called } }
    hours { hour issued called meanWaitingSeconds }
  }
}`;
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const ticket = `id number status`;
const take = async (input: Record<string, unknown>) => (await data("", `mutation ($i: TakeTicketInput!) { takeTicket(input: $i) { ${ticket} } }`, { i: { centerCode: CENTER, ...input } })).takeTicket;
const callNext = async (token: string, windowId: string) => (await data(token, `mutation ($w: ID!) { callNextTicket(windowId: $w) { ${ticket} } }`, { w: windowId })).callNextTicket;
const act = async (token: string, mutation: string, ticketId: string, extra = "", variables: Record<string, unknown> = {}) =>
  (await data(token, `mutation ($t: ID!${extra ? ", $to: ID!" : ""}) { ${mutation}(ticketId: $t${extra}) { ${ticket} } }`, { t: ticketId, ...variables }))[mutation];
const hallFigures = async (token: string, departmentId?: string) => (await data(token, HALL, { c: CENTER, p: MARCH, d: departmentId ?? null })).supervisionHallFigures as Data;

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  supervisorToken = await mintAccessToken(system.keys, { subject: "sup-1", roles: ["supervisor"], centerCode: CENTER });
  zjj = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "ZJJ", "住房和城乡建设局");
  ga = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "GAJ", "公安局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.departmentId) }));
  itemId = createItem.id as string;
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: itemId });
  await eventually(async () => {
    const { hallServices } = await data("", `query ($c: String!) { hallServices(centerCode: $c) { items { id } } }`, { c: CENTER });
    return hallServices.some((s: Data) => s.items.length > 0) ? true : null;
  }, 20_000);
});

afterAll(async () => {
  await system?.stop();
});

test("a morning at the hall, counted by supervision from the hall's events: per center, department, window, item and hour; in the monthly report", async () => {
  // 09:30: four tickets for 住建局, the first for the planning licence, the others for the service group.
  const t1 = await take({ itemId });
  const t2 = await take({ departmentId: zjj.departmentId });
  const t3 = await take({ departmentId: zjj.departmentId });
  await take({ departmentId: zjj.departmentId });

  // 09:35: A calls the first (waited 300 s) and starts a case from it.
  clock.advance(5 * MINUTE);
  expect((await callNext(zjj.aToken, zjj.windowId)).id).toBe(t1.id);
  await act(zjj.aToken, "startCaseFromTicket", t1.id);
  const citizen = await mintAccessToken(system.keys, { subject: "citizen-7", roles: ["citizen"] });
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId, applicantName: "张三丰", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }),
  );
  await data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: zjj.aStaffId, departmentId: zjj.departmentId, acts: ["ACCEPT"] } });
  await once(["NOT_AUTHORIZED"], () => gql(zjj.aToken, `mutation ($id: ID!, $t: ID) { acceptCase(caseId: $id, ticketId: $t) { id } }`, { id: submitCase.id, t: t1.id }));

  // 09:42: the next call ends the first (handled 420 s) and calls the second (waited 720 s), who is not there.
  clock.advance(7 * MINUTE);
  expect((await callNext(zjj.aToken, zjj.windowId)).id).toBe(t2.id);
  clock.advance(MINUTE);
  await act(zjj.aToken, "markTicketNoShow", t2.id);
  // 09:45: the third (waited 900 s) belongs at 公安局's window; there it is served, 09:45 to 10:00.
  clock.advance(2 * MINUTE);
  expect((await callNext(zjj.aToken, zjj.windowId)).id).toBe(t3.id);
  clock.advance(MINUTE);
  await act(zjj.aToken, "transferTicket", t3.id, ", toWindowId: $to", { to: ga.windowId });
  clock.advance(4 * MINUTE);
  expect((await callNext(ga.aToken, ga.windowId)).id).toBe(t3.id);
  clock.advance(10 * MINUTE);
  await act(ga.aToken, "finishTicket", t3.id);

  const hall = await eventually(async () => {
    const figures = await hallFigures(supervisorToken);
    return figures.center.served === 2 && figures.center.noShows === 1 && figures.center.casesStarted === 1 && figures.center.transferred === 1 ? figures : null;
  }, 30_000);
  expect(hall).toMatchObject({ from: "2026-03-01", to: "2026-03-31", missedAppointments: 0 });
  // Waiting 300, 720 and 900 s; handling 420 and 900 s; three calls, all in the 9 o'clock hour.
  expect(hall.center).toEqual({
    issued: 4,
    called: 3,
    served: 2,
    noShows: 1,
    noShowRate: 1 / 3,
    transferred: 1,
    casesStarted: 1,
    meanWaitingSeconds: 640,
    maxWaitingSeconds: 900,
    meanHandlingSeconds: 660,
    activeHours: 1,
    ticketsPerHour: 3,
  });
  // The window that served (or marked) a ticket counts it; the fourth still waits, at no window.
  const byWindow = new Map((hall.windows as Data[]).map((w) => [w.key, w]));
  expect(byWindow.get(zjj.windowId)).toMatchObject({ name: "住房和城乡建设局窗口", window: { id: zjj.windowId }, figures: { called: 2, served: 1, noShows: 1, meanWaitingSeconds: 510, meanHandlingSeconds: 420, ticketsPerHour: 2 } });
  expect(byWindow.get(ga.windowId)).toMatchObject({ name: "公安局窗口", figures: { called: 1, served: 1, transferred: 1, meanWaitingSeconds: 900, meanHandlingSeconds: 900 } });
  expect(hall.windows).toHaveLength(2);
  expect(hall.departments).toEqual([{ key: zjj.departmentId, name: "住房和城乡建设局", department: { id: zjj.departmentId }, figures: { issued: 4, served: 2 } }]);
  expect(hall.items).toEqual([
    { key: "", name: null, item: null, department: { id: zjj.departmentId }, figures: { issued: 3, called: 2 } },
    { key: itemId, name: expect.any(String), item: { id: itemId }, department: { id: zjj.departmentId }, figures: { issued: 1, called: 1 } },
  ]);
  expect(hall.hours).toEqual([{ hour: 9, issued: 4, called: 3, meanWaitingSeconds: 640 }]);

  // Each department's staff see their own department's tickets; another center's data is nobody's.
  expect((await hallFigures(zjj.aToken)).center).toMatchObject({ issued: 4, served: 2 });
  expect((await hallFigures(ga.aToken)).center).toMatchObject({ issued: 0, called: 0, meanWaitingSeconds: null, ticketsPerHour: null });
  expect((await gql(ga.aToken, HALL, { c: CENTER, p: MARCH, d: zjj.departmentId })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect((await gql(supervisorToken, HALL, { c: CENTER, p: { from: "2026-03-31", to: "2026-03-01" } })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  // A period without the morning counts nothing.
  expect((await data(supervisorToken, HALL, { c: CENTER, p: { from: "2026-02-01", to: "2026-02-28" } })).supervisionHallFigures.center.issued).toBe(0);

  // The monthly report carries the same figures, and its CSV a line for the hall and one per window.
  const { supervisionReport } = await data(supervisorToken, `query ($c: String!) { supervisionReport(centerCode: $c, month: "2026-03") { hall { center { issued noShows meanWaitingSeconds } windows { key } } csv } }`, { c: CENTER });
  expect(supervisionReport.hall.center).toEqual({ issued: 4, noShows: 1, meanWaitingSeconds: 640 });
  const lines = (supervisionReport.csv as string).split("\r\n");
  expect(lines).toContain("大厅,,,4,3,2,1,0.3333333333333333,1,1,10.7,15,11,3");
  expect(lines).toContain(`窗口,住房和城乡建设局窗口,${zjj.windowId},2,2,1,1,0.5,0,1,8.5,12,7,2`);
});

test("a redelivered hall event is counted once; a rebuild from the journal gives the same rows", async () => {
  const db = system.subgraphs.supervision.infrastructure.dataSource;
  const [filed] = (await db.query("SELECT event_id, event_type, payload FROM supervision_journal WHERE event_type = 'hall.ticket.issued' ORDER BY seq LIMIT 1")) as Array<{ event_id: string; event_type: string; payload: string }>;
  // The same envelope again, as a relay retrying after a lost acknowledgement would send it (a new NATS message id, past JetStream's dedupe).
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  try {
    const envelope = { id: filed!.event_id, type: filed!.event_type, occurredAt: clock.now().toISOString(), requestId: null, centerCode: CENTER, payload: JSON.parse(filed!.payload) };
    await jetstream(nats).publish(namespacedSubject(environment.namespace, filed!.event_type), JSON.stringify(envelope), { msgID: randomUUID() });
  } finally {
    await nats.close();
  }
  // A new ticket's issue comes after the repeated one on the same consumer: once it is counted, the repeat was dealt with.
  await take({ departmentId: ga.departmentId });
  const center = await eventually(async () => {
    const figures = await hallFigures(supervisorToken);
    return figures.center.issued >= 5 ? figures.center : null;
  }, 30_000);
  expect(center.issued).toBe(5);
  const [inbox] = (await db.query("SELECT COUNT(*) AS n FROM inbox_message WHERE message_id = ?", [filed!.event_id])) as Array<{ n: string | number }>;
  expect(Number(inbox!.n)).toBe(1);
  const [journal] = (await db.query("SELECT COUNT(*) AS n FROM supervision_journal WHERE event_id = ?", [filed!.event_id])) as Array<{ n: string | number }>;
  expect(Number(journal!.n)).toBe(1);

  const snapshot = async () => ({
    tickets: await db.query("SELECT * FROM supervision_ticket ORDER BY ticket_id"),
    bookings: await db.query("SELECT * FROM supervision_booking ORDER BY appointment_id"),
  });
  const live = await snapshot();
  expect(live.tickets).toHaveLength(5);
  const env = system.subgraphs.supervision.infrastructure.env as SupervisionEnv;
  const { rebuild } = supervisionCore({ dataSource: db, unitOfWork: new UnitOfWork(db, clock), clock, logger: createLogger("rebuild", "silent"), env });
  await rebuild.rebuild();
  expect(await snapshot()).toEqual(live);
});
