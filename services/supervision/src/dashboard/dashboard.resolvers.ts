import type { EntityReference } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { DashboardService } from "./dashboard.service";
import { statusOf } from "./dashboard.service";

const ref = (id: string | null): EntityReference | null => (id ? { id } : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Thin: each field asks the service, which checks the caller's scope. */
export function dashboardResolvers(service: DashboardService): Resolvers {
  return {
    Query: {
      supervisionCaseCounts: (_, args, { identity }) => service.caseCounts(identity, args),
      supervisionWarnings: (_, args, { identity }) => service.warnings(identity, args),
      supervisionWarningCounts: (_, args, { identity }) => service.warningCounts(identity, args),
      caseSupervision: (_, args, { identity }) => service.caseSupervision(identity, args),
      jointApprovalsAtRisk: (_, args, { identity }) => service.jointsAtRisk(identity, args),
    },
    Mutation: {
      acknowledgeWarning: (_, args, { identity }) => service.acknowledge(identity, args),
    },
    SupervisionWarning: {
      status: (w) => statusOf(w),
      department: (w) => ref(w.departmentId),
      window: (w) => ref(w.windowId),
      case: (w) => ref(w.caseId),
      jointApproval: (w) => ref(w.jointApprovalId),
      deadline: (w) => iso(w.deadline),
      raisedAt: (w) => w.raisedAt.toISOString(),
      closedAt: (w) => iso(w.closedAt),
      acknowledgement: (w) =>
        w.acknowledgedAt && w.note && w.acknowledgedBy ? { note: w.note, acknowledgedBy: w.acknowledgedBy, acknowledgedAt: w.acknowledgedAt.toISOString() } : null,
    },
    SupervisionWarningConnection: {
      nodes: (c) => c.nodes,
      pageInfo: (c) => ({ endCursor: c.endCursor, hasNextPage: c.hasNextPage }),
      totalCount: (c) => c.totalCount,
    },
    SupervisionCaseCount: {
      department: (c) => ({ id: c.departmentId }),
      status: (c) => c.status as never,
    },
    SupervisionWarningCount: {
      department: (c) => ref(c.departmentId),
    },
    SupervisedStep: {
      actor: (s) => s.actorId,
      window: (s) => ref(s.actorWindowId ?? s.windowId),
      opinionGiven: (s) => Boolean(s.opinion && s.opinion.trim()),
    },
    CaseSupervision: {
      case: (v) => ({ id: v.row.case_id }),
      receiptNo: (v) => v.row.receipt_no,
      centerCode: (v) => v.row.center_code,
      department: (v) => ({ id: v.row.department_id }),
      window: (v) => ref(v.row.window_id),
      handler: (v) => ref(v.row.handler_id),
      kind: (v) => v.row.kind,
      status: (v) => v.row.status as never,
      stage: (v) => v.row.stage,
      deadline: (v) => iso(v.row.deadline),
      stageDeadline: (v) => iso(v.row.stage_deadline),
      onHold: (v) => v.row.on_hold === 1,
      submittedAt: (v) => iso(v.row.submitted_at),
      acceptedAt: (v) => iso(v.row.accepted_at),
      endedAt: (v) => iso(v.row.ended_at),
      steps: (v) => v.steps,
      warnings: (v) => v.warnings,
    },
    JointApprovalAtRisk: {
      jointApproval: (j) => ({ id: j.jointApprovalId }),
      leadDepartment: (j) => ({ id: j.leadDepartmentId }),
      deadline: (j) => iso(j.deadline),
    },
  };
}
