import { warningInstants, type Extension, type Suspension, type TimeLimit, type WorkingCalendar } from "@onestop/calendar";
import type { WarningCard } from "@onestop/events";
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

/** A clock the saga watches: the overall one (participantId null) or a participant's that still owes its answer. */
export interface WatchedClock {
  participantId: string | null;
  limit: TimeLimit;
  /** The deadline (ms) a yellow warning was already raised for; a moved deadline warns again. */
  yellowRaisedFor: number | null;
}

export interface DueAlarm {
  participantId: string | null;
  level: WarningCard;
  deadline: Date;
}

/** The instants still ahead of a watched clock: its yellow warning unless raised for this deadline, and its deadline. */
function pendingInstants(calendar: WorkingCalendar, clock: WatchedClock): Array<{ level: WarningCard; at: Date; deadline: Date }> {
  const instants = warningInstants(calendar, clock.limit);
  if (!instants) return [];
  const pending: Array<{ level: WarningCard; at: Date; deadline: Date }> = [];
  if (clock.yellowRaisedFor !== instants.redAt.getTime()) pending.push({ level: "YELLOW", at: instants.yellowAt, deadline: instants.redAt });
  pending.push({ level: "RED", at: instants.redAt, deadline: instants.redAt });
  return pending;
}

/** What is due at `now`: per clock its deadline once passed, else its yellow warning once reached. */
export function alarmsDue(calendar: WorkingCalendar, clocks: readonly WatchedClock[], now: Date): DueAlarm[] {
  const due: DueAlarm[] = [];
  for (const clock of clocks) {
    const reached = pendingInstants(calendar, clock).filter((p) => p.at.getTime() <= now.getTime());
    const alarm = reached.find((p) => p.level === "RED") ?? reached[0];
    if (alarm) due.push({ participantId: clock.participantId, level: alarm.level, deadline: alarm.deadline });
  }
  return due;
}

/**
 * When the saga must next look at a joint approval: the earliest pending instant of its
 * watched clocks; none while every clock is stopped or nothing is watched. One durable timer
 * per joint approval is set for it.
 */
export function nextAlarm(calendar: WorkingCalendar, clocks: readonly WatchedClock[]): Date | null {
  let next: Date | null = null;
  for (const clock of clocks) {
    for (const pending of pendingInstants(calendar, clock)) if (!next || pending.at.getTime() < next.getTime()) next = pending.at;
  }
  return next;
}

/** A new instant is a new key: a timer that fired is never re-armed by mistake. */
export function alarmKey(jointApprovalId: string, at: Date): string {
  return `${jointApprovalId}:${at.getTime()}`;
}
