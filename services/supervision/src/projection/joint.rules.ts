import { deadlineDayOf } from "@onestop/calendar";
import type { EventPayload, jointEvents } from "@onestop/events";
import type { Evaluation } from "./case.rules";
import { runsOf, runWarnings, type ClockPoint, type TimePolicy } from "./clock.rules";
import { earliest, warningId, type WarningCause } from "./warning.rules";

export type JointOpened = EventPayload<typeof jointEvents.jointApprovalOpened>;
export type JointPaused = EventPayload<typeof jointEvents.jointApprovalPaused>;
export type JointResumed = EventPayload<typeof jointEvents.jointApprovalResumed>;
export type JointConcluded = EventPayload<typeof jointEvents.jointApprovalConcluded>;

/** Everything the journal holds about one joint approval (并联审批), with its participants' cases' conclusions. */
export interface JointFacts {
  opened: JointOpened | null;
  paused: readonly JointPaused[];
  resumed: readonly JointResumed[];
  concluded: JointConcluded | null;
  /** participantId → when that participant's case concluded. */
  participantsConcluded: ReadonlyMap<string, Date>;
}

export interface JointParticipantView {
  participantId: string;
  departmentId: string;
  deadline: string | null;
  concludedAt: string | null;
}

export interface JointView {
  jointApprovalId: string;
  centerCode: string;
  projectCode: string;
  projectName: string;
  leadDepartmentId: string;
  status: "OPEN" | "PAUSED" | "CONCLUDED";
  outcome: JointConcluded["outcome"] | null;
  deadline: Date | null;
  openedAt: Date;
  concludedAt: Date | null;
  participants: JointParticipantView[];
}

const at = (iso: string) => new Date(iso);

type Change = { at: Date; rank: number; overall: Date | null; participants: ReadonlyMap<string, Date | null> };

/** The joint clock's changes in time order: opened, then each pause (every deadline waits) and resumption. */
function changesOf(facts: JointFacts & { opened: JointOpened }): Change[] {
  const none = new Map(facts.opened.participants.map((p) => [p.participantId, null]));
  const changes: Change[] = [
    { at: at(facts.opened.openedAt), rank: 0, overall: at(facts.opened.deadline), participants: new Map(facts.opened.participants.map((p) => [p.participantId, at(p.deadline)])) },
    ...facts.paused.map((p) => ({ at: at(p.pausedAt), rank: 1, overall: null, participants: none })),
    ...facts.resumed.map((r) => ({
      at: at(r.resumedAt),
      rank: 2,
      overall: at(r.deadline),
      participants: new Map(r.participantDeadlines.map((p) => [p.participantId, at(p.deadline)])),
    })),
  ];
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
}

export function evaluateJoint(facts: JointFacts, now: Date, policy: TimePolicy): Evaluation<JointView> {
  const opened = facts.opened;
  if (!opened) return { view: null, causes: [], nextAt: null };
  const changes = changesOf({ ...facts, opened });
  const last = changes[changes.length - 1];
  const end = facts.concluded ? at(facts.concluded.concludedAt) : null;
  const view: JointView = {
    jointApprovalId: opened.jointApprovalId,
    centerCode: opened.centerCode,
    projectCode: opened.projectCode,
    projectName: opened.projectName,
    leadDepartmentId: opened.leadDepartmentId,
    status: end ? "CONCLUDED" : last.overall ? "OPEN" : "PAUSED",
    outcome: facts.concluded?.outcome ?? null,
    deadline: end ? null : last.overall,
    openedAt: at(opened.openedAt),
    concludedAt: end,
    participants: opened.participants.map((p) => {
      const deadline = last.participants.get(p.participantId) ?? null;
      return {
        participantId: p.participantId,
        departmentId: p.departmentId,
        deadline: deadline ? deadline.toISOString() : null,
        concludedAt: facts.participantsConcluded.get(p.participantId)?.toISOString() ?? null,
      };
    }),
  };

  const causes: WarningCause[] = [];
  let nextAt: Date | null = null;
  const clock = (name: string, departmentId: string, points: ClockPoint[], clockEnd: Date | null, label: string) => {
    const merged = new Map<string, WarningCause>();
    for (const run of runsOf(points, clockEnd)) {
      const result = runWarnings(policy, run, now);
      nextAt = earliest(nextAt, result.nextAt);
      for (const warning of result.warnings) {
        const id = warningId("JOINT_DEADLINE", opened.jointApprovalId, name, warning.level, run.deadline.toISOString());
        merged.set(id, {
          id,
          subjectType: "JOINT",
          subjectId: opened.jointApprovalId,
          kind: "JOINT_DEADLINE",
          level: warning.level,
          centerCode: opened.centerCode,
          departmentId,
          windowId: null,
          caseId: null,
          jointApprovalId: opened.jointApprovalId,
          clock: name,
          deadline: run.deadline,
          detail:
            warning.level === "RED"
              ? `Joint approval ${opened.projectCode}: ${label} deadline ${deadlineDayOf(run.deadline)} passed`
              : `Joint approval ${opened.projectCode}: ${Math.round(policy.yellowShare * 100)}% of the ${label} time used; deadline ${deadlineDayOf(run.deadline)}`,
          raisedAt: merged.get(id)?.raisedAt ?? warning.raisedAt,
          closedAt: warning.closedAt,
        });
      }
    }
    causes.push(...merged.values());
  };
  clock(
    "JOINT",
    opened.leadDepartmentId,
    changes.map((c) => ({ at: c.at, deadline: c.overall, totalWorkingDays: opened.deadlineWorkingDays })),
    end,
    "overall",
  );
  for (const participant of opened.participants) {
    clock(
      participant.participantId,
      participant.departmentId,
      changes.map((c) => ({ at: c.at, deadline: c.participants.get(participant.participantId) ?? null, totalWorkingDays: participant.promisedLimitDays })),
      earliest(end, facts.participantsConcluded.get(participant.participantId)),
      "participant's",
    );
  }
  return { view, causes, nextAt };
}
