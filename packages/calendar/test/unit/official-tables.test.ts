import { calendarDay, daysFrom, holidays2025, holidays2026, holidays2027, isoWeekday, WorkingCalendar, type CalendarDay } from "@onestop/calendar";

// The notices, transcribed again here by hand, day by day, independently of src/tables:
// which Monday-Friday days are off, and which weekend days are worked.
const notices: Record<number, { offWeekdays: string[]; workedWeekendDays: string[]; periods: [string, string, string, number][] }> = {
  // 国办发明电〔2024〕12号
  2025: {
    offWeekdays: [
      "01-01",
      "01-28", "01-29", "01-30", "01-31", "02-03", "02-04",
      "04-04",
      "05-01", "05-02", "05-05",
      "06-02",
      "10-01", "10-02", "10-03", "10-06", "10-07", "10-08",
    ],
    workedWeekendDays: ["01-26", "02-08", "04-27", "09-28", "10-11"],
    periods: [
      ["元旦", "01-01", "01-01", 1],
      ["春节", "01-28", "02-04", 8],
      ["清明节", "04-04", "04-06", 3],
      ["劳动节", "05-01", "05-05", 5],
      ["端午节", "05-31", "06-02", 3],
      ["国庆节、中秋节", "10-01", "10-08", 8],
    ],
  },
  // 国办发明电〔2025〕7号
  2026: {
    offWeekdays: [
      "01-01", "01-02",
      "02-16", "02-17", "02-18", "02-19", "02-20", "02-23",
      "04-06",
      "05-01", "05-04", "05-05",
      "06-19",
      "09-25",
      "10-01", "10-02", "10-05", "10-06", "10-07",
    ],
    workedWeekendDays: ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
    periods: [
      ["元旦", "01-01", "01-03", 3],
      ["春节", "02-15", "02-23", 9],
      ["清明节", "04-04", "04-06", 3],
      ["劳动节", "05-01", "05-05", 5],
      ["端午节", "06-19", "06-21", 3],
      ["中秋节", "09-25", "09-27", 3],
      ["国庆节", "10-01", "10-07", 7],
    ],
  },
  // provisional, derived (see src/tables/2027.ts)
  2027: {
    offWeekdays: [
      "01-01",
      "02-05", "02-08", "02-09", "02-10", "02-11", "02-12",
      "04-05",
      "05-03", "05-04", "05-05",
      "06-09",
      "09-15",
      "10-01", "10-04", "10-05", "10-06", "10-07",
    ],
    workedWeekendDays: ["01-31", "02-13", "05-08", "09-26", "10-09"],
    periods: [
      ["元旦", "01-01", "01-03", 3],
      ["春节", "02-05", "02-12", 8],
      ["清明节", "04-03", "04-05", 3],
      ["劳动节", "05-01", "05-05", 5],
      ["端午节", "06-09", "06-09", 1],
      ["中秋节", "09-15", "09-15", 1],
      ["国庆节", "10-01", "10-07", 7],
    ],
  },
};

const calendar = WorkingCalendar.shipped();
// Only for looking at the neighbours of a break that starts on 1 January.
const lenient = WorkingCalendar.shipped({ unloadedYears: "weekends-only" });
const day = (year: number, monthDay: string) => calendarDay(`${year}-${monthDay}`);

describe.each([2025, 2026, 2027])("the %i table", (year) => {
  const notice = notices[year]!;
  const allDays = daysFrom(day(year, "01-01"), day(year, "12-31"));

  test("every day of the year is working exactly as the notice says", () => {
    const off = new Set(notice.offWeekdays.map((md) => `${year}-${md}`));
    const worked = new Set(notice.workedWeekendDays.map((md) => `${year}-${md}`));
    const wrong = allDays.filter((d) => {
      const weekend = isoWeekday(d) >= 6;
      const expected = weekend ? worked.has(d) : !off.has(d);
      return calendar.isWorkingDay(d) !== expected;
    });
    expect(wrong).toEqual([]);
    for (const d of notice.workedWeekendDays) expect(isoWeekday(day(year, d))).toBeGreaterThanOrEqual(6);
    for (const d of notice.offWeekdays) expect(isoWeekday(day(year, d))).toBeLessThanOrEqual(5);
  });

  test("248 working days: 261 weekdays, less the holidays on weekdays, plus the swapped weekend days", () => {
    const working = allDays.filter((d) => calendar.isWorkingDay(d)).length;
    expect(261 - notice.offWeekdays.length + notice.workedWeekendDays.length).toBe(working);
    expect(working).toBe(248);
    const jan1 = calendar.isWorkingDay(day(year, "01-01")) ? 1 : 0;
    expect(calendar.workingDaysBetween(day(year, "01-01"), day(year, "12-31")) + jan1).toBe(248);
  });

  test("each 放假 range is whole, named, and as long as the notice says (共N天)", () => {
    for (const [name, from, to, length] of notice.periods) {
      const days = daysFrom(day(year, from), day(year, to));
      expect(days).toHaveLength(length);
      for (const d of days) {
        expect(calendar.describeDay(d)).toMatchObject({ working: false, kind: "HOLIDAY", holiday: name });
      }
      expect(lenient.describeDay(calendarDay(addDays(days[0]!, -1))).kind).not.toBe("HOLIDAY");
      expect(lenient.describeDay(calendarDay(addDays(days[days.length - 1]!, 1))).kind).not.toBe("HOLIDAY");
    }
    for (const d of notice.workedWeekendDays) {
      expect(calendar.describeDay(day(year, d))).toMatchObject({ working: true, kind: "SWAPPED_WORKDAY" });
    }
  });

  test("no one works more than six days in a row (the notices' principle)", () => {
    let run = 0;
    let longest = 0;
    for (const d of daysFrom(day(year, "01-01"), day(year, "12-31"))) {
      run = calendar.isWorkingDay(d) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(6);
  });
});

test("the festivals fall inside their breaks (lunar dates checked against published almanacs)", () => {
  const festivals: [string, string][] = [
    ["2025-01-28", "春节"], // 除夕
    ["2025-01-29", "春节"], // 正月初一
    ["2025-04-04", "清明节"],
    ["2025-05-31", "端午节"],
    ["2025-10-06", "国庆节、中秋节"],
    ["2026-02-16", "春节"],
    ["2026-02-17", "春节"],
    ["2026-04-05", "清明节"],
    ["2026-06-19", "端午节"],
    ["2026-09-25", "中秋节"],
    ["2027-02-05", "春节"],
    ["2027-02-06", "春节"],
    ["2027-04-05", "清明节"],
    ["2027-06-09", "端午节"],
    ["2027-09-15", "中秋节"],
  ];
  for (const [d, name] of festivals) expect(calendar.describeDay(calendarDay(d)).holiday).toBe(name);
});

test("each table names its notice; 2027 is marked provisional until the notice is out", () => {
  expect(holidays2025.source).toContain("国办发明电〔2024〕12号");
  expect(holidays2026.source).toContain("国办发明电〔2025〕7号");
  expect(holidays2025.provisional).toBeUndefined();
  expect(holidays2027.provisional).toBe(true);
  expect(calendar.isProvisional(2027)).toBe(true);
  expect(calendar.isProvisional(2026)).toBe(false);
  expect(calendar.describeDay(calendarDay("2027-03-01")).provisional).toBe(true);
  expect(calendar.describeDay(calendarDay("2026-03-02")).provisional).toBe(false);
  expect(calendar.describeDay(calendarDay("2026-03-02")).basis).toBe(holidays2026.source);
});

function addDays(d: CalendarDay, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
