export {
  addCalendarDays,
  calendarDay,
  daysFrom,
  deadlineDayOf,
  endOfShanghaiDay,
  isCalendarDay,
  isoWeekday,
  shanghaiDayOf,
  startOfShanghaiDay,
  type CalendarDay,
} from "./day";
export { CalendarError, CalendarErrorCode, CalendarYearNotLoaded } from "./errors";
export { holidays2025, holidays2026, holidays2027, shippedYearTables } from "./tables";
export { parseYearTable, type HolidayPeriod, type SwappedWorkingDay, type YearTable } from "./year-table";
export { WorkingCalendar, type DayDescription, type DayKind, type UnloadedYears, type WorkingCalendarOptions } from "./working-calendar";
export {
  deadlineOf,
  remainingWorkingDays,
  SuspensionReason,
  timeLimitStatus,
  warningLevel,
  type Deadline,
  type Extension,
  type Suspension,
  type TimeLimit,
  type TimeLimitStatus,
  type WarningLevel,
  type WarningPolicy,
} from "./time-limit";
export { clockState, usageAt, warningInstants, warningPolicy, type ClockState, type ClockUsage } from "./clock";
