/**
 * The joint-approval saga (并联审批), orchestrated here: its named steps, each with the
 * compensation that undoes it declared beside it. Pure: a step says what to do as actions,
 * and hands its compensation only what it needs; the service carries the actions out in the
 * same transaction as the saga's state, so a step that fails leaves nothing behind.
 *
 *   RECORD_JOINT_APPROVAL      ↔ CLOSE_JOINT_APPROVAL
 *   REQUEST_PARTICIPANT_CASES  ↔ REQUEST_CASE_WITHDRAWALS   (jointCaseRequested ↔ jointCaseWithdrawalRequested)
 *   ARM_DEADLINES              ↔ DISARM_DEADLINES
 *
 * Then the saga waits for the participants' outcomes. Approval by all releases the deadlines
 * and keeps everything else; a final rejection or the applicant's withdrawal runs the
 * compensations of the completed steps, the latest first.
 */

export type StepName = "RECORD_JOINT_APPROVAL" | "REQUEST_PARTICIPANT_CASES" | "ARM_DEADLINES";
export type CompensationName = "CLOSE_JOINT_APPROVAL" | "REQUEST_CASE_WITHDRAWALS" | "DISARM_DEADLINES";

export type SagaAction =
  | { kind: "STORE_JOINT_APPROVAL" }
  | { kind: "REQUEST_CASE"; participantId: string }
  | { kind: "ARM_DEADLINES" }
  | { kind: "DISARM_DEADLINES" }
  | { kind: "REQUEST_CASE_WITHDRAWAL"; participantId: string }
  | { kind: "CLOSE_JOINT_APPROVAL" };

/** What a completed step handed to its compensation, kept with the saga's state. */
export interface CompletedStep {
  step: StepName;
  participantIds?: string[];
}

export interface SagaView {
  participantIds: readonly string[];
  /** Whether the participant's case may still be open (its outcome is not counted yet). */
  stillOpen(participantId: string): boolean;
}

interface StepDefinition {
  name: StepName;
  run(view: SagaView): { actions: SagaAction[]; handedOver: CompletedStep };
  compensation: CompensationName;
  compensate(handedOver: CompletedStep, view: SagaView): SagaAction[];
}

export const jointApprovalSteps: readonly StepDefinition[] = [
  {
    name: "RECORD_JOINT_APPROVAL",
    run: () => ({ actions: [{ kind: "STORE_JOINT_APPROVAL" }], handedOver: { step: "RECORD_JOINT_APPROVAL" } }),
    compensation: "CLOSE_JOINT_APPROVAL",
    compensate: () => [{ kind: "CLOSE_JOINT_APPROVAL" }],
  },
  {
    name: "REQUEST_PARTICIPANT_CASES",
    run: (view) => ({
      actions: view.participantIds.map((participantId) => ({ kind: "REQUEST_CASE" as const, participantId })),
      handedOver: { step: "REQUEST_PARTICIPANT_CASES", participantIds: [...view.participantIds] },
    }),
    compensation: "REQUEST_CASE_WITHDRAWALS",
    // Only the cases this step asked for, and of those only the ones not concluded: a concluded case stays as decided.
    compensate: (handedOver, view) =>
      (handedOver.participantIds ?? []).filter((id) => view.stillOpen(id)).map((participantId) => ({ kind: "REQUEST_CASE_WITHDRAWAL" as const, participantId })),
  },
  {
    name: "ARM_DEADLINES",
    run: () => ({ actions: [{ kind: "ARM_DEADLINES" }], handedOver: { step: "ARM_DEADLINES" } }),
    compensation: "DISARM_DEADLINES",
    compensate: () => [{ kind: "DISARM_DEADLINES" }],
  },
];

const stepNamed = (name: StepName) => jointApprovalSteps.find((s) => s.name === name)!;

/**
 * Every step forward, in order. The completed list is kept latest first, the way the
 * compensations will be run.
 */
export function runForward(view: SagaView): { actions: SagaAction[]; completed: CompletedStep[] } {
  const actions: SagaAction[] = [];
  const completed: CompletedStep[] = [];
  for (const step of jointApprovalSteps) {
    const result = step.run(view);
    actions.push(...result.actions);
    completed.unshift(result.handedOver);
  }
  return { actions, completed };
}

/** The compensations of the completed steps, latest first. */
export function compensations(completed: readonly CompletedStep[], view: SagaView): SagaAction[] {
  return completed.flatMap((done) => stepNamed(done.step).compensate(done, view));
}

/** Approved by all: the deadlines are released and it is closed; nothing is undone. */
export function completion(): SagaAction[] {
  return [{ kind: "DISARM_DEADLINES" }, { kind: "CLOSE_JOINT_APPROVAL" }];
}

export function compensationNameOf(step: StepName): CompensationName {
  return stepNamed(step).compensation;
}
