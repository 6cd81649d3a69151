import { randomUUID } from "node:crypto";
import { ManualClock, startSubgraph } from "@onestop/platform";
import { hallEnvSchema, hallSubgraph } from "@onestop/hall";
import { eventually, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, subgraphEnv, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient, type Data } from "../support/gateway-client";
import { hallWindow, type HallWindowFixture } from "../support/hall-floor";

/**
 * 取号叫号 through the gateway: tickets at the kiosk and on a phone, calling by the clerk on
 * duty (A; B while A is away), recall, no-show, transfer, a case started from a ticket, the
 * public screen stream, appointments; and the concurrency rule: 50 simultaneous calls from five
 * windows never give one ticket twice, and none is lost or served twice across a restart of the
 * hall service.
 */
jest.setTimeout(240_000);

const environment = testEnvironment("e2e_hall");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2026-03-02, 09:30 Beijing.
const clock = new ManualClock("2026-03-02T01:30:00Z");
let system: RunningSystem;
let adminToken: string;
let citizenToken: string;
const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

const TICKET = `id number status waitingAhead departmentName itemName channel windows { code name } calledTo { code } recalls waitingSeconds handlingSeconds caseId`;
const take = (token: string, input: Record<string, unknown>) => gql(token, `mutation ($i: TakeTicketInput!) { takeTicket(input: $i) { ${TICKET} } }`, { i: { centerCode: CENTER, ...input } });
const callNext = (token: string, windowId: string) => gql(token, `mutation ($w: ID!) { callNextTicket(windowId: $w) { ${TICKET} } }`, { w: windowId });
const act = (token: string, mutation: string, ticketId: string, extra = "") => gql(token, `mutation ($t: ID!) { ${mutation}(ticketId: $t${extra}) { ${TICKET} } }`, { t: ticketId });

interface Stream {
  events: Array<{ event: string; id: string; data: Data; at: number }>;
  status: number;
  close(): void;
}

async function openScreenStream(): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(system.gatewayUrl.replace(/\/graphql$/, `/hall/stream?centerCode=${CENTER}`), { signal: controller.signal });
  const stream: Stream = { events: [], status: response.status, close: () => controller.abort() };
  if (!response.ok || !response.body) return stream;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => frame.split("\n").find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const event = field("event");
          if (event) stream.events.push({ event, id: field("id") ?? "", data: JSON.parse(field("data") ?? "{}"), at: Date.now() });
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
  return stream;
}

let zjj: HallWindowFixture;
let ga: HallWindowFixture;
let itemId: string;

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
  zjj = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "ZJJ", "住房和城乡建设局");
  ga = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "GAJ", "公安局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.departmentId) }));
  itemId = createItem.id as string;
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: itemId });
});

afterAll(async () => {
  await system?.stop();
  // The hall started again by the restart test is not among those the system stops.
  await system?.subgraphs.hall.stop();
});

test("the kiosk issues numbers per department with the windows that serve them; a phone holds one at a time; bad input names the field", async () => {
  const services = await eventually(async () => {
    const { hallServices } = await data("", `query ($c: String!) { hallServices(centerCode: $c) { departmentName prefix waiting windows { code } items { id name } } }`, { c: CENTER });
    return hallServices.find((s: Data) => s.items.length > 0) ? hallServices : null;
  }, 20_000);
  expect(services).toEqual([
    { departmentName: "住房和城乡建设局", prefix: "A", waiting: 0, windows: [{ code: "W-ZJJ" }], items: [{ id: itemId, name: expect.any(String) }] },
    { departmentName: "公安局", prefix: "B", waiting: 0, windows: [{ code: "W-GAJ" }], items: [] },
  ]);
  const first = (await take("", { itemId })).data!.takeTicket;
  expect(first).toMatchObject({ number: "A001", status: "WAITING", waitingAhead: 0, channel: "KIOSK", windows: [{ code: "W-ZJJ", name: "住房和城乡建设局窗口" }], itemName: expect.any(String) });
  const second = (await take("", { departmentId: zjj.departmentId })).data!.takeTicket;
  expect(second).toMatchObject({ number: "A002", waitingAhead: 1, itemName: null });
  expect((await take("", { departmentId: ga.departmentId })).data!.takeTicket.number).toBe("B001");

  const remote = (await take(citizenToken, { departmentId: ga.departmentId })).data!.takeTicket;
  expect(remote).toMatchObject({ number: "B002", channel: "REMOTE", waitingAhead: 1 });
  const again = await take(citizenToken, { departmentId: zjj.departmentId });
  expect(again.errors?.[0]?.extensions).toMatchObject({ code: "TICKET_ALREADY_HELD", number: "B002" });
  const mine = await data(citizenToken, `query { myQueueTickets { number } }`);
  expect(mine.myQueueTickets).toEqual([{ number: "B002" }]);

  const bad = await take("", {});
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.departmentId" });
  const unknown = await take("", { itemId: "no-such-item" });
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.itemId" });
});

test("only the clerk on duty calls: A; B while A is away; recall, no-show, transfer, and a case started from a ticket remembers it", async () => {
  const stream = await openScreenStream();
  try {
    expect(stream.status).toBe(200);
    // B is not on duty while A is there.
    const refused = await callNext(zjj.bToken, zjj.windowId);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "NOT_ON_DUTY", onDuty: zjj.aStaffId });
    // Another department's clerk cannot call to this window.
    expect(code(await callNext(ga.aToken, zjj.windowId))).toBe("NOT_ON_DUTY");

    const called = (await callNext(zjj.aToken, zjj.windowId)).data!.callNextTicket;
    expect(called).toMatchObject({ number: "A001", status: "CALLED", calledTo: { code: "W-ZJJ" }, waitingSeconds: 0 });
    const pushed = await eventually(async () => stream.events.find((e) => e.event === "call" && e.data.number === "A001") ?? null, 10_000);
    expect(pushed.data).toEqual({ ticketId: called.id, number: "A001", windowCode: "W-ZJJ", windowName: "住房和城乡建设局窗口", calledAt: expect.any(String), recall: 0 });

    const recalled = (await act(zjj.aToken, "recallTicket", called.id)).data!.recallTicket;
    expect(recalled.recalls).toBe(1);
    await eventually(async () => stream.events.find((e) => e.event === "call" && e.data.number === "A001" && e.data.recall === 1) ?? null, 10_000);
    const noShow = (await act(zjj.aToken, "markTicketNoShow", called.id)).data!.markTicketNoShow;
    expect(noShow.status).toBe("NO_SHOW");
    expect(code(await act(zjj.aToken, "recallTicket", called.id))).toBe("TICKET_NOT_ACTIVE");

    // A goes on leave: B's calls go to the same window.
    await data(adminToken, `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`, {
      i: { staffId: zjj.aStaffId, startsAt: "2026-03-02T01:00:00Z", endsAt: "2026-03-02T09:00:00Z", reason: "培训" },
    });
    const byB = await eventually(async () => {
      const r = await callNext(zjj.bToken, zjj.windowId);
      return code(r) === "NOT_ON_DUTY" ? null : r;
    }, 20_000);
    expect(byB.data!.callNextTicket).toMatchObject({ number: "A002", calledTo: { code: "W-ZJJ" } });
    expect(code(await callNext(zjj.aToken, zjj.windowId))).toBe("NOT_ON_DUTY");

    // Transferred to the police window: it waits there at the front.
    clock.advance(60_000);
    const moved = (await act(zjj.bToken, "transferTicket", byB.data!.callNextTicket.id, `, toWindowId: "${ga.windowId}"`)).data!.transferTicket;
    expect(moved).toMatchObject({ status: "WAITING", windows: [{ code: "W-GAJ" }] });
    const atPolice = (await callNext(ga.aToken, ga.windowId)).data!.callNextTicket;
    expect(atPolice.number).toBe("A002");
    expect((await callNext(ga.aToken, ga.windowId)).data!.callNextTicket.number).toBe("B001");

    // A case started from a ticket: the case remembers the ticket, the ticket the case.
    const fresh = (await take("", { itemId })).data!.takeTicket;
    clock.advance(5 * 60_000);
    const inHand = (await callNext(zjj.bToken, zjj.windowId)).data!.callNextTicket;
    expect(inHand).toMatchObject({ id: fresh.id, waitingSeconds: 300 });
    const serving = (await act(zjj.bToken, "startCaseFromTicket", inHand.id)).data!.startCaseFromTicket;
    expect(serving.status).toBe("SERVING");
    const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
      gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId, applicantName: "张三丰", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }),
    );
    const clerk = await mintAccessToken(system.keys, { subject: zjj.bStaffId, roles: ["window_staff"], centerCode: CENTER, departmentId: zjj.departmentId, windowId: zjj.windowId });
    await data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: zjj.bStaffId, departmentId: zjj.departmentId, acts: ["ACCEPT"] } });
    const accepted = await once(["NOT_AUTHORIZED"], () => gql(clerk, `mutation ($id: ID!, $t: ID) { acceptCase(caseId: $id, ticketId: $t) { id ticketId } }`, { id: submitCase.id, t: inHand.id }));
    expect(accepted.acceptCase.ticketId).toBe(inHand.id);
    clock.advance(7 * 60_000);
    const done = (await act(zjj.bToken, "finishTicket", inHand.id)).data!.finishTicket;
    expect(done).toMatchObject({ status: "SERVED", waitingSeconds: 300, handlingSeconds: 420 });
    const remembered = await eventually(async () => {
      const { queueTicket } = await data("", `query ($id: ID!) { queueTicket(id: $id) { caseId } }`, { id: inHand.id });
      return queueTicket.caseId ? queueTicket : null;
    }, 20_000);
    expect(remembered.caseId).toBe(submitCase.id);

    // 办件公示: accepted today, the name masked.
    const board = await eventually(async () => {
      const { hallBoard } = await data("", `query ($c: String!) { hallBoard(centerCode: $c) { day accepted { receiptNo applicantMasked departmentName } } }`, { c: CENTER });
      return hallBoard.accepted.length > 0 ? hallBoard : null;
    }, 20_000);
    expect(board).toMatchObject({ day: "2026-03-02", accepted: [{ applicantMasked: "张**", departmentName: "住房和城乡建设局" }] });
    await eventually(async () => stream.events.find((e) => e.event === "board") ?? null, 10_000);
    expect(JSON.stringify(stream.events)).not.toContain("张三丰");

    // The figures for supervision.
    const supervisor = await mintAccessToken(system.keys, { subject: "jcj-01", roles: ["supervisor"], centerCode: CENTER });
    const { hallFigures } = await data(supervisor, `query ($c: String!) { hallFigures(centerCode: $c, from: "2026-03-01T16:00:00Z", until: "2026-03-02T16:00:00Z") {
      issued served noShows meanWaitingSeconds byWindow { window { code } served noShows meanHandlingSeconds } byHour { hour issued } byItem { itemName issued } } }`, { c: CENTER });
    expect(hallFigures).toMatchObject({ noShows: 1 });
    expect(hallFigures.byWindow).toContainEqual(expect.objectContaining({ window: { code: "W-ZJJ" }, noShows: 1 }));
    expect(hallFigures.byHour[0]).toMatchObject({ hour: 9 });
    expect(code(await gql(citizenToken, `query { hallFigures(centerCode: "${CENTER}", from: "2026-03-01T16:00:00Z", until: "2026-03-02T16:00:00Z") { issued } }`))).toBe("FORBIDDEN");
  } finally {
    stream.close();
  }
});

test("50 simultaneous calls from five windows never give one ticket twice; none lost or served twice across a restart of the hall", async () => {
  const windows = [zjj, ga];
  for (const [deptCode, name] of [["SWJ", "税务局"], ["RSJ", "人社局"], ["MZJ", "民政局"]] as const) {
    windows.push(await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, deptCode, name));
  }
  const clerks = windows.map((w) => ({ window: w, token: w === zjj ? zjj.bToken : w.aToken }));
  // Drain what earlier tests left waiting.
  for (const c of clerks) while ((await callNext(c.token, c.window.windowId)).data?.callNextTicket) {}
  const issued: string[] = [];
  for (const w of windows) for (let i = 0; i < 20; i += 1) issued.push((await take("", { departmentId: w.departmentId })).data!.takeTicket.id);

  const calls = clerks.flatMap((c) => Array.from({ length: 10 }, () => callNext(c.token, c.window.windowId)));
  const answers = await Promise.all(calls);
  const called = answers.map((a) => a.data?.callNextTicket?.id).filter(Boolean);
  expect(answers.filter((a) => a.errors)).toEqual([]);
  expect(called).toHaveLength(50);
  expect(new Set(called).size).toBe(50);

  // The hall stops while calls are in flight, and starts again on the same port and database.
  const hall = system.subgraphs.hall;
  const port = hall.port;
  const inFlight = clerks.flatMap((c) => Array.from({ length: 3 }, () => callNext(c.token, c.window.windowId)));
  await new Promise((resolve) => setTimeout(resolve, 30));
  await hall.stop();
  const interrupted = await Promise.all(inFlight);
  // Its admin port is any free one: by default it would be PORT + 1000, which another process may hold.
  const env = hallEnvSchema.parse({ ...subgraphEnv("hall", environment, system.keys), PORT: String(port), METRICS_PORT: "0" });
  system.subgraphs.hall = await startSubgraph(hallSubgraph, env, { clock });

  const after: string[] = [];
  for (const c of clerks) {
    for (;;) {
      const r = await eventually(async () => {
        const answer = await callNext(c.token, c.window.windowId);
        return answer.errors ? null : answer;
      }, 20_000);
      if (!r.data!.callNextTicket) break;
      after.push(r.data!.callNextTicket.id);
    }
  }
  const beforeRestart = interrupted.map((a) => a.data?.callNextTicket?.id).filter(Boolean) as string[];
  const all = [...called, ...beforeRestart, ...after];
  expect(new Set(all).size).toBe(all.length);
  expect(new Set(all)).toEqual(new Set(issued));

  // Every ticket was called exactly once and served once: the hall's own record of events says so.
  const db = system.subgraphs.hall.infrastructure.dataSource;
  const marks = issued.map(() => "?").join(", ");
  const callEvents = (await db.query(
    `SELECT JSON_VALUE(envelope, '$.payload.ticketId') AS t, COUNT(*) AS n FROM outbox_message WHERE subject = 'hall.ticket.called' AND JSON_VALUE(envelope, '$.payload.ticketId') IN (${marks}) GROUP BY t`,
    issued,
  )) as Array<{ t: string; n: string }>;
  expect(callEvents).toHaveLength(100);
  expect(callEvents.filter((e) => Number(e.n) !== 1)).toEqual([]);
  const served = (await db.query(
    `SELECT JSON_VALUE(envelope, '$.payload.ticketId') AS t, COUNT(*) AS n FROM outbox_message WHERE subject = 'hall.ticket.served' AND JSON_VALUE(envelope, '$.payload.ticketId') IN (${marks}) GROUP BY t`,
    issued,
  )) as Array<{ t: string; n: string }>;
  expect(served.filter((e) => Number(e.n) !== 1)).toEqual([]);
  // The last call of each window found nobody and finished the ticket in hand: all 100 served.
  expect(served).toHaveLength(100);
});

test("appointments: slots from the windows on duty, booking, the booked go ahead within their slot, no-shows bar booking", async () => {
  const SLOTS = `query ($c: String!, $d: ID!, $day: String!) { appointmentSlots(centerCode: $c, departmentId: $d, day: $day) { start end capacity booked available } }`;
  // Saturday: no slots.
  expect((await data(citizenToken, SLOTS, { c: CENTER, d: zjj.departmentId, day: "2026-03-07" })).appointmentSlots).toEqual([]);
  const today = (await data(citizenToken, SLOTS, { c: CENTER, d: zjj.departmentId, day: "2026-03-02" })).appointmentSlots;
  // 09:30 now: the 10:00 slot is the first; one window on duty, two places each.
  expect(today[0]).toMatchObject({ start: "2026-03-02T02:00:00.000Z", end: "2026-03-02T02:30:00.000Z", capacity: 2, available: 2 });
  const BOOK = `mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) { id status slotStart departmentName } }`;
  const booked = (await data(citizenToken, BOOK, { i: { centerCode: CENTER, departmentId: zjj.departmentId, slotStart: today[0].start } })).bookAppointment;
  expect(booked).toMatchObject({ status: "BOOKED", departmentName: "住房和城乡建设局" });
  const other = await mintAccessToken(system.keys, { subject: "citizen-43", roles: ["citizen"] });
  await data(other, BOOK, { i: { centerCode: CENTER, departmentId: zjj.departmentId, slotStart: today[0].start } });
  const third = await gql(await mintAccessToken(system.keys, { subject: "citizen-44", roles: ["citizen"] }), BOOK, { i: { centerCode: CENTER, departmentId: zjj.departmentId, slotStart: today[0].start } });
  expect(code(third)).toBe("SLOT_FULL");
  expect(code(await gql(citizenToken, BOOK, { i: { centerCode: CENTER, departmentId: zjj.departmentId, slotStart: "2026-03-02T02:10:00.000Z" } }))).toBe("SLOT_UNAVAILABLE");

  // Walk-ins wait; at 09:50 the booked person checks in and is called first.
  const walkIn = (await take("", { departmentId: zjj.departmentId })).data!.takeTicket;
  clock.set("2026-03-02T01:50:00Z");
  const ticket = (await data("", `mutation ($id: ID!) { checkInAppointment(appointmentId: $id) { id number channel } }`, { id: booked.id })).checkInAppointment;
  expect(ticket.channel).toBe("APPOINTMENT");
  const next = (await callNext(zjj.bToken, zjj.windowId)).data!.callNextTicket;
  expect(next.id).toBe(ticket.id);
  expect((await callNext(zjj.bToken, zjj.windowId)).data!.callNextTicket.id).toBe(walkIn.id);

  // Cancelling frees the place.
  const cancelled = (await data(other, `query { myAppointments { id } }`)).myAppointments[0].id;
  await data(other, `mutation ($id: ID!) { cancelAppointment(id: $id) { status } }`, { id: cancelled });
  expect((await data(citizenToken, SLOTS, { c: CENTER, d: zjj.departmentId, day: "2026-03-02" })).appointmentSlots[0]).toMatchObject({ booked: 1, available: 1 });

  // 爽约: three missed bookings within 90 days bar booking (and remote tickets) for 30 days.
  const late = await mintAccessToken(system.keys, { subject: "citizen-45", roles: ["citizen"] });
  const slotsOf = async (day: string) => (await data(late, SLOTS, { c: CENTER, d: ga.departmentId, day })).appointmentSlots;
  for (const day of ["2026-03-03", "2026-03-04", "2026-03-05"]) {
    const [slot] = await slotsOf(day);
    await data(late, BOOK, { i: { centerCode: CENTER, departmentId: ga.departmentId, slotStart: slot.start } });
  }
  clock.set("2026-03-06T01:30:00Z");
  const standing = (await data(late, `query { myBookingStanding { noShows limit barredUntil } }`)).myBookingStanding;
  expect(standing).toMatchObject({ noShows: 3, limit: 3, barredUntil: expect.stringMatching(/^2026-04-04/) });
  const [friday] = await slotsOf("2026-03-09");
  const barred = await gql(late, BOOK, { i: { centerCode: CENTER, departmentId: ga.departmentId, slotStart: friday.start } });
  expect(barred.errors?.[0]?.extensions).toMatchObject({ code: "BOOKING_BARRED" });
  expect(code(await take(late, { departmentId: ga.departmentId }))).toBe("BOOKING_BARRED");
});
