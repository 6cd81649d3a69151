import { CalendarError, CalendarErrorCode } from "./errors";

/**
 * A calendar day in Asia/Shanghai, written "YYYY-MM-DD". Mainland China keeps UTC+8 all
 * year (no daylight saving since 1991), so a Shanghai day is a fixed 24-hour span of
 * instants: [YYYY-MM-DD 00:00+08:00, next day 00:00+08:00). Make one with calendarDay().
 */
export type CalendarDay = string & { readonly __calendarDay: true };

/** Days since 1970-01-01; the calendar's arithmetic runs on these integers. */
export type DayNumber = number;

export const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Howard Hinnant's days_from_civil, proleptic Gregorian. */
export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Howard Hinnant's civil_from_days. */
export function civilFromDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOfDayNumber(dayNumber: DayNumber): number {
  return civilFromDayNumber(dayNumber).year;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ISO weekday: 1 = Monday (周一) … 7 = Sunday (周日). */
export function isoWeekdayOfDayNumber(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isWeekendDayNumber(dayNumber: DayNumber): boolean {
  return isoWeekdayOfDayNumber(dayNumber) >= 6;
}

/** Parses "YYYY-MM-DD" into a day number, or null if it is not a real date. */
export function parseDayNumber(text: string): DayNumber | null {
  const match = DAY_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const monthLength = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > monthLength) return null;
  return dayNumberFromCivil(year, month, day);
}

export function formatDayNumber(dayNumber: DayNumber): CalendarDay {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}` as CalendarDay;
}

/** Validates and brands a "YYYY-MM-DD" string; anything else is an INVALID_CALENDAR_DAY error. */
export function calendarDay(text: string): CalendarDay {
  if (typeof text !== "string" || parseDayNumber(text) === null) {
    throw new CalendarError(CalendarErrorCode.InvalidDay, `Not a calendar day (YYYY-MM-DD): ${String(text)}`, { value: text });
  }
  return text as CalendarDay;
}

export function isCalendarDay(value: unknown): value is CalendarDay {
  return typeof value === "string" && parseDayNumber(value) !== null;
}

export function toDayNumber(day: CalendarDay): DayNumber {
  const n = parseDayNumber(day);
  if (n === null) calendarDay(day);
  return n!;
}

export function instantMs(instant: Date | number): number {
  return typeof instant === "number" ? instant : instant.getTime();
}

/** The Shanghai day an instant falls on (23:59 Shanghai time is still that day). */
export function dayNumberOfInstant(instant: Date | number): DayNumber {
  return Math.floor((instantMs(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** 00:00 Shanghai time of the day, as epoch milliseconds. */
export function startMsOfDayNumber(dayNumber: DayNumber): number {
  return dayNumber * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}

export function shanghaiDayOf(instant: Date): CalendarDay {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new CalendarError(CalendarErrorCode.InvalidDay, "Not a valid instant", { value: String(instant) });
  return formatDayNumber(dayNumberOfInstant(ms));
}

/** The instant the day begins: 00:00 Shanghai time (16:00 UTC the day before). */
export function startOfShanghaiDay(day: CalendarDay): Date {
  return new Date(startMsOfDayNumber(toDayNumber(day)));
}

/**
 * The instant the day ends (of an instant: the day it falls on): 24:00 Shanghai time, which
 * is also 00:00 of the next day. Deadlines are these instants; a deadline has passed once now >= it.
 */
export function endOfShanghaiDay(day: CalendarDay | Date): Date {
  return new Date(startMsOfDayNumber((day instanceof Date ? dayNumberOfInstant(day) : toDayNumber(day)) + 1));
}

/**
 * The day of a deadline or expiry instant: deadlines are 24:00 Shanghai time of their day
 * (00:00 of the next), so the day is the one the last millisecond before them falls on.
 */
export function deadlineDayOf(deadline: Date): CalendarDay {
  return shanghaiDayOf(new Date(deadline.getTime() - 1));
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return formatDayNumber(toDayNumber(day) + days);
}

/** ISO weekday: 1 = Monday (周一) … 7 = Sunday (周日). */
export function isoWeekday(day: CalendarDay): number {
  return isoWeekdayOfDayNumber(toDayNumber(day));
}

/** Every day from first to last, both included. */
export function daysFrom(first: CalendarDay, last: CalendarDay): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let n = toDayNumber(first), end = toDayNumber(last); n <= end; n++) out.push(formatDayNumber(n));
  return out;
}
