import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/**
 * Every case event names the joint approval (并联审批) and the participant a joint case
 * belongs to, so the saga can follow its participants; both are null for other cases.
 * Fields marked "added" carry defaults so events published before them still read.
 */
const jointReference = {
  jointApprovalId: z.string().nullable().default(null),
  participantId: z.string().nullable().default(null),
};

export const caseKind = z.enum(["INSTANT", "PROMISED", "JOINT", "REPORTED"]);

export const caseStatus = z.enum([
  "SUBMITTED",
  "MATERIALS_REQUESTED",
  "ACCEPTED",
  "REVIEWED",
  "FORWARDED",
  "VETO_PROPOSED",
  "AWAITING_COUNTY_MEETING",
  "APPROVED",
  "DENIED",
  "CONCLUDED",
  "DELIVERED",
  "REFUSED",
  "WITHDRAWN",
  "RETURNED",
  "REVOKED",
]);

export const caseOutcome = z.enum(["APPROVED", "DENIED", "DEEMED_APPROVED", "REFUSED", "WITHDRAWN", "RETURNED"]);

/** Which case an event is about, and whose: the first fields of every case event. */
const caseIdentity = {
  caseId: z.string(),
  receiptNo: z.string(),
  centerCode,
  itemId: z.string(),
  itemVersion: z.number().int().positive(),
  departmentId: z.string(),
};

export const caseAccepted = defineEvent(
  streams.cases,
  "case.accepted",
  z.object({
    ...caseIdentity,
    handlerId: z.string(),
    /** Who applied: the account that will pay and may see the case. */
    applicantSubject: z.string(),
    applicantName: z.string(),
    quantity: z.number().int().positive(),
    acceptedAt: z.string(),
    /** Added: the window that accepted it, the kind, and the deadline (null while the clock is on hold). */
    windowId: z.string().nullable().default(null),
    kind: caseKind.default("PROMISED"),
    deadline: z.string().nullable().default(null),
    ...jointReference,
  }),
);

/** A step on the routing slip (流转单) as the events tell it. */
const slipStep = {
  slipSeq: z.number().int().positive(),
  action: z.string(),
  fromStatus: caseStatus.nullable(),
  toStatus: caseStatus,
  /** Who acted: a staff id, the applicant's account, or `system`. */
  actorId: z.string(),
  actorKind: z.enum(["APPLICANT", "STAFF", "SYSTEM"]),
  /** The window the actor acted from, when a staff member acted at one. */
  actorWindowId: z.string().nullable(),
  opinion: z.string().nullable(),
  occurredAt: z.string(),
};

/**
 * 办结: the case reached its end. Published once per case; assessment and supervision
 * compute on-time and early-completion rates from it. RETURNED (退件: accepted with
 * deficiencies that never followed) was added with the full lifecycle.
 */
export const caseConcluded = defineEvent(
  streams.cases,
  "case.concluded",
  z.object({
    ...caseIdentity,
    windowId: z.string().nullable(),
    handlerId: z.string().nullable(),
    outcome: caseOutcome,
    acceptedAt: z.string().nullable(),
    concludedAt: z.string(),
    /** The deadline in force at conclusion (after suspensions and extensions); null without a clock. */
    deadline: z.string().nullable(),
    onTime: z.boolean(),
    /** Working days used against the promised limit, for early-completion rates. */
    workingDaysUsed: z.number().int().nonnegative().nullable(),
    promisedLimitDays: z.number().int().nonnegative(),
    /** Added: the kind, and whether the system decided it (超时默认, deemed consent). */
    kind: caseKind.default("PROMISED"),
    decidedBySystem: z.boolean().default(false),
    /**
     * Added: the step that concluded the case, the same as its caseStageChanged (published in
     * the same transaction, with `concludes`), so a consumer that follows both can take this
     * event alone. Null in events published before it was added.
     */
    step: z.object(slipStep).nullable().default(null),
    ...jointReference,
  }),
);

/**
 * One step on the routing slip (流转单): every transition of every case, in order per case
 * (`slipSeq`), for real-time electronic supervision. `fromStatus` is null for the submission.
 */
export const caseStageChanged = defineEvent(
  streams.cases,
  "case.stage-changed",
  z.object({
    ...caseIdentity,
    kind: caseKind,
    /** The case's window after the step. */
    windowId: z.string().nullable(),
    /** 首问负责人: the staff member who owns the case; null until a staff member handled it. */
    handlerId: z.string().nullable(),
    ...slipStep,
    outcome: caseOutcome.nullable(),
    /** Added: the step concluded the case; its caseConcluded carries this step too. */
    concludes: z.boolean().default(false),
    submittedAt: z.string(),
    acceptedAt: z.string().nullable(),
    /** The case's deadline after the step; null before acceptance or while the clock is on hold. */
    deadline: z.string().nullable(),
    onHold: z.boolean(),
    /** The supervised stage now running with its own limit, and its deadline. */
    stage: z.enum(["ACCEPTANCE", "REVIEW", "APPROVAL"]).nullable(),
    stageDeadline: z.string().nullable(),
    ...jointReference,
  }),
);

/** 红黄牌预警: a clock of a case turned yellow (about to run out) or red (ran out). */
export const caseWarningRaised = defineEvent(
  streams.cases,
  "case.warning-raised",
  z.object({
    ...caseIdentity,
    kind: caseKind,
    windowId: z.string().nullable(),
    handlerId: z.string().nullable(),
    status: caseStatus,
    /** The case's own clock, or the stage with its own limit. */
    clock: z.enum(["CASE", "ACCEPTANCE", "REVIEW", "APPROVAL"]),
    level: z.enum(["YELLOW", "RED"]),
    deadline: z.string(),
    remainingWorkingDays: z.number().int(),
    raisedAt: z.string(),
    acceptedAt: z.string().nullable(),
    ...jointReference,
  }),
);

/** 延期: a leader approved more working days; the notice tells the applicant why and until when. */
export const caseDeadlineExtended = defineEvent(
  streams.cases,
  "case.deadline-extended",
  z.object({
    ...caseIdentity,
    kind: caseKind,
    windowId: z.string().nullable(),
    handlerId: z.string().nullable(),
    applicantSubject: z.string(),
    workingDays: z.number().int().positive(),
    reason: z.string(),
    applicantNotice: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    acceptedAt: z.string().nullable(),
    /** The new deadline; null while the clock is on hold. */
    deadline: z.string().nullable(),
    ...jointReference,
  }),
);
