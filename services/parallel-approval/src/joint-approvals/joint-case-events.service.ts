import type { casesEvents, EventPayload } from "@onestop/events";
import type { BatchedEvent, Clock, Tx } from "@onestop/platform";
import type { HistoryRow, JointParticipantRow } from "./entities";
import { awaitsAnswer, conclusionAfter, isFinal, isRoutineStep, outcomeEffect, participantStatus, type CaseStatus } from "./joint-approvals.rules";
import type { JointApprovalsRepository } from "./joint-approvals.repository";
import type { JointDeadlines } from "./joint-deadlines.service";
import type { JointSaga } from "./joint-saga.service";
import { historyEntry, note, type HistoryNote, type SagaState, type SagaStore } from "./joint-saga.state";

const CLOSED_CASE: readonly CaseStatus[] = ["CONCLUDED", "DELIVERED", "REFUSED", "WITHDRAWN", "RETURNED", "REVOKED"];

/** What the saga takes from a step on a participant's routing slip, from either event that carries one. */
type CaseStep = Pick<EventPayload<typeof casesEvents.caseStageChanged>, "caseId" | "receiptNo" | "handlerId" | "acceptedAt"> &
  NonNullable<EventPayload<typeof casesEvents.caseConcluded>["step"]>;

/** What a step can change on a participant (takeStep). */
const STEP_FIELDS: ReadonlyArray<keyof JointParticipantRow & string> = ["caseId", "receiptNo", "caseSlipSeq", "caseStatus", "handlerId", "acceptedAt", "opinion", "status"];

/** Where the participant's case stands after a step; true when the step is the newest seen. */
function takeStep(participant: JointParticipantRow, step: CaseStep): boolean {
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

function caseStepNote(participantId: string, step: CaseStep): HistoryNote {
  return {
    kind: "CASE_STEP",
    participantId,
    actor: step.actorId,
    note: step.opinion,
    details: { action: step.action, fromStatus: step.fromStatus, toStatus: step.toStatus, slipSeq: step.slipSeq, receiptNo: step.receiptNo, occurredAt: step.occurredAt },
  };
}

/**
 * What cases tells the saga about the participants' joint cases: where each stands, the
 * notices that stop the joint clock, extensions, and the outcomes that may end the joint
 * approval. Each reaction but the routine steps' locks the joint approval first.
 */
export class JointCaseEvents {
  constructor(
    private readonly store: SagaStore,
    private readonly repository: JointApprovalsRepository,
    private readonly saga: JointSaga,
    private readonly deadlines: JointDeadlines,
    private readonly clock: Clock,
  ) {}

  /** A step on a participant's routing slip: where its case stands, and whether a notice stops the joint clock. */
  async onCaseStageChanged(tx: Tx, event: EventPayload<typeof casesEvents.caseStageChanged>): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.store.load(tx, event.jointApprovalId);
    const participant = state?.participants.find((p) => p.id === event.participantId);
    if (!state || !participant) return;
    const awaitedBefore = awaitsAnswer(participant);
    const touchesNotice = await this.applyStep(tx, state, participant, event);
    if (!isFinal(state.joint.status) && (touchesNotice || awaitedBefore !== awaitsAnswer(participant))) await this.deadlines.settle(tx, state);
    await this.store.save(tx, state);
  }

  /** 办结 of a participant's case: its outcome is counted once, and may end the joint approval. */
  async onCaseConcluded(tx: Tx, event: EventPayload<typeof casesEvents.caseConcluded>): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.store.load(tx, event.jointApprovalId);
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
    note(state, {
      kind: "OUTCOME_COUNTED",
      participantId: participant.id,
      actor: event.decidedBySystem ? "system" : event.handlerId,
      note: participant.opinion,
      details: { outcome: event.outcome, receiptNo: event.receiptNo, concludedAt: event.concludedAt, onTime: event.onTime },
    });
    const conclusion = conclusionAfter(joint, event.outcome, effect, participant.departmentName);
    if (conclusion) await this.saga.conclude(tx, state, conclusion, participant.id, "system");
    // A participant that had already decided no longer had a clock watched: nothing to settle, unless its notice ended.
    else if (!isFinal(joint.status) && (awaitedBefore || touchesNotice)) await this.deadlines.settle(tx, state);
    await this.store.save(tx, state);
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
      if (fits) for (const { payload } of steps) takeStep(after, payload);
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

  /** 延期 on a participant's case: its deadline on the joint clock grows by as much. */
  async onCaseDeadlineExtended(tx: Tx, event: EventPayload<typeof casesEvents.caseDeadlineExtended>, eventId: string): Promise<void> {
    if (!event.jointApprovalId || !event.participantId) return;
    const state = await this.store.load(tx, event.jointApprovalId);
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
    note(state, { kind: "DEADLINE_EXTENDED", participantId: participant.id, actor: event.approvedBy, note: event.reason, details: { workingDays: event.workingDays } });
    if (!isFinal(state.joint.status)) await this.deadlines.settle(tx, state);
    await this.store.save(tx, state);
  }

  /**
   * Takes a routing-slip step into the participant (only when it is newer than the last one
   * seen, as steps may arrive out of order) and the history; records a step that starts or
   * ends a one-time notice, and tells whether it did.
   */
  private async applyStep(tx: Tx, state: SagaState, participant: JointParticipantRow, step: CaseStep): Promise<boolean> {
    const newest = takeStep(participant, step);
    note(state, caseStepNote(participant.id, step));
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
      await this.saga.requestWithdrawal(tx, state, participant, state.joint.conclusionReason ?? "联审终止");
    }
    return touchesNotice;
  }
}
