import type { DataSource } from "typeorm";
import type { CaseView } from "./case.rules";
import type { JointView } from "./joint.rules";
import type { JournalEntry, JournalRecord } from "./journal.rules";
import type { SubjectRef, SubjectType, WarningCause } from "./warning.rules";
import type { WindowView } from "./window.rules";
import type { BookingView, TicketView } from "../hall/hall.rules";

/** What runs SQL: a transaction's entity manager, or the data source itself. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface StoredWarning extends WarningCause {
  acknowledgedAt: Date | null;
}

export interface WarningDbRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  kind: WarningCause["kind"];
  level: WarningCause["level"];
  center_code: string;
  department_id: string | null;
  window_id: string | null;
  case_id: string | null;
  joint_approval_id: string | null;
  clock: string | null;
  deadline: Date | null;
  detail: string;
  raised_at: Date;
  closed_at: Date | null;
  acknowledged_at?: Date | null;
}

export function warningFromRow(row: WarningDbRow): StoredWarning {
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    kind: row.kind,
    level: row.level,
    centerCode: row.center_code,
    departmentId: row.department_id,
    windowId: row.window_id,
    caseId: row.case_id,
    jointApprovalId: row.joint_approval_id,
    clock: row.clock,
    deadline: row.deadline,
    detail: row.detail,
    raisedAt: row.raised_at,
    closedAt: row.closed_at,
    acknowledgedAt: row.acknowledged_at ?? null,
  };
}

/** Rows of at most this many go into one statement. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function byType(subjects: readonly SubjectRef[]): Map<SubjectType, string[]> {
  const map = new Map<SubjectType, string[]>();
  for (const s of subjects) map.set(s.type, [...(map.get(s.type) ?? []), s.id]);
  return map;
}

const values = (rows: number, columns: number) => Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => "?").join(", ")})`).join(", ");

/** The projection's tables: the journal, the subjects' locks, the case, joint and window views, the warnings. */
export class ProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  get db(): Queryable {
    return this.dataSource;
  }

  /** Files events in the journal; one already there (a redelivery) is skipped. */
  async journal(q: Queryable, entries: readonly JournalEntry[]): Promise<void> {
    for (const part of chunks(entries)) {
      await q.query(
        `INSERT IGNORE INTO supervision_journal (event_id, subject_type, subject_id, event_type, occurred_at, payload) VALUES ${values(part.length, 6)}`,
        part.flatMap((e) => [e.eventId, e.subject.type, e.subject.id, e.eventType, e.occurredAt, JSON.stringify(e.payload)]),
      );
    }
  }

  /**
   * Locks the subjects (in one order, so two batches never wait on each other in a circle) and
   * leaves `token` on each. Returns, read in the same statement, the subjects' warnings and the
   * token each held before (null: the subject is new, so nothing was filed under it before this
   * transaction), which tells the journal cache whether anyone else evaluated it since this process.
   */
  async lock(q: Queryable, subjects: readonly SubjectRef[], token: number): Promise<{ previous: Map<string, number | null>; warnings: StoredWarning[] }> {
    const sorted = [...subjects].sort((a, b) => (a.type + a.id < b.type + b.id ? -1 : 1));
    const previous = new Map<string, number | null>();
    const warnings: StoredWarning[] = [];
    for (const part of chunks(sorted)) {
      // MariaDB assigns left to right: `previous` takes the old token before `version` takes the new.
      await q.query(
        `INSERT INTO supervision_subject (subject_type, subject_id, version) VALUES ${values(part.length, 3)} ON DUPLICATE KEY UPDATE previous = version, version = VALUES(version)`,
        part.flatMap((s) => [s.type, s.id, token]),
      );
      for (const [type, ids] of byType(part)) {
        const rows = (await q.query(
          `SELECT s.subject_id AS locked_id, s.previous, w.*, a.acknowledged_at FROM supervision_subject s
             LEFT JOIN supervision_warning w ON w.subject_type = s.subject_type AND w.subject_id = s.subject_id
             LEFT JOIN supervision_acknowledgement a ON a.warning_id = w.id
            WHERE s.subject_type = ? AND s.subject_id IN (?)`,
          [type, ids],
        )) as Array<WarningDbRow & { locked_id: string; previous: string | number | null }>;
        for (const row of rows) {
          // A row just inserted has no previous token; one updated has its old token in `previous`.
          previous.set(`${type}:${row.locked_id}`, row.previous === null ? null : Number(row.previous));
          if (row.id) warnings.push(warningFromRow(row));
        }
      }
    }
    return { previous, warnings };
  }

  /** The subjects' journals, each in the order the events were filed (the rules do not depend on it). */
  async records(q: Queryable, subjects: readonly SubjectRef[]): Promise<Map<string, JournalRecord[]>> {
    const out = new Map<string, JournalRecord[]>();
    for (const [type, ids] of byType(subjects)) {
      for (const part of chunks(ids)) {
        const rows = (await q.query(
          "SELECT subject_id, event_id, event_type, payload FROM supervision_journal WHERE subject_type = ? AND subject_id IN (?) ORDER BY seq",
          [type, part],
        )) as Array<{ subject_id: string; event_id: string; event_type: string; payload: string }>;
        for (const row of rows) {
          const key = `${type}:${row.subject_id}`;
          const list = out.get(key) ?? [];
          list.push({ eventId: row.event_id, eventType: row.event_type, payload: JSON.parse(row.payload) });
          out.set(key, list);
        }
      }
    }
    return out;
  }

  async watch(q: Queryable, pairs: ReadonlyArray<{ staffId: string; windowId: string }>): Promise<void> {
    for (const part of chunks(pairs)) {
      await q.query(`INSERT IGNORE INTO supervision_window_watch (staff_id, window_id) VALUES ${values(part.length, 2)}`, part.flatMap((p) => [p.staffId, p.windowId]));
    }
  }

  async windowsWatching(q: Queryable, staffIds: readonly string[]): Promise<string[]> {
    if (staffIds.length === 0) return [];
    const rows = (await q.query("SELECT DISTINCT window_id FROM supervision_window_watch WHERE staff_id IN (?)", [staffIds])) as Array<{ window_id: string }>;
    return rows.map((r) => r.window_id);
  }

  async saveWarnings(q: Queryable, warnings: readonly WarningCause[]): Promise<void> {
    for (const part of chunks(warnings)) {
      await q.query(
        `INSERT INTO supervision_warning (id, subject_type, subject_id, kind, level, center_code, department_id, window_id, case_id, joint_approval_id, clock, deadline, detail, raised_at, closed_at)
         VALUES ${values(part.length, 15)}
         ON DUPLICATE KEY UPDATE level = VALUES(level), department_id = VALUES(department_id), window_id = VALUES(window_id), deadline = VALUES(deadline),
           detail = VALUES(detail), raised_at = VALUES(raised_at), closed_at = VALUES(closed_at)`,
        part.flatMap((w) => [
          w.id,
          w.subjectType,
          w.subjectId,
          w.kind,
          w.level,
          w.centerCode,
          w.departmentId,
          w.windowId,
          w.caseId,
          w.jointApprovalId,
          w.clock,
          w.deadline,
          w.detail.slice(0, 500),
          w.raisedAt,
          w.closedAt,
        ]),
      );
    }
  }

  async deleteWarnings(q: Queryable, ids: readonly string[]): Promise<void> {
    for (const part of chunks(ids)) await q.query("DELETE FROM supervision_warning WHERE id IN (?)", [part]);
  }

  async saveCases(q: Queryable, views: readonly CaseView[]): Promise<void> {
    const columns = ["case_id", "receipt_no", "center_code", "department_id", "item_id", "kind", "window_id", "handler_id", "status", "stage", "deadline", "stage_deadline", "on_hold", "submitted_at", "accepted_at", "ended_at", "outcome", "last_slip_seq", "joint_approval_id", "participant_id", "applicant_subject", "on_time", "working_days_used", "promised_limit_days", "deemed_approval", "notified", "agent_center_code"];
    for (const part of chunks(views)) {
      await q.query(
        `INSERT INTO supervision_case (${columns.join(", ")}) VALUES ${values(part.length, columns.length)}
         ON DUPLICATE KEY UPDATE ${columns.slice(1).map((c) => `${c} = VALUES(${c})`).join(", ")}`,
        part.flatMap((v) => [
          v.caseId,
          v.receiptNo,
          v.centerCode,
          v.departmentId,
          v.itemId,
          v.kind,
          v.windowId,
          v.handlerId,
          v.status,
          v.stage,
          v.deadline,
          v.stageDeadline,
          v.onHold ? 1 : 0,
          v.submittedAt,
          v.acceptedAt,
          v.endedAt,
          v.outcome,
          v.lastSlipSeq,
          v.jointApprovalId,
          v.participantId,
          v.applicantSubject,
          v.onTime === null ? null : v.onTime ? 1 : 0,
          v.workingDaysUsed,
          v.promisedLimitDays,
          v.deemedApproval ? 1 : 0,
          v.notified ? 1 : 0,
          v.agentCenterCode,
        ]),
      );
    }
  }

  async saveJoints(q: Queryable, views: readonly JointView[]): Promise<void> {
    const columns = ["joint_approval_id", "center_code", "project_code", "project_name", "lead_department_id", "status", "outcome", "deadline", "opened_at", "concluded_at", "participants"];
    for (const part of chunks(views)) {
      await q.query(
        `INSERT INTO supervision_joint (${columns.join(", ")}) VALUES ${values(part.length, columns.length)}
         ON DUPLICATE KEY UPDATE ${columns.slice(1).map((c) => `${c} = VALUES(${c})`).join(", ")}`,
        part.flatMap((v) => [
          v.jointApprovalId,
          v.centerCode,
          v.projectCode,
          v.projectName,
          v.leadDepartmentId,
          v.status,
          v.outcome,
          v.deadline,
          v.openedAt,
          v.concludedAt,
          JSON.stringify(v.participants),
        ]),
      );
    }
  }

  async saveWindows(q: Queryable, views: readonly WindowView[]): Promise<void> {
    for (const part of chunks(views)) {
      await q.query(
        `INSERT INTO supervision_window (window_id, center_code, code, department_id, revision) VALUES ${values(part.length, 5)}
         ON DUPLICATE KEY UPDATE center_code = VALUES(center_code), code = VALUES(code), department_id = VALUES(department_id), revision = VALUES(revision)`,
        part.flatMap((v) => [v.windowId, v.centerCode, v.code, v.departmentId, v.revision]),
      );
    }
  }

  /** The hall's queue tickets as the figures count them. */
  async saveTickets(q: Queryable, views: readonly TicketView[]): Promise<void> {
    const columns = ["ticket_id", "center_code", "service_day", "number", "department_id", "item_id", "channel", "status", "window_id", "staff_id", "issued_at", "first_called_at", "finished_at", "waiting_seconds", "handling_seconds", "recalls", "transfers", "case_id"];
    for (const part of chunks(views)) {
      await q.query(
        `INSERT INTO supervision_ticket (${columns.join(", ")}) VALUES ${values(part.length, columns.length)}
         ON DUPLICATE KEY UPDATE ${columns.slice(1).map((c) => `${c} = VALUES(${c})`).join(", ")}`,
        part.flatMap((v) => [
          v.ticketId,
          v.centerCode,
          v.serviceDay,
          v.number,
          v.departmentId,
          v.itemId,
          v.channel,
          v.status,
          v.windowId,
          v.staffId,
          v.issuedAt,
          v.firstCalledAt,
          v.finishedAt,
          v.waitingSeconds,
          v.handlingSeconds,
          v.recalls,
          v.transfers,
          v.caseId,
        ]),
      );
    }
  }

  async saveBookings(q: Queryable, views: readonly BookingView[]): Promise<void> {
    for (const part of chunks(views)) {
      await q.query(
        `INSERT INTO supervision_booking (appointment_id, center_code, department_id, slot_start, status) VALUES ${values(part.length, 5)}
         ON DUPLICATE KEY UPDATE center_code = VALUES(center_code), department_id = VALUES(department_id), slot_start = VALUES(slot_start), status = VALUES(status)`,
        part.flatMap((v) => [v.appointmentId, v.centerCode, v.departmentId, v.slotStart, v.status]),
      );
    }
  }

  /** Empties what the rebuild recomputes; the journal and the supervision office's acknowledgements stay. */
  async clearDerived(q: Queryable): Promise<void> {
    for (const table of ["supervision_case", "supervision_joint", "supervision_window", "supervision_warning", "supervision_window_watch", "supervision_ticket", "supervision_booking"]) {
      await q.query(`DELETE FROM ${table}`);
    }
  }

  /** Every subject of a type in the journal, in pages after `afterId`. */
  async subjectPage(q: Queryable, type: SubjectType, afterId: string, limit: number): Promise<string[]> {
    const rows = (await q.query(
      "SELECT DISTINCT subject_id FROM supervision_journal WHERE subject_type = ? AND subject_id > ? ORDER BY subject_id LIMIT ?",
      [type, afterId, limit],
    )) as Array<{ subject_id: string }>;
    return rows.map((r) => r.subject_id);
  }
}
