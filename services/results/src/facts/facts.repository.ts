import type { Tx } from "@onestop/platform";
import { CaseFactsRow, DepartmentRow, ItemVersionRow } from "./entities";

const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/** The replicas results writes documents from: cases, item versions, departments. */
export class FactsRepository {
  async upsertItem(tx: Tx, row: ItemVersionRow): Promise<void> {
    await tx.manager.upsert(ItemVersionRow, row, ["itemId", "version"]);
  }

  async upsertDepartment(tx: Tx, row: DepartmentRow): Promise<void> {
    await tx.manager.upsert(DepartmentRow, row, ["departmentId"]);
  }

  async item(tx: Tx, itemId: string, version: number): Promise<ItemVersionRow | null> {
    const row = await tx.manager.findOneBy(ItemVersionRow, { itemId, version });
    return row ? { ...row, materials: parsed(row.materials) } : null;
  }

  /** The newest replicated version of an item. */
  async latestItem(tx: Tx, itemId: string): Promise<ItemVersionRow | null> {
    return tx.manager.findOne(ItemVersionRow, { where: { itemId }, order: { version: "DESC" } });
  }

  async department(tx: Tx, departmentId: string): Promise<DepartmentRow | null> {
    return tx.manager.findOneBy(DepartmentRow, { departmentId });
  }

  async departmentNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.manager.createQueryBuilder(DepartmentRow, "d").where("d.department_id IN (:...ids)", { ids }).getMany();
    return new Map(rows.map((row) => [row.departmentId, row.name]));
  }

  /**
   * The case's row, locked; null when results first hears of the case. The row is made first
   * (an empty one, `last_seq` 0) and then locked by its key: a locking read of a missing row
   * would lock the gap instead, and two new cases in one gap deadlock each other.
   */
  async caseForUpdate(tx: Tx, blank: CaseFactsRow): Promise<CaseFactsRow | null> {
    await tx.manager.createQueryBuilder().insert().into(CaseFactsRow).values({ ...blank, lastSeq: 0 }).orIgnore().execute();
    const row = await tx.manager.createQueryBuilder(CaseFactsRow, "c").setLock("pessimistic_write").where("c.case_id = :caseId", { caseId: blank.caseId }).getOne();
    return row && row.lastSeq > 0 ? row : null;
  }

  async case(tx: Tx, caseId: string): Promise<CaseFactsRow | null> {
    return tx.manager.findOneBy(CaseFactsRow, { caseId });
  }

  async saveCase(tx: Tx, row: CaseFactsRow): Promise<void> {
    await tx.manager.upsert(CaseFactsRow, row, ["caseId"]);
  }
}
