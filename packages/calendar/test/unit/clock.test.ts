import { clockState, usageAt, warningInstants, WorkingCalendar, type Suspension, type TimeLimit } from "@onestop/calendar";

const calendar = WorkingCalendar.shipped();
const at = (text: string) => new Date(text);
const clock = (startedAt: Date, workingDays: number, suspensions: Suspension[] = []): TimeLimit => ({ startedAt, workingDays, suspensions });
// Monday 2 March 2026, 10:00 in Shanghai.
const OPENED = new Date("2026-03-02T02:00:00Z");

describe("warning instants (红黄牌)", () => {
  test("accepted Mon 3 Mar 2025 with 5 working days: yellow from Fri 7 Mar, red at the end of Mon 10 Mar", () => {
    const limit = clock(at("2025-03-03T10:00:00+08:00"), 5);
    expect(warningInstants(calendar, limit)).toEqual({ yellowAt: at("2025-03-07T00:00:00+08:00"), redAt: at("2025-03-11T00:00:00+08:00") });
  });

  test("a one-day limit is yellow from the start", () => {
    const limit = clock(at("2025-03-03T10:00:00+08:00"), 1);
    expect(warningInstants(calendar, limit)).toEqual({ yellowAt: at("2025-03-03T10:00:00+08:00"), redAt: at("2025-03-05T00:00:00+08:00") });
  });

  test("over the 2025 National Day break, yellow only once a single working day is left after today", () => {
    // Accepted Mon 29 Sep with 3 days: Tue 30 Sep, Thu 9 Oct, Fri 10 Oct.
    const limit = clock(at("2025-09-29T09:00:00+08:00"), 3);
    const instants = warningInstants(calendar, limit)!;
    expect(instants.redAt).toEqual(at("2025-10-11T00:00:00+08:00"));
    // 1-8 October still have Thu 9 and Fri 10 ahead; Thu 9 is the first day with one left.
    expect(instants.yellowAt).toEqual(at("2025-10-09T00:00:00+08:00"));
  });

  test("a stopped clock has no warnings until it runs again", () => {
    const limit = clock(at("2025-03-03T10:00:00+08:00"), 5, [{ reason: "SITE_INSPECTION", from: at("2025-03-05T10:00:00+08:00"), until: null }]);
    expect(warningInstants(calendar, limit)).toBeNull();
  });

  test("a suspension moves both instants", () => {
    const limit = clock(at("2025-03-03T10:00:00+08:00"), 5, [{ reason: "EXPERT_REVIEW", from: at("2025-03-05T10:00:00+08:00"), until: at("2025-03-07T15:00:00+08:00") }]);
    expect(warningInstants(calendar, limit)).toEqual({ yellowAt: at("2025-03-11T00:00:00+08:00"), redAt: at("2025-03-13T00:00:00+08:00") });
  });
});

test("a clock runs from its start over working days; the first day does not count", () => {
  const state = clockState(calendar, clock(OPENED, 5));
  expect(state).toEqual({ dueAt: new Date("2026-03-09T16:00:00Z"), dueDay: "2026-03-09", onHold: false });
});

test("time used and left, and the warning level, as the days pass", () => {
  const limit = clock(OPENED, 5);
  expect(usageAt(calendar, limit, new Date("2026-03-04T04:00:00Z"))).toEqual({ usedWorkingDays: 2, remainingWorkingDays: 3, level: "GREEN" });
  expect(usageAt(calendar, limit, new Date("2026-03-06T04:00:00Z")).level).toBe("YELLOW");
  expect(usageAt(calendar, limit, new Date("2026-03-10T04:00:00Z")).level).toBe("RED");
});
