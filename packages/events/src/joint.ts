import { z } from "zod";
import { caseOutcome, warningCard } from "./cases";
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

/*
 * What the saga itself announces (并联审批 as the bureau, the departments and supervision
 * follow it). Each carries the joint approval, its center and its lead department.
 */

const jointReference = {
  jointApprovalId: z.string(),
  centerCode,
  projectCode: z.string(),
  leadDepartmentId: z.string(),
};

/** The lead department opened a joint approval: one joint case is being requested per participant. */
export const jointApprovalOpened = defineEvent(
  streams.jointApproval,
  "approval.opened",
  z.object({
    ...jointReference,
    projectName: z.string(),
    greenChannel: z.boolean(),
    deadlineWorkingDays: z.number().int().positive(),
    /** The overall deadline (24:00 of its day, Shanghai time). */
    deadline: z.string(),
    participants: z.array(
      z.object({ participantId: z.string(), departmentId: z.string(), itemId: z.string(), promisedLimitDays: z.number().int().nonnegative(), deadline: z.string() }),
    ),
    openedBy: z.string(),
    openedAt: z.string(),
  }),
);

/** A participant's one-time notice (一次性告知) stopped the joint clock: every open deadline waits. */
export const jointApprovalPaused = defineEvent(
  streams.jointApproval,
  "approval.paused",
  z.object({ ...jointReference, participantId: z.string(), departmentId: z.string(), pausedAt: z.string() }),
);

/** The last outstanding notice was answered: the joint clock runs again, with the deadlines moved. */
export const jointApprovalResumed = defineEvent(
  streams.jointApproval,
  "approval.resumed",
  z.object({
    ...jointReference,
    resumedAt: z.string(),
    deadline: z.string(),
    participantDeadlines: z.array(z.object({ participantId: z.string(), departmentId: z.string(), deadline: z.string() })),
  }),
);

/** 催办: the lead department urged a participating department to give its opinion. */
export const jointParticipantUrged = defineEvent(
  streams.jointApproval,
  "participant.urged",
  z.object({
    ...jointReference,
    participantId: z.string(),
    departmentId: z.string(),
    caseId: z.string().nullable(),
    note: z.string().nullable(),
    urgedBy: z.string(),
    urgeCount: z.number().int().positive(),
    urgedAt: z.string(),
  }),
);

/** 红黄牌预警 of the joint clock: a participant's deadline (participantId set) or the overall one. */
export const jointWarningRaised = defineEvent(
  streams.jointApproval,
  "approval.warning-raised",
  z.object({
    ...jointReference,
    participantId: z.string().nullable(),
    departmentId: z.string().nullable(),
    level: warningCard,
    deadline: z.string(),
    remainingWorkingDays: z.number().int(),
    raisedAt: z.string(),
  }),
);

/**
 * A deadline passed without an answer and no deemed consent applies: the lead department and
 * the center must act. PARTICIPANT_TIMED_OUT names the silent participant; JOINT_TIMED_OUT is
 * the overall deadline.
 */
export const jointApprovalEscalated = defineEvent(
  streams.jointApproval,
  "approval.escalated",
  z.object({
    ...jointReference,
    reason: z.enum(["PARTICIPANT_TIMED_OUT", "JOINT_TIMED_OUT"]),
    participantId: z.string().nullable(),
    departmentId: z.string().nullable(),
    deadline: z.string(),
    escalatedAt: z.string(),
  }),
);

export const jointOutcomes = ["APPROVED", "REJECTED", "WITHDRAWN"] as const;
export type JointOutcome = (typeof jointOutcomes)[number];

/**
 * The joint approval ended: APPROVED when every participant approved (or consented by
 * default), REJECTED on a final denial, refusal or return, WITHDRAWN by the applicant. Once
 * per joint approval.
 */
export const jointApprovalConcluded = defineEvent(
  streams.jointApproval,
  "approval.concluded",
  z.object({
    ...jointReference,
    outcome: z.enum(jointOutcomes),
    reason: z.string(),
    /** The participant whose outcome decided it, when one did. */
    decidingParticipantId: z.string().nullable(),
    participants: z.array(
      z.object({
        participantId: z.string(),
        departmentId: z.string(),
        outcome: caseOutcome.nullable(),
      }),
    ),
    openedAt: z.string(),
    concludedAt: z.string(),
  }),
);
