import { clockState, usageAt, type ClockUsage, type WorkingCalendar } from "@onestop/calendar";
import { jointEvents } from "@onestop/events";
import { iso, onCalendar, type Clock, type DueTimer, type DurableTimers, type Tx } from "@onestop/platform";
import type { ExtensionRow, JointApprovalRow, JointParticipantRow, NoticeStepRow } from "./entities";
import { atParticipantDeadline, awaitsAnswer, isFinal, participantStatus, runningStatus } from "./joint-approvals.rules";
import type { JointApprovalsRepository } from "./joint-approvals.repository";
import {
  alarmKey,
  alarmsDue,
  nextAlarm,
  noticeStops,
  overallLimit,
  participantLimit,
  participantsHolding,
  type DueAlarm,
  type WatchedClock,
} from "./joint-clock.rules";
import { note, participantOf, reference, type SagaState, type SagaStore } from "./joint-saga.state";

/** The durable timer of a joint approval: the next instant one of its clocks needs the saga. */
export const ALARM_TIMER = "joint-alarm";

/** How the clocks stand for a reader: the overall one and each participant's. */
export interface ClockView {
  overall: ClockUsage & { dueAt: Date | null; dueDay: string | null; onHold: boolean };
  participants: Map<string, ClockUsage & { dueAt: Date | null; dueDay: string | null }>;
}

/**
 * The joint clocks (联审计时) and what their deadlines set off: every deadline recomputed from
 * the recorded facts, one durable alarm per joint approval for the next warning or deadline,
 * deemed consent (超时默认) or escalation when a deadline passes.
 */
export class JointDeadlines {
  constructor(
    private readonly store: SagaStore,
    private readonly repository: JointApprovalsRepository,
    private readonly timers: DurableTimers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /** The clocks as they stand now (or at each participant's conclusion), for reading. */
  async clockView(joint: JointApprovalRow, participants: readonly JointParticipantRow[]): Promise<ClockView> {
    const { steps, extensions } = await this.recordedClockFacts(joint);
    const limits = this.limits(joint, participants, steps, extensions);
    const now = this.clock.now();
    return onCalendar(() => {
      const overallState = clockState(this.calendar, limits.overall);
      const overall = { ...usageAt(this.calendar, limits.overall, joint.concludedAt ?? now), ...overallState };
      const perParticipant = new Map(
        participants.map((p) => {
          const limit = limits.participant.get(p.id)!;
          return [p.id, { ...usageAt(this.calendar, limit, p.concludedAt ?? joint.concludedAt ?? now), ...clockState(this.calendar, limit) }] as const;
        }),
      );
      return { overall, participants: perParticipant };
    });
  }

  /**
   * Recomputes every deadline from the recorded facts (the notices that stop the joint clock,
   * the extensions), sets the alarm to match, and announces a pause or a resumption.
   */
  async settle(tx: Tx, state: SagaState): Promise<void> {
    const { joint, participants } = state;
    const limits = await this.clockFacts(tx, state);
    const final = isFinal(joint.status);
    const wasPaused = joint.paused;
    onCalendar(() => {
      const overall = clockState(this.calendar, limits.overall);
      joint.deadlineAt = overall.dueAt;
      joint.paused = overall.onHold;
      for (const p of participants) {
        if (p.outcome === null) p.deadlineAt = clockState(this.calendar, limits.participant.get(p.id)!).dueAt;
      }
    });
    if (!final) joint.status = runningStatus(joint);
    await this.rearm(tx, state, onCalendar(() => nextAlarm(this.calendar, this.watched(state, limits))));
    if (final || wasPaused === joint.paused) return;
    if (joint.paused) {
      const cause = participants.find((p) => limits.holding.includes(p.id))!;
      await tx.publish(
        jointEvents.jointApprovalPaused,
        { ...reference(joint), participantId: cause.id, departmentId: cause.departmentId, pausedAt: state.now.toISOString() },
        { centerCode: joint.centerCode },
      );
      note(state, { kind: "PAUSED", participantId: cause.id, actor: "system", note: `${cause.departmentName}一次性告知补正材料，联审计时暂停` });
    } else {
      await tx.publish(
        jointEvents.jointApprovalResumed,
        {
          ...reference(joint),
          resumedAt: state.now.toISOString(),
          deadline: joint.deadlineAt!.toISOString(),
          participantDeadlines: participants
            .filter((p) => p.outcome === null && p.deadlineAt)
            .map((p) => ({ participantId: p.id, departmentId: p.departmentId, deadline: p.deadlineAt!.toISOString() })),
        },
        { centerCode: joint.centerCode },
      );
      note(state, { kind: "RESUMED", actor: "system", note: "补正材料已齐，联审计时恢复", details: { deadline: iso(joint.deadlineAt) } });
    }
  }

  /** No alarm any more: the joint approval ended. */
  disarm(tx: Tx, state: SagaState): Promise<void> {
    return this.rearm(tx, state, null);
  }

  /**
   * The alarm of a joint approval: every warning and deadline due now is handled, then the
   * alarm is set for the next. What is due is read from the recorded facts at this instant,
   * so a late, repeated or stale alarm does exactly what is due and nothing else.
   */
  async onAlarm(tx: Tx, timer: DueTimer): Promise<void> {
    const { jointApprovalId } = timer.payload as { jointApprovalId: string };
    const state = await this.store.load(tx, jointApprovalId);
    if (!state || isFinal(state.joint.status)) return;
    const limits = await this.clockFacts(tx, state);
    const due = onCalendar(() => alarmsDue(this.calendar, this.watched(state, limits), state.now));
    for (const alarm of due) await this.raise(tx, state, alarm, limits);
    await this.settle(tx, state);
    await this.store.save(tx, state);
  }

  private limits(joint: JointApprovalRow, participants: readonly JointParticipantRow[], steps: readonly NoticeStepRow[], extensions: readonly ExtensionRow[]) {
    const stops = noticeStops(steps, joint.openedAt);
    return {
      overall: overallLimit(joint.openedAt, joint.deadlineWorkingDays, stops),
      participant: new Map(
        participants.map((p) => [
          p.id,
          participantLimit(
            joint.openedAt,
            p.promisedLimitDays,
            stops,
            extensions.filter((e) => e.participantId === p.id).map((e) => ({ workingDays: e.workingDays, approvedAt: e.approvedAt })),
          ),
        ]),
      ),
      holding: participantsHolding(steps, joint.openedAt),
    };
  }

  /** The clocks the saga watches now: the overall one until it timed out, and each participant's that still owes its answer. */
  private watched(state: SagaState, limits: ReturnType<JointDeadlines["limits"]>): WatchedClock[] {
    const { joint, participants } = state;
    if (isFinal(joint.status)) return [];
    const watched: WatchedClock[] = [];
    if (!joint.timedOutAt) watched.push({ participantId: null, limit: limits.overall, yellowRaisedFor: joint.yellowRaisedFor?.getTime() ?? null });
    for (const p of participants.filter(awaitsAnswer)) {
      watched.push({ participantId: p.id, limit: limits.participant.get(p.id)!, yellowRaisedFor: p.yellowRaisedFor?.getTime() ?? null });
    }
    return watched;
  }

  private async clockFacts(tx: Tx, state: SagaState) {
    const { steps, extensions } = await this.recordedClockFacts(state.joint, tx);
    return this.limits(state.joint, state.participants, steps, extensions);
  }

  /** The notice steps and extensions that move the clocks; most joint approvals have none to read. */
  private async recordedClockFacts(joint: JointApprovalRow, tx?: Tx): Promise<{ steps: NoticeStepRow[]; extensions: ExtensionRow[] }> {
    if (joint.clockFacts === 0) return { steps: [], extensions: [] };
    return { steps: await this.repository.noticeStepsOf(joint.id, tx), extensions: await this.repository.extensionsOf(joint.id, tx) };
  }

  /**
   * One durable timer per joint approval, for its next alarm; a new instant is a new timer.
   * One already due is firing now and stays as the record that it fired.
   */
  private async rearm(tx: Tx, state: SagaState, next: Date | null): Promise<void> {
    const { joint } = state;
    const key = next ? alarmKey(joint.id, next) : null;
    if (key === joint.alarmKey) return;
    if (joint.alarmKey && Number(joint.alarmKey.slice(joint.alarmKey.lastIndexOf(":") + 1)) > state.now.getTime()) {
      await this.timers.cancel(tx, ALARM_TIMER, joint.alarmKey);
    }
    if (next && key) await this.timers.schedule(tx, ALARM_TIMER, key, next, { jointApprovalId: joint.id });
    joint.alarmKey = key;
  }

  private async raise(tx: Tx, state: SagaState, alarm: DueAlarm, limits: ReturnType<JointDeadlines["limits"]>): Promise<void> {
    const { joint, now } = state;
    const participant = alarm.participantId ? participantOf(state, alarm.participantId) : null;
    const limit = participant ? limits.participant.get(participant.id)! : limits.overall;
    const deadline = alarm.deadline.toISOString();
    const remaining = onCalendar(() => usageAt(this.calendar, limit, now)).remainingWorkingDays;
    await tx.publish(
      jointEvents.jointWarningRaised,
      { ...reference(joint), participantId: participant?.id ?? null, departmentId: participant?.departmentId ?? null, level: alarm.level, deadline, remainingWorkingDays: remaining, raisedAt: now.toISOString() },
      { centerCode: joint.centerCode },
    );
    const owner = participant ?? joint;
    owner.warningLevel = alarm.level;
    if (alarm.level === "YELLOW") owner.yellowRaisedFor = alarm.deadline;
    note(state, { kind: "WARNING", participantId: participant?.id ?? null, actor: "system", details: { level: alarm.level, deadline, remainingWorkingDays: remaining } });
    if (alarm.level === "RED") {
      if (participant) await this.atParticipantDeadline(tx, state, participant, deadline);
      else await this.escalate(tx, state, null, deadline);
    }
  }

  private async atParticipantDeadline(tx: Tx, state: SagaState, participant: JointParticipantRow, deadline: string): Promise<void> {
    const action = atParticipantDeadline(participant, participant.deemedApproval);
    if (action === "REQUEST_DEEMED_CONSENT") {
      participant.deemedConsentRequestedAt = state.now;
      await tx.publish(
        jointEvents.jointDeemedConsentRequested,
        { jointApprovalId: state.joint.id, participantId: participant.id, centerCode: state.joint.centerCode, deadline, requestedAt: state.now.toISOString() },
        { centerCode: state.joint.centerCode },
      );
      note(state, { kind: "DEEMED_CONSENT_REQUESTED", participantId: participant.id, actor: "system", note: `${participant.departmentName}联审期限届满未提出意见，视为同意` });
    } else if (action === "ESCALATE") {
      await this.escalate(tx, state, participant, deadline);
    }
    participant.status = participantStatus(participant);
  }

  /** TIMED_OUT: the lead department and the center are told; the participant (or the whole) stays open. */
  private async escalate(tx: Tx, state: SagaState, participant: JointParticipantRow | null, deadline: string): Promise<void> {
    const { joint, now } = state;
    if (participant) participant.timedOutAt = now;
    else joint.timedOutAt = now;
    await tx.publish(
      jointEvents.jointApprovalEscalated,
      {
        ...reference(joint),
        reason: participant ? "PARTICIPANT_TIMED_OUT" : "JOINT_TIMED_OUT",
        participantId: participant?.id ?? null,
        departmentId: participant?.departmentId ?? null,
        deadline,
        escalatedAt: now.toISOString(),
      },
      { centerCode: joint.centerCode },
    );
    note(state, {
      kind: "ESCALATED",
      participantId: participant?.id ?? null,
      actor: "system",
      note: participant ? `${participant.departmentName}超过联审期限未答复，已报牵头部门和中心` : "联审总期限已过，已报牵头部门和中心",
      details: { deadline },
    });
  }
}
