import {
  calendarDay,
  endOfShanghaiDay,
  shanghaiDayOf,
  usageAt,
  warningInstants,
  type ClockUsage,
  type Extension,
  type Suspension,
  type SuspensionReason,
  type TimeLimit,
  type WorkingCalendar,
} from "@onestop/calendar";
import type { CaseClock, CaseStage, CaseStatus, ItemKind, WarningCard } from "@onestop/events";
import { isClosed, isOnTheClock } from "../cases/cases.rules";

/**
 * The clocks of a case (限时办结), as pure rules over the working-day calendar: the case's
 * own clock from acceptance over the promised working days, and the clock of the supervised
 * stage now running where the item gives that stage its own limit. Suspensions and
 * extensions are recorded facts; deadlines are always recomputed from them.
 */

export interface RecordedSuspension {
  reason: SuspensionReason;
  from: Date;
  until: Date | null;
}

export interface RecordedExtension {
  workingDays: number;
  approvedAt: Date;
}

export interface StageLimits {
  acceptanceDays: number | null;
  reviewDays: number | null;
  approvalDays: number | null;
}

/** The supervised stage a status is in, if any: the stage whose own clock runs. */
export function stageOf(status: CaseStatus): CaseStage | null {
  switch (status) {
    case "SUBMITTED":
    case "MATERIALS_REQUESTED":
      return "ACCEPTANCE";
    case "ACCEPTED":
      return "REVIEW";
    case "REVIEWED":
    case "FORWARDED":
    case "VETO_PROPOSED":
    case "AWAITING_COUNTY_MEETING":
      return "APPROVAL";
    default:
      return null;
  }
}

export function stageLimitOf(stage: CaseStage, limits: StageLimits): number | null {
  switch (stage) {
    case "ACCEPTANCE":
      return limits.acceptanceDays;
    case "REVIEW":
      return limits.reviewDays;
    case "APPROVAL":
      return limits.approvalDays;
  }
}

/** A clock counts the suspensions that began after it started; earlier ones belonged to an earlier clock. */
export function timeLimit(startedAt: Date, workingDays: number, suspensions: readonly RecordedSuspension[], extensions: readonly RecordedExtension[] = []): TimeLimit {
  const relevant: Suspension[] = suspensions
    .filter((s) => s.from.getTime() >= startedAt.getTime())
    .map((s) => ({ reason: s.reason, from: s.from, until: s.until }));
  const granted: Extension[] = extensions.filter((e) => e.approvedAt.getTime() >= startedAt.getTime()).map((e) => ({ ...e }));
  return { startedAt, workingDays, suspensions: relevant, extensions: granted };
}

/** A case's limits in working days: the item's legal one (法定时限), the promised one it was accepted under, and the extensions granted so far. */
export interface CaseLimits {
  legalLimitDays: number;
  promisedDays: number;
  extendedDays: number;
}

/**
 * 法定时限 binds: the most working days an extension (延期) may still add. The legal limit is
 * counted like the case's own clock, in working days from acceptance on the county calendar,
 * leaving out the same suspensions (supplementing materials, site inspection, expert review,
 * hearing: the time the law does not count). Both clocks run over the same days, so the case
 * reaches its legal deadline exactly when the promised days and every extension add up to the
 * legal limit, and an extension may take it that far and no further.
 */
export function extensionAllowance(limits: CaseLimits): number {
  return Math.max(0, limits.legalLimitDays - limits.promisedDays - limits.extendedDays);
}

export interface CaseUsage extends ClockUsage {
  /** 按时办结: the case's clock had not run out. */
  onTime: boolean;
}

/** How a case's clock stood at `at` (its conclusion, for the on-time rate), and whether it was on time. */
export function caseUsageAt(calendar: WorkingCalendar, limit: TimeLimit, at: Date): CaseUsage {
  const usage = usageAt(calendar, limit, at);
  return { onTime: usage.level !== "RED", ...usage };
}

/** Working days from one instant to another, the first day not counted: the time a step took. */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  return calendar.workingDaysBetween(shanghaiDayOf(from), shanghaiDayOf(to));
}

/** A 容缺 deadline is a day: the materials may come until its end. */
export function deficiencyDueAt(day: string): Date {
  return endOfShanghaiDay(calendarDay(day));
}

export type TimerKind = "case-clock" | "deemed-approval" | "deficiency-due";

export interface WantedTimer {
  kind: TimerKind;
  key: string;
  dueAt: Date;
  payload: { caseId: string; clock?: CaseClock; level?: WarningCard };
}

export interface CaseClocks {
  caseId: string;
  kind: ItemKind;
  status: CaseStatus;
  deemedApproval: boolean;
  /** The case clock, once accepted. */
  caseLimit: TimeLimit | null;
  /** The running stage's clock, when the stage has its own limit. */
  stage: CaseStage | null;
  stageLimit: TimeLimit | null;
  /** The end of the day by which deferred materials must follow, while any is outstanding. */
  deficiencyDueAt: Date | null;
}

/**
 * The durable timers a case needs in its present state. Keys carry the instant, so a moved
 * deadline is a new timer and a timer that fired is never re-armed by mistake.
 */
export function wantedTimers(calendar: WorkingCalendar, clocks: CaseClocks): WantedTimer[] {
  const timers: WantedTimer[] = [];
  if (isClosed(clocks.status)) return timers;
  const id = clocks.caseId;
  if (clocks.caseLimit && isOnTheClock(clocks.status)) {
    const instants = warningInstants(calendar, clocks.caseLimit);
    if (instants) {
      timers.push({ kind: "case-clock", key: `${id}:CASE:YELLOW:${instants.yellowAt.getTime()}`, dueAt: instants.yellowAt, payload: { caseId: id, clock: "CASE", level: "YELLOW" } });
      // A joint case's deemed consent is the joint approval's to ask for, at its own deadline.
      if (clocks.deemedApproval && clocks.kind === "PROMISED") {
        timers.push({ kind: "deemed-approval", key: `${id}:${instants.redAt.getTime()}`, dueAt: instants.redAt, payload: { caseId: id } });
      } else {
        timers.push({ kind: "case-clock", key: `${id}:CASE:RED:${instants.redAt.getTime()}`, dueAt: instants.redAt, payload: { caseId: id, clock: "CASE", level: "RED" } });
      }
    }
  }
  if (clocks.stage && clocks.stageLimit) {
    const instants = warningInstants(calendar, clocks.stageLimit);
    if (instants) {
      const stage = clocks.stage;
      timers.push({ kind: "case-clock", key: `${id}:${stage}:YELLOW:${instants.yellowAt.getTime()}`, dueAt: instants.yellowAt, payload: { caseId: id, clock: stage, level: "YELLOW" } });
      timers.push({ kind: "case-clock", key: `${id}:${stage}:RED:${instants.redAt.getTime()}`, dueAt: instants.redAt, payload: { caseId: id, clock: stage, level: "RED" } });
    }
  }
  if (clocks.deficiencyDueAt) {
    timers.push({ kind: "deficiency-due", key: `${id}:${clocks.deficiencyDueAt.getTime()}`, dueAt: clocks.deficiencyDueAt, payload: { caseId: id } });
  }
  return timers;
}

/** What to cancel and what to set, going from the timers a case has to the ones it needs. */
export interface TimerChanges<T> {
  cancel: T[];
  schedule: WantedTimer[];
}

export function timerChanges<T extends { kind: string; key: string }>(current: readonly T[], wanted: readonly WantedTimer[]): TimerChanges<T> {
  const id = (t: { kind: string; key: string }) => `${t.kind}|${t.key}`;
  const wantedIds = new Set(wanted.map(id));
  const currentIds = new Set(current.map(id));
  return {
    cancel: current.filter((t) => !wantedIds.has(id(t))),
    schedule: wanted.filter((t) => !currentIds.has(id(t))),
  };
}
