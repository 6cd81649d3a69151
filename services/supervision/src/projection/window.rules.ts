import type { EventPayload, feesEvents, staffingEvents } from "@onestop/events";
import type { Evaluation } from "./case.rules";
import { earliest, warningId, type WarningCause } from "./warning.rules";

export type WindowPublished = EventPayload<typeof staffingEvents.windowPublished>;
export type WindowUnattended = EventPayload<typeof staffingEvents.windowUnattended>;
export type UnattendedEnded = EventPayload<typeof staffingEvents.windowUnattendedEnded>;
export type Punch = EventPayload<typeof staffingEvents.attendanceRecorded>;
export type FeeIrregularity = EventPayload<typeof feesEvents.feeIrregularityDetected>;

/** Everything the journal holds about one window, with the clock-ins of the staff its absences name. */
export interface WindowFacts {
  published: readonly WindowPublished[];
  unattended: readonly WindowUnattended[];
  /** Staffing's word that an absence ended early (a leave cancelled, a cover approved, a clock-in); the earliest counts. */
  ended: readonly UnattendedEnded[];
  punches: readonly Punch[];
}

export interface WindowView {
  windowId: string;
  centerCode: string;
  code: string;
  departmentId: string | null;
  revision: number;
}

const at = (iso: string) => new Date(iso);

/** The staff whose clock-ins can end the window's absences: its A and B post holders as the absences name them. */
export function watchedStaff(unattended: readonly WindowUnattended[]): string[] {
  return [...new Set(unattended.flatMap((u) => [u.aPostStaffId, u.bPostStaffId]).filter((s): s is string => s !== null))];
}

/**
 * 空岗: nobody serves the window from `from` until the absence's end, until its A or B post
 * holder clocks in again, or until staffing says it ended early (a leave cancelled, a cover
 * approved), whichever comes first. An end at or before `from`: it never was unattended.
 */
export function evaluateWindow(facts: WindowFacts, now: Date): Evaluation<WindowView> {
  const latest = [...facts.published].sort((a, b) => b.revision - a.revision)[0] ?? null;
  const first = latest ?? facts.unattended[0];
  if (!first) return { view: null, causes: [], nextAt: null };
  const view: WindowView | null = latest
    ? { windowId: latest.windowId, centerCode: latest.centerCode, code: latest.code, departmentId: latest.departmentId, revision: latest.revision }
    : null;
  const causes: WarningCause[] = [];
  let nextAt: Date | null = null;
  for (const absence of facts.unattended) {
    const from = at(absence.from);
    const holders = new Set([absence.aPostStaffId, absence.bPostStaffId]);
    const back = facts.punches
      .filter((p) => p.kind === "IN" && holders.has(p.staffId) && at(p.at).getTime() > from.getTime())
      .map((p) => at(p.at))
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const endedEarly = facts.ended.filter((e) => e.warningId === absence.warningId).map((e) => at(e.endedAt));
    const ends = earliest(absence.until ? at(absence.until) : null, back, ...endedEarly);
    if (ends && ends.getTime() <= from.getTime()) continue;
    if (from.getTime() > now.getTime()) {
      nextAt = earliest(nextAt, from);
      continue;
    }
    const closed = ends && ends.getTime() <= now.getTime() ? ends : null;
    if (!closed && ends) nextAt = earliest(nextAt, ends);
    causes.push({
      id: warningId("WINDOW_UNATTENDED", absence.windowId, absence.warningId),
      subjectType: "WINDOW",
      subjectId: absence.windowId,
      kind: "WINDOW_UNATTENDED",
      level: "RED",
      centerCode: absence.centerCode,
      departmentId: view?.departmentId ?? null,
      windowId: absence.windowId,
      caseId: null,
      jointApprovalId: null,
      clock: null,
      deadline: null,
      detail: `Window ${absence.windowCode}: nobody on duty (${absence.cause === "LEAVE" ? "both posts on leave" : "both posts clocked out"})`,
      raisedAt: from,
      closedAt: closed,
    });
  }
  return { view, causes, nextAt };
}

/** 违规收费: each irregularity fees reports is one warning; it stays until the supervision office has dealt with it. */
export function evaluateFee(irregularity: FeeIrregularity): WarningCause {
  return {
    id: warningId("FEE_IRREGULARITY", irregularity.irregularityId),
    subjectType: "FEE",
    subjectId: irregularity.irregularityId,
    kind: "FEE_IRREGULARITY",
    level: "RED",
    centerCode: irregularity.centerCode,
    departmentId: irregularity.departmentId,
    windowId: null,
    caseId: irregularity.caseId,
    jointApprovalId: null,
    clock: null,
    deadline: null,
    detail: `${irregularity.kind}: ${irregularity.detail}`,
    raisedAt: at(irregularity.detectedAt),
    closedAt: null,
  };
}
