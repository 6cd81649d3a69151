import {
  addCalendarDays,
  calendarDay,
  CalendarError,
  daysFrom,
  endOfShanghaiDay,
  isCalendarDay,
  isoWeekday,
  shanghaiDayOf,
  startOfShanghaiDay,
} from "@onestop/calendar";

const t = (iso: string) => new Date(iso);

describe("Shanghai calendar days", () => {
  test("an instant belongs to the Shanghai day it falls on, eight hours ahead of UTC", () => {
    expect(shanghaiDayOf(new Date("2025-12-31T15:59:59.999Z"))).toBe("2025-12-31");
    expect(shanghaiDayOf(new Date("2025-12-31T16:00:00.000Z"))).toBe("2026-01-01");
    expect(shanghaiDayOf(new Date("2026-01-01T23:30:00+08:00"))).toBe("2026-01-01");
    expect(shanghaiDayOf(new Date("2026-07-01T00:00:00+08:00"))).toBe("2026-07-01");
  });

  test("a day starts at 00:00 and ends at 24:00 Shanghai time, all year (no daylight saving)", () => {
    for (const day of ["2025-01-15", "2025-07-15", "2026-03-29", "2026-10-25"]) {
      const start = startOfShanghaiDay(calendarDay(day));
      const end = endOfShanghaiDay(calendarDay(day));
      expect(start.toISOString()).toBe(new Date(`${day}T00:00:00+08:00`).toISOString());
      expect(end.getTime() - start.getTime()).toBe(86_400_000);
      expect(shanghaiDayOf(start)).toBe(day);
      expect(shanghaiDayOf(new Date(end.getTime() - 1))).toBe(day);
      expect(shanghaiDayOf(end)).toBe(addCalendarDays(calendarDay(day), 1));
    }
    expect(endOfShanghaiDay(calendarDay("2025-02-28")).toISOString()).toBe("2025-02-28T16:00:00.000Z");
  });

  test("an instant's Shanghai day ends at 16:00 UTC", () => {
    expect(endOfShanghaiDay(t("2026-03-02T01:00:00Z")).toISOString()).toBe("2026-03-02T16:00:00.000Z");
    expect(endOfShanghaiDay(t("2026-03-02T16:00:00Z")).toISOString()).toBe("2026-03-03T16:00:00.000Z");
    expect(endOfShanghaiDay(t("2026-03-02T15:59:59Z")).toISOString()).toBe("2026-03-02T16:00:00.000Z");
  });

  test("every day from 1970 to 2199 round-trips and agrees with the platform's own calendar", () => {
    const bad: string[] = [];
    let day = calendarDay("1970-01-01");
    for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 86_400_000) {
      const expected = new Date(ms).toISOString().slice(0, 10);
      const weekday = new Date(ms).getUTCDay() || 7;
      if (day !== expected || isoWeekday(day) !== weekday || startOfShanghaiDay(day).getTime() !== ms - 8 * 3_600_000) bad.push(day);
      day = addCalendarDays(day, 1);
    }
    expect(bad).toEqual([]);
  });

  test("only real dates written YYYY-MM-DD are calendar days", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2000-02-29")).toBe(true);
    for (const text of ["2025-02-29", "2100-02-29", "2025-13-01", "2025-04-31", "2025-1-1", "20250101", "2025-01-01T00:00", "", 20250101]) {
      expect(isCalendarDay(text)).toBe(false);
    }
    expect(() => calendarDay("2025-02-30")).toThrow(CalendarError);
    expect(() => calendarDay("yesterday")).toThrow(expect.objectContaining({ code: "INVALID_CALENDAR_DAY" }));
    expect(() => shanghaiDayOf(new Date("not a date"))).toThrow(CalendarError);
  });

  test("ISO weekdays and day ranges", () => {
    expect(isoWeekday(calendarDay("2026-02-14"))).toBe(6);
    expect(isoWeekday(calendarDay("2026-01-04"))).toBe(7);
    expect(isoWeekday(calendarDay("2025-01-01"))).toBe(3);
    expect(daysFrom(calendarDay("2025-12-30"), calendarDay("2026-01-02"))).toEqual(["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]);
    expect(addCalendarDays(calendarDay("2024-03-01"), -1)).toBe("2024-02-29");
  });
});
