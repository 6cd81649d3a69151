import { dayNumberOfInstant, formatDayNumber, MS_PER_DAY, startMsOfDayNumber, type CalendarDay, type DayNumber } from "./day";
import { invalidTimeLimit } from "./errors";
import type { WorkingCalendar } from "./working-calendar";

/**
 * Time-limited completion (限时办结): the rules that turn a promised number of working days
 * into a deadline, and say how much of it is left at an instant. Pure functions of the
 * calendar, the recorded clock events and the instant asked about.
 *
 * The rule, in one place (docs/calendar.md explains it with examples):
 *  1. The clock runs from the instant it starts (acceptance 受理, or the start of a stage with
 *     its own limit) and stops during each suspension [from, until).
 *  2. A working day counts toward the limit when the clock was running as the day began
 *     (00:00 Shanghai time). So the day the clock starts or restarts never counts (开始的当日不计入),
 *     the day a suspension begins does, and a suspension within one day changes nothing.
 *  3. The deadline is the end (24:00) of the first day on which the limit (promised days plus
 *     approved extensions) has been counted, the clock is running at the day's end, and the
 *     day is a working day. A 0-day limit (即办件) ends with the day the clock started, whatever
 *     day that is.
 */

export const SuspensionReason = {
  /** 补正材料: the applicant supplies missing or corrected materials (one-time notice). */
  SupplementingMaterials: "SUPPLEMENTING_MATERIALS",
  /** 现场勘查 */
  SiteInspection: "SITE_INSPECTION",
  /** 专家评审 */
  ExpertReview: "EXPERT_REVIEW",
  /** 听证 */
  Hearing: "HEARING",
} as const;

export type SuspensionReason = (typeof SuspensionReason)[keyof typeof SuspensionReason];
const suspensionReasons = new Set<string>(Object.values(SuspensionReason));

/** An interval during which the clock does not run; no `until` means it is stopped still. */
export interface Suspension {
  reason: SuspensionReason;
  from: Date;
  until?: Date | null;
}

/** An approved extension (延期): extra working days, counted from when it was approved. */
export interface Extension {
  workingDays: number;
  approvedAt: Date;
}

/** A clock: a case's from acceptance, or a stage's with its own limit from the item. */
export interface TimeLimit {
  /** Acceptance (受理), or the instant the stage began. */
  startedAt: Date;
  /** The promised limit (承诺时限) in working days; 0 for instant items (即办件). */
  workingDays: number;
  suspensions?: readonly Suspension[];
  extensions?: readonly Extension[];
}

export type Deadline =
  | {
      state: "DUE";
      /** The last day; the deadline is its end. */
      day: CalendarDay;
      /** 24:00 Shanghai time of `day`: the limit has run out once now >= dueAt. */
      dueAt: Date;
      totalWorkingDays: number;
      /** Counted through a provisional table or a weekends-only guess. */
      provisional: boolean;
    }
  | {
      /** A suspension is open: no deadline until the clock restarts. */
      state: "ON_HOLD";
      since: Date;
      /** Working days left when the clock restarts (counted from the day after the restart). */
      remainingWorkingDays: number;
      totalWorkingDays: number;
    };

export type WarningLevel = "GREEN" | "YELLOW" | "RED";

/** When a clock turns YELLOW (预警); it is RED (超期) once past its deadline. */
export interface WarningPolicy {
  /** YELLOW when at most this many working days remain after today. Default 1. */
  yellowAtRemainingWorkingDays?: number;
  /** Also YELLOW once this share of the limit is used, e.g. 0.8. Off by default. */
  yellowAtFractionUsed?: number;
}

export interface TimeLimitStatus {
  at: Date;
  /** A suspension is open at `at`: the clock is stopped. */
  onHold: boolean;
  /** The deadline day; while on hold, the one it would be if the clock restarted at `at`. */
  day: CalendarDay;
  dueAt: Date;
  totalWorkingDays: number;
  /** Working days counted so far (用时), today included once it has begun with the clock running. */
  usedWorkingDays: number;
  /**
   * Working days after today up to the deadline day: 0 on the last day, negative once past
   * it (the working days counted since the deadline day). Frozen while on hold.
   */
  remainingWorkingDays: number;
  overdue: boolean;
  level: WarningLevel;
  provisional: boolean;
}

const MAX_WORKING_DAYS = 3650;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The deadline from everything recorded so far. */
export function deadlineOf(calendar: WorkingCalendar, limit: TimeLimit): Deadline {
  checkTimeLimit(limit);
  const result = runClock(calendar, limit, Infinity, stoppedDays(limit.suspensions ?? [], Infinity, Infinity));
  if (result.held) {
    return { state: "ON_HOLD", since: new Date(result.since), remainingWorkingDays: result.need, totalWorkingDays: result.total };
  }
  return {
    state: "DUE",
    day: formatDayNumber(result.dueDay),
    dueAt: new Date(startMsOfDayNumber(result.dueDay + 1)),
    totalWorkingDays: result.total,
    provisional: calendar.touchesProvisionalYear(result.startDay, result.dueDay),
  };
}

/** The clock as it stood at an instant: only events recorded by then count. */
export function timeLimitStatus(calendar: WorkingCalendar, limit: TimeLimit, at: Date, policy: WarningPolicy = {}): TimeLimitStatus {
  checkTimeLimit(limit);
  const atMs = at.getTime();
  const thresholds = checkPolicy(policy);
  if (!Number.isFinite(atMs)) throw invalidTimeLimit(["at: a valid instant"]);
  if (atMs < limit.startedAt.getTime()) throw invalidTimeLimit(["at: before the clock started"]);
  // Open suspensions are taken to end at `at`: the deadline "if the clock restarted now".
  const stopped = stoppedDays(limit.suspensions ?? [], atMs, atMs);
  const result = runClock(calendar, limit, atMs, stopped);
  // Invariant: with every open suspension ending at `at`, nothing holds the clock for good.
  if (result.held) throw new Error("a projected clock has no deadline");
  const today = dayNumberOfInstant(atMs);
  const dueDay = result.dueDay;
  const dueAtMs = startMsOfDayNumber(dueDay + 1);
  const overdue = atMs >= dueAtMs;
  // Before the deadline no stop lies between today and it (stops end by today); past it, the
  // days overdue are counted like any others, so a stop after the deadline does not add to them.
  const remaining = today <= dueDay ? calendar.countWorkingDayNumbers(today, dueDay) : 0 - countedDays(calendar, dueDay, today, stopped);
  const used = countedDays(calendar, result.startDay, today, stopped);
  const onHold = (limit.suspensions ?? []).some((s) => {
    const from = s.from.getTime();
    return from <= atMs && (s.until == null || s.until.getTime() > atMs);
  });
  let level: WarningLevel = "GREEN";
  if (overdue) level = "RED";
  else if (remaining <= thresholds.remaining) level = "YELLOW";
  else if (thresholds.fraction !== null && result.total > 0 && used / result.total >= thresholds.fraction) level = "YELLOW";
  return {
    at,
    onHold,
    day: formatDayNumber(dueDay),
    dueAt: new Date(dueAtMs),
    totalWorkingDays: result.total,
    usedWorkingDays: used,
    remainingWorkingDays: remaining,
    overdue,
    level,
    provisional: calendar.touchesProvisionalYear(result.startDay, Math.max(dueDay, today)),
  };
}

export function remainingWorkingDays(calendar: WorkingCalendar, limit: TimeLimit, at: Date): number {
  return timeLimitStatus(calendar, limit, at).remainingWorkingDays;
}

export function warningLevel(calendar: WorkingCalendar, limit: TimeLimit, at: Date, policy: WarningPolicy = {}): WarningLevel {
  return timeLimitStatus(calendar, limit, at, policy).level;
}

// ---------------------------------------------------------------------------------------------

/** Days [lo, hi) that do not count: the clock was stopped as each began. */
interface StoppedDays {
  lo: DayNumber;
  hi: DayNumber;
  since: number;
}

type ClockResult =
  | { held: false; startDay: DayNumber; dueDay: DayNumber; total: number }
  | { held: true; startDay: DayNumber; since: number; need: number; total: number };

/** The first day whose 00:00 is at or after the instant. */
function firstDayStartingFrom(ms: number): DayNumber {
  return Math.ceil((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** knownAt: extensions approved after it are ignored (the suspensions come already cut). */
function runClock(calendar: WorkingCalendar, limit: TimeLimit, knownAt: number, stopped: readonly StoppedDays[]): ClockResult {
  const startDay = dayNumberOfInstant(limit.startedAt);
  let total = limit.workingDays;
  for (const extension of limit.extensions ?? []) {
    if (extension.approvedAt.getTime() <= knownAt) total += extension.workingDays;
  }

  let cursor = startDay; // days after the cursor are still to be counted
  let need = total;
  let dueDay = startDay;
  if (need > 0) {
    let found = false;
    for (const range of stopped) {
      if (range.lo - 1 > cursor) {
        const available = calendar.countWorkingDayNumbers(cursor, range.lo - 1);
        if (available >= need) {
          dueDay = calendar.addWorkingDayNumbers(cursor, need);
          found = true;
          break;
        }
        need -= available;
      }
      if (range.hi === Infinity) return { held: true, startDay, since: range.since, need, total };
      cursor = Math.max(cursor, range.hi - 1);
    }
    if (!found) dueDay = calendar.addWorkingDayNumbers(cursor, need);
  }

  // The limit is used up on dueDay; the deadline is the end of the first day from there on
  // with the clock running at its end, on a working day (or the start day of a 0-day limit).
  for (;;) {
    const next = dueDay + 1;
    const holding = stopped.find((range) => range.lo <= next && next < range.hi);
    if (holding) {
      if (holding.hi === Infinity) return { held: true, startDay, since: holding.since, need: 0, total };
      dueDay = holding.hi - 1;
    } else if (dueDay !== startDay && !calendar.isWorkingDayNumber(dueDay)) {
      dueDay = calendar.addWorkingDayNumbers(dueDay, 1);
    } else {
      return { held: false, startDay, dueDay, total };
    }
  }
}

/** Working days after startDay through `through` that counted. */
function countedDays(calendar: WorkingCalendar, startDay: DayNumber, through: DayNumber, stopped: readonly StoppedDays[]): number {
  let cursor = startDay;
  let used = 0;
  for (const range of stopped) {
    if (range.lo > through) break;
    if (range.lo - 1 > cursor) used += calendar.countWorkingDayNumbers(cursor, range.lo - 1);
    cursor = Math.max(cursor, range.hi - 1);
    if (cursor >= through) return used;
  }
  return through > cursor ? used + calendar.countWorkingDayNumbers(cursor, through) : used;
}

/**
 * The stopped day ranges, sorted and merged. knownAt: suspensions begun after it are ignored;
 * openEndsAt: where one without an end (or ending after knownAt) is taken to end — Infinity
 * leaves it open.
 */
function stoppedDays(suspensions: readonly Suspension[], knownAt: number, openEndsAt: number): StoppedDays[] {
  const ranges: StoppedDays[] = [];
  for (const suspension of suspensions) {
    const from = suspension.from.getTime();
    if (from > knownAt) continue;
    const until = suspension.until == null ? Infinity : suspension.until.getTime();
    const end = until > knownAt ? openEndsAt : until;
    const lo = firstDayStartingFrom(from);
    const hi = end === Infinity ? Infinity : firstDayStartingFrom(end);
    if (hi > lo) ranges.push({ lo, hi, since: from });
  }
  ranges.sort((a, b) => a.lo - b.lo);
  const merged: StoppedDays[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.lo <= last.hi) {
      last.hi = Math.max(last.hi, range.hi);
      last.since = Math.min(last.since, range.since);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

function isInstant(value: unknown): value is Date {
  return value instanceof Date && Number.isFinite(value.getTime());
}

function isWholeDays(value: unknown, min: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_WORKING_DAYS;
}

/** Bad clock input is an INVALID_TIME_LIMIT error listing every problem. */
function checkTimeLimit(limit: TimeLimit): void {
  const problems: string[] = [];
  const started = isInstant(limit.startedAt) ? limit.startedAt.getTime() : null;
  if (started === null) problems.push("startedAt: a valid instant");
  if (!isWholeDays(limit.workingDays, 0)) problems.push(`workingDays: a whole number from 0 to ${MAX_WORKING_DAYS}`);
  (limit.suspensions ?? []).forEach((s, i) => {
    if (!suspensionReasons.has(s.reason)) problems.push(`suspensions[${i}].reason: one of ${[...suspensionReasons].join(", ")}`);
    if (!isInstant(s.from)) return void problems.push(`suspensions[${i}].from: a valid instant`);
    if (started !== null && s.from.getTime() < started) problems.push(`suspensions[${i}]: begins before the clock started`);
    if (s.until != null) {
      if (!isInstant(s.until)) problems.push(`suspensions[${i}].until: a valid instant or none`);
      else if (s.until.getTime() < s.from.getTime()) problems.push(`suspensions[${i}]: ends before it begins`);
    }
  });
  (limit.extensions ?? []).forEach((e, i) => {
    if (!isWholeDays(e.workingDays, 1)) problems.push(`extensions[${i}].workingDays: a whole number from 1 to ${MAX_WORKING_DAYS}`);
    if (!isInstant(e.approvedAt)) problems.push(`extensions[${i}].approvedAt: a valid instant`);
    else if (started !== null && e.approvedAt.getTime() < started) problems.push(`extensions[${i}]: approved before the clock started`);
  });
  if (problems.length > 0) throw invalidTimeLimit(problems);
}

function checkPolicy(policy: WarningPolicy): { remaining: number; fraction: number | null } {
  const remaining = policy.yellowAtRemainingWorkingDays ?? 1;
  const fraction = policy.yellowAtFractionUsed ?? null;
  const problems: string[] = [];
  if (!Number.isInteger(remaining) || remaining < 0) problems.push("yellowAtRemainingWorkingDays: a whole number >= 0");
  if (fraction !== null && !(fraction > 0 && fraction <= 1)) problems.push("yellowAtFractionUsed: a share in (0, 1]");
  if (problems.length > 0) throw invalidTimeLimit(problems);
  return { remaining, fraction };
}
