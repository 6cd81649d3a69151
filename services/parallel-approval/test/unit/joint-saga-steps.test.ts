import { compensationNameOf, compensations, completion, jointApprovalSteps, runForward, type SagaView } from "../../src/joint-approvals/joint-saga.steps";

const view = (open: string[]): SagaView => ({ participantIds: ["p1", "p2", "p3"], stillOpen: (id) => open.includes(id) });

test("every step declares its compensation beside it", () => {
  expect(jointApprovalSteps.map((s) => [s.name, s.compensation])).toEqual([
    ["RECORD_JOINT_APPROVAL", "CLOSE_JOINT_APPROVAL"],
    ["REQUEST_PARTICIPANT_CASES", "REQUEST_CASE_WITHDRAWALS"],
    ["ARM_DEADLINES", "DISARM_DEADLINES"],
  ]);
  expect(compensationNameOf("REQUEST_PARTICIPANT_CASES")).toBe("REQUEST_CASE_WITHDRAWALS");
});

test("forward: stored, one case requested per participant, deadlines armed; the completed steps are kept latest first", () => {
  const { actions, completed } = runForward(view(["p1", "p2", "p3"]));
  expect(actions).toEqual([
    { kind: "STORE_JOINT_APPROVAL" },
    { kind: "REQUEST_CASE", participantId: "p1" },
    { kind: "REQUEST_CASE", participantId: "p2" },
    { kind: "REQUEST_CASE", participantId: "p3" },
    { kind: "ARM_DEADLINES" },
  ]);
  expect(completed.map((c) => c.step)).toEqual(["ARM_DEADLINES", "REQUEST_PARTICIPANT_CASES", "RECORD_JOINT_APPROVAL"]);
  expect(completed[1]).toEqual({ step: "REQUEST_PARTICIPANT_CASES", participantIds: ["p1", "p2", "p3"] });
});

test("compensation runs the latest step's first, and withdraws only the cases still open", () => {
  const { completed } = runForward(view(["p1", "p2", "p3"]));
  // p2 denied (its outcome counted), p3 approved earlier: only p1 is still open.
  expect(compensations(completed, view(["p1"]))).toEqual([
    { kind: "DISARM_DEADLINES" },
    { kind: "REQUEST_CASE_WITHDRAWAL", participantId: "p1" },
    { kind: "CLOSE_JOINT_APPROVAL" },
  ]);
});

test("a compensation receives only what its step handed it: cases the step never asked for are not withdrawn", () => {
  const completed = [{ step: "REQUEST_PARTICIPANT_CASES" as const, participantIds: ["p1"] }];
  expect(compensations(completed, view(["p1", "p2", "p3"]))).toEqual([{ kind: "REQUEST_CASE_WITHDRAWAL", participantId: "p1" }]);
});

test("approval by all completes the saga: the deadlines are released, nothing is undone", () => {
  expect(completion()).toEqual([{ kind: "DISARM_DEADLINES" }, { kind: "CLOSE_JOINT_APPROVAL" }]);
});
