import type { DataSource } from "typeorm";
import type { Queryable } from "../floor/floor.repository";

export interface AppointmentRow {
  id: string;
  center_code: string;
  department_id: string;
  item_id: string | null;
  holder_subject: string;
  slot_start: Date;
  slot_end: Date;
  status: "BOOKED" | "CHECKED_IN" | "CANCELLED" | "MISSED";
  booked_at: Date;
  changed_at: Date;
  ticket_id: string | null;
}

export class AppointmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  get source(): DataSource {
    return this.dataSource;
  }

  async insert(q: Queryable, a: AppointmentRow): Promise<void> {
    await q.query(
      `INSERT INTO hall_appointment (id, center_code, department_id, item_id, holder_subject, slot_start, slot_end, status, booked_at, changed_at, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.id, a.center_code, a.department_id, a.item_id, a.holder_subject, a.slot_start, a.slot_end, a.status, a.booked_at, a.changed_at, a.ticket_id],
    );
  }

  async byId(q: Queryable, id: string, lock = false): Promise<AppointmentRow | null> {
    const rows = (await q.query(`SELECT * FROM hall_appointment WHERE id = ?${lock ? " FOR UPDATE" : ""}`, [id])) as AppointmentRow[];
    return rows[0] ?? null;
  }

  async update(q: Queryable, id: string, status: AppointmentRow["status"], changedAt: Date, ticketId: string | null = null): Promise<void> {
    await q.query(`UPDATE hall_appointment SET status = ?, changed_at = ?, ticket_id = COALESCE(?, ticket_id) WHERE id = ?`, [status, changedAt, ticketId, id]);
  }

  /** Locks the slot's counter (made on first use): bookings of one slot go one at a time. */
  async lockSlot(q: Queryable, departmentId: string, slotStart: Date): Promise<number> {
    await q.query(`INSERT IGNORE INTO hall_slot_count (department_id, slot_start, booked) VALUES (?, ?, 0)`, [departmentId, slotStart]);
    const [{ booked }] = (await q.query(`SELECT booked FROM hall_slot_count WHERE department_id = ? AND slot_start = ? FOR UPDATE`, [departmentId, slotStart])) as Array<{ booked: number }>;
    return Number(booked);
  }

  async addToSlot(q: Queryable, departmentId: string, slotStart: Date, delta: number): Promise<void> {
    await q.query(`UPDATE hall_slot_count SET booked = GREATEST(0, booked + ?) WHERE department_id = ? AND slot_start = ?`, [delta, departmentId, slotStart]);
  }

  async booked(q: Queryable, departmentId: string, from: Date, until: Date): Promise<Map<number, number>> {
    const rows = (await q.query(`SELECT slot_start, booked FROM hall_slot_count WHERE department_id = ? AND slot_start >= ? AND slot_start < ?`, [departmentId, from, until])) as Array<{
      slot_start: Date;
      booked: number;
    }>;
    return new Map(rows.map((r) => [r.slot_start.getTime(), Number(r.booked)]));
  }

  async ofHolder(q: Queryable, subject: string, since: Date): Promise<AppointmentRow[]> {
    return (await q.query(`SELECT * FROM hall_appointment WHERE holder_subject = ? AND slot_start >= ? ORDER BY slot_start DESC`, [subject, since])) as AppointmentRow[];
  }

  /** Missed bookings of the person since then (a booking past its end without a ticket counts even before the sweep marks it). */
  async missedOf(q: Queryable, subject: string, since: Date, now: Date): Promise<Date[]> {
    const rows = (await q.query(
      `SELECT slot_end AS at FROM hall_appointment WHERE holder_subject = ? AND slot_end >= ? AND (status = 'MISSED' OR (status = 'BOOKED' AND slot_end <= ?))`,
      [subject, since, now],
    )) as Array<{ at: Date }>;
    return rows.map((r) => r.at);
  }

  /** Bookings whose slot ended without a ticket, locked, a batch at a time. */
  async overdue(q: Queryable, now: Date, limit: number): Promise<AppointmentRow[]> {
    return (await q.query(`SELECT * FROM hall_appointment WHERE status = 'BOOKED' AND slot_end <= ? ORDER BY slot_end LIMIT ${Math.floor(limit)} FOR UPDATE SKIP LOCKED`, [now])) as AppointmentRow[];
  }
}
