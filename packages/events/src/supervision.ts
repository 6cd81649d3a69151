import { z } from "zod";
import { warningCard } from "./cases";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/**
 * Electronic supervision (电子监察): what a warning is about. Deadlines (a case's, a stage's with
 * its own limit, a joint approval's or a participant's) warn YELLOW and then RED; the others are
 * breaches seen in the record and are RED.
 */
export const supervisionWarningKinds = [
  /** 办件超时预警: the case's own clock. */
  "CASE_DEADLINE",
  /** A supervised stage (受理, 审查, 审批) with its own limit. */
  "STAGE_DEADLINE",
  /** 并联审批: the overall deadline or a participant's. */
  "JOINT_DEADLINE",
  /** 符合条件不予受理: refused after the applicant supplied everything the one-time notice asked for. */
  "REFUSED_QUALIFYING",
  /** A refusal or denial with no reason given. */
  "UNREASONED_REJECTION",
  /** 上报件 forwarded to the higher authority later than the forwarding limit. */
  "LATE_FORWARD",
  /** A step on the routing slip out of the supervised order. */
  "OUT_OF_ORDER",
  /** 违规收费: fees' irregularities. */
  "FEE_IRREGULARITY",
  /** 空岗: both the A and the B post holder of a window away. */
  "WINDOW_UNATTENDED",
  /** 差评未整改: a bad rating (好差评) whose follow-up the department did not answer in time. */
  "BAD_RATING_UNANSWERED",
] as const;
export type SupervisionWarningKind = (typeof supervisionWarningKinds)[number];

export const supervisionWarningStatuses = ["OPEN", "ACKNOWLEDGED", "CLOSED"] as const;
export type SupervisionWarningStatus = (typeof supervisionWarningStatuses)[number];

/** How a warning changed: raised, acknowledged by the supervision office, closed by itself, or withdrawn (a late event showed it never held). */
export const supervisionWarningChanges = ["RAISED", "ACKNOWLEDGED", "CLOSED", "WITHDRAWN"] as const;
export type SupervisionWarningChange = (typeof supervisionWarningChanges)[number];

/**
 * A supervision warning changed: its whole state after the change. The push stream to the
 * dashboard and the export to the provincial platform are built from it.
 */
export const supervisionWarningChanged = defineEvent(
  streams.supervision,
  "warning.changed",
  z.object({
    warningId: z.string(),
    change: z.enum(supervisionWarningChanges),
    kind: z.enum(supervisionWarningKinds),
    level: warningCard,
    status: z.enum(supervisionWarningStatuses),
    centerCode,
    departmentId: z.string().nullable(),
    windowId: z.string().nullable(),
    caseId: z.string().nullable(),
    jointApprovalId: z.string().nullable(),
    clock: z.string().nullable(),
    deadline: z.string().nullable(),
    detail: z.string(),
    raisedAt: z.string(),
    closedAt: z.string().nullable(),
    changedAt: z.string(),
  }),
);

/** 好差评: five levels, 5 very satisfied … 1 very dissatisfied; 2 and 1 are bad ratings. */
export const ratingLevels = ["VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED"] as const;
export type RatingLevel = (typeof ratingLevels)[number];
/** Where a rating came from: the applicant's own account, or the evaluator at the window in the hall. */
export const ratingChannels = ["APPLICANT", "HALL_DEVICE"] as const;
/** How a department answered a bad rating's follow-up: called the applicant back, fixed the cause, or explained. */
export const followUpAnswers = ["CALLBACK", "FIXED", "EXPLAINED"] as const;
/** The supervision office's decision on a department's appeal that a rating is malicious. */
export const appealDecisions = ["UPHELD", "REJECTED"] as const;

const ratedCase = {
  ratingId: z.string(),
  caseId: z.string(),
  receiptNo: z.string(),
  centerCode,
  departmentId: z.string(),
  windowId: z.string().nullable(),
  /** The case's first-contact handler (首问负责人): whose assessment the rating counts in. */
  handlerId: z.string().nullable(),
};

/**
 * A concluded case was rated, once: `score` 5 (very satisfied) to 1 (very dissatisfied). Staffing's
 * monthly assessment counts it; a bad one (≤ 2) is due a follow-up by `followUpDue`.
 */
export const ratingSubmitted = defineEvent(
  streams.supervision,
  "rating.submitted",
  z.object({
    ...ratedCase,
    score: z.number().int().min(1).max(5),
    channel: z.enum(ratingChannels),
    ratedAt: z.string(),
    /** 24:00 Beijing of the last working day for the follow-up; null for a rating that is not bad. */
    followUpDue: z.string().nullable(),
  }),
);

/** The department answered a bad rating's follow-up. */
export const ratingFollowUpAnswered = defineEvent(
  streams.supervision,
  "rating.follow-up-answered",
  z.object({ ...ratedCase, answer: z.enum(followUpAnswers), answeredAt: z.string() }),
);

/** The supervision office decided an appeal: UPHELD voids the rating (malicious), REJECTED lets it stand. */
export const ratingAppealDecided = defineEvent(
  streams.supervision,
  "rating.appeal-decided",
  z.object({ ...ratedCase, decision: z.enum(appealDecisions), decidedAt: z.string() }),
);
