import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/**
 * The joint-approval saga (parallel-approval) drives the participants' cases through these
 * commands; cases owns every case and answers with its own case events, each of which
 * carries `jointApprovalId` and `participantId` for a joint case.
 */

/** Open one joint case (联办件) for a participating department; idempotent on participantId. */
export const jointCaseRequested = defineEvent(
  streams.jointApproval,
  "participant.case-requested",
  z.object({
    jointApprovalId: z.string(),
    participantId: z.string(),
    centerCode,
    projectCode: z.string(),
    projectName: z.string(),
    leadDepartmentId: z.string(),
    departmentId: z.string(),
    itemId: z.string(),
    applicantSubject: z.string(),
    applicantName: z.string(),
    applicantIdNumber: z.string(),
    requestedAt: z.string(),
  }),
);

/** Compensation: close the participant's case as withdrawn if it is still open. */
export const jointCaseWithdrawalRequested = defineEvent(
  streams.jointApproval,
  "participant.case-withdrawal-requested",
  z.object({
    jointApprovalId: z.string(),
    participantId: z.string(),
    centerCode,
    reason: z.string(),
    requestedAt: z.string(),
  }),
);

/** At a participant's deadline, where the item allows it: the silent department is taken to agree. */
export const jointDeemedConsentRequested = defineEvent(
  streams.jointApproval,
  "participant.deemed-consent-requested",
  z.object({
    jointApprovalId: z.string(),
    participantId: z.string(),
    centerCode,
    deadline: z.string(),
    requestedAt: z.string(),
  }),
);
