/**
 * Stable codes, shaped like the platform's DomainError (code + details) so a service can
 * rethrow them as DomainError unchanged; this package stays free of the platform's
 * dependencies so benchmarks and other packages can load it alone.
 */
export const CalendarErrorCode = {
  YearNotLoaded: "CALENDAR_YEAR_NOT_LOADED",
  InvalidDay: "INVALID_CALENDAR_DAY",
  InvalidTable: "INVALID_CALENDAR_TABLE",
  InvalidTimeLimit: "INVALID_TIME_LIMIT",
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CalendarError";
  }
}

/**
 * The calendar was asked about a day in a year whose holiday table is not loaded. Never
 * answered with a weekends-only guess unless the calendar was built to do so.
 */
export class CalendarYearNotLoaded extends CalendarError {
  constructor(
    readonly year: number,
    loadedYears: readonly number[],
  ) {
    super(
      CalendarErrorCode.YearNotLoaded,
      `No holiday table is loaded for ${year} (loaded: ${loadedYears.join(", ") || "none"})`,
      { year, loadedYears: [...loadedYears] },
    );
    this.name = "CalendarYearNotLoaded";
  }
}

export function invalidTable(problems: string[]): CalendarError {
  return new CalendarError(CalendarErrorCode.InvalidTable, `Invalid holiday table: ${problems.join("; ")}`, { problems });
}

export function invalidTimeLimit(problems: string[]): CalendarError {
  return new CalendarError(CalendarErrorCode.InvalidTimeLimit, `Invalid time limit: ${problems.join("; ")}`, { problems });
}
