import { clockState, warningInstants, WorkingCalendar } from "@onestop/calendar";
import {
  alarmKey,
  alarmsDue,
  nextAlarm,
  noticeStops,
  overallLimit,
  participantLimit,
  participantsHolding,
  type NoticeStep,
  type WatchedClock,
} from "../../src/joint-approvals/joint-clock.rules";

const calendar = WorkingCalendar.shipped();
// Monday 2 March 2026, 10:00 in Shanghai.
const OPENED = new Date("2026-03-02T02:00:00Z");
const notice = (participantId: string, slipSeq: number, at: string): NoticeStep => ({ participantId, slipSeq, fromStatus: "SUBMITTED", toStatus: "MATERIALS_REQUESTED", occurredAt: new Date(at) });
const supplied = (participantId: string, slipSeq: number, at: string): NoticeStep => ({ participantId, slipSeq, fromStatus: "MATERIALS_REQUESTED", toStatus: "SUBMITTED", occurredAt: new Date(at) });

describe("the joint clock", () => {
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
});

describe("the alarm of a joint approval", () => {
  const at = (iso: string) => new Date(iso);
  const clocks = (stops: ReturnType<typeof noticeStops> = [], yellowRaised: { joint?: string; p1?: string } = {}): WatchedClock[] => [
    { participantId: null, limit: overallLimit(OPENED, 10, stops), yellowRaisedFor: yellowRaised.joint ? Date.parse(yellowRaised.joint) : null },
    { participantId: "p1", limit: participantLimit(OPENED, 5, stops, []), yellowRaisedFor: yellowRaised.p1 ? Date.parse(yellowRaised.p1) : null },
  ];

  test("a clock turns yellow at the start of its last day but one and red at its deadline; none while stopped", () => {
    expect(warningInstants(calendar, overallLimit(OPENED, 5, []))).toEqual({ yellowAt: at("2026-03-05T16:00:00Z"), redAt: at("2026-03-09T16:00:00Z") });
    expect(warningInstants(calendar, overallLimit(OPENED, 5, noticeStops([notice("zjj", 2, "2026-03-04T02:00:00Z")], OPENED)))).toBeNull();
  });

  test("the alarm is set for the earliest instant still ahead; a raised yellow is not raised again for the same deadline", () => {
    expect(nextAlarm(calendar, clocks())).toEqual(at("2026-03-05T16:00:00Z"));
    expect(alarmsDue(calendar, clocks(), at("2026-03-05T16:00:01Z"))).toEqual([{ participantId: "p1", level: "YELLOW", deadline: at("2026-03-09T16:00:00Z") }]);
    const raised = clocks([], { p1: "2026-03-09T16:00:00Z" });
    expect(alarmsDue(calendar, raised, at("2026-03-05T16:00:01Z"))).toEqual([]);
    expect(nextAlarm(calendar, raised)).toEqual(at("2026-03-09T16:00:00Z"));
  });

  test("a late alarm handles what is due: the red of a passed deadline supersedes its yellow, each clock once", () => {
    expect(alarmsDue(calendar, clocks(), at("2026-03-13T16:00:01Z"))).toEqual([
      { participantId: null, level: "YELLOW", deadline: at("2026-03-16T16:00:00Z") },
      { participantId: "p1", level: "RED", deadline: at("2026-03-09T16:00:00Z") },
    ]);
  });

  test("a moved deadline warns again, at its own instants, under a new key", () => {
    const stops = noticeStops([notice("p1", 2, "2026-03-04T02:00:00Z"), supplied("p1", 3, "2026-03-06T02:00:00Z")], OPENED);
    const moved = clocks(stops, { p1: "2026-03-09T16:00:00Z" });
    expect(alarmsDue(calendar, moved, at("2026-03-09T16:00:01Z"))).toEqual([{ participantId: "p1", level: "YELLOW", deadline: at("2026-03-11T16:00:00Z") }]);
    expect(nextAlarm(calendar, clocks(stops, { p1: "2026-03-11T16:00:00Z" }))).toEqual(at("2026-03-11T16:00:00Z"));
    expect(alarmKey("j1", at("2026-03-11T16:00:00Z"))).not.toBe(alarmKey("j1", at("2026-03-09T16:00:00Z")));
  });

  test("nothing is watched, nothing is due", () => {
    expect(nextAlarm(calendar, [])).toBeNull();
    expect(alarmsDue(calendar, [], at("2027-01-01T00:00:00Z"))).toEqual([]);
  });
});
