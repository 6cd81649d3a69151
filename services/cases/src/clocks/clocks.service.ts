import { randomUUID } from "node:crypto";
import { clockState, usageAt, type SuspensionReason, type WorkingCalendar } from "@onestop/calendar";
import type { CaseClock, WarningCard } from "@onestop/events";
import { onCalendar, type DurableTimers, type Tx } from "@onestop/platform";
import type { CaseRow } from "../cases/entities";
import type { ItemVersionReplicaRow } from "../items/entities";
import {
  caseUsageAt,
  deficiencyDueAt,
  stageLimitOf,
  stageOf,
  timeLimit,
  timerChanges,
  type TimerChanges,
  wantedTimers,
  workingDaysBetween,
  type CaseUsage,
  type RecordedExtension,
  type RecordedSuspension,
} from "./clocks.rules";
import type { ClocksRepository } from "./clocks.repository";

export type ClockFields = Pick<CaseRow, "deadlineAt" | "deadlineDay" | "onHold" | "stage" | "stageStartedAt" | "stageDueAt" | "timers">;

/** The timers to cancel (as a case's row lists them) and to set. */
type TimerPlan = TimerChanges<{ kind: string; key: string; dueMs: number }>;

/**
 * Keeps each case's clocks: recomputes the deadlines from the recorded suspensions and
 * extensions after every step, and keeps the durable timers (warnings, deemed approval,
 * deferred materials) in line with them.
 */
export class ClocksService {
  constructor(
    private readonly repository: ClocksRepository,
    private readonly timers: DurableTimers,
    readonly calendar: WorkingCalendar,
  ) {}

  async clockEvents(tx: Tx | null, found: Pick<CaseRow, "id" | "clockEvents">): Promise<{ suspensions: RecordedSuspension[]; extensions: RecordedExtension[] }> {
    if (found.clockEvents === 0) return { suspensions: [], extensions: [] };
    return this.repository.clockEventsOf(found.id, tx ?? undefined);
  }

  /**
   * The clock fields of a case after a step (`previous` is the case before it), with the
   * durable timers cancelled and set to match. A new stage starts its own clock now.
   */
  async recompute(tx: Tx, previous: CaseRow, next: CaseRow, item: ItemVersionReplicaRow, now: Date): Promise<ClockFields> {
    const { fields, timers } = await this.plan(tx, previous, next, item, now);
    await this.setTimers(tx, timers, now);
    return fields;
  }

  /** The timers to cancel and to set, as `plan` found them. */
  async setTimers(tx: Tx, timers: TimerPlan, now: Date): Promise<void> {
    // A timer already due is firing now or about to, and finds nothing to do: it stays as the record that it fired.
    await this.timers.cancelAll(tx, timers.cancel.filter((timer) => timer.dueMs > now.getTime()));
    await this.timers.scheduleAll(tx, timers.schedule);
  }

  /** `recompute` without writing the timers: a new case sets them once its row is in. */
  async plan(tx: Tx, previous: CaseRow, next: CaseRow, item: ItemVersionReplicaRow, now: Date): Promise<{ fields: ClockFields; timers: TimerPlan }> {
    const events = await this.clockEvents(tx, next);
    const computed = onCalendar(() => {
      const stage = stageOf(next.status);
      const stageStartedAt = stage === null ? null : stage === previous.stage && previous.stageStartedAt ? previous.stageStartedAt : now;
      const stageDays = stage ? stageLimitOf(stage, item.stageLimits) : null;
      const stageLimit = stage && stageStartedAt && stageDays !== null ? timeLimit(stageStartedAt, stageDays, events.suspensions) : null;
      const caseLimit = next.acceptedAt && next.promisedDays !== null ? timeLimit(next.acceptedAt, next.promisedDays, events.suspensions, events.extensions) : null;
      const caseClock = caseLimit ? clockState(this.calendar, caseLimit) : null;
      const stageClock = stageLimit ? clockState(this.calendar, stageLimit) : null;
      const wanted = wantedTimers(this.calendar, {
        caseId: next.id,
        kind: next.kind,
        status: next.status,
        deemedApproval: item.deemedApproval,
        caseLimit,
        stage,
        stageLimit,
        deficiencyDueAt: next.deficiencyDueDay ? deficiencyDueAt(next.deficiencyDueDay) : null,
      });
      return { stage, stageStartedAt, caseClock, stageClock, wanted };
    });
    const current = (previous.timers ?? []).map((entry) => {
      const [kind, key, dueMs] = entry.split("|");
      return { kind: kind!, key: key!, dueMs: Number(dueMs) };
    });
    const fields: ClockFields = {
      deadlineAt: computed.caseClock?.dueAt ?? null,
      deadlineDay: computed.caseClock?.dueDay ?? null,
      onHold: Boolean(computed.caseClock?.onHold || computed.stageClock?.onHold),
      stage: computed.stage,
      stageStartedAt: computed.stageStartedAt,
      stageDueAt: computed.stageClock?.dueAt ?? null,
      timers: computed.wanted.map((timer) => `${timer.kind}|${timer.key}|${timer.dueAt.getTime()}`),
    };
    return { fields, timers: timerChanges(current, computed.wanted) };
  }

  /** How the case's own clock stands at `at`: on time, working days used and left. */
  async caseUsage(tx: Tx | null, found: CaseRow, at: Date): Promise<CaseUsage | null> {
    if (!found.acceptedAt || found.promisedDays === null) return null;
    const events = await this.clockEvents(tx, found);
    return onCalendar(() => caseUsageAt(this.calendar, timeLimit(found.acceptedAt!, found.promisedDays!, events.suspensions, events.extensions), at));
  }

  /** The clock named, as it stands at `at`; null when it is not running on the case. */
  async clockAt(tx: Tx, found: CaseRow, item: ItemVersionReplicaRow, clock: CaseClock, at: Date) {
    const events = await this.clockEvents(tx, found);
    return onCalendar(() => {
      if (clock === "CASE") {
        if (!found.acceptedAt || found.promisedDays === null) return null;
        const limit = timeLimit(found.acceptedAt, found.promisedDays, events.suspensions, events.extensions);
        return { state: clockState(this.calendar, limit), usage: usageAt(this.calendar, limit, at) };
      }
      const days = stageLimitOf(clock, item.stageLimits);
      if (found.stage !== clock || !found.stageStartedAt || days === null) return null;
      const limit = timeLimit(found.stageStartedAt, days, events.suspensions);
      return { state: clockState(this.calendar, limit), usage: usageAt(this.calendar, limit, at) };
    });
  }

  stepTook(from: Date, to: Date): number {
    return onCalendar(() => workingDaysBetween(this.calendar, from, to));
  }

  async startSuspension(tx: Tx, caseId: string, reason: SuspensionReason, note: string | null, at: Date, by: string): Promise<void> {
    await this.repository.startSuspension(tx, { id: randomUUID(), caseId, reason, note, startedAt: at, startedBy: by, endedAt: null, endedBy: null });
  }

  endSuspension(tx: Tx, caseId: string, at: Date, by: string): Promise<boolean> {
    return this.repository.endOpenSuspension(tx, caseId, at, by);
  }

  openSuspension(tx: Tx, caseId: string) {
    return this.repository.openSuspension(caseId, tx);
  }

  async addExtension(tx: Tx, extension: { caseId: string; workingDays: number; reason: string; applicantNotice: string; approvedBy: string; approvedAt: Date }): Promise<void> {
    await this.repository.addExtension(tx, { id: randomUUID(), ...extension });
  }

  recordWarning(tx: Tx, warning: { caseId: string; clock: CaseClock; level: WarningCard; deadlineAt: Date; raisedAt: Date }): Promise<boolean> {
    return this.repository.recordWarning(tx, warning);
  }

  suspensionsOf(caseId: string) {
    return this.repository.suspensionsOf(caseId);
  }

  extensionsOf(caseId: string) {
    return this.repository.extensionsOf(caseId);
  }

  warningsOf(caseId: string) {
    return this.repository.warningsOf(caseId);
  }
}
