import { dayNumberFromCivil, isWeekendDayNumber, parseDayNumber, type DayNumber } from "./day";
import { invalidTable } from "./errors";

/** One 放假 range of the State Council's notice, every day of it off, weekends included. */
export interface HolidayPeriod {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or 国庆节、中秋节 when merged). */
  name: string;
  /** First day off, "YYYY-MM-DD". */
  from: string;
  /** Last day off, "YYYY-MM-DD", inclusive. */
  to: string;
}

/** 调休上班: a Saturday or Sunday that is a working day because of a holiday swap. */
export interface SwappedWorkingDay {
  date: string;
  /** The holiday it pays for. */
  holiday: string;
}

/**
 * The official arrangement for one year, as published each November by the General Office
 * of the State Council (国务院办公厅关于YYYY年部分节假日安排的通知). Plain JSON-compatible data,
 * so a center can load next year's table from a file or its database.
 */
export interface YearTable {
  year: number;
  /** The notice, by name and document number (发文字号). */
  source: string;
  /** True for a table derived before the official notice was published; replace it then. */
  provisional?: boolean;
  note?: string;
  holidays: readonly HolidayPeriod[];
  swappedWorkingDays: readonly SwappedWorkingDay[];
}

/** A validated table with its days as day numbers. */
export interface CheckedYearTable {
  table: YearTable;
  holidayDays: ReadonlyMap<DayNumber, string>;
  swappedDays: ReadonlyMap<DayNumber, string>;
}

// A notice may reach into the neighbouring year (e.g. a 元旦 break starting on 30 December),
// never further.
const LONGEST_HOLIDAY_PERIOD = 15;

/**
 * Checks a table read from anywhere (JSON file, database, request) and returns it typed.
 * Every problem is listed in one INVALID_CALENDAR_TABLE error; nothing is half-accepted.
 */
export function parseYearTable(input: unknown): YearTable {
  return checkYearTable(input).table;
}

export function checkYearTable(input: unknown): CheckedYearTable {
  const problems: string[] = [];
  const holidayDays = new Map<DayNumber, string>();
  const swappedDays = new Map<DayNumber, string>();
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw invalidTable(["a table is an object"]);
  const raw = input as Record<string, unknown>;

  const year = raw.year;
  const yearOk = typeof year === "number" && Number.isInteger(year) && year >= 1970 && year <= 2199;
  if (!yearOk) problems.push("year: an integer between 1970 and 2199");
  if (typeof raw.source !== "string" || raw.source.trim() === "") problems.push("source: the notice's name and number");
  if (raw.provisional !== undefined && typeof raw.provisional !== "boolean") problems.push("provisional: true or false");
  if (raw.note !== undefined && typeof raw.note !== "string") problems.push("note: text");
  if (!Array.isArray(raw.holidays) || raw.holidays.length === 0) problems.push("holidays: at least one period");
  if (!Array.isArray(raw.swappedWorkingDays)) problems.push("swappedWorkingDays: a list (may be empty)");
  if (problems.length > 0) throw invalidTable(problems);

  const y = year as number;
  const earliest = dayNumberFromCivil(y - 1, 12, 1);
  const latest = dayNumberFromCivil(y + 1, 1, 31);
  const inReach = (n: DayNumber) => n >= earliest && n <= latest;

  const holidays: HolidayPeriod[] = [];
  (raw.holidays as unknown[]).forEach((entry, i) => {
    const where = `holidays[${i}]`;
    if (typeof entry !== "object" || entry === null) return void problems.push(`${where}: { name, from, to }`);
    const { name, from, to } = entry as Record<string, unknown>;
    if (typeof name !== "string" || name.trim() === "") problems.push(`${where}.name: the holiday's name`);
    const first = typeof from === "string" ? parseDayNumber(from) : null;
    const last = typeof to === "string" ? parseDayNumber(to) : null;
    if (first === null) problems.push(`${where}.from: a date YYYY-MM-DD`);
    if (last === null) problems.push(`${where}.to: a date YYYY-MM-DD`);
    if (first === null || last === null || typeof name !== "string") return;
    if (last < first) return void problems.push(`${where}: ${from} is after ${to}`);
    if (last - first + 1 > LONGEST_HOLIDAY_PERIOD) return void problems.push(`${where}: longer than ${LONGEST_HOLIDAY_PERIOD} days`);
    if (!inReach(first) || !inReach(last)) return void problems.push(`${where}: ${from}..${to} is outside ${y} and its neighbouring months`);
    for (let n = first; n <= last; n++) {
      const other = holidayDays.get(n);
      if (other !== undefined) return void problems.push(`${where}: overlaps ${other}`);
    }
    for (let n = first; n <= last; n++) holidayDays.set(n, name);
    holidays.push({ name, from: from as string, to: to as string });
  });

  const swappedWorkingDays: SwappedWorkingDay[] = [];
  (raw.swappedWorkingDays as unknown[]).forEach((entry, i) => {
    const where = `swappedWorkingDays[${i}]`;
    if (typeof entry !== "object" || entry === null) return void problems.push(`${where}: { date, holiday }`);
    const { date, holiday } = entry as Record<string, unknown>;
    if (typeof holiday !== "string" || holiday.trim() === "") problems.push(`${where}.holiday: the holiday it pays for`);
    const n = typeof date === "string" ? parseDayNumber(date) : null;
    if (n === null) return void problems.push(`${where}.date: a date YYYY-MM-DD`);
    if (typeof holiday !== "string") return;
    if (!inReach(n)) return void problems.push(`${where}: ${date} is outside ${y} and its neighbouring months`);
    if (!isWeekendDayNumber(n)) return void problems.push(`${where}: ${date} is a weekday; only a Saturday or Sunday can be a swapped working day`);
    if (holidayDays.has(n)) return void problems.push(`${where}: ${date} is inside the ${holidayDays.get(n)} holiday`);
    if (swappedDays.has(n)) return void problems.push(`${where}: ${date} is listed twice`);
    swappedDays.set(n, holiday);
    swappedWorkingDays.push({ date: date as string, holiday });
  });

  if (problems.length > 0) throw invalidTable(problems);
  const table: YearTable = {
    year: y,
    source: raw.source as string,
    ...(raw.provisional === undefined ? {} : { provisional: raw.provisional as boolean }),
    ...(raw.note === undefined ? {} : { note: raw.note as string }),
    holidays,
    swappedWorkingDays,
  };
  return { table, holidayDays, swappedDays };
}
