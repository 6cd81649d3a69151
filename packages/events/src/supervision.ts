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
