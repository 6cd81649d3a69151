import type { StepEvent } from "../../src/projection/case.rules";

export const CENTER = "330110000000";

/** A stage change as cases publishes it, with what a test leaves out filled in. */
export function step(slipSeq: number, over: Partial<StepEvent> = {}): StepEvent {
  return {
    caseId: "case-1",
    receiptNo: "R-0001",
    centerCode: CENTER,
    itemId: "item-1",
    itemVersion: 1,
    departmentId: "dept-1",
    kind: "PROMISED",
    windowId: "win-1",
    handlerId: "staff-1",
    slipSeq,
    action: "ACCEPT",
    fromStatus: "SUBMITTED",
    toStatus: "ACCEPTED",
    actorId: "staff-1",
    actorKind: "STAFF",
    actorWindowId: "win-1",
    opinion: "ok",
    occurredAt: "2026-03-02T02:00:00.000Z",
    outcome: null,
    concludes: false,
    submittedAt: "2026-03-02T01:00:00.000Z",
    acceptedAt: "2026-03-02T02:00:00.000Z",
    deadline: null,
    onHold: false,
    stage: null,
    stageDeadline: null,
    jointApprovalId: null,
    participantId: null,
    // As published before cases carried the provincial export's fields.
    itemCode: null,
    applicantKind: null,
    applicantIdMasked: null,
    // As published before cases carried the result documents' fields.
    applicantSubject: null,
    applicantName: null,
    details: null,
    ...over,
  };
}
