import { z } from "zod";
import { itemKind } from "./catalog";
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

/** Where a case (办件) stands. */
export const caseStatuses = [
  /** 申请: waiting for a window to accept it. */
  "SUBMITTED",
  /** 一次性告知: the one-time notice is out; the applicant supplies what it lists. */
  "MATERIALS_REQUESTED",
  /** 受理: accepted, the clock runs; review (审核) is next. */
  "ACCEPTED",
  /** 审核 done; the decision (批准) is next. */
  "REVIEWED",
  /** 上报: forwarded to the higher authority, whose result is awaited. */
  "FORWARDED",
  /** A denial on a veto item proposed by window staff: the chief representative must sign it. */
  "VETO_PROPOSED",
  /** A signed veto that the county head meeting (县长办公会) decides collectively. */
  "AWAITING_COUNTY_MEETING",
  /** Decided: approved, to be concluded (once any fee is settled). */
  "APPROVED",
  /** Decided: denied, to be concluded. */
  "DENIED",
  /** 办结 */
  "CONCLUDED",
  /** 送达: the result reached the applicant. */
  "DELIVERED",
  /** 不予受理 */
  "REFUSED",
  "WITHDRAWN",
  /** 退件: accepted with deficiencies (容缺) that did not follow by their date. */
  "RETURNED",
  /** Approved on a written commitment (告知承诺) that verification found breached. */
  "REVOKED",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatus = z.enum(caseStatuses);

export const caseOutcomes = ["APPROVED", "DENIED", "DEEMED_APPROVED", "REFUSED", "WITHDRAWN", "RETURNED"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const caseOutcome = z.enum(caseOutcomes);

/** The supervised stages (受理, 审查, 审批), each watched on its own clock where the item limits it. */
export const caseStages = ["ACCEPTANCE", "REVIEW", "APPROVAL"] as const;
export type CaseStage = (typeof caseStages)[number];

/** The clocks of a case: its own (from acceptance) and its supervised stages'. */
export const caseClocks = ["CASE", ...caseStages] as const;
export type CaseClock = (typeof caseClocks)[number];

/** 红黄牌: YELLOW, about to run out; RED, ran out. */
export const warningCards = ["YELLOW", "RED"] as const;
export type WarningCard = (typeof warningCards)[number];
export const warningCard = z.enum(warningCards);

export const actorKinds = ["APPLICANT", "STAFF", "SYSTEM"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** 申请人类别: a person (居民身份证号) or an enterprise (统一社会信用代码). */
export const applicantKinds = ["PERSON", "ENTERPRISE"] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/**
 * Added for the provincial export (docs/provincial-export.md): what the province asks of a case
 * that the case knows at the source. Null in events published before they were added, and the
 * item code also for an item version the cases replica took before it carried codes.
 * The ID number is masked here, at the source: events are kept 90 days and read by every
 * consumer of the stream, so the full number never goes on the bus.
 */
const provincialFields = {
  /** 实施编码 of the item version the case is judged by. */
  itemCode: z.string().nullable().default(null),
  applicantKind: z.enum(applicantKinds).nullable().default(null),
  /** The applicant's ID number masked (`maskIdNumber`: the region and the last four stay), never in full. */
  applicantIdMasked: z.string().nullable().default(null),
};

/** Which case an event is about, and whose: the first fields of every case event. */
const caseIdentity = {
  caseId: z.string(),
  receiptNo: z.string(),
  centerCode,
  itemId: z.string(),
  itemVersion: z.number().int().positive(),
  departmentId: z.string(),
  /**
   * Added (issue 22): the township convenience center (乡镇便民服务中心) that serves the applicant
   * for a case of a center above it, as agent (代办): takes it in, accepts it, hands over the
   * result. Absent or null: the case's own center serves it.
   */
  agentCenterCode: centerCode.nullish(),
  /** Added (issue 22): where the application was taken in when not at the case's own center: a village point (村代办点) or the township. */
  intakeCenterCode: centerCode.nullish(),
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
    kind: itemKind.default("PROMISED"),
    deadline: z.string().nullable().default(null),
    ...jointReference,
    /** Added: the department leading the joint case's joint approval (its bureau and staff follow the case and its fees). */
    jointLeadDepartmentId: z.string().nullable().default(null),
    /** Added: the hall's queue ticket (取号) the case was started from, when it was. */
    ticketId: z.string().nullable().default(null),
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
  actorKind: z.enum(actorKinds),
  /** The window the actor acted from, when a staff member acted at one. */
  actorWindowId: z.string().nullable(),
  /** Added (issue 22): the service center the staff member acted at (a township or village point acting as agent); absent or null before. */
  actorCenterCode: centerCode.nullish(),
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
    kind: itemKind.default("PROMISED"),
    decidedBySystem: z.boolean().default(false),
    /**
     * Added: the step that concluded the case, the same as its caseStageChanged (published in
     * the same transaction, with `concludes`), so a consumer that follows both can take this
     * event alone. Null in events published before it was added.
     */
    step: z.object(slipStep).nullable().default(null),
    ...jointReference,
    ...provincialFields,
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
    kind: itemKind,
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
    stage: z.enum(caseStages).nullable(),
    stageDeadline: z.string().nullable(),
    ...jointReference,
    ...provincialFields,
    /**
     * Added for the result documents (docs/results.md) and the notifications to applicants
     * (docs/notifications.md): who applied, as caseAccepted already tells it (the name printed on
     * a receipt, a notice or a licence; the account that may read them and is told of the case),
     * and what the step recorded beside its opinion (the one-time notice's materials).
     * Null in events published before they were added.
     */
    applicantSubject: z.string().nullable().default(null),
    applicantName: z.string().nullable().default(null),
    details: z.record(z.string(), z.unknown()).nullable().default(null),
  }),
);

/** 红黄牌预警: a clock of a case turned yellow (about to run out) or red (ran out). */
export const caseWarningRaised = defineEvent(
  streams.cases,
  "case.warning-raised",
  z.object({
    ...caseIdentity,
    kind: itemKind,
    windowId: z.string().nullable(),
    handlerId: z.string().nullable(),
    status: caseStatus,
    /** The case's own clock, or the stage with its own limit. */
    clock: z.enum(caseClocks),
    level: warningCard,
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
    kind: itemKind,
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

/** A line of a one-time notice as the applicant reads it. */
const noticedMaterial = z.object({
  code: z.string(),
  name: z.string(),
  /** MISSING, or what is wrong with the one supplied. */
  problem: z.string(),
  note: z.string().nullable(),
});

/**
 * 一次性告知 issued: everything missing or wrong, listed at once (the case's stage change to
 * MATERIALS_REQUESTED is published beside it). Notifications tell the applicant what to bring.
 */
export const caseMaterialNoticeIssued = defineEvent(
  streams.cases,
  "case.material-notice-issued",
  z.object({
    ...caseIdentity,
    applicantSubject: z.string(),
    windowId: z.string().nullable(),
    /** 1 for the case's first notice, 2 for a second after a resubmission, ... */
    noticeSeq: z.number().int().positive(),
    materials: z.array(noticedMaterial).min(1),
    issuedAt: z.string(),
  }),
);
