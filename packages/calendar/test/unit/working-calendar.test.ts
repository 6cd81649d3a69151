import {
  CalendarError,
  calendarDay,
  CalendarYearNotLoaded,
  daysFrom,
  holidays2027,
  parseYearTable,
  WorkingCalendar,
  type CalendarDay,
  type YearTable,
} from "@onestop/calendar";

const calendar = WorkingCalendar.shipped();
const d = (text: string) => calendarDay(text);

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/**
 * The definition, the slow obvious way: a day-by-day list of isWorkingDay (itself checked
 * against the notices), walked one day at a time; beyond 2027 there is no answer.
 */
const everyDay = daysFrom(d("2025-01-01"), d("2027-12-31"));
const workingFlags = everyDay.map((day) => calendar.isWorkingDay(day));
function naiveAdd(index: number, n: number): string {
  let counted = 0;
  let i = index;
  while (counted < n) {
    i++;
    if (i >= everyDay.length) return "not loaded 2028";
    if (workingFlags[i]) counted++;
  }
  return everyDay[i]!;
}

describe("stepping over every break", () => {
  // From any day of a break (and its last day), the next working day is the first one after it.
  const resumes: [string, string, string][] = [
    ["2025-01-01", "2025-01-01", "2025-01-02"],
    ["2025-01-28", "2025-02-04", "2025-02-05"],
    ["2025-04-04", "2025-04-06", "2025-04-07"],
    ["2025-05-01", "2025-05-05", "2025-05-06"],
    ["2025-05-31", "2025-06-02", "2025-06-03"],
    ["2025-10-01", "2025-10-08", "2025-10-09"],
    ["2026-01-01", "2026-01-03", "2026-01-04"], // a swapped Sunday
    ["2026-02-15", "2026-02-23", "2026-02-24"],
    ["2026-04-04", "2026-04-06", "2026-04-07"],
    ["2026-05-01", "2026-05-05", "2026-05-06"],
    ["2026-06-19", "2026-06-21", "2026-06-22"],
    ["2026-09-25", "2026-09-27", "2026-09-28"],
    ["2026-10-01", "2026-10-07", "2026-10-08"],
    ["2027-01-01", "2027-01-03", "2027-01-04"],
    ["2027-02-05", "2027-02-12", "2027-02-13"], // a swapped Saturday
    ["2027-04-03", "2027-04-05", "2027-04-06"],
    ["2027-05-01", "2027-05-05", "2027-05-06"],
    ["2027-06-09", "2027-06-09", "2027-06-10"],
    ["2027-09-15", "2027-09-15", "2027-09-16"],
    ["2027-10-01", "2027-10-07", "2027-10-08"],
  ];
  test.each(resumes)("a break %s..%s: work resumes on %s", (from, to, resume) => {
    for (const day of daysFrom(d(from), d(to))) {
      expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.nextWorkingDay(day)).toBe(resume);
      expect(calendar.addWorkingDays(day, 1)).toBe(resume);
      expect(calendar.workingDaysBetween(day, d(resume))).toBe(1);
    }
  });

  test("the working day before a break steps straight over it", () => {
    expect(calendar.nextWorkingDay(d("2025-01-27"))).toBe("2025-02-05");
    expect(calendar.nextWorkingDay(d("2026-02-14"))).toBe("2026-02-24");
    expect(calendar.nextWorkingDay(d("2025-09-30"))).toBe("2025-10-09");
    expect(calendar.nextWorkingDay(d("2026-09-24"))).toBe("2026-09-28");
    // A swapped Saturday is a working day like any Monday.
    expect(calendar.nextWorkingDay(d("2025-02-07"))).toBe("2025-02-08");
    expect(calendar.nextWorkingDay(d("2025-02-08"))).toBe("2025-02-10");
  });

  test("Spring Festival crossings", () => {
    expect(calendar.addWorkingDays(d("2025-01-24"), 3)).toBe("2025-02-05"); // Mon 27th, Sun 26th swapped, then 5 Feb
    expect(calendar.addWorkingDays(d("2025-01-25"), 1)).toBe("2025-01-26");
    expect(calendar.addWorkingDays(d("2026-02-13"), 3)).toBe("2026-02-25"); // Sat 14th, 24th, 25th
    expect(calendar.addWorkingDays(d("2027-02-04"), 2)).toBe("2027-02-15"); // Sat 13th, Mon 15th
    expect(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-24"))).toBe(2);
  });

  test("National Day crossings", () => {
    expect(calendar.addWorkingDays(d("2025-09-26"), 5)).toBe("2025-10-10"); // 28th, 29th, 30th, 9 Oct, 10 Oct
    expect(calendar.addWorkingDays(d("2026-09-30"), 2)).toBe("2026-10-09"); // 8 Oct, 9 Oct
    expect(calendar.addWorkingDays(d("2027-09-30"), 2)).toBe("2027-10-09"); // 8 Oct, Sat 9 Oct swapped
    expect(calendar.addWorkingDays(d("2027-09-30"), 3)).toBe("2027-10-11");
    expect(calendar.workingDaysBetween(d("2025-09-30"), d("2025-10-11"))).toBe(3);
  });

  test("year ends", () => {
    expect(calendar.addWorkingDays(d("2025-12-31"), 1)).toBe("2026-01-04");
    expect(calendar.addWorkingDays(d("2025-12-29"), 5)).toBe("2026-01-06");
    expect(calendar.addWorkingDays(d("2026-12-31"), 1)).toBe("2027-01-04");
    expect(calendar.addWorkingDays(d("2026-12-30"), 3)).toBe("2027-01-05");
    expect(calendar.workingDaysBetween(d("2025-12-31"), d("2026-01-05"))).toBe(2);
    expect(calendar.workingDaysBetween(d("2026-01-05"), d("2025-12-31"))).toBe(-2);
    expect(calendar.workingDaysBetween(d("2026-01-05"), d("2026-01-05"))).toBe(0);
    expect(calendar.workingDaysBetween(d("2025-01-01"), d("2027-12-31"))).toBe(3 * 248);
    expect(calendar.addWorkingDays(d("2025-01-01"), 3 * 248)).toBe("2027-12-31");
  });
});

describe("properties over every day of 2025-2027 and every limit from 0 to 30", () => {
  const days = everyDay;

  test("addWorkingDays agrees with stepping one day at a time, or both say 2028 is not loaded", () => {
    const wrong: string[] = [];
    days.forEach((start, index) => {
      for (let n = 0; n <= 30; n++) {
        const expected = naiveAdd(index, n);
        let actual: string;
        try {
          actual = calendar.addWorkingDays(start, n);
        } catch (error) {
          actual = `not loaded ${(error as CalendarYearNotLoaded).year}`;
        }
        if (actual !== expected) wrong.push(`${start}+${n}: ${actual} != ${expected}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  test("the n-th working day is a working day, n working days away, and later for larger n", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const start of days) {
      let previous = start;
      for (let n = 0; n <= 30; n++) {
        let due: CalendarDay;
        try {
          due = calendar.addWorkingDays(start, n);
        } catch (error) {
          if (!(error instanceof CalendarYearNotLoaded) || error.year !== 2028) wrong.push(`${start}+${n}: ${String(error)}`);
          break;
        }
        checked++;
        if (n > 0 && !calendar.isWorkingDay(due)) wrong.push(`${start}+${n} = ${due} is not a working day`);
        if (calendar.workingDaysBetween(start, due) !== n) wrong.push(`${start}+${n}: between is not ${n}`);
        if (calendar.workingDaysBetween(due, start) !== -n) wrong.push(`${start}+${n}: reverse between is not -${n}`);
        if (n > 0 && due <= previous) wrong.push(`${start}+${n} = ${due} is not after ${previous}`);
        if (n > 0 && calendar.addWorkingDays(previous, 1) !== due) wrong.push(`${start}+${n} is not one step after +${n - 1}`);
        previous = due;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(days.length * 30);
  });

  test("adding in two steps is adding once; nextWorkingDay is addWorkingDays(1)", () => {
    const wrong: string[] = [];
    for (let i = 0; i < days.length - 60; i += 3) {
      const start = days[i]!;
      for (const [a, b] of [[1, 9], [5, 5], [10, 20], [0, 7]] as const) {
        if (calendar.addWorkingDays(calendar.addWorkingDays(start, a), b) !== calendar.addWorkingDays(start, a + b)) wrong.push(`${start} ${a}+${b}`);
      }
      if (calendar.nextWorkingDay(start) !== calendar.addWorkingDays(start, 1)) wrong.push(`${start} next`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("years without a table", () => {
  test("are an explicit error, never a weekends-only guess", () => {
    const before = errorOf(() => calendar.isWorkingDay(d("2024-12-31")));
    expect(before).toBeInstanceOf(CalendarYearNotLoaded);
    expect(before).toMatchObject({ code: "CALENDAR_YEAR_NOT_LOADED", year: 2024, details: { year: 2024, loadedYears: [2025, 2026, 2027] } });
    expect(errorOf(() => calendar.addWorkingDays(d("2027-12-30"), 5))).toMatchObject({ year: 2028 });
    expect(errorOf(() => calendar.workingDaysBetween(d("2027-06-01"), d("2029-06-01")))).toMatchObject({ year: 2028 });
    expect(errorOf(() => calendar.nextWorkingDay(d("2027-12-31")))).toMatchObject({ year: 2028 });
    expect(errorOf(() => calendar.addWorkingDays(d("2030-03-01"), 0))).toMatchObject({ year: 2030 });
  });

  test("a gap between loaded years is an error too", () => {
    const gappy = WorkingCalendar.fromTables([calendar.tableFor(2025)!, calendar.tableFor(2027)!]);
    expect(gappy.loadedYears()).toEqual([2025, 2027]);
    expect(errorOf(() => gappy.workingDaysBetween(d("2025-12-01"), d("2027-01-10")))).toMatchObject({ year: 2026 });
    expect(gappy.isWorkingDay(d("2027-02-13"))).toBe(true);
  });

  test("can be counted as weekends only when the caller opts in, and say so", () => {
    const lenient = WorkingCalendar.shipped({ unloadedYears: "weekends-only" });
    expect(lenient.isWorkingDay(d("2028-01-03"))).toBe(true); // a Monday; its real status is unknown
    expect(lenient.isWorkingDay(d("2028-01-01"))).toBe(false); // a Saturday
    expect(lenient.addWorkingDays(d("2027-12-30"), 5)).toBe("2028-01-06");
    expect(lenient.describeDay(d("2030-10-01"))).toMatchObject({ working: true, kind: "WORKDAY", basis: "weekends-only", provisional: true });
    expect(lenient.workingDaysBetween(d("2027-12-31"), d("2040-12-31"))).toBe(
      daysFrom(d("2028-01-01"), d("2040-12-31")).filter((day) => new Date(`${day}T00:00:00Z`).getUTCDay() % 6 !== 0).length,
    );
    // Loaded years keep their holidays.
    expect(lenient.isWorkingDay(d("2026-10-01"))).toBe(false);
  });
});

describe("loading and replacing a year's table", () => {
  // What a center does in November: take the notice, write it as JSON, load it.
  const official2027Json = JSON.stringify({
    year: 2027,
    source: "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）",
    holidays: [
      { name: "元旦", from: "2027-01-01", to: "2027-01-03" },
      { name: "春节", from: "2027-02-05", to: "2027-02-14" },
      { name: "清明节", from: "2027-04-03", to: "2027-04-05" },
      { name: "劳动节", from: "2027-05-01", to: "2027-05-05" },
      { name: "端午节", from: "2027-06-09", to: "2027-06-09" },
      { name: "中秋节", from: "2027-09-15", to: "2027-09-15" },
      { name: "国庆节", from: "2027-10-01", to: "2027-10-07" },
    ],
    swappedWorkingDays: [
      { date: "2027-01-31", holiday: "春节" },
      { date: "2027-02-20", holiday: "春节" },
      { date: "2027-04-25", holiday: "劳动节" },
      { date: "2027-09-26", holiday: "国庆节" },
      { date: "2027-10-09", holiday: "国庆节" },
    ],
  });

  test("a JSON table replaces the provisional one; the old calendar is unchanged", () => {
    const updated = calendar.withYear(parseYearTable(JSON.parse(official2027Json)));
    expect(updated.isProvisional(2027)).toBe(false);
    expect(updated.loadedYears()).toEqual([2025, 2026, 2027]);
    expect(updated.isWorkingDay(d("2027-02-13"))).toBe(false);
    expect(updated.isWorkingDay(d("2027-02-20"))).toBe(true);
    expect(updated.isWorkingDay(d("2027-05-08"))).toBe(false);
    expect(updated.addWorkingDays(d("2027-02-04"), 1)).toBe("2027-02-15");
    expect(updated.describeDay(d("2027-02-14"))).toMatchObject({ kind: "HOLIDAY", holiday: "春节", provisional: false });
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.isWorkingDay(d("2027-02-13"))).toBe(true);
    expect(calendar.addWorkingDays(d("2027-02-04"), 1)).toBe("2027-02-13");
  });

  test("a next year's table extends the calendar", () => {
    const table2028: YearTable = {
      year: 2028,
      source: "test table",
      holidays: [{ name: "元旦", from: "2028-01-01", to: "2028-01-03" }],
      swappedWorkingDays: [],
    };
    const extended = calendar.withYear(table2028);
    expect(extended.loadedYears()).toEqual([2025, 2026, 2027, 2028]);
    expect(extended.addWorkingDays(d("2027-12-31"), 1)).toBe("2028-01-04");
    expect(errorOf(() => calendar.addWorkingDays(d("2027-12-31"), 1))).toBeInstanceOf(CalendarYearNotLoaded);
  });

  test("a table may reach into the neighbouring year, and the day is answered once both years are loaded", () => {
    const next = WorkingCalendar.fromTables([
      { year: 2030, source: "test", holidays: [{ name: "元旦", from: "2029-12-30", to: "2030-01-01" }], swappedWorkingDays: [{ date: "2029-12-29", holiday: "元旦" }] },
    ]);
    expect(next.isWorkingDay(d("2030-01-01"))).toBe(false);
    expect(errorOf(() => next.isWorkingDay(d("2029-12-31")))).toMatchObject({ year: 2029 });
    const both = next.withYear({ year: 2029, source: "test", holidays: [{ name: "国庆节", from: "2029-10-01", to: "2029-10-07" }], swappedWorkingDays: [] });
    expect(both.isWorkingDay(d("2029-12-31"))).toBe(false); // a Monday, off by the 2030 notice
    expect(both.isWorkingDay(d("2029-12-29"))).toBe(true); // a Saturday, worked
    expect(both.describeDay(d("2029-12-31"))).toMatchObject({ kind: "HOLIDAY", holiday: "元旦" });
  });

  test("a bad table is refused with every problem listed, and nothing is loaded", () => {
    const error = errorOf(() =>
      parseYearTable({
        year: 2028,
        source: "x",
        holidays: [
          { name: "春节", from: "2028-01-25", to: "2028-02-01" },
          { name: "重叠", from: "2028-01-31", to: "2028-02-02" },
          { name: "倒序", from: "2028-05-05", to: "2028-05-01" },
          { name: "", from: "2028-02-30", to: "2028-03-01" },
          { name: "太远", from: "2029-06-01", to: "2029-06-02" },
        ],
        swappedWorkingDays: [
          { date: "2028-01-24", holiday: "春节" }, // a Monday
          { date: "2028-01-29", holiday: "春节" }, // a Saturday inside the break
          { date: "2028-02-12", holiday: "春节" },
          { date: "2028-02-12", holiday: "春节" },
        ],
      }),
    ) as CalendarError;
    expect(error).toBeInstanceOf(CalendarError);
    expect(error.code).toBe("INVALID_CALENDAR_TABLE");
    const problems = error.details.problems as string[];
    expect(problems).toEqual([
      "holidays[1]: overlaps 春节",
      "holidays[2]: 2028-05-05 is after 2028-05-01",
      "holidays[3].name: the holiday's name",
      "holidays[3].from: a date YYYY-MM-DD",
      "holidays[4]: 2029-06-01..2029-06-02 is outside 2028 and its neighbouring months",
      "swappedWorkingDays[0]: 2028-01-24 is a weekday; only a Saturday or Sunday can be a swapped working day",
      "swappedWorkingDays[1]: 2028-01-29 is inside the 春节 holiday",
      "swappedWorkingDays[3]: 2028-02-12 is listed twice",
    ]);
    expect(errorOf(() => calendar.withYear({ year: 2027 } as YearTable))).toMatchObject({ code: "INVALID_CALENDAR_TABLE" });
    expect(errorOf(() => parseYearTable("2028"))).toMatchObject({ code: "INVALID_CALENDAR_TABLE" });
    expect(errorOf(() => parseYearTable({ ...holidays2027, year: 1900 }))).toMatchObject({ details: { problems: ["year: an integer between 1970 and 2199"] } });
  });

  test("two tables that disagree about a day, or two tables for one year, are refused", () => {
    const worksChristmasDay: YearTable = { ...holidays2027, swappedWorkingDays: [...holidays2027.swappedWorkingDays, { date: "2027-12-25", holiday: "?" }] };
    const longBreak: YearTable = { year: 2028, source: "test", holidays: [{ name: "元旦", from: "2027-12-25", to: "2028-01-02" }], swappedWorkingDays: [] };
    expect((errorOf(() => WorkingCalendar.fromTables([worksChristmasDay, longBreak])) as CalendarError).details.problems).toEqual([
      "2027-12-25 is SWAPPED_WORKDAY in one table and HOLIDAY in the 2028 table",
    ]);
    // Without the clash, the 2028 notice's days in December 2027 apply.
    expect(WorkingCalendar.fromTables([holidays2027, longBreak]).isWorkingDay(d("2027-12-31"))).toBe(false);
    expect(errorOf(() => WorkingCalendar.fromTables([holidays2027, holidays2027]))).toMatchObject({ details: { problems: ["two tables for 2027"] } });
  });

  test("addWorkingDays takes whole non-negative numbers only", () => {
    expect(() => calendar.addWorkingDays(d("2026-03-02"), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(d("2026-03-02"), 1.5)).toThrow(RangeError);
  });
});
