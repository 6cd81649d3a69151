import {
  dayNumberFromCivil,
  formatDayNumber,
  isLeapYear,
  isWeekendDayNumber,
  toDayNumber,
  yearOfDayNumber,
  type CalendarDay,
  type DayNumber,
} from "./day";
import { CalendarYearNotLoaded, invalidTable } from "./errors";
import { shippedYearTables } from "./tables";
import { checkYearTable, type YearTable } from "./year-table";

/**
 * What the calendar does with a year that has no table. "error" (the default) throws
 * CalendarYearNotLoaded; "weekends-only" is an explicit opt-in for far-future estimates that
 * treats every Monday-Friday as a working day, knowing the holidays are missing.
 */
export type UnloadedYears = "error" | "weekends-only";

export interface WorkingCalendarOptions {
  unloadedYears?: UnloadedYears;
}

export type DayKind =
  | "WORKDAY" // 工作日
  | "WEEKEND" // 周末
  | "HOLIDAY" // 放假 (法定节假日 and the rest of its 放假调休 range)
  | "SWAPPED_WORKDAY"; // 调休上班

export interface DayDescription {
  day: CalendarDay;
  working: boolean;
  kind: DayKind;
  /** The holiday the day belongs to (HOLIDAY) or pays for (SWAPPED_WORKDAY). */
  holiday: string | null;
  /** Where the answer comes from: a table's source, or "weekends-only" for an opted-in guess. */
  basis: string;
  provisional: boolean;
}

/** One year's days, indexed so counting and stepping are array lookups. */
interface YearIndex {
  year: number;
  firstDay: DayNumber;
  /** working[i] is 1 when firstDay + i is a working day. */
  working: Uint8Array;
  /** before[i] = working days among firstDay .. firstDay + i - 1. */
  before: Uint16Array;
  /** The year's working days in order. */
  workingDays: Int32Array;
  basis: string;
  provisional: boolean;
}

interface DayEntry {
  kind: "HOLIDAY" | "SWAPPED_WORKDAY";
  holiday: string;
}

/**
 * The county's working-day calendar (工作日历): weekends, the official 放假 ranges and the
 * swapped working weekends (调休上班) in Asia/Shanghai, built from per-year tables. Immutable:
 * withYear() returns a new calendar. Asking about a year without a table is an error unless
 * the calendar was built with { unloadedYears: "weekends-only" }.
 *
 * Counting convention used throughout: workingDaysBetween(a, b) counts the working days after
 * a up to and including b, and addWorkingDays(a, n) is the n-th working day after a (a itself
 * for n = 0), so workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export class WorkingCalendar {
  private readonly years: ReadonlyMap<number, YearIndex>;
  private readonly guessedYears = new Map<number, YearIndex>();
  private readonly entries: ReadonlyMap<DayNumber, DayEntry>;
  private readonly loaded: readonly number[];

  private constructor(
    private readonly tables: ReadonlyMap<number, YearTable>,
    private readonly unloadedYears: UnloadedYears,
  ) {
    const entries = new Map<DayNumber, DayEntry>();
    const problems: string[] = [];
    for (const table of tables.values()) {
      const checked = checkYearTable(table);
      const put = (day: DayNumber, entry: DayEntry) => {
        const existing = entries.get(day);
        if (existing && existing.kind !== entry.kind) {
          problems.push(`${formatDayNumber(day)} is ${existing.kind} in one table and ${entry.kind} in the ${table.year} table`);
        }
        entries.set(day, entry);
      };
      for (const [day, holiday] of checked.holidayDays) put(day, { kind: "HOLIDAY", holiday });
      for (const [day, holiday] of checked.swappedDays) put(day, { kind: "SWAPPED_WORKDAY", holiday });
    }
    if (problems.length > 0) throw invalidTable(problems);
    this.entries = entries;
    this.loaded = [...tables.keys()].sort((a, b) => a - b);
    const years = new Map<number, YearIndex>();
    for (const table of tables.values()) {
      years.set(table.year, this.buildYear(table.year, table.source, table.provisional === true));
    }
    this.years = years;
  }

  /** Builds a calendar from year tables (validated; one table per year). */
  static fromTables(tables: readonly YearTable[], options: WorkingCalendarOptions = {}): WorkingCalendar {
    const byYear = new Map<number, YearTable>();
    for (const table of tables) {
      const checked = checkYearTable(table).table;
      if (byYear.has(checked.year)) throw invalidTable([`two tables for ${checked.year}`]);
      byYear.set(checked.year, checked);
    }
    return new WorkingCalendar(byYear, options.unloadedYears ?? "error");
  }

  /** The tables shipped with the platform: 2025, 2026, and 2027 (provisional). */
  static shipped(options: WorkingCalendarOptions = {}): WorkingCalendar {
    return WorkingCalendar.fromTables(shippedYearTables, options);
  }

  /** A new calendar with this year's table added, or replacing the one loaded for that year. */
  withYear(table: YearTable): WorkingCalendar {
    const checked = checkYearTable(table).table;
    const tables = new Map(this.tables);
    tables.set(checked.year, checked);
    return new WorkingCalendar(tables, this.unloadedYears);
  }

  loadedYears(): readonly number[] {
    return this.loaded;
  }

  tableFor(year: number): YearTable | undefined {
    return this.tables.get(year);
  }

  isProvisional(year: number): boolean {
    return this.tables.get(year)?.provisional === true;
  }

  isWorkingDay(day: CalendarDay): boolean {
    return this.isWorkingDayNumber(toDayNumber(day));
  }

  describeDay(day: CalendarDay): DayDescription {
    const n = toDayNumber(day);
    const year = this.yearIndex(yearOfDayNumber(n));
    const entry = this.entries.get(n);
    const weekend = isWeekendDayNumber(n);
    const kind: DayKind = entry ? entry.kind : weekend ? "WEEKEND" : "WORKDAY";
    return {
      day: formatDayNumber(n),
      working: year.working[n - year.firstDay] === 1,
      kind,
      holiday: entry?.holiday ?? null,
      basis: year.basis,
      provisional: year.provisional,
    };
  }

  /** The first working day after the day (not the day itself). */
  nextWorkingDay(day: CalendarDay): CalendarDay {
    return formatDayNumber(this.addWorkingDayNumbers(toDayNumber(day), 1));
  }

  /** The n-th working day after start; start itself when n is 0. */
  addWorkingDays(start: CalendarDay, n: number): CalendarDay {
    return formatDayNumber(this.addWorkingDayNumbers(toDayNumber(start), n));
  }

  /** Working days after a, up to and including b; negative when b is before a. */
  workingDaysBetween(a: CalendarDay, b: CalendarDay): number {
    return this.countWorkingDayNumbers(toDayNumber(a), toDayNumber(b));
  }

  // The same questions on day numbers, for the time-limit rules' hot path.

  isWorkingDayNumber(n: DayNumber): boolean {
    const year = this.yearIndex(yearOfDayNumber(n));
    return year.working[n - year.firstDay] === 1;
  }

  addWorkingDayNumbers(start: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays takes a whole number of days >= 0, got ${n}`);
    let year = this.yearIndex(yearOfDayNumber(start));
    if (n === 0) return start;
    let k = year.before[start - year.firstDay + 1]! + n;
    while (k > year.workingDays.length) {
      k -= year.workingDays.length;
      year = this.yearIndex(year.year + 1);
    }
    return year.workingDays[k - 1]!;
  }

  countWorkingDayNumbers(a: DayNumber, b: DayNumber): number {
    if (b < a) return 0 - this.countWorkingDayNumbers(b, a); // not -x: that would make none -0
    const yearA = this.yearIndex(yearOfDayNumber(a));
    const lastYear = yearOfDayNumber(b);
    const throughA = yearA.before[a - yearA.firstDay + 1]!;
    if (lastYear === yearA.year) return yearA.before[b - yearA.firstDay + 1]! - throughA;
    let count = yearA.workingDays.length - throughA;
    for (let y = yearA.year + 1; y < lastYear; y++) count += this.yearIndex(y).workingDays.length;
    const yearB = this.yearIndex(lastYear);
    return count + yearB.before[b - yearB.firstDay + 1]!;
  }

  /** Whether any year from a's to b's is provisional or a weekends-only guess. */
  touchesProvisionalYear(a: DayNumber, b: DayNumber): boolean {
    const from = yearOfDayNumber(Math.min(a, b));
    const to = yearOfDayNumber(Math.max(a, b));
    for (let y = from; y <= to; y++) if (this.yearIndex(y).provisional) return true;
    return false;
  }

  private yearIndex(year: number): YearIndex {
    const loaded = this.years.get(year);
    if (loaded) return loaded;
    if (this.unloadedYears === "error") throw new CalendarYearNotLoaded(year, this.loaded);
    let guessed = this.guessedYears.get(year);
    if (!guessed) {
      guessed = this.buildYear(year, "weekends-only", true);
      this.guessedYears.set(year, guessed);
    }
    return guessed;
  }

  private buildYear(year: number, basis: string, provisional: boolean): YearIndex {
    const firstDay = dayNumberFromCivil(year, 1, 1);
    const length = isLeapYear(year) ? 366 : 365;
    const working = new Uint8Array(length);
    const before = new Uint16Array(length + 1);
    const workingDays: number[] = [];
    for (let i = 0; i < length; i++) {
      const n = firstDay + i;
      const entry = this.entries.get(n);
      const isWorking = entry ? entry.kind === "SWAPPED_WORKDAY" : !isWeekendDayNumber(n);
      if (isWorking) {
        working[i] = 1;
        workingDays.push(n);
      }
      before[i + 1] = before[i]! + working[i]!;
    }
    return { year, firstDay, working, before, workingDays: Int32Array.from(workingDays), basis, provisional };
  }
}
