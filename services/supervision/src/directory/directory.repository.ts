import type { DataSource } from "typeorm";
import type { Queryable } from "../projection/projection.repository";

/** CENTER (issue 22): a service center of the county's network; `id` is its code, `code` its level, `centerCode` its county. ITEM: a catalog item (its revision the version). */
export type NamedKind = "DEPARTMENT" | "WINDOW" | "STAFF" | "CENTER" | "ITEM";

export interface NamedRow {
  kind: NamedKind;
  id: string;
  centerCode: string;
  code: string;
  name: string;
  /** The window snapshot's revision; departments and staff are named once (0). */
  revision: number;
}

/** Departments', windows' and staff members' names, as staffing's events announce them. */
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the highest revision: an older window snapshot arriving late changes nothing. */
  async upsert(q: Queryable, row: NamedRow): Promise<void> {
    await q.query(
      `INSERT INTO supervision_name (kind, id, center_code, code, name, revision) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         code = IF(VALUES(revision) >= revision, VALUES(code), code),
         name = IF(VALUES(revision) >= revision, VALUES(name), name),
         revision = GREATEST(revision, VALUES(revision))`,
      [row.kind, row.id, row.centerCode, row.code, row.name, row.revision],
    );
  }

  /** The county's centers as staffing announced them (code, level, name), by code. */
  async centersOfCounty(countyCode: string): Promise<Array<{ code: string; level: string; name: string }>> {
    const rows = (await this.dataSource.query("SELECT id, code, name FROM supervision_name WHERE kind = 'CENTER' AND center_code = ? ORDER BY id", [countyCode])) as Array<{
      id: string;
      code: string;
      name: string;
    }>;
    return rows.map((r) => ({ code: r.id, level: r.code, name: r.name }));
  }

  /** id → name of those known; an id not heard of yet is left out. */
  async names(kind: NamedKind, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, name FROM supervision_name WHERE kind = ? AND id IN (${ids.map(() => "?").join(", ")})`, [kind, ...ids])) as Array<{
      id: string;
      name: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
