import { addCalendarDays, calendarDay, deadlineDayOf, shanghaiDayOf, startOfShanghaiDay, type CalendarDay, type WorkingCalendar } from "@onestop/calendar";

/**
 * 红黄牌 on a clock: YELLOW once a share of its working days is used, RED once past its deadline.
 * Supervision sees a clock only through the events (its deadline after each step, on hold or
 * not), so a clock is cut into runs: stretches during which one deadline stood.
 */

export interface TimePolicy {
  calendar: WorkingCalendar;
  /** YELLOW once this share of the limit is used, e.g. 0.8. */
  yellowShare: number;
}

/** A point where a clock's deadline was set, held (null) or changed. */
export interface ClockPoint {
  at: Date;
  deadline: Date | null;
  /** The clock's limit in working days at that point; null when unknown. */
  totalWorkingDays: number | null;
}

/** A stretch during which one deadline stood; `to` null while it still stands. */
export interface ClockRun {
  deadline: Date;
  from: Date;
  to: Date | null;
  totalWorkingDays: number | null;
}

/** Consecutive points with the same deadline make one run; a hold (null) or the end ends it. */
export function runsOf(points: readonly ClockPoint[], end: Date | null): ClockRun[] {
  const runs: ClockRun[] = [];
  let open: ClockRun | null = null;
  for (const point of points) {
    if (end && point.at.getTime() >= end.getTime()) break;
    if (open && point.deadline && open.deadline.getTime() === point.deadline.getTime()) continue;
    if (open) {
      open.to = point.at;
      runs.push(open);
      open = null;
    }
    if (point.deadline) open = { deadline: point.deadline, from: point.at, to: null, totalWorkingDays: point.totalWorkingDays };
  }
  if (open) {
    open.to = end;
    runs.push(open);
  }
  return runs;
}

/**
 * Working days from the day a clock started to its deadline day: its limit, when nothing held it
 * before (the day it starts never counts, the deadline day does). Null when the calendar cannot
 * say (a year without a holiday table).
 */
export function workingDaysUntil(calendar: WorkingCalendar, startedAt: Date, deadline: Date): number | null {
  try {
    return calendar.workingDaysBetween(shanghaiDayOf(startedAt), deadlineDayOf(deadline));
  } catch {
    return null;
  }
}

/**
 * When a clock with this deadline and limit turns YELLOW: 00:00 (Beijing) of the first day after
 * which at most (1 − share) × limit working days remain up to the deadline day, i.e. once the share
 * is used. None for a 0-day limit (即办件), which has nothing to share out, or when unknown.
 */
export function yellowInstant(policy: TimePolicy, deadline: Date, totalWorkingDays: number | null): Date | null {
  if (totalWorkingDays === null || totalWorkingDays <= 0) return null;
  const allowedRemaining = Math.floor(totalWorkingDays * (1 - policy.yellowShare) + 1e-9);
  try {
    const dueDay = deadlineDayOf(deadline);
    let day: CalendarDay = dueDay;
    // Walk back from the deadline day while no more than the allowed working days remain after it.
    for (let steps = 0; steps < 4000; steps += 1) {
      const before = addCalendarDays(day, -1);
      if (policy.calendar.workingDaysBetween(before, dueDay) > allowedRemaining) break;
      day = before;
    }
    return startOfShanghaiDay(calendarDay(day));
  } catch {
    return null;
  }
}

export interface RunWarning {
  level: "YELLOW" | "RED";
  raisedAt: Date;
  closedAt: Date | null;
}

/**
 * The warnings one run gives at `now`, and the next instant at which that could change. YELLOW
 * from the yellow instant (or the run's start, if later) until the run ends or RED takes over at
 * the deadline; RED from the deadline until the run ends.
 */
export function runWarnings(policy: TimePolicy, run: ClockRun, now: Date): { warnings: RunWarning[]; nextAt: Date | null } {
  const warnings: RunWarning[] = [];
  let nextAt: Date | null = null;
  const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
  const known = Math.max(now.getTime(), run.from.getTime());
  const ends = run.to ? run.to.getTime() : Infinity;
  const due = run.deadline.getTime();

  const yellowAt = yellowInstant(policy, run.deadline, run.totalWorkingDays);
  if (yellowAt) {
    const raisedAt = later(yellowAt, run.from);
    const closesAt = Math.min(ends, due);
    if (raisedAt.getTime() < closesAt) {
      if (raisedAt.getTime() <= known) {
        const closedAt = run.to && ends <= due ? run.to : due <= now.getTime() ? run.deadline : null;
        warnings.push({ level: "YELLOW", raisedAt, closedAt });
      } else {
        nextAt = raisedAt;
      }
    }
  }
  const redAt = later(run.deadline, run.from);
  if (redAt.getTime() < ends) {
    if (redAt.getTime() <= known) warnings.push({ level: "RED", raisedAt: redAt, closedAt: run.to });
    // A pending yellow instant always comes before the deadline.
    else nextAt ??= redAt;
  }
  return { warnings, nextAt };
}
