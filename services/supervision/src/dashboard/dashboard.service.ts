import { z } from "zod";
import { casesEvents, supervisionEvents, type SupervisionWarningStatus, type WarningCard } from "@onestop/events";
import { DomainError, forbidden, notFound, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { SupervisionErrorCode } from "../errors";
import { orderedSteps, type StepEvent } from "../projection/case.rules";
import type { ProjectionRepository } from "../projection/projection.repository";
import { warningChangedPayload, warningStatus } from "../projection/warning.rules";
import { readScope, requireSupervisor } from "./access.rules";
import type { CaseCountRow, CaseRow, DashboardRepository, WarningCountRow, WarningView } from "./dashboard.repository";

export interface WarningConnection {
  nodes: WarningView[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface CaseSupervisionView {
  row: CaseRow;
  steps: StepEvent[];
  warnings: WarningView[];
}

export interface JointAtRiskView {
  jointApprovalId: string;
  projectCode: string;
  projectName: string;
  leadDepartmentId: string;
  deadline: Date | null;
  paused: boolean;
  level: WarningCard;
  warnings: WarningView[];
}

const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");
const id = z.string().min(1).max(64);
const filterSchema = z.object({
  centerCode,
  kinds: z.array(z.enum(supervisionEvents.supervisionWarningKinds)).nullish(),
  levels: z.array(z.enum(casesEvents.warningCards)).nullish(),
  statuses: z.array(z.enum(supervisionEvents.supervisionWarningStatuses)).nullish(),
  departmentId: id.nullish(),
  windowId: id.nullish(),
});
const pageSchema = z.object({ first: z.number().int().min(1, "at least 1").max(200, "at most 200"), after: z.string().nullish() });
const acknowledgeSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, "a warning id"),
  note: z.string().trim().min(1, "a note is required").max(2000, "at most 2000 characters"),
});

function encodeCursor(warning: WarningView): string {
  return Buffer.from(`${warning.raisedAt.toISOString()}|${warning.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { raisedAt: Date; id: string } {
  const [raisedAt, warningId, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(raisedAt ?? "");
  if (extra !== undefined || !warningId || !/^[0-9a-f]{32}$/.test(warningId) || Number.isNaN(at.getTime())) {
    throw new DomainError(SupervisionErrorCode.InvalidCursor, "after: not a cursor of this list", { field: "after" });
  }
  return { raisedAt: at, id: warningId };
}

/** The dashboard's questions and the supervision office's one act, each checked against the caller's scope. */
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly projection: ProjectionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async caseCounts(identity: Identity, input: { centerCode: string; departmentId?: string | null }): Promise<CaseCountRow[]> {
    const args = validate(z.object({ centerCode, departmentId: id.nullish() }), input);
    return this.repository.caseCounts(readScope(identity, args.centerCode, args.departmentId ?? null), this.clock.now());
  }

  async warnings(identity: Identity, input: { filter: unknown; first?: number | null; after?: string | null }): Promise<WarningConnection> {
    const filter = validate(filterSchema, input.filter, "filter");
    const page = validate(pageSchema, { first: input.first ?? 50, after: input.after });
    const scope = readScope(identity, filter.centerCode, filter.departmentId ?? null);
    const after = page.after ? decodeCursor(page.after) : null;
    const query = { scope, kinds: filter.kinds, levels: filter.levels, statuses: filter.statuses, windowId: filter.windowId };
    const rows = await this.repository.warnings(query, page.first + 1, after);
    const nodes = rows.slice(0, page.first);
    return {
      nodes,
      hasNextPage: rows.length > page.first,
      endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]) : null,
      totalCount: await this.repository.countWarnings(query),
    };
  }

  async warningCounts(identity: Identity, input: { centerCode: string; departmentId?: string | null }): Promise<WarningCountRow[]> {
    const args = validate(z.object({ centerCode, departmentId: id.nullish() }), input);
    return this.repository.warningCounts(readScope(identity, args.centerCode, args.departmentId ?? null));
  }

  async caseSupervision(identity: Identity, input: { caseId: string }): Promise<CaseSupervisionView | null> {
    const { caseId } = validate(z.object({ caseId: id }), input);
    const row = await this.repository.supervisedCase(caseId);
    if (!row) {
      // Nothing heard of it: only someone who may see supervision at all learns that.
      readScope(identity, identity.centerCode ?? "000000000000");
      return null;
    }
    const scope = readScope(identity, row.center_code);
    if (scope.departmentId && scope.departmentId !== row.department_id) throw forbidden("Department staff see their own department's cases only");
    const records = await this.projection.records(this.projection.db, [{ type: "CASE", id: caseId }]);
    const steps = orderedSteps(
      (records.get(`CASE:${caseId}`) ?? []).filter((r) => r.eventType === casesEvents.caseStageChanged.subject).map((r) => r.payload as StepEvent),
    );
    const warnings = await this.repository.warnings({ scope, caseId }, 500, null);
    return { row, steps, warnings };
  }

  async jointsAtRisk(identity: Identity, input: { centerCode: string; departmentId?: string | null }): Promise<JointAtRiskView[]> {
    const args = validate(z.object({ centerCode, departmentId: id.nullish() }), input);
    const scope = readScope(identity, args.centerCode, args.departmentId ?? null);
    const joints = await this.repository.jointsAtRisk(scope);
    const warnings = await this.repository.warnings(
      { scope, kinds: ["JOINT_DEADLINE"], statuses: ["OPEN", "ACKNOWLEDGED"], jointApprovalIds: joints.map((j) => j.joint_approval_id) },
      10_000,
      null,
    );
    const views = joints.map((joint) => {
      const own = warnings.filter((w) => w.jointApprovalId === joint.joint_approval_id);
      return {
        jointApprovalId: joint.joint_approval_id,
        projectCode: joint.project_code,
        projectName: joint.project_name,
        leadDepartmentId: joint.lead_department_id,
        deadline: joint.deadline,
        paused: joint.status === "PAUSED",
        level: own.some((w) => w.level === "RED") ? ("RED" as const) : ("YELLOW" as const),
        warnings: own,
      };
    });
    return views.sort((a, b) => (a.level === b.level ? 0 : a.level === "RED" ? -1 : 1));
  }

  async acknowledge(identity: Identity, input: { id: string; note: string }): Promise<WarningView> {
    const args = validate(acknowledgeSchema, input);
    return this.unitOfWork.run(async (tx) => {
      const warning = await this.repository.warning(args.id, tx.manager);
      if (!warning) {
        requireSupervisor(identity, identity.centerCode ?? "");
        throw notFound("Warning", args.id);
      }
      requireSupervisor(identity, warning.centerCode);
      const at = this.clock.now();
      if (!(await this.repository.acknowledge(tx.manager, warning.id, args.note, identity.subject, at))) {
        throw new DomainError(SupervisionErrorCode.WarningAlreadyAcknowledged, `Warning ${warning.id} was already acknowledged`, { id: warning.id });
      }
      const acknowledged: WarningView = { ...warning, acknowledgedAt: at, note: args.note, acknowledgedBy: identity.subject };
      await tx.publish(supervisionEvents.supervisionWarningChanged, warningChangedPayload(warning, "ACKNOWLEDGED", statusOf(acknowledged), at), { centerCode: warning.centerCode });
      return acknowledged;
    });
  }
}

export function statusOf(warning: WarningView): SupervisionWarningStatus {
  return warningStatus(warning.closedAt, warning.acknowledgedAt);
}
