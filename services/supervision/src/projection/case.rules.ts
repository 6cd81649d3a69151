import { deadlineDayOf, shanghaiDayOf, type WorkingCalendar } from "@onestop/calendar";
import type { casesEvents, CaseStatus, EventPayload } from "@onestop/events";
import { runsOf, runWarnings, workingDaysUntil, type ClockPoint, type TimePolicy } from "./clock.rules";
import { earliest, warningId, type WarningCause } from "./warning.rules";

export type StepEvent = EventPayload<typeof casesEvents.caseStageChanged>;
export type ConcludedEvent = EventPayload<typeof casesEvents.caseConcluded>;
export type ExtendedEvent = EventPayload<typeof casesEvents.caseDeadlineExtended>;
export type AcceptedEvent = EventPayload<typeof casesEvents.caseAccepted>;

/** Everything the journal holds about one case. */
export interface CaseFacts {
  steps: readonly StepEvent[];
  concluded: ConcludedEvent | null;
  /** Only for who applied (the rating is the applicant's); the steps tell the rest. */
  accepted?: AcceptedEvent | null;
  extensions: readonly ExtendedEvent[];
}

export interface CaseRules extends TimePolicy {
  /** 上报件: working days after acceptance within which the case must be forwarded. */
  forwardWithinWorkingDays: number;
}

/** The live projection of a case: where it stands, its clocks, who has it. */
export interface CaseView {
  caseId: string;
  receiptNo: string;
  centerCode: string;
  /** 代办 (issue 22): the township serving the applicant for a county case; null when the case's own center serves it. Its figures count there too. */
  agentCenterCode: string | null;
  departmentId: string;
  itemId: string;
  kind: StepEvent["kind"];
  windowId: string | null;
  handlerId: string | null;
  status: CaseStatus;
  stage: StepEvent["stage"];
  deadline: Date | null;
  stageDeadline: Date | null;
  onHold: boolean;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  /** When supervision stopped watching it: concluded, refused, withdrawn or returned. */
  endedAt: Date | null;
  outcome: ConcludedEvent["outcome"] | null;
  lastSlipSeq: number;
  jointApprovalId: string | null;
  participantId: string | null;
  /** Who applied (the account or applicant key that may rate the case); null until its acceptance is known. */
  applicantSubject: string | null;
  /** For the figures, from the conclusion: on time, working days used against the promised limit, 超时默认. */
  onTime: boolean | null;
  workingDaysUsed: number | null;
  promisedLimitDays: number | null;
  deemedApproval: boolean;
  /** 一次性告知: the slip shows a one-time notice of missing materials. */
  notified: boolean;
}

/** Statuses after which no clock of the case runs. */
const ENDED: ReadonlySet<CaseStatus> = new Set(["CONCLUDED", "DELIVERED", "REFUSED", "WITHDRAWN", "RETURNED", "REVOKED"]);
const UNDECIDED_BEFORE_REVIEW: ReadonlySet<CaseStatus> = new Set(["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED"]);
const STATUS_OF_OUTCOME: Record<ConcludedEvent["outcome"], CaseStatus> = {
  APPROVED: "CONCLUDED",
  DENIED: "CONCLUDED",
  DEEMED_APPROVED: "CONCLUDED",
  REFUSED: "REFUSED",
  WITHDRAWN: "WITHDRAWN",
  RETURNED: "RETURNED",
};

const at = (iso: string) => new Date(iso);
const atOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

/** The routing slip as known: one step per sequence number, in order. */
export function orderedSteps(steps: readonly StepEvent[]): StepEvent[] {
  const bySeq = new Map<number, StepEvent>();
  for (const step of steps) if (!bySeq.has(step.slipSeq)) bySeq.set(step.slipSeq, step);
  return [...bySeq.values()].sort((a, b) => a.slipSeq - b.slipSeq);
}

/** When the case stopped running: its conclusion, or the first step into an end status. */
function endOf(steps: readonly StepEvent[], concluded: ConcludedEvent | null): Date | null {
  const ending = steps.find((s) => s.concludes || ENDED.has(s.toStatus));
  return earliest(concluded ? at(concluded.concludedAt) : null, ending ? at(ending.occurredAt) : null);
}

export function caseView(facts: CaseFacts): CaseView | null {
  const steps = orderedSteps(facts.steps);
  const latest = steps[steps.length - 1];
  const concluded = facts.concluded;
  if (!latest && !concluded) return null;
  const identity = latest ?? concluded!;
  // The conclusion's own step may be known before its stage change arrives.
  const concludedLater = concluded?.step && (!latest || concluded.step.slipSeq > latest.slipSeq) ? concluded.step : null;
  const status: CaseStatus = concludedLater?.toStatus ?? latest?.toStatus ?? STATUS_OF_OUTCOME[concluded!.outcome];
  const endedAt = endOf(steps, concluded);
  return {
    caseId: identity.caseId,
    receiptNo: identity.receiptNo,
    centerCode: identity.centerCode,
    agentCenterCode: steps.find((s) => s.agentCenterCode)?.agentCenterCode ?? concluded?.agentCenterCode ?? null,
    departmentId: identity.departmentId,
    itemId: identity.itemId,
    kind: identity.kind,
    windowId: (concludedLater ? concluded!.windowId : latest?.windowId) ?? concluded?.windowId ?? null,
    handlerId: (concludedLater ? concluded!.handlerId : latest?.handlerId) ?? concluded?.handlerId ?? null,
    status,
    stage: endedAt || !latest ? null : latest.stage,
    deadline: endedAt || !latest ? atOrNull(concluded?.deadline ?? latest?.deadline ?? null) : atOrNull(latest.deadline),
    stageDeadline: endedAt || !latest ? null : atOrNull(latest.stageDeadline),
    onHold: endedAt || !latest ? false : latest.onHold,
    submittedAt: latest ? at(latest.submittedAt) : null,
    acceptedAt: atOrNull(latest?.acceptedAt ?? concluded?.acceptedAt ?? null),
    endedAt,
    outcome: concluded?.outcome ?? latest?.outcome ?? null,
    lastSlipSeq: Math.max(latest?.slipSeq ?? 0, concluded?.step?.slipSeq ?? 0),
    jointApprovalId: identity.jointApprovalId,
    participantId: identity.participantId,
    applicantSubject: facts.accepted?.applicantSubject ?? null,
    onTime: concluded ? concluded.onTime : null,
    workingDaysUsed: concluded?.workingDaysUsed ?? null,
    promisedLimitDays: concluded ? concluded.promisedLimitDays : null,
    deemedApproval: concluded ? concluded.decidedBySystem || concluded.outcome === "DEEMED_APPROVED" : latest?.outcome === "DEEMED_APPROVED",
    notified: steps.some((s) => s.toStatus === "MATERIALS_REQUESTED"),
  };
}

/** The case clock's points: its deadline after each step (none while on hold), with its limit then. */
function caseClockPoints(calendar: WorkingCalendar, steps: readonly StepEvent[], extensions: readonly ExtendedEvent[]): ClockPoint[] {
  const first = steps.find((s) => s.deadline && s.acceptedAt && !s.onHold);
  // The limit as set at acceptance (nothing held the clock before it), plus each approved extension (延期).
  const initial = first ? workingDaysUntil(calendar, at(first.acceptedAt!), at(first.deadline!)) : null;
  return steps.map((step) => {
    const extended = extensions.filter((e) => at(e.approvedAt).getTime() <= at(step.occurredAt).getTime()).reduce((sum, e) => sum + e.workingDays, 0);
    return {
      at: at(step.occurredAt),
      deadline: step.onHold ? null : atOrNull(step.deadline),
      totalWorkingDays: initial === null ? null : initial + extended,
    };
  });
}

/** A stage's clock points: its deadline while the stage runs, with the limit it started with. */
function stageClockPoints(calendar: WorkingCalendar, steps: readonly StepEvent[]): Array<ClockPoint & { stage: string | null }> {
  let stageStart: Date | null = null;
  let total: number | null = null;
  let previousStage: string | null = null;
  return steps.map((step) => {
    if (step.stage !== previousStage) {
      stageStart = step.stage ? at(step.occurredAt) : null;
      total = null;
      previousStage = step.stage;
    }
    const deadline = step.stage && !step.onHold ? atOrNull(step.stageDeadline) : null;
    if (deadline && total === null && stageStart) total = workingDaysUntil(calendar, stageStart, deadline);
    return { at: at(step.occurredAt), deadline, totalWorkingDays: total, stage: step.stage };
  });
}

const isBlank = (text: string | null) => !text || text.trim().length === 0;

/** The breaches a step shows against the steps known before it. */
function stepBreaches(view: CaseView, steps: readonly StepEvent[], rules: CaseRules): WarningCause[] {
  const causes: WarningCause[] = [];
  const cause = (step: StepEvent, kind: WarningCause["kind"], detail: string): WarningCause => ({
    id: warningId(kind, view.caseId, step.slipSeq),
    subjectType: "CASE",
    subjectId: view.caseId,
    kind,
    level: "RED",
    centerCode: view.centerCode,
    departmentId: view.departmentId,
    windowId: step.actorWindowId ?? step.windowId,
    caseId: view.caseId,
    jointApprovalId: view.jointApprovalId,
    clock: null,
    deadline: null,
    detail,
    raisedAt: at(step.occurredAt),
    closedAt: null,
  });
  steps.forEach((step, index) => {
    const previous = index > 0 && steps[index - 1].slipSeq === step.slipSeq - 1 ? steps[index - 1] : null;
    const rejects = step.toStatus === "REFUSED" || step.toStatus === "DENIED" || (step.concludes && (step.outcome === "DENIED" || step.outcome === "REFUSED"));
    if (rejects && step.actorKind !== "SYSTEM" && isBlank(step.opinion)) {
      causes.push(cause(step, "UNREASONED_REJECTION", `Case ${view.receiptNo}: ${step.action} (step ${step.slipSeq}) gives no reason`));
    }
    if (step.toStatus === "REFUSED") {
      // 符合条件不予受理: the last word on materials before the refusal was the applicant supplying them all.
      const lastOnMaterials = steps
        .slice(0, index)
        .reverse()
        .find((s) => s.action === "SUPPLY_MATERIALS" || s.action === "ISSUE_MATERIAL_NOTICE");
      if (lastOnMaterials?.action === "SUPPLY_MATERIALS") {
        causes.push(cause(step, "REFUSED_QUALIFYING", `Case ${view.receiptNo}: refused after every material the one-time notice listed was supplied`));
      }
    }
    if (step.kind === "REPORTED" && step.toStatus === "FORWARDED" && step.acceptedAt) {
      try {
        const limitDay = rules.calendar.addWorkingDays(shanghaiDayOf(at(step.acceptedAt)), rules.forwardWithinWorkingDays);
        if (shanghaiDayOf(at(step.occurredAt)) > limitDay) {
          causes.push(cause(step, "LATE_FORWARD", `Case ${view.receiptNo}: forwarded on ${shanghaiDayOf(at(step.occurredAt))}, due by ${limitDay}`));
        }
      } catch {
        // A year without a holiday table: the forwarding limit cannot be told, so nothing is claimed.
      }
    }
    if (previous && step.fromStatus !== previous.toStatus) {
      causes.push(cause(step, "OUT_OF_ORDER", `Case ${view.receiptNo}: step ${step.slipSeq} ${step.action} starts from ${step.fromStatus}, but step ${previous.slipSeq} left it ${previous.toStatus}`));
    } else if (previous && at(step.occurredAt).getTime() < at(previous.occurredAt).getTime()) {
      causes.push(cause(step, "OUT_OF_ORDER", `Case ${view.receiptNo}: step ${step.slipSeq} ${step.action} is dated before step ${previous.slipSeq}`));
    } else if (
      (step.kind === "PROMISED" || step.kind === "JOINT") &&
      step.actorKind === "STAFF" &&
      (step.toStatus === "APPROVED" || step.toStatus === "DENIED") &&
      step.fromStatus !== null &&
      UNDECIDED_BEFORE_REVIEW.has(step.fromStatus)
    ) {
      causes.push(cause(step, "OUT_OF_ORDER", `Case ${view.receiptNo}: decided (${step.toStatus}) without review (审核)`));
    }
  });
  return causes;
}

export interface Evaluation<V> {
  view: V | null;
  causes: WarningCause[];
  /** The next instant the causes change by time alone (a clock turning yellow or red); null when none will. */
  nextAt: Date | null;
}

/** A case's projection and its warnings, as its events and the time make them. */
export function evaluateCase(facts: CaseFacts, now: Date, rules: CaseRules): Evaluation<CaseView> {
  const view = caseView(facts);
  if (!view) return { view: null, causes: [], nextAt: null };
  const steps = orderedSteps(facts.steps);
  const causes: WarningCause[] = [];
  let nextAt: Date | null = null;
  const clockCauses = (clock: string, kind: "CASE_DEADLINE" | "STAGE_DEADLINE", points: ClockPoint[]) => {
    const merged = new Map<string, WarningCause>();
    for (const run of runsOf(points, view.endedAt)) {
      const result = runWarnings(rules, run, now);
      nextAt = earliest(nextAt, result.nextAt);
      for (const warning of result.warnings) {
        const id = warningId(kind, view.caseId, clock, warning.level, run.deadline.toISOString());
        const earlier = merged.get(id);
        const label = clock === "CASE" ? "case" : `${clock.toLowerCase()} stage`;
        merged.set(id, {
          id,
          subjectType: "CASE",
          subjectId: view.caseId,
          kind,
          level: warning.level,
          centerCode: view.centerCode,
          departmentId: view.departmentId,
          windowId: view.windowId,
          caseId: view.caseId,
          jointApprovalId: view.jointApprovalId,
          clock,
          deadline: run.deadline,
          detail:
            warning.level === "RED"
              ? `Case ${view.receiptNo}: ${label} deadline ${deadlineDayOf(run.deadline)} passed`
              : `Case ${view.receiptNo}: ${Math.round(rules.yellowShare * 100)}% of the ${label} time used; deadline ${deadlineDayOf(run.deadline)}`,
          // The same deadline standing again after a short hold is the same cause.
          raisedAt: earlier ? earlier.raisedAt : warning.raisedAt,
          closedAt: warning.closedAt,
        });
      }
    }
    causes.push(...merged.values());
  };
  clockCauses("CASE", "CASE_DEADLINE", caseClockPoints(rules.calendar, steps, facts.extensions));
  const stagePoints = stageClockPoints(rules.calendar, steps);
  for (const stage of new Set(stagePoints.map((p) => p.stage).filter((s): s is string => s !== null))) {
    // Each stage's clock runs only while the case is in it.
    clockCauses(stage, "STAGE_DEADLINE", stagePoints.map((p) => (p.stage === stage ? p : { ...p, deadline: null })));
  }
  causes.push(...stepBreaches(view, steps, rules));
  return { view, causes, nextAt };
}
