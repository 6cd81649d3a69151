import { jointEvents } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import type { JointApprovalRow, JointParticipantRow } from "./entities";
import type { Conclusion } from "./joint-approvals.rules";
import type { JointDeadlines } from "./joint-deadlines.service";
import { compensations, completion, runForward, type SagaAction, type SagaView } from "./joint-saga.steps";
import { note, participantOf, reference, type SagaState, type SagaStore } from "./joint-saga.state";

/**
 * The saga engine of joint approvals (并联审批): carries out the steps and compensations
 * declared in joint-saga.steps. The inbox, the outcome's compare-and-set, routing-slip steps
 * applied only when newer, and alarms that read what is due from the recorded facts make
 * each reaction that drives it idempotent.
 */
export class JointSaga {
  constructor(
    private readonly store: SagaStore,
    private readonly deadlines: JointDeadlines,
  ) {}

  /** Every step forward, in the opening transaction: nothing of it exists unless all of it does. */
  async open(tx: Tx, joint: JointApprovalRow, participants: JointParticipantRow[]): Promise<void> {
    const state: SagaState = { joint, participants, now: joint.openedAt, history: [], original: { joint: null, participants: new Map() } };
    const { actions, completed } = runForward(view(state));
    joint.completedSteps = completed;
    await this.apply(tx, state, actions, null);
    await tx.publish(
      jointEvents.jointApprovalOpened,
      {
        ...reference(joint),
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
    await this.store.save(tx, state);
  }

  /**
   * Ends the joint approval: approval by all completes the saga; a rejection or a withdrawal
   * runs the compensations of its completed steps, the latest first.
   */
  async conclude(tx: Tx, state: SagaState, conclusion: Conclusion, decidingParticipantId: string | null, actor: string): Promise<void> {
    const actions = conclusion.outcome === "APPROVED" ? completion() : compensations(state.joint.completedSteps, view(state));
    await this.apply(tx, state, actions, { ...conclusion, decidingParticipantId });
    const { joint } = state;
    await tx.publish(
      jointEvents.jointApprovalConcluded,
      {
        ...reference(joint),
        outcome: conclusion.outcome,
        reason: conclusion.reason,
        decidingParticipantId,
        participants: state.participants.map((p) => ({ participantId: p.id, departmentId: p.departmentId, outcome: p.outcome })),
        openedAt: joint.openedAt.toISOString(),
        concludedAt: state.now.toISOString(),
      },
      { centerCode: joint.centerCode },
    );
    note(state, { kind: "CONCLUDED", actor, note: conclusion.reason, participantId: decidingParticipantId, details: { outcome: conclusion.outcome } });
  }

  private async apply(tx: Tx, state: SagaState, actions: readonly SagaAction[], conclusion: (Conclusion & { decidingParticipantId: string | null }) | null): Promise<void> {
    const { joint, now } = state;
    for (const action of actions) {
      switch (action.kind) {
        case "STORE_JOINT_APPROVAL":
          // Written by the store at the end of the opening transaction, with the deadlines and alarm the later steps set.
          note(state, {
            kind: "OPENED",
            actor: joint.openedBy,
            note: joint.projectName,
            details: { projectCode: joint.projectCode, deadlineWorkingDays: joint.deadlineWorkingDays, greenChannel: joint.greenChannel },
          });
          break;
        case "REQUEST_CASE": {
          const participant = participantOf(state, action.participantId);
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
          await this.deadlines.settle(tx, state);
          break;
        case "DISARM_DEADLINES":
          await this.deadlines.disarm(tx, state);
          break;
        case "REQUEST_CASE_WITHDRAWAL": {
          const participant = participantOf(state, action.participantId);
          participant.withdrawalRequestedAt = now;
          await this.requestWithdrawal(tx, state, participant, conclusion?.reason ?? "联审终止");
          note(state, { kind: "WITHDRAWAL_REQUESTED", participantId: participant.id, actor: "system", note: conclusion?.reason ?? null });
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

  requestWithdrawal(tx: Tx, state: SagaState, participant: JointParticipantRow, reason: string) {
    return tx.publish(
      jointEvents.jointCaseWithdrawalRequested,
      { jointApprovalId: state.joint.id, participantId: participant.id, centerCode: state.joint.centerCode, reason, requestedAt: state.now.toISOString() },
      { centerCode: state.joint.centerCode },
    );
  }

  /** 催办: recorded on the participant and in the history; the event tells the department. */
  async urge(tx: Tx, state: SagaState, participant: JointParticipantRow, urgeNote: string | null, by: string): Promise<void> {
    participant.urgeCount += 1;
    participant.lastUrgedAt = state.now;
    await tx.publish(
      jointEvents.jointParticipantUrged,
      {
        ...reference(state.joint),
        participantId: participant.id,
        departmentId: participant.departmentId,
        caseId: participant.caseId,
        note: urgeNote,
        urgedBy: by,
        urgeCount: participant.urgeCount,
        urgedAt: state.now.toISOString(),
      },
      { centerCode: state.joint.centerCode },
    );
    note(state, { kind: "URGED", participantId: participant.id, actor: by, note: urgeNote, details: { urgeCount: participant.urgeCount } });
  }
}

function view(state: SagaState): SagaView {
  return {
    participantIds: state.participants.map((p) => p.id),
    stillOpen: (id) => state.participants.find((p) => p.id === id)?.outcome === null,
  };
}
