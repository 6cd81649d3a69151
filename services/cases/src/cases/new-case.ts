import { randomInt, randomUUID } from "node:crypto";
import { DomainError } from "@onestop/platform";
import { CaseErrorCode } from "../errors";
import type { ItemVersionReplicaRow } from "../items/entities";
import { owesFee } from "../payments/payments.rules";
import { receiptNumber } from "./cases.rules";
import type { CaseRow } from "./entities";

/**
 * A case as it is submitted (申请), with a freshly drawn receipt number; a number drawn
 * before is refused by its unique key when the case is inserted.
 */
export function newCase(input: {
  item: ItemVersionReplicaRow;
  kind: CaseRow["kind"];
  applicantSubject: string;
  applicantName: string;
  applicantIdNumber: string;
  quantity: number;
  onCommitment: boolean;
  windowId: string | null;
  submitKey: string | null;
  now: Date;
  /** 代办: the township serving the applicant and where the application was taken in, when not the case's own center. */
  agentCenterCode?: string | null;
  intakeCenterCode?: string | null;
}): CaseRow {
  const { item, now } = input;
  return {
    id: randomUUID(),
    receiptNo: receiptNumber(now, String(randomInt(0, 100_000_000))),
    centerCode: item.centerCode,
    itemId: item.itemId,
    itemVersion: item.version,
    departmentId: item.departmentId,
    kind: input.kind,
    status: "SUBMITTED",
    outcome: null,
    applicantSubject: input.applicantSubject,
    applicantName: input.applicantName,
    applicantIdNumber: input.applicantIdNumber,
    quantity: input.quantity,
    handlerId: null,
    windowId: input.windowId,
    onCommitment: input.onCommitment,
    commitmentState: null,
    feeRequired: owesFee(item.feeStandard, input.quantity),
    submittedAt: now,
    acceptedAt: null,
    reviewedAt: null,
    decidedAt: null,
    decidedBy: null,
    decisionOpinion: null,
    concludedAt: null,
    deliveredAt: null,
    deliveryMethod: null,
    forwardedTo: null,
    forwardedAt: null,
    higherAuthorityDocumentNo: null,
    higherAuthorityDocumentDate: null,
    promisedDays: null,
    deadlineAt: null,
    deadlineDay: null,
    onHold: false,
    clockEvents: 0,
    stage: null,
    stageStartedAt: null,
    stageDueAt: null,
    deficiencyDueDay: null,
    jointApprovalId: null,
    participantId: null,
    jointLeadDepartmentId: null,
    agentCenterCode: input.agentCenterCode ?? null,
    intakeCenterCode: input.intakeCenterCode ?? null,
    ticketId: null,
    submitKey: input.submitKey,
    slipSeq: 0,
    lastStepAt: now,
    timers: [],
  };
}

/** No new case is taken in for an item retired from the catalog (取消 or 合并). */
export function requireOpen(itemId: string, current: { cancelledAt: Date | null; mergedIntoItemId: string | null }): void {
  if (current.cancelledAt) {
    throw new DomainError(CaseErrorCode.ItemCancelled, `Item ${itemId} was retired from the catalog`, { mergedIntoItemId: current.mergedIntoItemId });
  }
}

/** What an applicant submits (申请), as the case keeps it. */
export type Submission = Pick<CaseRow, "itemId" | "applicantName" | "applicantIdNumber" | "quantity" | "onCommitment">;

/**
 * A submission sent again under the key of an earlier one is a retry only if it asks for the
 * same thing: the first of its fields that differs from the case the key made, else null.
 */
export function submissionDiffers(earlier: Submission, again: Submission): keyof Submission | null {
  const fields: Array<keyof Submission> = ["itemId", "applicantName", "applicantIdNumber", "quantity", "onCommitment"];
  return fields.find((field) => earlier[field] !== again[field]) ?? null;
}
