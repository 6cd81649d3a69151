import { WorkingCalendar } from "@onestop/calendar";
import {
  clockState,
  dueOfKey,
  noticeStops,
  overallLimit,
  participantLimit,
  participantsHolding,
  timerChanges,
  usageAt,
  wantedTimers,
  warningInstants,
  type NoticeStep,
} from "../../src/joint-approvals/joint-clock.rules";

const calendar = WorkingCalendar.shipped();
// Monday 2 March 2026, 10:00 in Shanghai.
const OPENED = new Date("2026-03-02T02:00:00Z");
const notice = (participantId: string, slipSeq: number, at: string): NoticeStep => ({ participantId, slipSeq, fromStatus: "SUBMITTED", toStatus: "MATERIALS_REQUESTED", occurredAt: new Date(at) });
const supplied = (participantId: string, slipSeq: number, at: string): NoticeStep => ({ participantId, slipSeq, fromStatus: "MATERIALS_REQUESTED", toStatus: "SUBMITTED", occurredAt: new Date(at) });

describe("the joint clock", () => {
  test("runs from the opening over working days; the opening day does not count", () => {
    const state = clockState(calendar, overallLimit(OPENED, 5, []));
    expect(state).toEqual({ dueAt: new Date("2026-03-09T16:00:00Z"), dueDay: "2026-03-09", onHold: false });
  });

  test("a participant's notice stops every deadline while it is out, and moves them by the days it held", () => {
    // Wednesday 10:00 to Friday 10:00: Thursday and Friday do not count.
    const open = noticeStops([notice("zjj", 2, "2026-03-04T02:00:00Z")], OPENED);
    expect(clockState(calendar, overallLimit(OPENED, 5, open))).toEqual({ dueAt: null, dueDay: null, onHold: true });
    expect(clockState(calendar, participantLimit(OPENED, 3, open, [])).onHold).toBe(true);
    const ended = noticeStops([notice("zjj", 2, "2026-03-04T02:00:00Z"), supplied("zjj", 3, "2026-03-06T02:00:00Z")], OPENED);
    expect(clockState(calendar, overallLimit(OPENED, 5, ended)).dueAt).toEqual(new Date("2026-03-11T16:00:00Z"));
    expect(clockState(calendar, participantLimit(OPENED, 3, ended, [])).dueAt).toEqual(new Date("2026-03-09T16:00:00Z"));
  });

  test("steps arriving in any order give the same stops; an end without its start stops nothing yet", () => {
    const steps = [notice("zjj", 2, "2026-03-04T02:00:00Z"), supplied("zjj", 3, "2026-03-06T02:00:00Z"), notice("hbj", 2, "2026-03-05T02:00:00Z")];
    expect(noticeStops([...steps].reverse(), OPENED)).toEqual(noticeStops(steps, OPENED));
    expect(noticeStops([supplied("zjj", 3, "2026-03-06T02:00:00Z")], OPENED)).toEqual([]);
    expect(participantsHolding(steps, OPENED)).toEqual(["hbj"]);
  });

  test("overlapping notices of two participants hold the clock until the last is answered", () => {
    const steps = [
      notice("zjj", 2, "2026-03-03T02:00:00Z"),
      notice("hbj", 2, "2026-03-04T02:00:00Z"),
      supplied("zjj", 3, "2026-03-05T02:00:00Z"),
    ];
    expect(clockState(calendar, overallLimit(OPENED, 5, noticeStops(steps, OPENED))).onHold).toBe(true);
    const answered = [...steps, supplied("hbj", 3, "2026-03-06T02:00:00Z")];
    // Stopped from Wednesday through Friday: Tuesday counts, then Monday 9 to Thursday 12.
    expect(clockState(calendar, overallLimit(OPENED, 5, noticeStops(answered, OPENED))).dueDay).toBe("2026-03-12");
  });

  test("a leader's extension on a participant's case moves only that participant's deadline", () => {
    const extended = participantLimit(OPENED, 3, [], [{ workingDays: 2, approvedAt: new Date("2026-03-03T02:00:00Z") }]);
    expect(clockState(calendar, extended).dueDay).toBe("2026-03-09");
  });

  test("time used and left, and the warning level, as the days pass", () => {
    const limit = overallLimit(OPENED, 5, []);
    expect(usageAt(calendar, limit, new Date("2026-03-04T04:00:00Z"))).toEqual({ usedWorkingDays: 2, remainingWorkingDays: 3, level: "GREEN" });
    expect(usageAt(calendar, limit, new Date("2026-03-06T04:00:00Z")).level).toBe("YELLOW");
    expect(usageAt(calendar, limit, new Date("2026-03-10T04:00:00Z")).level).toBe("RED");
  });
});

describe("the timers of the joint clocks", () => {
  test("yellow at the start of the last day but one, red at the deadline", () => {
    expect(warningInstants(calendar, overallLimit(OPENED, 5, []))).toEqual({ yellowAt: new Date("2026-03-05T16:00:00Z"), redAt: new Date("2026-03-09T16:00:00Z") });
    expect(warningInstants(calendar, overallLimit(OPENED, 5, noticeStops([notice("zjj", 2, "2026-03-04T02:00:00Z")], OPENED)))).toBeNull();
  });

  test("a moved deadline is a new timer: the old ones are cancelled, the new ones set; unchanged ones stay", () => {
    const clocks = (stops: ReturnType<typeof noticeStops>) => [
      { participantId: null, limit: overallLimit(OPENED, 10, []) },
      { participantId: "p1", limit: participantLimit(OPENED, 5, stops, []) },
    ];
    const before = wantedTimers(calendar, "j1", clocks([]));
    expect(before.map((t) => t.key)).toEqual([
      `j1:JOINT:YELLOW:${Date.parse("2026-03-12T16:00:00Z")}`,
      `j1:JOINT:RED:${Date.parse("2026-03-16T16:00:00Z")}`,
      `j1:p1:YELLOW:${Date.parse("2026-03-05T16:00:00Z")}`,
      `j1:p1:RED:${Date.parse("2026-03-09T16:00:00Z")}`,
    ]);
    const stops = noticeStops([notice("p1", 2, "2026-03-04T02:00:00Z"), supplied("p1", 3, "2026-03-06T02:00:00Z")], OPENED);
    const after = wantedTimers(calendar, "j1", clocks(stops));
    const changes = timerChanges(before.map((t) => t.key), after);
    expect(changes.cancel).toEqual([before[2]!.key, before[3]!.key]);
    expect(changes.schedule.map((t) => [t.payload.participantId, t.payload.level, t.dueAt.toISOString()])).toEqual([
      ["p1", "YELLOW", "2026-03-09T16:00:00.000Z"],
      ["p1", "RED", "2026-03-11T16:00:00.000Z"],
    ]);
    expect(dueOfKey(after[3]!.key)).toBe(Date.parse("2026-03-11T16:00:00Z"));
  });
});
