import {
  addCalendarDays,
  calendarDay,
  deadlineOf,
  shanghaiDayOf,
  startOfShanghaiDay,
  timeLimitStatus,
  type Extension,
  type Suspension,
  type TimeLimit,
  type WarningPolicy,
  type WorkingCalendar,
} from "@onestop/calendar";
import type { CaseStatus } from "./joint-approvals.rules";

/**
 * The joint clock (并联审批时限), as pure rules over the working-day calendar. It starts when
 * the joint approval opens; the overall limit and each participant's promised limit run on
 * it. While any participant's one-time notice (一次性告知) is out, the whole joint clock stops,
 * so every open deadline moves. A participant's own deadline also grows by the extensions its
 * department's leader approved on the case. Deadlines are always recomputed from these facts.
 */

/** One step of a participant's case that touched a one-time notice, as cases published it. */
export interface NoticeStep {
  participantId: string;
  slipSeq: number;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  occurredAt: Date;
}

/** YELLOW once at most one working day is left after today; RED once past the deadline. */
export const warningPolicy: WarningPolicy = { yellowAtRemainingWorkingDays: 1 };

/**
 * The stops of the joint clock: each participant's notice, from the step that issued it to the
 * first later step that left MATERIALS_REQUESTED (supplied, refused, deemed, withdrawn). Steps
 * may arrive in any order; a stop whose end has not arrived yet is still open, and one whose
 * start has not arrived yet is not known. Nothing stops the clock before it started.
 */
export function noticeStops(steps: readonly NoticeStep[], openedAt: Date): Suspension[] {
  const byParticipant = new Map<string, NoticeStep[]>();
  for (const step of steps) {
    const list = byParticipant.get(step.participantId) ?? [];
    list.push(step);
    byParticipant.set(step.participantId, list);
  }
  const stops: Suspension[] = [];
  for (const list of byParticipant.values()) {
    list.sort((a, b) => a.slipSeq - b.slipSeq);
    list.forEach((step, index) => {
      if (step.toStatus !== "MATERIALS_REQUESTED" || step.fromStatus === "MATERIALS_REQUESTED") return;
      const end = list.slice(index + 1).find((later) => later.toStatus !== "MATERIALS_REQUESTED");
      const from = new Date(Math.max(step.occurredAt.getTime(), openedAt.getTime()));
      const until = end ? new Date(Math.max(end.occurredAt.getTime(), from.getTime())) : null;
      stops.push({ reason: "SUPPLEMENTING_MATERIALS", from, until });
    });
  }
  return stops.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** The participants whose notice holds the joint clock now. */
export function participantsHolding(steps: readonly NoticeStep[], openedAt: Date): string[] {
  const holding = new Set<string>();
  for (const participantId of new Set(steps.map((s) => s.participantId))) {
    const own = steps.filter((s) => s.participantId === participantId);
    if (noticeStops(own, openedAt).some((stop) => stop.until == null)) holding.add(participantId);
  }
  return [...holding];
}

export function overallLimit(openedAt: Date, workingDays: number, stops: readonly Suspension[]): TimeLimit {
  return { startedAt: openedAt, workingDays, suspensions: stops };
}

export function participantLimit(openedAt: Date, promisedLimitDays: number, stops: readonly Suspension[], extensions: readonly Extension[]): TimeLimit {
  return { startedAt: openedAt, workingDays: promisedLimitDays, suspensions: stops, extensions: extensions.filter((e) => e.approvedAt.getTime() >= openedAt.getTime()) };
}

export interface ClockState {
  /** 24:00 of the deadline day; null while the joint clock is stopped. */
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
  level: "GREEN" | "YELLOW" | "RED";
}

/** How a clock stood at `at` (the conclusion, for a participant that answered). */
export function usageAt(calendar: WorkingCalendar, limit: TimeLimit, at: Date): ClockUsage {
  const when = at.getTime() < limit.startedAt.getTime() ? limit.startedAt : at;
  const status = timeLimitStatus(calendar, limit, when, warningPolicy);
  return { usedWorkingDays: status.usedWorkingDays, remainingWorkingDays: status.remainingWorkingDays, level: status.level };
}

/**
 * When the clock turns YELLOW and when it runs out (RED), if nothing changes; none while it
 * is stopped. A clock already yellow when it starts turns yellow at once.
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

export type WarningLevel = "YELLOW" | "RED";

export interface JointTimer {
  key: string;
  dueAt: Date;
  payload: { jointApprovalId: string; participantId: string | null; level: WarningLevel };
}

export interface WatchedClock {
  /** null: the overall clock. */
  participantId: string | null;
  limit: TimeLimit;
}

/**
 * The durable timers a joint approval needs now: a yellow and a red one for the overall clock
 * and for each participant that still owes its answer. Keys carry the instant, so a moved
 * deadline is a new timer and one that fired is never re-armed by mistake.
 */
export function wantedTimers(calendar: WorkingCalendar, jointApprovalId: string, clocks: readonly WatchedClock[]): JointTimer[] {
  const timers: JointTimer[] = [];
  for (const clock of clocks) {
    const instants = warningInstants(calendar, clock.limit);
    if (!instants) continue;
    const owner = clock.participantId ?? "JOINT";
    for (const [level, at] of [["YELLOW", instants.yellowAt], ["RED", instants.redAt]] as const) {
      timers.push({ key: `${jointApprovalId}:${owner}:${level}:${at.getTime()}`, dueAt: at, payload: { jointApprovalId, participantId: clock.participantId, level } });
    }
  }
  return timers;
}

/** What to cancel and what to set, going from the timers armed to the ones wanted. */
export function timerChanges(armed: readonly string[], wanted: readonly JointTimer[]): { cancel: string[]; schedule: JointTimer[] } {
  const wantedKeys = new Set(wanted.map((t) => t.key));
  const armedKeys = new Set(armed);
  return { cancel: armed.filter((key) => !wantedKeys.has(key)), schedule: wanted.filter((t) => !armedKeys.has(t.key)) };
}

/** The instant a timer key was armed for. */
export function dueOfKey(key: string): number {
  return Number(key.slice(key.lastIndexOf(":") + 1));
}
