import type { DataSource, EntityManager } from "typeorm";
import { isDuplicateKey } from "@onestop/platform";

import { prefixAt } from "../tickets/tickets.rules";
import type { Absence, Cover, Punch } from "@onestop/authorization";

export type Queryable = Pick<EntityManager, "query"> | DataSource;

export interface DepartmentRow {
  id: string;
  center_code: string;
  code: string;
  name: string;
  prefix: string;
}

export interface WindowRow {
  id: string;
  center_code: string;
  code: string;
  name: string;
  kind: string;
  department_id: string | null;
  acts_for: string;
  open: number;
  a_staff_id: string | null;
  b_staff_id: string | null;
  revision: number;
}

export interface ItemRow {
  id: string;
  center_code: string;
  department_id: string;
  name: string;
  kind: string;
}

export const actsForOf = (w: WindowRow): string[] => JSON.parse(w.acts_for) as string[];

/** The hall's replica of staffing's departments, windows, posts, leave, punches and covers, and of catalog's items. */
export class FloorRepository {

  /** A department heard of for the first time gets the next free letter of its center. */
  async upsertDepartment(q: Queryable, d: { id: string; centerCode: string; code: string; name: string }): Promise<void> {
    const known = (await q.query(`SELECT id FROM hall_department WHERE id = ? FOR UPDATE`, [d.id])) as unknown[];
    if (known.length > 0) {
      await q.query(`UPDATE hall_department SET code = ?, name = ? WHERE id = ?`, [d.code, d.name, d.id]);
      return;
    }
    const [{ n }] = (await q.query(`SELECT COUNT(*) AS n FROM hall_department WHERE center_code = ?`, [d.centerCode])) as Array<{ n: string | number }>;
    // Departments of one center arrive side by side: a letter another transaction has just taken
    // makes this insert wait for it and then fail on the unique key, and the next letter is tried.
    for (let index = Number(n); ; index += 1) {
      try {
        await q.query(`INSERT INTO hall_department (id, center_code, code, name, prefix) VALUES (?, ?, ?, ?, ?)`, [d.id, d.centerCode, d.code, d.name, prefixAt(index)]);
        return;
      } catch (error) {
        if (!isDuplicateKey(error, "uq_hall_department_prefix")) throw error;
      }
    }
  }

  /** The highest revision wins: a late older snapshot changes nothing. */
  async upsertWindow(q: Queryable, w: Omit<WindowRow, "acts_for" | "open"> & { acts_for: string[]; open: boolean }): Promise<void> {
    await q.query(
      `INSERT INTO hall_window (id, center_code, code, name, kind, department_id, acts_for, open, a_staff_id, b_staff_id, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         code = IF(VALUES(revision) >= revision, VALUES(code), code),
         name = IF(VALUES(revision) >= revision, VALUES(name), name),
         kind = IF(VALUES(revision) >= revision, VALUES(kind), kind),
         department_id = IF(VALUES(revision) >= revision, VALUES(department_id), department_id),
         acts_for = IF(VALUES(revision) >= revision, VALUES(acts_for), acts_for),
         open = IF(VALUES(revision) >= revision, VALUES(open), open),
         a_staff_id = IF(VALUES(revision) >= revision, VALUES(a_staff_id), a_staff_id),
         b_staff_id = IF(VALUES(revision) >= revision, VALUES(b_staff_id), b_staff_id),
         revision = GREATEST(revision, VALUES(revision))`,
      [w.id, w.center_code, w.code, w.name, w.kind, w.department_id, JSON.stringify(w.acts_for), w.open ? 1 : 0, w.a_staff_id, w.b_staff_id, w.revision],
    );
  }

  async upsertItem(q: Queryable, i: ItemRow & { version: number }): Promise<void> {
    await q.query(
      `INSERT INTO hall_item (id, center_code, department_id, name, kind, version, active) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON DUPLICATE KEY UPDATE
         name = IF(VALUES(version) >= version, VALUES(name), name),
         kind = IF(VALUES(version) >= version, VALUES(kind), kind),
         department_id = VALUES(department_id),
         version = GREATEST(version, VALUES(version))`,
      [i.id, i.center_code, i.department_id, i.name, i.kind, i.version],
    );
  }

  async cancelItem(q: Queryable, itemId: string): Promise<void> {
    await q.query(`UPDATE hall_item SET active = 0 WHERE id = ?`, [itemId]);
  }

  async upsertLeave(q: Queryable, l: { id: string; staffId: string; startsAt: Date; endsAt: Date }): Promise<void> {
    await q.query(`INSERT IGNORE INTO hall_leave (id, staff_id, starts_at, ends_at) VALUES (?, ?, ?, ?)`, [l.id, l.staffId, l.startsAt, l.endsAt]);
  }

  /** A cancellation before the notice is known leaves a cancelled row the notice will not revive. */
  async cancelLeave(q: Queryable, l: { id: string; staffId: string; cancelledAt: Date }): Promise<void> {
    await q.query(
      `INSERT INTO hall_leave (id, staff_id, starts_at, ends_at, cancelled_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE cancelled_at = COALESCE(cancelled_at, VALUES(cancelled_at))`,
      [l.id, l.staffId, l.cancelledAt, l.cancelledAt, l.cancelledAt],
    );
  }

  async addPunch(q: Queryable, p: { id: string; staffId: string; kind: string; at: Date }): Promise<void> {
    await q.query(`INSERT IGNORE INTO hall_punch (id, staff_id, kind, at) VALUES (?, ?, ?, ?)`, [p.id, p.staffId, p.kind, p.at]);
  }

  async upsertCover(q: Queryable, c: { id: string; windowId: string; staffId: string; from: Date; until: Date; status: string; cancelledAt: Date | null; revision: number }): Promise<void> {
    await q.query(
      `INSERT INTO hall_cover (id, window_id, staff_id, from_at, until_at, status, cancelled_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         status = IF(VALUES(revision) >= revision, VALUES(status), status),
         cancelled_at = IF(VALUES(revision) >= revision, VALUES(cancelled_at), cancelled_at),
         revision = GREATEST(revision, VALUES(revision))`,
      [c.id, c.windowId, c.staffId, c.from, c.until, c.status, c.cancelledAt, c.revision],
    );
  }

  async window(q: Queryable, id: string, lock = false): Promise<WindowRow | null> {
    const rows = (await q.query(`SELECT * FROM hall_window WHERE id = ?${lock ? " FOR UPDATE" : ""}`, [id])) as WindowRow[];
    return rows[0] ?? null;
  }

  async windows(q: Queryable, centerCode: string): Promise<WindowRow[]> {
    return (await q.query(`SELECT * FROM hall_window WHERE center_code = ? ORDER BY code`, [centerCode])) as WindowRow[];
  }

  async department(q: Queryable, id: string): Promise<DepartmentRow | null> {
    const rows = (await q.query(`SELECT * FROM hall_department WHERE id = ?`, [id])) as DepartmentRow[];
    return rows[0] ?? null;
  }

  async departments(q: Queryable, centerCode: string): Promise<DepartmentRow[]> {
    return (await q.query(`SELECT * FROM hall_department WHERE center_code = ? ORDER BY prefix`, [centerCode])) as DepartmentRow[];
  }

  async item(q: Queryable, id: string): Promise<ItemRow | null> {
    const rows = (await q.query(`SELECT id, center_code, department_id, name, kind FROM hall_item WHERE id = ? AND active = 1`, [id])) as ItemRow[];
    return rows[0] ?? null;
  }

  async items(q: Queryable, centerCode: string): Promise<ItemRow[]> {
    return (await q.query(`SELECT id, center_code, department_id, name, kind FROM hall_item WHERE center_code = ? AND active = 1 ORDER BY name`, [centerCode])) as ItemRow[];
  }

  /** What the duty rule needs about these people around `at`: leave notices in force, the day's punches, the window's approved covers. */
  async dutyFacts(q: Queryable, windowId: string, staffIds: string[], at: Date, dayStart: Date): Promise<{ absences: Absence[]; punches: Punch[]; covers: Cover[] }> {
    const covers = ((await q.query(`SELECT id AS cover_id, staff_id, from_at, until_at, cancelled_at FROM hall_cover WHERE window_id = ? AND status = 'APPROVED' AND from_at <= ? AND until_at > ?`, [windowId, at, at])) as Array<{
      cover_id: string;
      staff_id: string;
      from_at: Date;
      until_at: Date;
      cancelled_at: Date | null;
    }>).map((c) => ({ coverId: c.cover_id, windowId, staffId: c.staff_id, from: c.from_at, until: c.cancelled_at && c.cancelled_at < c.until_at ? c.cancelled_at : c.until_at }));
    const people = [...new Set([...staffIds, ...covers.map((c) => c.staffId)])];
    if (people.length === 0) return { absences: [], punches: [], covers };
    const marks = people.map(() => "?").join(", ");
    const leaves = (await q.query(`SELECT staff_id, starts_at, ends_at FROM hall_leave WHERE staff_id IN (${marks}) AND cancelled_at IS NULL AND starts_at <= ? AND ends_at > ?`, [
      ...people,
      at,
      at,
    ])) as Array<{ staff_id: string; starts_at: Date; ends_at: Date }>;
    const punches = ((await q.query(`SELECT staff_id, kind, at FROM hall_punch WHERE staff_id IN (${marks}) AND at >= ? AND at <= ?`, [...people, dayStart, at])) as Array<{
      staff_id: string;
      kind: "IN" | "OUT";
      at: Date;
    }>).map((p) => ({ staffId: p.staff_id, kind: p.kind, at: p.at }));
    return { absences: leaves.map((l) => ({ staffId: l.staff_id, from: l.starts_at, until: l.ends_at })), punches, covers };
  }
}
