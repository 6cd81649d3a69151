import { hallEvents } from "@onestop/events";
import { evaluateBooking, evaluateTicket, hallFiguresOf, noHallCounts, type TicketFacts } from "../../src/hall/hall.rules";
import { evaluateSubject, journalEntries, type JournalRecord } from "../../src/projection/journal.rules";

const CENTER = "330110000000";
const identity = { ticketId: "t-1", centerCode: CENTER, number: "A001", serviceDay: "2026-03-02", departmentId: "dept-1", itemId: "item-1", channel: "KIOSK" as const };
const issued = hallEvents.ticketIssued.schema.parse({ ...identity, issuedAt: "2026-03-02T01:30:00.000Z", appointmentId: null });
const call = (windowId: string, calledAt: string, recall: number, waitingSeconds: number) =>
  hallEvents.ticketCalled.schema.parse({ ...identity, windowId, windowCode: windowId, windowName: windowId, staffId: `staff-${windowId}`, calledAt, recall, waitingSeconds });
const firstCall = call("win-1", "2026-03-02T01:35:00.000Z", 0, 300);
const recall = call("win-1", "2026-03-02T01:36:00.000Z", 1, 300);
const transferred = hallEvents.ticketTransferred.schema.parse({ ...identity, fromWindowId: "win-1", toWindowId: "win-2", staffId: "staff-win-1", transferredAt: "2026-03-02T01:37:00.000Z" });
const secondCall = call("win-2", "2026-03-02T01:40:00.000Z", 0, 300);
const served = hallEvents.ticketServed.schema.parse({
  ...identity,
  windowId: "win-2",
  staffId: "staff-win-2",
  calledAt: "2026-03-02T01:35:00.000Z",
  servedAt: "2026-03-02T01:42:00.000Z",
  waitingSeconds: 300,
  handlingSeconds: 420,
  caseId: null,
});

const facts = (over: Partial<TicketFacts>): TicketFacts => ({ issued: [], called: [], served: [], noShows: [], transferred: [], casesAccepted: [], ...over });

describe("a ticket from its events (取号叫号)", () => {
  test("issued, called, recalled, transferred, called again and served: waiting to the first call, handling from it; the serving window counts", () => {
    expect(evaluateTicket(facts({ issued: [issued], called: [secondCall, recall, firstCall], transferred: [transferred], served: [served], casesAccepted: [{ caseId: "case-9" }] }))).toEqual({
      ...identity,
      status: "SERVED",
      windowId: "win-2",
      staffId: "staff-win-2",
      issuedAt: new Date("2026-03-02T01:30:00.000Z"),
      firstCalledAt: new Date("2026-03-02T01:35:00.000Z"),
      finishedAt: new Date("2026-03-02T01:42:00.000Z"),
      waitingSeconds: 300,
      handlingSeconds: 420,
      recalls: 1,
      transfers: 1,
      caseId: "case-9",
    });
  });

  test("after a transfer and before the next call it waits again, with no window", () => {
    expect(evaluateTicket(facts({ issued: [issued], called: [firstCall], transferred: [transferred] }))).toMatchObject({ status: "WAITING", windowId: null, firstCalledAt: new Date("2026-03-02T01:35:00.000Z"), waitingSeconds: 300 });
    expect(evaluateTicket(facts({ issued: [issued], called: [secondCall, firstCall], transferred: [transferred] }))).toMatchObject({ status: "CALLED", windowId: "win-2" });
  });

  test("a call filed before its issue: the issue instant is the call less its waiting; the issue changes nothing when it comes", () => {
    const early = evaluateTicket(facts({ called: [firstCall] }));
    expect(early).toMatchObject({ status: "CALLED", issuedAt: new Date("2026-03-02T01:30:00.000Z"), waitingSeconds: 300 });
    expect(evaluateTicket(facts({ issued: [issued], called: [firstCall] }))).toEqual(early);
  });

  test("a no-show ends it, with no handling time", () => {
    const noShow = hallEvents.ticketNoShow.schema.parse({ ...identity, windowId: "win-1", staffId: "staff-win-1", calledAt: firstCall.calledAt, markedAt: "2026-03-02T01:38:00.000Z", waitingSeconds: 300, appointmentId: null });
    expect(evaluateTicket(facts({ issued: [issued], called: [firstCall, recall], noShows: [noShow] }))).toMatchObject({ status: "NO_SHOW", windowId: "win-1", handlingSeconds: null, recalls: 1 });
  });

  test("through the journal: every order of the events gives the same view", () => {
    const events = [
      [hallEvents.ticketIssued, issued],
      [hallEvents.ticketCalled, firstCall],
      [hallEvents.ticketCalled, recall],
      [hallEvents.ticketTransferred, transferred],
      [hallEvents.ticketCalled, secondCall],
      [hallEvents.ticketServed, served],
    ] as const;
    const records: JournalRecord[] = events.flatMap(([event, payload], i) =>
      journalEntries(event, payload, { id: `e-${i}`, type: event.subject, occurredAt: "2026-03-02T02:00:00.000Z", requestId: null, centerCode: CENTER, payload }).map((e) => ({
        eventId: e.eventId,
        eventType: e.eventType,
        payload: e.payload,
      })),
    );
    const rules = {} as never;
    const now = new Date("2026-03-02T03:00:00Z");
    const expected = evaluateSubject({ type: "TICKET", id: "t-1" }, records, now, rules);
    expect(expected).toMatchObject({ type: "TICKET", causes: [], nextAt: null, view: { status: "SERVED", handlingSeconds: 420 } });
    expect(evaluateSubject({ type: "TICKET", id: "t-1" }, [...records].reverse(), now, rules)).toEqual(expected);
    expect(evaluateSubject({ type: "TICKET", id: "t-1" }, [records[4]!, ...records.slice(0, 3), records[5]!, records[3]!], now, rules)).toEqual(expected);
  });
});

test("an appointment's latest status counts; missed ones are 爽约", () => {
  const change = (status: "BOOKED" | "MISSED" | "CANCELLED", changedAt: string) =>
    hallEvents.appointmentChanged.schema.parse({ appointmentId: "ap-1", centerCode: CENTER, departmentId: "dept-1", slotStart: "2026-03-02T02:00:00.000Z", slotEnd: "2026-03-02T02:30:00.000Z", status, changedAt });
  expect(evaluateBooking([change("MISSED", "2026-03-02T02:31:00Z"), change("BOOKED", "2026-02-28T02:00:00Z")])?.status).toBe("MISSED");
  expect(evaluateBooking([change("BOOKED", "2026-02-28T02:00:00Z")])?.status).toBe("BOOKED");
  expect(evaluateBooking([])).toBeNull();
});

test("the figures of a group: means, no-show rate, and tickets per hour of work", () => {
  expect(hallFiguresOf(noHallCounts)).toMatchObject({ issued: 0, noShowRate: null, meanWaitingSeconds: null, meanHandlingSeconds: null, ticketsPerHour: null });
  expect(
    hallFiguresOf({ ...noHallCounts, issued: 14, called: 12, served: 10, noShows: 2, waitingSecondsSum: 3600, waitingCount: 12, maxWaitingSeconds: 900, handlingSecondsSum: 4000, handlingCount: 10, activeHours: 2 }),
  ).toEqual({
    issued: 14,
    called: 12,
    served: 10,
    noShows: 2,
    noShowRate: 2 / 12,
    transferred: 0,
    casesStarted: 0,
    meanWaitingSeconds: 300,
    maxWaitingSeconds: 900,
    meanHandlingSeconds: 400,
    activeHours: 2,
    ticketsPerHour: 6,
  });
});
