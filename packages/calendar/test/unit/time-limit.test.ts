import {
  CalendarError,
  calendarDay,
  CalendarYearNotLoaded,
  daysFrom,
  deadlineOf,
  remainingWorkingDays,
  SuspensionReason,
  timeLimitStatus,
  warningLevel,
  WorkingCalendar,
  type Suspension,
  type TimeLimit,
} from "@onestop/calendar";

const calendar = WorkingCalendar.shipped();
/** Shanghai wall-clock time, e.g. "2025-03-03 10:00". */
const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+08:00`);
const MATERIALS = SuspensionReason.SupplementingMaterials;

function dueDay(limit: TimeLimit): string {
  const deadline = deadlineOf(calendar, limit);
  if (deadline.state !== "DUE") throw new Error(`expected a deadline, the clock is ${deadline.state}`);
  return deadline.day;
}

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    return error as CalendarError;
  }
  throw new Error("expected an error");
}

// Monday 3 March 2025; an ordinary fortnight with no holidays.
const mondayMorning = at("2025-03-03 10:00");

describe("a promised limit without suspensions", () => {
  test("counts the working days after the acceptance day; the deadline is the end of the last", () => {
    const deadline = deadlineOf(calendar, { startedAt: mondayMorning, workingDays: 5 });
    expect(deadline).toEqual({
      state: "DUE",
      day: "2025-03-10",
      dueAt: new Date("2025-03-10T16:00:00.000Z"),
      totalWorkingDays: 5,
      provisional: false,
    });
  });

  test("acceptance after office hours still belongs to its calendar day", () => {
    expect(dueDay({ startedAt: at("2025-03-03 23:30"), workingDays: 5 })).toBe("2025-03-10");
    expect(dueDay({ startedAt: at("2025-03-03 00:10"), workingDays: 5 })).toBe("2025-03-10");
    expect(dueDay({ startedAt: at("2025-03-02 23:59"), workingDays: 5 })).toBe("2025-03-07");
  });

  test("acceptance on a non-working day counts from the next working day", () => {
    expect(dueDay({ startedAt: at("2025-03-08 10:00"), workingDays: 1 })).toBe("2025-03-10");
    expect(dueDay({ startedAt: at("2025-03-07 10:00"), workingDays: 1 })).toBe("2025-03-10");
    expect(dueDay({ startedAt: at("2025-10-03 10:00"), workingDays: 1 })).toBe("2025-10-09");
    expect(dueDay({ startedAt: at("2025-10-03 10:00"), workingDays: 2 })).toBe("2025-10-10");
  });

  test("a 0-day limit (即办件) ends with the acceptance day, whatever day it is", () => {
    expect(deadlineOf(calendar, { startedAt: mondayMorning, workingDays: 0 })).toMatchObject({ day: "2025-03-03", dueAt: new Date("2025-03-03T16:00:00Z") });
    expect(dueDay({ startedAt: at("2025-03-08 10:00"), workingDays: 0 })).toBe("2025-03-08");
    expect(dueDay({ startedAt: at("2025-02-08 10:00"), workingDays: 0 })).toBe("2025-02-08");
  });

  test("a deadline can land on a swapped working Saturday", () => {
    expect(dueDay({ startedAt: at("2025-02-06 10:00"), workingDays: 2 })).toBe("2025-02-08");
    expect(dueDay({ startedAt: at("2026-02-26 10:00"), workingDays: 2 })).toBe("2026-02-28");
    expect(dueDay({ startedAt: at("2026-01-01 10:00"), workingDays: 1 })).toBe("2026-01-04"); // a Sunday
  });

  test("across the Spring Festival and National Day", () => {
    expect(dueDay({ startedAt: at("2026-02-13 15:00"), workingDays: 5 })).toBe("2026-02-27");
    expect(dueDay({ startedAt: at("2025-01-27 09:00"), workingDays: 1 })).toBe("2025-02-05");
    expect(dueDay({ startedAt: at("2025-09-29 14:00"), workingDays: 3 })).toBe("2025-10-10");
    expect(dueDay({ startedAt: at("2027-09-30 09:00"), workingDays: 2 })).toBe("2027-10-09");
  });

  test("across year ends, marked provisional once counted through 2027", () => {
    expect(deadlineOf(calendar, { startedAt: at("2025-12-29 10:00"), workingDays: 5 })).toMatchObject({ day: "2026-01-06", provisional: false });
    expect(deadlineOf(calendar, { startedAt: at("2026-12-30 10:00"), workingDays: 3 })).toMatchObject({ day: "2027-01-05", provisional: true });
    expect(deadlineOf(calendar, { startedAt: at("2026-11-02 10:00"), workingDays: 20 })).toMatchObject({ day: "2026-11-30", provisional: false });
  });

  test("a deadline beyond the loaded years is an error unless weekends-only was chosen", () => {
    const limit = { startedAt: at("2027-12-20 10:00"), workingDays: 10 };
    expect(errorOf(() => deadlineOf(calendar, limit))).toBeInstanceOf(CalendarYearNotLoaded);
    const lenient = WorkingCalendar.shipped({ unloadedYears: "weekends-only" });
    expect(deadlineOf(lenient, limit)).toMatchObject({ day: "2028-01-03", provisional: true });
  });
});

describe("suspensions (暂停计时)", () => {
  const base = { startedAt: mondayMorning, workingDays: 5 }; // due Monday 10 March
  const suspension = (from: string, until: string | null, reason: Suspension["reason"] = MATERIALS): Suspension => ({
    reason,
    from: at(from),
    until: until === null ? null : at(until),
  });

  test("a suspension that starts and ends on the same day changes nothing", () => {
    expect(dueDay({ ...base, suspensions: [suspension("2025-03-05 09:00", "2025-03-05 16:00")] })).toBe("2025-03-10");
  });

  test("the days after the day it starts, through the day it ends, do not count", () => {
    // Stopped Wednesday 10:00 to Friday 15:00: Thursday and Friday do not count.
    expect(dueDay({ ...base, suspensions: [suspension("2025-03-05 10:00", "2025-03-07 15:00")] })).toBe("2025-03-12");
    // Ending at midnight: the next day began with the clock running, so it counts.
    expect(dueDay({ ...base, suspensions: [suspension("2025-03-05 10:00", "2025-03-07 00:00")] })).toBe("2025-03-11");
  });

  test("overlapping suspensions count once; back-to-back ones are one", () => {
    const overlapping = [suspension("2025-03-05 10:00", "2025-03-07 15:00", "SITE_INSPECTION"), suspension("2025-03-06 09:00", "2025-03-10 11:00", "EXPERT_REVIEW")];
    expect(dueDay({ ...base, suspensions: overlapping })).toBe("2025-03-13");
    expect(dueDay({ ...base, suspensions: [...overlapping].reverse() })).toBe("2025-03-13");
    const backToBack = [suspension("2025-03-05 10:00", "2025-03-06 10:00", "HEARING"), suspension("2025-03-06 10:00", "2025-03-07 10:00", "EXPERT_REVIEW")];
    expect(dueDay({ ...base, suspensions: backToBack })).toBe("2025-03-12");
    const nested = [suspension("2025-03-04 10:00", "2025-03-11 10:00"), suspension("2025-03-05 10:00", "2025-03-06 10:00")];
    expect(dueDay({ ...base, suspensions: nested })).toBe(dueDay({ ...base, suspensions: [nested[0]!] }));
  });

  test("over the Spring Festival: holidays inside a suspension were not working days anyway", () => {
    const limit: TimeLimit = { startedAt: at("2026-02-09 10:00"), workingDays: 5, suspensions: [suspension("2026-02-11 10:00", "2026-02-25 09:00")] };
    // Counted: 10th, 11th; then 26th, 27th and the swapped Saturday 28th.
    expect(dueDay(limit)).toBe("2026-02-28");
  });

  test("over a year end, the swapped Sunday inside the suspension does not count", () => {
    const limit: TimeLimit = { startedAt: at("2025-12-22 10:00"), workingDays: 10, suspensions: [suspension("2025-12-24 14:00", "2026-01-05 10:00")] };
    expect(dueDay(limit)).toBe("2026-01-15");
  });

  test("an open suspension holds the clock; the remaining days are frozen", () => {
    const limit: TimeLimit = { ...base, suspensions: [suspension("2025-03-05 10:00", null)] };
    expect(deadlineOf(calendar, limit)).toEqual({ state: "ON_HOLD", since: at("2025-03-05 10:00"), remainingWorkingDays: 3, totalWorkingDays: 5 });
    const friday = timeLimitStatus(calendar, limit, at("2025-03-07 12:00"));
    expect(friday).toMatchObject({ onHold: true, day: "2025-03-12", usedWorkingDays: 2, remainingWorkingDays: 3, overdue: false, level: "GREEN" });
    const monday = timeLimitStatus(calendar, limit, at("2025-03-10 12:00"));
    expect(monday).toMatchObject({ onHold: true, day: "2025-03-13", remainingWorkingDays: 3, level: "GREEN" });
    // Closing it then gives what the projection said.
    expect(dueDay({ ...base, suspensions: [suspension("2025-03-05 10:00", "2025-03-10 12:00")] })).toBe("2025-03-13");
  });

  test("stopping the clock on its last day leaves the day the clock restarts", () => {
    const suspensions = [suspension("2025-03-10 15:00", "2025-03-12 10:00")];
    expect(dueDay({ ...base, suspensions })).toBe("2025-03-12");
    const open = { ...base, suspensions: [suspension("2025-03-10 15:00", null)] };
    expect(deadlineOf(calendar, open)).toMatchObject({ state: "ON_HOLD", remainingWorkingDays: 0 });
    expect(timeLimitStatus(calendar, open, at("2025-03-10 16:00"))).toMatchObject({ onHold: true, day: "2025-03-10", remainingWorkingDays: 0, overdue: false, level: "YELLOW" });
  });

  test("a deadline never falls on a day off: restarting on a Saturday with nothing left gives Monday", () => {
    const limit: TimeLimit = { startedAt: mondayMorning, workingDays: 4, suspensions: [suspension("2025-03-07 15:00", "2025-03-08 10:00")] };
    expect(dueDay({ startedAt: mondayMorning, workingDays: 4 })).toBe("2025-03-07");
    expect(dueDay(limit)).toBe("2025-03-10");
  });

  test("a suspension that begins after the deadline does not revive it", () => {
    const limit: TimeLimit = { startedAt: mondayMorning, workingDays: 4, suspensions: [suspension("2025-03-11 10:00", "2025-03-13 10:00")] };
    expect(dueDay(limit)).toBe("2025-03-07");
    const open = { ...limit, suspensions: [suspension("2025-03-11 10:00", null)] };
    expect(deadlineOf(calendar, open)).toMatchObject({ state: "DUE", day: "2025-03-07" });
    // Overdue by Monday and Tuesday; Wednesday began with the clock stopped.
    expect(timeLimitStatus(calendar, open, at("2025-03-12 10:00"))).toMatchObject({ onHold: true, overdue: true, level: "RED", remainingWorkingDays: -2 });
    expect(timeLimitStatus(calendar, limit, at("2025-03-14 10:00"))).toMatchObject({ onHold: false, usedWorkingDays: 7, remainingWorkingDays: -3 });
  });

  test("an instant item put on hold at the window restarts with the day it resumes", () => {
    const limit: TimeLimit = { startedAt: mondayMorning, workingDays: 0, suspensions: [suspension("2025-03-03 10:30", "2025-03-05 14:00")] };
    expect(dueDay(limit)).toBe("2025-03-05");
    expect(deadlineOf(calendar, { ...limit, suspensions: [suspension("2025-03-03 10:30", null)] })).toMatchObject({ state: "ON_HOLD", remainingWorkingDays: 0 });
  });

  test("the status at an instant only knows what had happened by then", () => {
    const limit: TimeLimit = { ...base, suspensions: [suspension("2025-03-05 10:00", "2025-03-07 15:00")] };
    expect(timeLimitStatus(calendar, limit, at("2025-03-04 12:00"))).toMatchObject({ onHold: false, day: "2025-03-10", remainingWorkingDays: 4 });
    expect(timeLimitStatus(calendar, limit, at("2025-03-06 12:00"))).toMatchObject({ onHold: true, day: "2025-03-11", remainingWorkingDays: 3 });
    expect(timeLimitStatus(calendar, limit, at("2025-03-07 15:00"))).toMatchObject({ onHold: false, day: "2025-03-12", remainingWorkingDays: 3 });
  });
});

describe("extensions (延期)", () => {
  test("add working days from their approval on", () => {
    const limit: TimeLimit = { startedAt: mondayMorning, workingDays: 5, extensions: [{ workingDays: 3, approvedAt: at("2025-03-07 11:00") }] };
    expect(deadlineOf(calendar, limit)).toMatchObject({ day: "2025-03-13", totalWorkingDays: 8 });
    expect(timeLimitStatus(calendar, limit, at("2025-03-06 12:00"))).toMatchObject({ day: "2025-03-10", totalWorkingDays: 5 });
    expect(timeLimitStatus(calendar, limit, at("2025-03-07 12:00"))).toMatchObject({ day: "2025-03-13", totalWorkingDays: 8, remainingWorkingDays: 4 });
  });

  test("an extension approved while the clock is stopped waits for it to restart", () => {
    const suspended: TimeLimit = {
      startedAt: mondayMorning,
      workingDays: 5,
      suspensions: [{ reason: "EXPERT_REVIEW", from: at("2025-03-05 10:00") }],
      extensions: [{ workingDays: 2, approvedAt: at("2025-03-06 09:00") }],
    };
    expect(deadlineOf(calendar, suspended)).toMatchObject({ state: "ON_HOLD", remainingWorkingDays: 5, totalWorkingDays: 7 });
    const resumed = { ...suspended, suspensions: [{ reason: "EXPERT_REVIEW" as const, from: at("2025-03-05 10:00"), until: at("2025-03-10 10:00") }] };
    expect(dueDay(resumed)).toBe("2025-03-17");
  });

  test("two extensions add up", () => {
    const limit: TimeLimit = {
      startedAt: mondayMorning,
      workingDays: 5,
      extensions: [
        { workingDays: 1, approvedAt: at("2025-03-05 09:00") },
        { workingDays: 2, approvedAt: at("2025-03-06 09:00") },
      ],
    };
    expect(dueDay(limit)).toBe("2025-03-13");
  });
});

describe("stages with their own limit use the same clock", () => {
  test("a 3-day review stage started before National Day", () => {
    const stage: TimeLimit = { startedAt: at("2025-09-29 14:00"), workingDays: 3 };
    expect(dueDay(stage)).toBe("2025-10-10");
    expect(timeLimitStatus(calendar, stage, at("2025-10-05 12:00"))).toMatchObject({ remainingWorkingDays: 2, level: "GREEN" });
  });
});

describe("supervision warning levels (预警)", () => {
  const limit: TimeLimit = { startedAt: mondayMorning, workingDays: 5 }; // due Monday 10 March

  test("GREEN, YELLOW with one working day left or on the last day, RED once past", () => {
    const days = daysFrom(calendarDay("2025-03-03"), calendarDay("2025-03-12"));
    const seen = days.map((day) => {
      const s = timeLimitStatus(calendar, limit, at(`${day} 12:00`));
      return `${day} used ${s.usedWorkingDays} left ${s.remainingWorkingDays} ${s.level}`;
    });
    expect(seen).toEqual([
      "2025-03-03 used 0 left 5 GREEN",
      "2025-03-04 used 1 left 4 GREEN",
      "2025-03-05 used 2 left 3 GREEN",
      "2025-03-06 used 3 left 2 GREEN",
      "2025-03-07 used 4 left 1 YELLOW",
      "2025-03-08 used 4 left 1 YELLOW",
      "2025-03-09 used 4 left 1 YELLOW",
      "2025-03-10 used 5 left 0 YELLOW",
      "2025-03-11 used 6 left -1 RED",
      "2025-03-12 used 7 left -2 RED",
    ]);
    expect(warningLevel(calendar, limit, new Date("2025-03-10T15:59:59.999Z"))).toBe("YELLOW");
    expect(warningLevel(calendar, limit, new Date("2025-03-10T16:00:00.000Z"))).toBe("RED");
    expect(remainingWorkingDays(calendar, limit, at("2025-03-05 09:00"))).toBe(3);
  });

  test("past a Friday deadline on the weekend: overdue though no working day has passed yet", () => {
    const fridayDue: TimeLimit = { startedAt: mondayMorning, workingDays: 4 };
    expect(timeLimitStatus(calendar, fridayDue, at("2025-03-08 10:00"))).toMatchObject({ remainingWorkingDays: 0, overdue: true, level: "RED" });
  });

  test("the thresholds are configurable: a number of days, or a share of the limit used", () => {
    expect(warningLevel(calendar, limit, at("2025-03-07 12:00"), { yellowAtRemainingWorkingDays: 0 })).toBe("GREEN");
    expect(warningLevel(calendar, limit, at("2025-03-10 12:00"), { yellowAtRemainingWorkingDays: 0 })).toBe("YELLOW");
    expect(warningLevel(calendar, limit, at("2025-03-05 12:00"), { yellowAtRemainingWorkingDays: 3 })).toBe("YELLOW");
    expect(warningLevel(calendar, limit, at("2025-03-05 12:00"), { yellowAtFractionUsed: 0.5 })).toBe("GREEN"); // 2 of 5 used
    expect(warningLevel(calendar, limit, at("2025-03-06 12:00"), { yellowAtFractionUsed: 0.5 })).toBe("YELLOW"); // 3 of 5
    expect(errorOf(() => warningLevel(calendar, limit, mondayMorning, { yellowAtFractionUsed: 1.5 })).code).toBe("INVALID_TIME_LIMIT");
    expect(errorOf(() => warningLevel(calendar, limit, mondayMorning, { yellowAtRemainingWorkingDays: -1 })).code).toBe("INVALID_TIME_LIMIT");
  });

  test("an instant item is due today: YELLOW on the day, RED the next", () => {
    const instant: TimeLimit = { startedAt: mondayMorning, workingDays: 0 };
    expect(timeLimitStatus(calendar, instant, at("2025-03-03 16:00"))).toMatchObject({ remainingWorkingDays: 0, level: "YELLOW" });
    expect(timeLimitStatus(calendar, instant, at("2025-03-04 09:00"))).toMatchObject({ remainingWorkingDays: -1, level: "RED" });
  });
});

describe("bad clock input changes nothing and says what is wrong", () => {
  test("every problem is listed", () => {
    const error = errorOf(() =>
      deadlineOf(calendar, {
        startedAt: mondayMorning,
        workingDays: -1,
        suspensions: [
          { reason: "LUNCH" as never, from: at("2025-03-04 10:00") },
          { reason: MATERIALS, from: at("2025-03-02 10:00"), until: at("2025-03-04 10:00") },
          { reason: MATERIALS, from: at("2025-03-05 10:00"), until: at("2025-03-04 10:00") },
          { reason: MATERIALS, from: new Date(Number.NaN) },
        ],
        extensions: [{ workingDays: 0, approvedAt: at("2025-03-01 10:00") }],
      }),
    );
    expect(error.code).toBe("INVALID_TIME_LIMIT");
    expect(error.details.problems).toEqual([
      "workingDays: a whole number from 0 to 3650",
      "suspensions[0].reason: one of SUPPLEMENTING_MATERIALS, SITE_INSPECTION, EXPERT_REVIEW, HEARING",
      "suspensions[1]: begins before the clock started",
      "suspensions[2]: ends before it begins",
      "suspensions[3].from: a valid instant",
      "extensions[0].workingDays: a whole number from 1 to 3650",
      "extensions[0]: approved before the clock started",
    ]);
    expect(errorOf(() => deadlineOf(calendar, { startedAt: new Date("x"), workingDays: 1.5 })).details.problems).toEqual([
      "startedAt: a valid instant",
      "workingDays: a whole number from 0 to 3650",
    ]);
    expect(errorOf(() => timeLimitStatus(calendar, { startedAt: mondayMorning, workingDays: 3 }, at("2025-03-03 09:00"))).details.problems).toEqual([
      "at: before the clock started",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The rule, simulated the slow obvious way: walk the days, ask at each midnight whether the
// clock is running. Thousands of random clocks must agree with the fast function.

const MS_PER_DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
const firstDay = Math.floor((at("2025-01-01 00:00").getTime() + OFFSET) / MS_PER_DAY);
const working = daysFrom(calendarDay("2025-01-01"), calendarDay("2027-12-31")).map((day) => calendar.isWorkingDay(day));
const isWorking = (dayNumber: number) => {
  const flag = working[dayNumber - firstDay];
  if (flag === undefined) throw new Error("outside the loaded years");
  return flag;
};
const midnight = (dayNumber: number) => dayNumber * MS_PER_DAY - OFFSET;

/** Working days counted through day `through`, by the same midnight test. */
function simulateUsed(limit: TimeLimit, through: number): number {
  const start = limit.startedAt.getTime();
  const running = (t: number) => t >= start && !(limit.suspensions ?? []).some((s) => s.from.getTime() <= t && t < (s.until?.getTime() ?? Infinity));
  let used = 0;
  for (let d = Math.floor((start + OFFSET) / MS_PER_DAY) + 1; d <= through; d++) if (isWorking(d) && running(midnight(d))) used++;
  return used;
}

function simulate(limit: TimeLimit): { day: string } | { held: number } {
  const start = limit.startedAt.getTime();
  const running = (t: number) => t >= start && !(limit.suspensions ?? []).some((s) => s.from.getTime() <= t && t < (s.until?.getTime() ?? Infinity));
  const stoppedForGood = (t: number) => (limit.suspensions ?? []).some((s) => s.until == null && s.from.getTime() <= t);
  const total = limit.workingDays + (limit.extensions ?? []).reduce((sum, e) => sum + e.workingDays, 0);
  const d0 = Math.floor((start + OFFSET) / MS_PER_DAY);
  let counted = 0;
  for (let d = d0; ; d++) {
    if (d > d0 && isWorking(d) && running(midnight(d))) counted++;
    const endOfDay = midnight(d + 1);
    if (!running(endOfDay) && stoppedForGood(endOfDay)) return { held: Math.max(0, total - counted) };
    if (counted >= total && running(endOfDay) && (isWorking(d) || d === d0)) {
      return { day: new Date(midnight(d) + OFFSET).toISOString().slice(0, 10) };
    }
  }
}

function randomClocks(count: number, seed: number, allowOpen: boolean): TimeLimit[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const int = (max: number) => Math.floor(random() * (max + 1));
  const instantAfter = (ms: number, maxDays: number) => {
    const whole = random() < 0.15; // sometimes exactly at midnight
    const base = ms + int(maxDays) * MS_PER_DAY + (whole ? 0 : int(86_399) * 1000);
    return whole ? Math.ceil((base + OFFSET) / MS_PER_DAY) * MS_PER_DAY - OFFSET : base;
  };
  const reasons = Object.values(SuspensionReason);
  const clocks: TimeLimit[] = [];
  const earliest = at("2025-01-01 00:00").getTime();
  const span = at("2027-06-30 00:00").getTime() - earliest;
  for (let i = 0; i < count; i++) {
    const startedAt = earliest + Math.floor(random() * span);
    const suspensions: Suspension[] = [];
    for (let k = int(3); k > 0; k--) {
      const from = instantAfter(startedAt, 25);
      const open = allowOpen && random() < 0.2;
      const until = random() < 0.3 ? from + int(10) * 3_600_000 : instantAfter(from, 20);
      suspensions.push({ reason: reasons[int(3)]!, from: new Date(from), until: open ? null : new Date(until) });
    }
    const extensions = Array.from({ length: int(2) }, () => ({ workingDays: 1 + int(10), approvedAt: new Date(instantAfter(startedAt, 20)) }));
    clocks.push({ startedAt: new Date(startedAt), workingDays: int(20), suspensions, extensions });
  }
  return clocks;
}

describe("agrees with a day-by-day simulation of the rule", () => {
  test("for 4000 random clocks with suspensions and extensions", () => {
    const wrong: string[] = [];
    let held = 0;
    for (const limit of randomClocks(4000, 20250101, true)) {
      const expected = simulate(limit);
      const deadline = deadlineOf(calendar, limit);
      const actual = deadline.state === "DUE" ? { day: deadline.day } : { held: deadline.remainingWorkingDays };
      if (deadline.state === "ON_HOLD") held++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${JSON.stringify(limit)}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(held).toBeGreaterThan(100);
  });

  test("suspensions and extensions never bring a deadline forward; a deadline is a working day", () => {
    const wrong: string[] = [];
    for (const limit of randomClocks(2000, 7, false)) {
      const plain = dueDay({ startedAt: limit.startedAt, workingDays: limit.workingDays });
      const full = dueDay(limit);
      if (full < plain) wrong.push(`${JSON.stringify(limit)}: ${full} < ${plain}`);
      if (limit.workingDays > 0 && !calendar.isWorkingDay(calendarDay(full))) wrong.push(`${full} is not a working day`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test("the status at any instant matches the simulation of what was known then", () => {
    const wrong: string[] = [];
    // used + remaining = total, except where a restart on a day off pushed the deadline on.
    let balanced = 1500;
    for (const limit of randomClocks(1500, 99, true)) {
      const atMs = limit.startedAt.getTime() + Math.floor(((limit.startedAt.getTime() / 7) % 30) * MS_PER_DAY);
      const known: TimeLimit = {
        startedAt: limit.startedAt,
        workingDays: limit.workingDays,
        suspensions: (limit.suspensions ?? [])
          .filter((s) => s.from.getTime() <= atMs)
          .map((s) => ({ ...s, until: s.until == null || s.until.getTime() > atMs ? new Date(atMs) : s.until })),
        extensions: (limit.extensions ?? []).filter((e) => e.approvedAt.getTime() <= atMs),
      };
      const expected = simulate(known) as { day: string };
      const status = timeLimitStatus(calendar, limit, new Date(atMs));
      if (status.day !== expected.day) wrong.push(`${JSON.stringify(limit)} at ${atMs}: ${status.day} != ${expected.day}`);
      if (status.overdue !== atMs >= Date.parse(`${expected.day}T16:00:00Z`)) wrong.push(`overdue ${status.overdue} at ${atMs}`);
      const used = simulateUsed(known, Math.floor((atMs + OFFSET) / MS_PER_DAY));
      if (status.usedWorkingDays !== used) wrong.push(`${JSON.stringify(limit)} at ${atMs}: used ${status.usedWorkingDays} != ${used}`);
      if (status.usedWorkingDays + status.remainingWorkingDays !== status.totalWorkingDays) balanced--;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(balanced).toBeGreaterThan(1450);
  });
});
