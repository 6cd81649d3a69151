import type { DataSource } from "typeorm";
import type { SupervisionWarningKind, SupervisionWarningStatus, WarningCard } from "@onestop/events";
import type { Queryable, StoredWarning, WarningDbRow } from "../projection/projection.repository";
import { warningFromRow } from "../projection/projection.repository";
import type { Scope } from "./access.rules";

/** A warning as the API shows it, with the supervision office's acknowledgement. */
export interface WarningView extends StoredWarning {
  note: string | null;
  acknowledgedBy: string | null;
}

export interface CaseCountRow {
  departmentId: string;
  status: string;
  count: number;
  overdue: number;
}

export interface WarningCountRow {
  kind: SupervisionWarningKind;
  departmentId: string | null;
  status: SupervisionWarningStatus;
  count: number;
}

export interface WarningQuery {
  scope: Scope;
  kinds?: readonly SupervisionWarningKind[] | null;
  levels?: readonly WarningCard[] | null;
  statuses?: readonly SupervisionWarningStatus[] | null;
  windowId?: string | null;
  caseId?: string | null;
  jointApprovalIds?: readonly string[];
}

export interface CaseRow {
  case_id: string;
  receipt_no: string;
  center_code: string;
  department_id: string;
  window_id: string | null;
  handler_id: string | null;
  kind: string;
  status: string;
  stage: string | null;
  deadline: Date | null;
  stage_deadline: Date | null;
  on_hold: number;
  submitted_at: Date | null;
  accepted_at: Date | null;
  ended_at: Date | null;
}

export interface JointRow {
  joint_approval_id: string;
  center_code: string;
  project_code: string;
  project_name: string;
  lead_department_id: string;
  status: string;
  deadline: Date | null;
}

const STATUS_SQL = "CASE WHEN w.closed_at IS NOT NULL THEN 'CLOSED' WHEN a.warning_id IS NOT NULL THEN 'ACKNOWLEDGED' ELSE 'OPEN' END";
const WARNING_COLUMNS = "w.*, a.acknowledged_at, a.note, a.acknowledged_by";

function warningView(row: WarningDbRow & { note: string | null; acknowledged_by: string | null }): WarningView {
  return { ...warningFromRow(row), note: row.note, acknowledgedBy: row.acknowledged_by };
}

/** What the dashboard reads from the projection, and the supervision office's acknowledgements. */
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  private where(query: WarningQuery): { sql: string; params: unknown[] } {
    const parts = ["w.center_code = ?"];
    const params: unknown[] = [query.scope.centerCode];
    const add = (sql: string, value: unknown) => {
      parts.push(sql);
      params.push(value);
    };
    if (query.scope.departmentId) add("w.department_id = ?", query.scope.departmentId);
    if (query.kinds?.length) add("w.kind IN (?)", query.kinds);
    if (query.levels?.length) add("w.level IN (?)", query.levels);
    if (query.statuses?.length) add(`${STATUS_SQL} IN (?)`, query.statuses);
    if (query.windowId) add("w.window_id = ?", query.windowId);
    if (query.caseId) add("w.case_id = ?", query.caseId);
    if (query.jointApprovalIds) add("w.joint_approval_id IN (?)", query.jointApprovalIds.length ? query.jointApprovalIds : [""]);
    return { sql: parts.join(" AND "), params };
  }

  /** A page newest first, after the (raisedAt, id) cursor. */
  async warnings(query: WarningQuery, limit: number, after: { raisedAt: Date; id: string } | null): Promise<WarningView[]> {
    const { sql, params } = this.where(query);
    const cursor = after ? " AND (w.raised_at < ? OR (w.raised_at = ? AND w.id < ?))" : "";
    const rows = (await this.dataSource.query(
      `SELECT ${WARNING_COLUMNS} FROM supervision_warning w LEFT JOIN supervision_acknowledgement a ON a.warning_id = w.id
        WHERE ${sql}${cursor} ORDER BY w.raised_at DESC, w.id DESC LIMIT ?`,
      [...params, ...(after ? [after.raisedAt, after.raisedAt, after.id] : []), limit],
    )) as Array<WarningDbRow & { note: string | null; acknowledged_by: string | null }>;
    return rows.map(warningView);
  }

  async countWarnings(query: WarningQuery): Promise<number> {
    const { sql, params } = this.where(query);
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM supervision_warning w LEFT JOIN supervision_acknowledgement a ON a.warning_id = w.id WHERE ${sql}`,
      params,
    )) as Array<{ n: string | number }>;
    return Number(row.n);
  }

  async warningCounts(scope: Scope): Promise<WarningCountRow[]> {
    const { sql, params } = this.where({ scope });
    const rows = (await this.dataSource.query(
      `SELECT w.kind, w.department_id, ${STATUS_SQL} AS status, COUNT(*) AS n
         FROM supervision_warning w LEFT JOIN supervision_acknowledgement a ON a.warning_id = w.id
        WHERE ${sql} GROUP BY w.kind, w.department_id, status ORDER BY w.kind, w.department_id, status`,
      params,
    )) as Array<{ kind: SupervisionWarningKind; department_id: string | null; status: SupervisionWarningStatus; n: string | number }>;
    return rows.map((r) => ({ kind: r.kind, departmentId: r.department_id, status: r.status, count: Number(r.n) }));
  }

  async warning(id: string, q: Queryable = this.dataSource): Promise<WarningView | null> {
    const [row] = (await q.query(
      `SELECT ${WARNING_COLUMNS} FROM supervision_warning w LEFT JOIN supervision_acknowledgement a ON a.warning_id = w.id WHERE w.id = ?`,
      [id],
    )) as Array<WarningDbRow & { note: string | null; acknowledged_by: string | null }>;
    return row ? warningView(row) : null;
  }

  /** Records the acknowledgement; false when the warning already had one. */
  async acknowledge(q: Queryable, warningId: string, note: string, by: string, at: Date): Promise<boolean> {
    const result = (await q.query(
      "INSERT IGNORE INTO supervision_acknowledgement (warning_id, note, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?)",
      [warningId, note, by, at],
    )) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  /** Cases still running (not ended), by department and status, with how many are past their deadline at `now`. */
  async caseCounts(scope: Scope, now: Date): Promise<CaseCountRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT department_id, status, COUNT(*) AS n, SUM(deadline IS NOT NULL AND deadline <= ?) AS overdue
         FROM supervision_case WHERE center_code = ? AND ended_at IS NULL ${scope.departmentId ? "AND department_id = ?" : ""}
        GROUP BY department_id, status ORDER BY department_id, status`,
      [now, scope.centerCode, ...(scope.departmentId ? [scope.departmentId] : [])],
    )) as Array<{ department_id: string; status: string; n: string | number; overdue: string | number | null }>;
    return rows.map((r) => ({ departmentId: r.department_id, status: r.status, count: Number(r.n), overdue: Number(r.overdue ?? 0) }));
  }

  async supervisedCase(caseId: string): Promise<CaseRow | null> {
    const [row] = (await this.dataSource.query("SELECT * FROM supervision_case WHERE case_id = ?", [caseId])) as CaseRow[];
    return row ?? null;
  }

  /** Open joint approvals with an open deadline warning in the scope. */
  async jointsAtRisk(scope: Scope): Promise<JointRow[]> {
    return (await this.dataSource.query(
      `SELECT j.* FROM supervision_joint j
        WHERE j.center_code = ? AND j.status <> 'CONCLUDED'
          AND EXISTS (SELECT 1 FROM supervision_warning w WHERE w.joint_approval_id = j.joint_approval_id AND w.kind = 'JOINT_DEADLINE'
                      AND w.closed_at IS NULL ${scope.departmentId ? "AND w.department_id = ?" : ""})
        ORDER BY j.deadline`,
      [scope.centerCode, ...(scope.departmentId ? [scope.departmentId] : [])],
    )) as JointRow[];
  }
}
