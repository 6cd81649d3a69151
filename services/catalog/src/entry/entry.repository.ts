import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { EntryCounts } from "./entry.rules";
import { ItemEntryRow } from "./entities";

export interface DepartmentEntryCounts extends EntryCounts {
  departmentId: string;
}

/** Counted over the public catalog (item_listing): published items that are not retired. */
const countsSelect = `
  SELECT d.id AS departmentId,
         COUNT(l.item_id) AS total,
         COALESCE(SUM(e.entered = 1), 0) AS entered,
         COALESCE(SUM(e.entered = 0), 0) AS notEntered
    FROM department_replica d
    LEFT JOIN item_listing l ON l.department_id = d.id
    LEFT JOIN item_entry e ON e.item_id = l.item_id`;

export class EntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(itemId: string): Promise<ItemEntryRow | null> {
    return this.dataSource.manager.findOneBy(ItemEntryRow, { itemId });
  }

  async upsert(tx: Tx, entry: ItemEntryRow): Promise<void> {
    await tx.manager.upsert(ItemEntryRow, entry, ["itemId"]);
  }

  async countsOfCenter(centerCode: string): Promise<DepartmentEntryCounts[]> {
    const rows = (await this.dataSource.query(`${countsSelect} WHERE d.center_code = ? GROUP BY d.id ORDER BY d.code`, [centerCode])) as RawCounts[];
    return rows.map(fromRaw);
  }

  async countsOfDepartment(departmentId: string): Promise<DepartmentEntryCounts | null> {
    const rows = (await this.dataSource.query(`${countsSelect} WHERE d.id = ? GROUP BY d.id`, [departmentId])) as RawCounts[];
    return rows.length > 0 ? fromRaw(rows[0]) : null;
  }
}

interface RawCounts {
  departmentId: string;
  total: string | number;
  entered: string | number;
  notEntered: string | number;
}

const fromRaw = (row: RawCounts): DepartmentEntryCounts => ({
  departmentId: row.departmentId,
  total: Number(row.total),
  entered: Number(row.entered),
  notEntered: Number(row.notEntered),
});
