import { addCalendarDays, calendarDay, shanghaiDayOf, startOfShanghaiDay } from "./day";
import { deadlineOf, timeLimitStatus, type TimeLimit, type WarningLevel, type WarningPolicy } from "./time-limit";
import type { WorkingCalendar } from "./working-calendar";

/**
 * A running clock as the services watch it (红黄牌预警): where its deadline stands, how much
 * of it was used at an instant, and when it turns yellow and red if nothing changes. Every
 * clock of the hall, a case's or a joint approval's, follows the same warning policy.
 */

/** YELLOW once at most one working day is left after today; RED once past the deadline. */
export const warningPolicy: WarningPolicy = { yellowAtRemainingWorkingDays: 1 };

export interface ClockState {
  /** 24:00 of the deadline day; null while a suspension holds the clock. */
  dueAt: Date | null;
  dueDay: string | null;
  onHold: boolean;
}

export function clockState(calendar: WorkingCalendar, limit: TimeLimit): ClockState {
  const deadline = deadlineOf(calendar, limit);
  if (deadline.state === "ON_HOLD") return { dueAt: null, dueDay: null, onHold: true };
  return { dueAt: deadline.dueAt, dueDay: deadline.day, onHold: false };
}

export interface ClockUsage {
  /** 用时: working days counted so far. */
  usedWorkingDays: number;
  remainingWorkingDays: number;
  level: WarningLevel;
}

/** How a clock stood at `at`; asked about before it started, it stands as it did at its start. */
export function usageAt(calendar: WorkingCalendar, limit: TimeLimit, at: Date): ClockUsage {
  const when = at.getTime() < limit.startedAt.getTime() ? limit.startedAt : at;
  const status = timeLimitStatus(calendar, limit, when, warningPolicy);
  return { usedWorkingDays: status.usedWorkingDays, remainingWorkingDays: status.remainingWorkingDays, level: status.level };
}

/**
 * When the clock turns YELLOW and when it runs out (RED), if nothing changes: the instants
 * durable timers are set for. None while the clock is on hold. A clock already yellow when it
 * starts turns yellow at once.
 */
export function warningInstants(calendar: WorkingCalendar, limit: TimeLimit): { yellowAt: Date; redAt: Date } | null {
  const state = clockState(calendar, limit);
  if (!state.dueAt) return null;
  const redAt = state.dueAt;
  if (timeLimitStatus(calendar, limit, limit.startedAt, warningPolicy).level !== "GREEN") return { yellowAt: limit.startedAt, redAt };
  let day = addCalendarDays(shanghaiDayOf(limit.startedAt), 1);
  for (;;) {
    const at = startOfShanghaiDay(calendarDay(day));
    if (at.getTime() >= redAt.getTime()) return { yellowAt: redAt, redAt };
    if (timeLimitStatus(calendar, limit, at, warningPolicy).level !== "GREEN") return { yellowAt: at, redAt };
    day = addCalendarDays(day, 1);
  }
}
