import { createHash } from "node:crypto";
import type { EventPayload, supervisionEvents, SupervisionWarningChange, SupervisionWarningKind, SupervisionWarningStatus, WarningCard } from "@onestop/events";

/** What the journal files events under: the thing each one is about. */
/** RATING: a case's rating (好差评) and its follow-up, filed by supervision itself. TICKET, BOOKING: the hall's queue tickets and appointments. */
export const subjectTypes = ["CASE", "JOINT", "WINDOW", "FEE", "STAFF", "RATING", "TICKET", "BOOKING"] as const;
export type SubjectType = (typeof subjectTypes)[number];

export interface SubjectRef {
  type: SubjectType;
  id: string;
}

export const subjectKey = (subject: SubjectRef) => `${subject.type}:${subject.id}`;

/**
 * A warning as the rules derive it from a subject's events and the time: when its cause began
 * and, if it is gone, when it went. The same events and the same instant give the same causes,
 * whatever order the events came in; that is what makes the projection rebuildable.
 */
export interface WarningCause {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  kind: SupervisionWarningKind;
  level: WarningCard;
  centerCode: string;
  departmentId: string | null;
  windowId: string | null;
  caseId: string | null;
  jointApprovalId: string | null;
  /** The clock a deadline warning watches (CASE, a stage, JOINT or a participant id); null for the others. */
  clock: string | null;
  deadline: Date | null;
  detail: string;
  raisedAt: Date;
  closedAt: Date | null;
}

/** A warning's id: the same cause always has the same id, in the live projection and in a rebuild. */
export function warningId(...causeKey: Array<string | number | null>): string {
  return createHash("sha256").update(causeKey.join("|")).digest("hex").slice(0, 32);
}

/** Closed once its cause is gone, whatever anybody did; acknowledged (with a note) while it still holds; open otherwise. */
export function warningStatus(closedAt: Date | null, acknowledgedAt: Date | null): SupervisionWarningStatus {
  if (closedAt) return "CLOSED";
  return acknowledgedAt ? "ACKNOWLEDGED" : "OPEN";
}

export interface WarningChange {
  change: SupervisionWarningChange;
  warning: WarningCause;
}

/** What the push stream and the export learn of one change of a warning (event `supervision.warning.changed`). */
export function warningChangedPayload(
  warning: Omit<WarningCause, "id" | "subjectType" | "subjectId"> & { id: string },
  change: SupervisionWarningChange,
  status: SupervisionWarningStatus,
  changedAt: Date,
): EventPayload<typeof supervisionEvents.supervisionWarningChanged> {
  return {
    warningId: warning.id,
    change,
    kind: warning.kind,
    level: warning.level,
    status,
    centerCode: warning.centerCode,
    departmentId: warning.departmentId,
    windowId: warning.windowId,
    caseId: warning.caseId,
    jointApprovalId: warning.jointApprovalId,
    clock: warning.clock,
    deadline: warning.deadline?.toISOString() ?? null,
    detail: warning.detail,
    raisedAt: warning.raisedAt.toISOString(),
    closedAt: warning.closedAt?.toISOString() ?? null,
    changedAt: changedAt.toISOString(),
  };
}

export interface WarningDiff {
  /** New or changed warnings to write. */
  upserts: WarningCause[];
  /** Warnings a late event showed never held (their subject's causes no longer include them). */
  withdrawn: WarningCause[];
  /** What the dashboard is told. */
  changes: WarningChange[];
}

const sameInstant = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function sameCause(a: WarningCause, b: WarningCause): boolean {
  return (
    a.level === b.level &&
    a.departmentId === b.departmentId &&
    a.windowId === b.windowId &&
    a.detail === b.detail &&
    sameInstant(a.deadline, b.deadline) &&
    sameInstant(a.raisedAt, b.raisedAt) &&
    sameInstant(a.closedAt, b.closedAt)
  );
}

/** What to write and to announce when a subject's causes were `before` and are now `after`. */
export function diffWarnings(before: readonly WarningCause[], after: readonly WarningCause[]): WarningDiff {
  const previous = new Map(before.map((w) => [w.id, w]));
  const diff: WarningDiff = { upserts: [], withdrawn: [], changes: [] };
  for (const warning of after) {
    const earlier = previous.get(warning.id);
    previous.delete(warning.id);
    if (earlier && sameCause(earlier, warning)) continue;
    diff.upserts.push(warning);
    if (!earlier || (earlier.closedAt && !warning.closedAt)) diff.changes.push({ change: "RAISED", warning });
    if (warning.closedAt && (!earlier || !earlier.closedAt)) diff.changes.push({ change: "CLOSED", warning });
  }
  for (const gone of previous.values()) {
    diff.withdrawn.push(gone);
    diff.changes.push({ change: "WITHDRAWN", warning: gone });
  }
  return diff;
}

/** The earliest of some instants, ignoring the missing ones. */
export function earliest(...instants: Array<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const instant of instants) if (instant && (!best || instant.getTime() < best.getTime())) best = instant;
  return best;
}
