import type { DataSource } from "typeorm";
import type { Queryable } from "../floor/floor.repository";
import type { TicketStatus } from "./tickets.rules";

export interface TicketRow {
  id: string;
  center_code: string;
  service_day: string;
  prefix: string;
  seq: number;
  number: string;
  department_id: string;
  item_id: string | null;
  channel: "KIOSK" | "REMOTE" | "APPOINTMENT";
  holder_subject: string | null;
  appointment_id: string | null;
  ahead_from: Date | null;
  ahead_until: Date | null;
  status: TicketStatus;
  target_window_id: string | null;
  window_id: string | null;
  staff_id: string | null;
  issued_at: Date;
  first_called_at: Date | null;
  called_at: Date | null;
  recalls: number;
  finished_at: Date | null;
  case_id: string | null;
}

/** DATE columns come back as text (the pool reads dates as strings), the instants as Date. */
const DAY = "DATE_FORMAT(service_day, '%Y-%m-%d') AS service_day";
const COLUMNS = `id, center_code, ${DAY}, prefix, seq, number, department_id, item_id, channel, holder_subject, appointment_id, ahead_from, ahead_until, status,
  target_window_id, window_id, staff_id, issued_at, first_called_at, called_at, recalls, finished_at, case_id`;

/** The only code that touches the tickets' tables. */
export class TicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The prefix's next number of the day; the sequence row stays locked until the ticket's transaction ends, so numbers never repeat. */
  async nextSeq(q: Queryable, centerCode: string, serviceDay: string, prefix: string): Promise<number> {
    await q.query(
      `INSERT INTO hall_sequence (center_code, service_day, prefix, last_number) VALUES (?, ?, ?, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)`,
      [centerCode, serviceDay, prefix],
    );
    const [{ n }] = (await q.query(`SELECT LAST_INSERT_ID() AS n`)) as Array<{ n: string | number }>;
    return Number(n);
  }

  async insert(q: Queryable, t: Omit<TicketRow, "first_called_at" | "called_at" | "recalls" | "finished_at" | "case_id" | "window_id" | "staff_id" | "target_window_id">): Promise<void> {
    await q.query(
      `INSERT INTO hall_ticket (id, center_code, service_day, prefix, seq, number, department_id, item_id, channel, holder_subject, appointment_id, ahead_from, ahead_until, status, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [t.id, t.center_code, t.service_day, t.prefix, t.seq, t.number, t.department_id, t.item_id, t.channel, t.holder_subject, t.appointment_id, t.ahead_from, t.ahead_until, t.status, t.issued_at],
    );
  }

  async byId(q: Queryable, id: string, lock = false): Promise<TicketRow | null> {
    const rows = (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE id = ?${lock ? " FOR UPDATE" : ""}`, [id])) as TicketRow[];
    return rows[0] ?? null;
  }

  async byIds(q: Queryable, ids: readonly string[]): Promise<TicketRow[]> {
    if (ids.length === 0) return [];
    return (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE id IN (${ids.map(() => "?").join(", ")})`, [...ids])) as TicketRow[];
  }

  /** The window's tickets in hand (called or being served), locked. */
  async activeAt(q: Queryable, windowId: string): Promise<TicketRow[]> {
    return (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE window_id = ? AND status IN ('CALLED', 'SERVING') FOR UPDATE`, [windowId])) as TicketRow[];
  }

  /**
   * The next tickets the window may call, best first, read without locks: transferred to it,
   * then the booked within their slot, then by issue. The caller then claims one of them with
   * `claim`, which skips any another clerk holds.
   */
  async candidates(q: Queryable, centerCode: string, serviceDay: string, windowId: string, departments: readonly string[], now: Date, limit: number, skip: readonly string[]): Promise<string[]> {
    const deps = departments.length > 0 ? departments : ["-"];
    const rows = (await q.query(
      `SELECT id FROM hall_ticket
        WHERE center_code = ? AND status = 'WAITING' AND service_day = ?
          AND (target_window_id = ? OR (target_window_id IS NULL AND department_id IN (${deps.map(() => "?").join(", ")})))
          ${skip.length > 0 ? `AND id NOT IN (${skip.map(() => "?").join(", ")})` : ""}
        ORDER BY (target_window_id IS NOT NULL) DESC, (ahead_from IS NOT NULL AND ahead_from <= ? AND ahead_until > ?) DESC, issued_at, seq
        LIMIT ${Math.max(1, Math.floor(limit))}`,
      [centerCode, serviceDay, windowId, ...deps, ...skip, now, now],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Locks the ticket if it still waits and no other transaction holds it (SKIP LOCKED): null when another clerk got there first. */
  async claim(q: Queryable, id: string): Promise<TicketRow | null> {
    const rows = (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE id = ? AND status = 'WAITING' FOR UPDATE SKIP LOCKED`, [id])) as TicketRow[];
    return rows[0] ?? null;
  }

  async update(q: Queryable, id: string, change: Partial<Pick<TicketRow, "status" | "target_window_id" | "window_id" | "staff_id" | "first_called_at" | "called_at" | "recalls" | "finished_at" | "case_id">>): Promise<void> {
    const keys = Object.keys(change) as Array<keyof typeof change>;
    if (keys.length === 0) return;
    await q.query(`UPDATE hall_ticket SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`, [...keys.map((k) => change[k] ?? null), id]);
  }

  /** How many wait before this ticket for a window of its department (transfers aside). */
  async aheadOf(q: Queryable, t: TicketRow): Promise<number> {
    const [{ n }] = (await q.query(
      `SELECT COUNT(*) AS n FROM hall_ticket WHERE center_code = ? AND service_day = ? AND status = 'WAITING' AND department_id = ? AND target_window_id IS NULL
         AND (issued_at < ? OR (issued_at = ? AND seq < ?))`,
      [t.center_code, t.service_day, t.department_id, t.issued_at, t.issued_at, t.seq],
    )) as Array<{ n: string | number }>;
    return Number(n);
  }

  async waitingByDepartment(q: Queryable, centerCode: string, serviceDay: string): Promise<Map<string, number>> {
    const rows = (await q.query(
      `SELECT department_id, COUNT(*) AS n FROM hall_ticket WHERE center_code = ? AND service_day = ? AND status = 'WAITING' GROUP BY department_id`,
      [centerCode, serviceDay],
    )) as Array<{ department_id: string; n: string | number }>;
    return new Map(rows.map((r) => [r.department_id, Number(r.n)]));
  }

  async waitingFor(q: Queryable, centerCode: string, serviceDay: string, windowId: string, departments: readonly string[]): Promise<number> {
    const deps = departments.length > 0 ? departments : ["-"];
    const [{ n }] = (await q.query(
      `SELECT COUNT(*) AS n FROM hall_ticket WHERE center_code = ? AND status = 'WAITING' AND service_day = ?
         AND (target_window_id = ? OR (target_window_id IS NULL AND department_id IN (${deps.map(() => "?").join(", ")})))`,
      [centerCode, serviceDay, windowId, ...deps],
    )) as Array<{ n: string | number }>;
    return Number(n);
  }

  /** The day's latest calls, newest first, for the calling screen. */
  async recentCalls(q: Queryable, centerCode: string, serviceDay: string, limit: number): Promise<TicketRow[]> {
    return (await q.query(
      `SELECT ${COLUMNS} FROM hall_ticket WHERE center_code = ? AND service_day = ? AND called_at IS NOT NULL AND status IN ('CALLED', 'SERVING', 'SERVED')
        ORDER BY called_at DESC LIMIT ${Math.floor(limit)}`,
      [centerCode, serviceDay],
    )) as TicketRow[];
  }

  async heldBy(q: Queryable, subject: string, from: Date): Promise<TicketRow[]> {
    return (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE holder_subject = ? AND issued_at >= ? ORDER BY issued_at DESC`, [subject, from])) as TicketRow[];
  }

  async windowDay(q: Queryable, windowId: string, serviceDay: string, limit: number): Promise<TicketRow[]> {
    return (await q.query(`SELECT ${COLUMNS} FROM hall_ticket WHERE window_id = ? AND service_day = ? ORDER BY COALESCE(called_at, issued_at) DESC LIMIT ${Math.floor(limit)}`, [windowId, serviceDay])) as TicketRow[];
  }

  async noShowsOf(q: Queryable, subject: string, since: Date): Promise<Date[]> {
    const rows = (await q.query(`SELECT finished_at AS at FROM hall_ticket WHERE holder_subject = ? AND status = 'NO_SHOW' AND finished_at >= ?`, [subject, since])) as Array<{ at: Date }>;
    return rows.map((r) => r.at);
  }

  async setCase(q: Queryable, ticketId: string, caseId: string): Promise<void> {
    await q.query(`UPDATE hall_ticket SET case_id = COALESCE(case_id, ?) WHERE id = ?`, [caseId, ticketId]);
  }

  get source(): DataSource {
    return this.dataSource;
  }
}
