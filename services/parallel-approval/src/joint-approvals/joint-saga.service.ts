import { clockState, usageAt, type ClockUsage, type WorkingCalendar } from "@onestop/calendar";
import { casesEvents, jointEvents, type EventPayload } from "@onestop/events";
import { changedFields, onCalendar, type BatchedEvent, type Clock, type DueTimer, type DurableTimers, type Tx } from "@onestop/platform";
import type { ExtensionRow, HistoryKind, HistoryRow, JointApprovalRow, JointParticipantRow, NoticeStepRow } from "./entities";
import {
  atParticipantDeadline,
  awaitsAnswer,
  conclusionAfter,
  isFinal,
  isRoutineStep,
  outcomeEffect,
  participantStatus,
  type CaseStatus,
  runningStatus,
  type Conclusion,
} from "./joint-approvals.rules";
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
import { compensations, completion, runForward, type SagaAction, type SagaView } from "./joint-saga.steps";

/** The durable timer of a joint approval: the next instant one of its clocks needs the saga. */
export const ALARM_TIMER = "joint-alarm";

const CLOSED_CASE: readonly CaseStatus[] = ["CONCLUDED", "DELIVERED", "REFUSED", "WITHDRAWN", "RETURNED", "REVOKED"];

/** What the saga takes from a step on a participant's routing slip, from either event that carries one. */
type CaseStep = Pick<EventPayload<typeof casesEvents.caseStageChanged>, "caseId" | "receiptNo" | "handlerId" | "acceptedAt"> &
  NonNullable<EventPayload<typeof casesEvents.caseConcluded>["step"]>;

type Snapshot<T> = Record<string, unknown> & T;

/** A joint approval locked for one transaction, with everything the saga changes in it. */
export interface SagaState {
  joint: JointApprovalRow;
  participants: JointParticipantRow[];
  now: Date;
  history: Array<Omit<HistoryRow, "id">>;
  /** The rows as read: only what changed is written back. No joint row: it is new, and is inserted whole. */
  original: { joint: Snapshot<JointApprovalRow> | null; participants: Map<string, Snapshot<JointParticipantRow>> };
}

export interface HistoryNote {
  kind: HistoryKind;
  participantId?: string | null;
  actor?: string | null;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

/** How the clocks stand for a reader: the overall one and each participant's. */
export interface ClockView {
  overall: ClockUsage & { dueAt: Date | null; dueDay: string | null; onHold: boolean };
  participants: Map<string, ClockUsage & { dueAt: Date | null; dueDay: string | null }>;
}

const copy = <T extends object>(row: T): Snapshot<T> => ({ ...row }) as Snapshot<T>;

/** What a step can change on a participant (takeStep). */
const STEP_FIELDS: ReadonlyArray<keyof JointParticipantRow & string> = ["caseId", "receiptNo", "caseSlipSeq", "caseStatus", "handlerId", "acceptedAt", "opinion", "status"];

function historyEntry(jointApprovalId: string, at: Date, entry: HistoryNote): Omit<HistoryRow, "id"> {
  return {
    jointApprovalId,
    at,
    kind: entry.kind,
    participantId: entry.participantId ?? null,
    actor: entry.actor ?? null,
    note: entry.note ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

function caseStepNote(participantId: string, step: CaseStep): HistoryNote {
  return {
    kind: "CASE_STEP",
    participantId,
    actor: step.actorId,
    note: step.opinion,
    details: { action: step.action, fromStatus: step.fromStatus, toStatus: step.toStatus, slipSeq: step.slipSeq, receiptNo: step.receiptNo, occurredAt: step.occurredAt },
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/**
 * The saga engine of joint approvals (并联审批): carries out the steps and compensations
 * declared in joint-saga.steps, reacts to the participants' case events and to the joint
 * clocks' alarm. Every reaction locks the joint approval's rows first, so the events of one
 * joint approval are applied one at a time whatever instance receives them; the inbox, the
 * outcome's compare-and-set, routing-slip steps applied only when newer, and alarms that read
 * what is due from the recorded facts make each of them idempotent.
 */
export class JointSaga {
  constructor(
    private readonly repository: JointApprovalsRepository,
    private readonly timers: DurableTimers,
    readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------------------------------
  // State

  /** Locks the joint approval for the rest of the transaction; null when it is not ours. */
  async load(tx: Tx, jointApprovalId: string): Promise<SagaState | null> {
    const locked = await this.repository.lock(tx, jointApprovalId);
    if (!locked) return null;
    const { joint, participants } = locked;
    return {
      joint,
      participants,
      now: this.clock.now(),
      history: [],
      original: { joint: copy(joint), participants: new Map(participants.map((p) => [p.id, copy(p)])) },
    };
  }

  async save(tx: Tx, state: SagaState): Promise<void> {
    if (!state.original.joint) {
      await this.repository.insert(tx, state.joint, state.participants);
    } else {
      for (const participant of state.participants) {
        await this.repository.updateParticipant(tx, participant.id, changedFields(state.original.participants.get(participant.id), participant));
      }
      await this.repository.updateJoint(tx, state.joint.id, changedFields(state.original.joint, state.joint));
    }
    await this.repository.appendHistory(tx, state.history);
  }

  private note(state: SagaState, entry: HistoryNote): void {
    state.history.push(historyEntry(state.joint.id, state.now, entry));
  }

  /** Where the participant's case stands after a step; true when the step is the newest seen. */
  private takeStep(participant: JointParticipantRow, step: CaseStep): boolean {
    participant.caseId = step.caseId;
    participant.receiptNo = step.receiptNo;
    const newest = step.slipSeq > participant.caseSlipSeq;
    if (newest) {
      participant.caseSlipSeq = step.slipSeq;
      participant.caseStatus = step.toStatus;
      participant.handlerId = step.handlerId ?? participant.handlerId;
      participant.acceptedAt = step.acceptedAt ? new Date(step.acceptedAt) : participant.acceptedAt;
      if (step.opinion && step.actorKind === "STAFF") participant.opinion = step.opinion;
    }
    participant.status = participantStatus(participant);
    return newest;
  }

  private view(state: SagaState): SagaView {
    return {
      participantIds: state.participants.map((p) => p.id),
      stillOpen: (id) => state.participants.find((p) => p.id === id)?.outcome === null,
    };
  }

  private reference(joint: JointApprovalRow) {
    return { jointApprovalId: joint.id, centerCode: joint.centerCode, projectCode: joint.projectCode, leadDepartmentId: joint.leadDepartmentId };
  }

  // ---------------------------------------------------------------------------------------
  // The steps and their compensations

  /** Every step forward, in the opening transaction: nothing of it exists unless all of it does. */
  async open(tx: Tx, joint: JointApprovalRow, participants: JointParticipantRow[]): Promise<void> {
    const state: SagaState = { joint, participants, now: joint.openedAt, history: [], original: { joint: null, participants: new Map() } };
    const { actions, completed } = runForward(this.view(state));
    joint.completedSteps = completed;
    await this.apply(tx, state, actions, null);
    await tx.publish(
      jointEvents.jointApprovalOpened,
      {
        ...this.reference(joint),
        projectName: joint.projectName,
        greenChannel: joint.greenChannel,
        deadlineWorkingDays: joint.deadlineWorkingDays,
        deadline: joint.deadlineAt!.toISOString(),
        participants: participants.map((p) => ({ participantId: p.id, departmentId: p.departmentId, itemId: p.itemId, promisedLimitDays: p.promisedLimitDays, deadline: p.deadlineAt!.toISOString() })),
        openedBy: joint.openedBy,
        openedAt: joint.openedAt.toISOString(),
      },
      { centerCode: joint.centerCode },
    );
    await this.save(tx, state);
  }

  /**
   * Ends the joint approval: approval by all completes the saga; a rejection or a withdrawal
   * runs the compensations of its completed steps, the latest first.
   */
  async conclude(tx: Tx, state: SagaState, conclusion: Conclusion, decidingParticipantId: string | null, actor: string): Promise<void> {
    const actions = conclusion.outcome === "APPROVED" ? completion() : compensations(state.joint.completedSteps, this.view(state));
    await this.apply(tx, state, actions, { ...conclusion, decidingParticipantId });
    const { joint } = state;
    await tx.publish(
      jointEvents.jointApprovalConcluded,
      {
        ...this.reference(joint),
        outcome: conclusion.outcome,
        reason: conclusion.reason,
        decidingParticipantId,
        participants: state.participants.map((p) => ({ participantId: p.id, departmentId: p.departmentId, outcome: p.outcome })),
        openedAt: joint.openedAt.toISOString(),
        concludedAt: state.now.toISOString(),
      },
      { centerCode: joint.centerCode },
    );
    this.note(state, { kind: "CONCLUDED", actor, note: conclusion.reason, participantId: decidingParticipantId, details: { outcome: conclusion.outcome } });
  }

  private async apply(tx: Tx, state: SagaState, actions: readonly SagaAction[], conclusion: (Conclusion & { decidingParticipantId: string | null }) | null): Promise<void> {
    const { joint, now } = state;
    for (const action of actions) {
      switch (action.kind) {
        case "STORE_JOINT_APPROVAL":
          // Written by save() at the end of the opening transaction, with the deadlines and alarm the later steps set.
          this.note(state, {
            kind: "OPENED",
            actor: joint.openedBy,
            note: joint.projectName,
            details: { projectCode: joint.projectCode, deadlineWorkingDays: joint.deadlineWorkingDays, greenChannel: joint.greenChannel },
          });
          break;
        case "REQUEST_CASE": {
          const participant = this.participant(state, action.participantId);
          await tx.publish(
            jointEvents.jointCaseRequested,
            {
              jointApprovalId: joint.id,
              participantId: participant.id,
              centerCode: joint.centerCode,
              projectCode: joint.projectCode,
              projectName: joint.projectName,
              leadDepartmentId: joint.leadDepartmentId,
              departmentId: participant.departmentId,
              itemId: participant.itemId,
              applicantSubject: joint.applicantSubject,
              applicantName: joint.applicantName,
              applicantIdNumber: joint.applicantIdNumber,
              requestedAt: now.toISOString(),
            },
            { centerCode: joint.centerCode },
          );
          break;
        }
        case "ARM_DEADLINES":
          await this.settleClocks(tx, state);
          break;
        case "DISARM_DEADLINES":
          await this.rearm(tx, state, null);
          break;
        case "REQUEST_CASE_WITHDRAWAL": {
          const participant = this.participant(state, action.participantId);
          participant.withdrawalRequestedAt = now;
          await this.requestWithdrawal(tx, state, participant, conclusion?.reason ?? "联审终止");
          this.note(state, { kind: "WITHDRAWAL_REQUESTED", participantId: participant.id, actor: "system", note: conclusion?.reason ?? null });
          break;
        }
        case "CLOSE_JOINT_APPROVAL":
          if (!conclusion) throw new Error("A joint approval is closed only with its conclusion");
          joint.status = conclusion.outcome;
          joint.concludedAt = now;
          joint.conclusionReason = conclusion.reason;
          joint.decidingParticipantId = conclusion.decidingParticipantId;
          break;
      }
    }
  }

  private participant(state: SagaState, id: string): JointParticipantRow {
    const found = state.participants.find((p) => p.id === id);
    if (!found) throw new Error(`Participant ${id} is not part of joint approval ${state.joint.id}`);
    return found;
  }

  private requestWithdrawal(tx: Tx, state: SagaState, participant: JointParticipantRow, reason: string) {
    return tx.publish(
      jointEvents.jointCaseWithdrawalRequested,
      { jointApprovalId: state.joint.id, participantId: participant.id, centerCode: state.joint.centerCode, reason, requestedAt: state.now.toISOString() },
      { centerCode: state.joint.centerCode },
    );
  }

  /** 催办: recorded on the participant and in the history; the event tells the department. */
  async urge(tx: Tx, state: SagaState, participant: JointParticipantRow, note: string | null, by: string): Promise<void> {
    participant.urgeCount += 1;
    participant.lastUrgedAt = state.now;
    await tx.publish(
      jointEvents.jointParticipantUrged,
      {
        ...this.reference(state.joint),
        participantId: participant.id,
        departmentId: participant.departmentId,
        caseId: participant.caseId,
        note,
        urgedBy: by,
        urgeCount: participant.urgeCount,
        urgedAt: state.now.toISOString(),
      },
      { centerCode: state.joint.centerCode },
    );
    this.note(state, { kind: "URGED", participantId: participant.id, actor: by, note, details: { urgeCount: participant.urgeCount } });
  }

  // ---------------------------------------------------------------------------------------
  // The joint clocks

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
  private watched(state: SagaState, limits: ReturnType<JointSaga["limits"]>): WatchedClock[] {
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
   * Recomputes every deadline from the recorded facts (the notices that stop the joint clock,
   * the extensions), sets the alarm to match, and announces a pause or a resumption.
   */
  async settleClocks(tx: Tx, state: SagaState): Promise<void> {
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
        { ...this.reference(joint), participantId: cause.id, departmentId: cause.departmentId, pausedAt: state.now.toISOString() },
        { centerCode: joint.centerCode },
      );
      this.note(state, { kind: "PAUSED", participantId: cause.id, actor: "system", note: `${cause.departmentName}一次性告知补正材料，联审计时暂停` });
    } else {
      await tx.publish(
        jointEvents.jointApprovalResumed,
        {
          ...this.reference(joint),
          resumedAt: state.now.toISOString(),
          deadline: joint.deadlineAt!.toISOString(),
          participantDeadlines: participants
            .filter((p) => p.outcome === null && p.deadlineAt)
            .map((p) => ({ participantId: p.id, departmentId: p.departmentId, deadline: p.deadlineAt!.toISOString() })),
        },
        { centerCode: joint.centerCode },
      );
      this.note(state, { kind: "RESUMED", actor: "system", note: "补正材料已齐，联审计时恢复", details: { deadline: iso(joint.deadlineAt) } });
    }
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

  // ---------------------------------------------------------------------------------------
  // What cases tells the saga

  /** A step on a participant's routing slip: where its case stands, and whether a notice stops the joint clock. */
  async onCaseStageChanged(tx: Tx, event: EventPayload<typeof casesEvents.caseStageChanged>): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.load(tx, event.jointApprovalId);
    const participant = state?.participants.find((p) => p.id === event.participantId);
    if (!state || !participant) return;
    const awaitedBefore = awaitsAnswer(participant);
    const touchesNotice = await this.applyStep(tx, state, participant, event);
    if (!isFinal(state.joint.status) && (touchesNotice || awaitedBefore !== awaitsAnswer(participant))) await this.settleClocks(tx, state);
    await this.save(tx, state);
  }

  /** 办结 of a participant's case: its outcome is counted once, and may end the joint approval. */
  async onCaseConcluded(tx: Tx, event: EventPayload<typeof casesEvents.caseConcluded>): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.load(tx, event.jointApprovalId);
    const participant = state?.participants.find((p) => p.id === event.participantId);
    if (!state || !participant) return;
    const concludedAt = new Date(event.concludedAt);
    const awaitedBefore = awaitsAnswer(participant);
    const counted = await this.repository.countOutcome(tx, participant.id, event.outcome, event.outcome, concludedAt, state.now);
    if (!counted) return;
    const original = state.original.participants.get(participant.id)!;
    for (const row of [participant, original]) Object.assign(row, { outcome: event.outcome, status: event.outcome, concludedAt, countedAt: state.now });
    // The concluding step comes with the conclusion (its caseStageChanged is not taken): one transaction for both.
    const touchesNotice = event.step ? await this.applyStep(tx, state, participant, { ...event, ...event.step }) : false;
    participant.caseId = event.caseId;
    participant.receiptNo = event.receiptNo;
    participant.handlerId = event.handlerId ?? participant.handlerId;
    const { joint } = state;
    const effect = outcomeEffect(event.outcome, participant.withdrawalRequestedAt !== null);
    joint.outcomesCounted += 1;
    if (effect === "APPROVES") joint.approvalsCounted += 1;
    this.note(state, {
      kind: "OUTCOME_COUNTED",
      participantId: participant.id,
      actor: event.decidedBySystem ? "system" : event.handlerId,
      note: participant.opinion,
      details: { outcome: event.outcome, receiptNo: event.receiptNo, concludedAt: event.concludedAt, onTime: event.onTime },
    });
    const conclusion = conclusionAfter(joint, event.outcome, effect, participant.departmentName);
    if (conclusion) await this.conclude(tx, state, conclusion, participant.id, "system");
    // A participant that had already decided no longer had a clock watched: nothing to settle, unless its notice ended.
    else if (!isFinal(joint.status) && (awaitedBefore || touchesNotice)) await this.settleClocks(tx, state);
    await this.save(tx, state);
  }

  /**
   * Routine steps (受理, 审核 and the like, before any decision) of many participants' cases,
   * applied together. They change only where a participant stands and the history, so they
   * take no joint approval's lock. A step the saga must weigh is left to onCaseStageChanged,
   * with its participant's other steps: any step that is not routine, and routine ones that
   * find their participant's withdrawal asked for or would change whether it owes an answer.
   * Returns the envelope ids left.
   */
  async onRoutineStepsTogether(tx: Tx, events: ReadonlyArray<BatchedEvent<typeof casesEvents.caseStageChanged>>): Promise<string[]> {
    const left = new Set(events.filter((e) => !isRoutineStep(e.payload)).map((e) => e.envelope.id));
    const routine = new Map<string, Array<BatchedEvent<typeof casesEvents.caseStageChanged>>>();
    for (const event of events) {
      if (left.has(event.envelope.id)) continue;
      routine.set(event.payload.participantId!, [...(routine.get(event.payload.participantId!) ?? []), event]);
    }
    const locked = new Map((await this.repository.lockParticipants(tx, [...routine.keys()])).map((p) => [p.id, p]));
    const now = this.clock.now();
    const moved: JointParticipantRow[] = [];
    const history: Array<Omit<HistoryRow, "id">> = [];
    for (const [participantId, unordered] of routine) {
      const steps = [...unordered].sort((a, b) => a.payload.slipSeq - b.payload.slipSeq);
      const before = locked.get(participantId);
      const after = before ? { ...before } : null;
      const fits = before && after && steps.every((e) => e.payload.jointApprovalId === before.jointApprovalId) && before.withdrawalRequestedAt === null;
      if (fits) for (const { payload } of steps) this.takeStep(after, payload);
      if (!fits || awaitsAnswer(before) !== awaitsAnswer(after)) {
        for (const step of steps) left.add(step.envelope.id);
        continue;
      }
      moved.push(after);
      for (const { payload } of steps) history.push(historyEntry(before.jointApprovalId, now, caseStepNote(participantId, payload)));
    }
    await this.repository.updateParticipants(tx, moved, STEP_FIELDS);
    await this.repository.appendHistory(tx, history);
    return [...left];
  }

  /**
   * Takes a routing-slip step into the participant (only when it is newer than the last one
   * seen, as steps may arrive out of order) and the history; records a step that starts or
   * ends a one-time notice, and tells whether it did.
   */
  private async applyStep(tx: Tx, state: SagaState, participant: JointParticipantRow, step: CaseStep): Promise<boolean> {
    const newest = this.takeStep(participant, step);
    this.note(state, caseStepNote(participant.id, step));
    const touchesNotice = step.toStatus === "MATERIALS_REQUESTED" || step.fromStatus === "MATERIALS_REQUESTED";
    if (touchesNotice) {
      const recorded = await this.repository.recordNoticeStep(tx, {
        participantId: participant.id,
        slipSeq: step.slipSeq,
        jointApprovalId: state.joint.id,
        fromStatus: step.fromStatus,
        toStatus: step.toStatus,
        occurredAt: new Date(step.occurredAt),
      });
      if (recorded) state.joint.clockFacts += 1;
    }
    // The withdrawal may have reached cases before the case was opened: ask again while the case shows open.
    if (participant.withdrawalRequestedAt && participant.outcome === null && newest && !CLOSED_CASE.includes(step.toStatus)) {
      await this.requestWithdrawal(tx, state, participant, state.joint.conclusionReason ?? "联审终止");
    }
    return touchesNotice;
  }

  /** 延期 on a participant's case: its deadline on the joint clock grows by as much. */
  async onCaseDeadlineExtended(tx: Tx, event: EventPayload<typeof casesEvents.caseDeadlineExtended>, eventId: string): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.load(tx, event.jointApprovalId);
    const participant = state?.participants.find((p) => p.id === event.participantId);
    if (!state || !participant) return;
    const recorded = await this.repository.recordExtension(tx, {
      id: eventId,
      participantId: participant.id,
      jointApprovalId: state.joint.id,
      workingDays: event.workingDays,
      approvedAt: new Date(event.approvedAt),
    });
    if (!recorded) return;
    state.joint.clockFacts += 1;
    this.note(state, { kind: "DEADLINE_EXTENDED", participantId: participant.id, actor: event.approvedBy, note: event.reason, details: { workingDays: event.workingDays } });
    if (!isFinal(state.joint.status)) await this.settleClocks(tx, state);
    await this.save(tx, state);
  }

  // ---------------------------------------------------------------------------------------
  // The deadlines

  /**
   * The alarm of a joint approval: every warning and deadline due now is handled, then the
   * alarm is set for the next. What is due is read from the recorded facts at this instant,
   * so a late, repeated or stale alarm does exactly what is due and nothing else.
   */
  async onAlarm(tx: Tx, timer: DueTimer): Promise<void> {
    const { jointApprovalId } = timer.payload as { jointApprovalId: string };
    const state = await this.load(tx, jointApprovalId);
    if (!state || isFinal(state.joint.status)) return;
    const limits = await this.clockFacts(tx, state);
    const due = onCalendar(() => alarmsDue(this.calendar, this.watched(state, limits), state.now));
    for (const alarm of due) await this.raise(tx, state, alarm, limits);
    await this.settleClocks(tx, state);
    await this.save(tx, state);
  }

  private async raise(tx: Tx, state: SagaState, alarm: DueAlarm, limits: ReturnType<JointSaga["limits"]>): Promise<void> {
    const { joint, now } = state;
    const participant = alarm.participantId ? this.participant(state, alarm.participantId) : null;
    const limit = participant ? limits.participant.get(participant.id)! : limits.overall;
    const deadline = alarm.deadline.toISOString();
    const remaining = onCalendar(() => usageAt(this.calendar, limit, now)).remainingWorkingDays;
    await tx.publish(
      jointEvents.jointWarningRaised,
      { ...this.reference(joint), participantId: participant?.id ?? null, departmentId: participant?.departmentId ?? null, level: alarm.level, deadline, remainingWorkingDays: remaining, raisedAt: now.toISOString() },
      { centerCode: joint.centerCode },
    );
    const owner = participant ?? joint;
    owner.warningLevel = alarm.level;
    if (alarm.level === "YELLOW") owner.yellowRaisedFor = alarm.deadline;
    this.note(state, { kind: "WARNING", participantId: participant?.id ?? null, actor: "system", details: { level: alarm.level, deadline, remainingWorkingDays: remaining } });
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
      this.note(state, { kind: "DEEMED_CONSENT_REQUESTED", participantId: participant.id, actor: "system", note: `${participant.departmentName}联审期限届满未提出意见，视为同意` });
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
        ...this.reference(joint),
        reason: participant ? "PARTICIPANT_TIMED_OUT" : "JOINT_TIMED_OUT",
        participantId: participant?.id ?? null,
        departmentId: participant?.departmentId ?? null,
        deadline,
        escalatedAt: now.toISOString(),
      },
      { centerCode: joint.centerCode },
    );
    this.note(state, {
      kind: "ESCALATED",
      participantId: participant?.id ?? null,
      actor: "system",
      note: participant ? `${participant.departmentName}超过联审期限未答复，已报牵头部门和中心` : "联审总期限已过，已报牵头部门和中心",
      details: { deadline },
    });
  }
}
