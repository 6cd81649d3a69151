import { In, type DataSource, type EntityManager } from "typeorm";
import type { PostPosition } from "@onestop/events";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { DepartmentRow, HallRow, StaffRow, WindowDepartmentRow, WindowRow } from "./entities";

/** A window with everything its published snapshot carries. */
export interface WindowSnapshot {
  window: WindowRow;
  actsForDepartmentIds: string[];
  aPostStaffId: string | null;
  bPostStaffId: string | null;
}

async function insertOrFalse(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Inserts the department; false when its code is already taken in that center. */
  insertDepartment(tx: Tx, department: DepartmentRow): Promise<boolean> {
    return insertOrFalse(() => tx.manager.insert(DepartmentRow, department));
  }

  findDepartment(id: string, tx?: Tx): Promise<DepartmentRow | null> {
    return this.manager(tx).findOneBy(DepartmentRow, { id });
  }

  lockDepartment(tx: Tx, id: string): Promise<DepartmentRow | null> {
    return tx.manager.createQueryBuilder(DepartmentRow, "d").setLock("pessimistic_write").where("d.id = :id", { id }).getOne();
  }

  findDepartments(ids: readonly string[], tx?: Tx): Promise<DepartmentRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(tx).createQueryBuilder(DepartmentRow, "d").where("d.id IN (:...ids)", { ids }).getMany();
  }

  departmentsOfCenter(centerCode: string): Promise<DepartmentRow[]> {
    return this.dataSource.getRepository(DepartmentRow).find({ where: { centerCode }, order: { code: "ASC" } });
  }

  async setChiefRepresentative(tx: Tx, departmentId: string, staffId: string, at: Date): Promise<number> {
    await tx.manager.query(
      "UPDATE department SET chief_staff_id = ?, chief_revision = chief_revision + 1, chief_appointed_at = ? WHERE id = ?",
      [staffId, at, departmentId],
    );
    const rows: Array<{ chief_revision: number }> = await tx.manager.query("SELECT chief_revision FROM department WHERE id = ?", [departmentId]);
    return rows[0].chief_revision;
  }

  /** Departments whose chief representative is this staff member. */
  departmentsChiefedBy(staffId: string): Promise<DepartmentRow[]> {
    return this.dataSource.getRepository(DepartmentRow).findBy({ chiefStaffId: staffId });
  }

  async setPrincipal(tx: Tx, departmentId: string, staffId: string, at: Date): Promise<number> {
    await tx.manager.query(
      "UPDATE department SET principal_staff_id = ?, principal_revision = principal_revision + 1, principal_appointed_at = ? WHERE id = ?",
      [staffId, at, departmentId],
    );
    const rows: Array<{ principal_revision: number }> = await tx.manager.query("SELECT principal_revision FROM department WHERE id = ?", [departmentId]);
    return rows[0].principal_revision;
  }

  /** Departments whose principal is this staff member. */
  departmentsHeadedBy(staffId: string): Promise<DepartmentRow[]> {
    return this.dataSource.getRepository(DepartmentRow).findBy({ principalStaffId: staffId });
  }

  insertHall(tx: Tx, hall: HallRow): Promise<boolean> {
    return insertOrFalse(() => tx.manager.insert(HallRow, hall));
  }

  findHall(id: string, tx?: Tx): Promise<HallRow | null> {
    return this.manager(tx).findOneBy(HallRow, { id });
  }

  findHalls(ids: readonly string[]): Promise<HallRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(HallRow).findBy({ id: In([...ids]) });
  }

  hallsOfCenter(centerCode: string): Promise<HallRow[]> {
    return this.dataSource.getRepository(HallRow).find({ where: { centerCode }, order: { code: "ASC" } });
  }

  insertWindow(tx: Tx, window: WindowRow, actsForDepartmentIds: readonly string[]): Promise<boolean> {
    return insertOrFalse(async () => {
      await tx.manager.insert(WindowRow, window);
      if (actsForDepartmentIds.length > 0) {
        await tx.manager.insert(
          WindowDepartmentRow,
          actsForDepartmentIds.map((departmentId) => ({ windowId: window.id, departmentId })),
        );
      }
    });
  }

  findWindow(id: string, tx?: Tx): Promise<WindowRow | null> {
    return this.manager(tx).findOneBy(WindowRow, { id });
  }

  findWindows(ids: readonly string[]): Promise<WindowRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(WindowRow).findBy({ id: In([...ids]) });
  }

  /** Locks the window: every change of a window or of its posts goes through this lock. */
  lockWindow(tx: Tx, id: string): Promise<WindowRow | null> {
    return tx.manager.createQueryBuilder(WindowRow, "w").setLock("pessimistic_write").where("w.id = :id", { id }).getOne();
  }

  async updateWindow(tx: Tx, id: string, changes: Partial<Pick<WindowRow, "name" | "hallId" | "open">>): Promise<void> {
    if (Object.keys(changes).length > 0) await tx.manager.update(WindowRow, { id }, changes);
  }

  async replaceActsFor(tx: Tx, windowId: string, departmentIds: readonly string[]): Promise<void> {
    await tx.manager.delete(WindowDepartmentRow, { windowId });
    if (departmentIds.length > 0) {
      await tx.manager.insert(
        WindowDepartmentRow,
        departmentIds.map((departmentId) => ({ windowId, departmentId })),
      );
    }
  }

  windowsOfCenter(centerCode: string, tx?: Tx): Promise<WindowRow[]> {
    return this.manager(tx).find(WindowRow, { where: { centerCode }, order: { code: "ASC" } });
  }

  windowsOfHall(hallId: string): Promise<WindowRow[]> {
    return this.dataSource.getRepository(WindowRow).find({ where: { hallId }, order: { code: "ASC" } });
  }

  /** The open windows that take cases of the department: its own, and comprehensive ones acting for it. */
  windowsServing(departmentId: string, tx?: Tx): Promise<WindowRow[]> {
    return this.manager(tx)
      .createQueryBuilder(WindowRow, "w")
      .where("w.department_id = :departmentId", { departmentId })
      .orWhere("w.id IN (SELECT wd.window_id FROM window_department wd WHERE wd.department_id = :departmentId)", { departmentId })
      .orderBy("w.code", "ASC")
      .getMany();
  }

  /** Acts-for departments of each window, for a batch of windows. */
  async actsFor(windowIds: readonly string[], tx?: Tx): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(windowIds.map((id) => [id, []]));
    if (windowIds.length === 0) return result;
    const rows = await this.manager(tx)
      .createQueryBuilder(WindowDepartmentRow, "wd")
      .where("wd.window_id IN (:...windowIds)", { windowIds })
      .getMany();
    for (const row of rows) result.get(row.windowId)?.push(row.departmentId);
    return result;
  }

  /** Gives the window its next revision, under the window's lock. */
  async nextRevision(tx: Tx, windowId: string): Promise<number> {
    await tx.manager.query("UPDATE service_window SET revision = revision + 1 WHERE id = ?", [windowId]);
    const rows: Array<{ revision: number }> = await tx.manager.query("SELECT revision FROM service_window WHERE id = ?", [windowId]);
    return rows[0].revision;
  }

  /** The window with its acts-for departments and its post holders (window_post belongs to the window). */
  async windowSnapshot(tx: Tx, windowId: string): Promise<WindowSnapshot | null> {
    const window = await this.findWindow(windowId, tx);
    if (!window) return null;
    const actsFor = await this.actsFor([windowId], tx);
    const posts: Array<{ position: PostPosition; staff_id: string }> = await tx.manager.query(
      "SELECT position, staff_id FROM window_post WHERE window_id = ?",
      [windowId],
    );
    return {
      window,
      actsForDepartmentIds: (actsFor.get(windowId) ?? []).sort(),
      aPostStaffId: posts.find((p) => p.position === "A")?.staff_id ?? null,
      bPostStaffId: posts.find((p) => p.position === "B")?.staff_id ?? null,
    };
  }

  insertStaff(tx: Tx, staff: StaffRow): Promise<boolean> {
    return insertOrFalse(() => tx.manager.insert(StaffRow, staff));
  }

  findStaff(id: string, tx?: Tx): Promise<StaffRow | null> {
    return this.manager(tx).findOneBy(StaffRow, { id });
  }

  lockStaff(tx: Tx, id: string): Promise<StaffRow | null> {
    return tx.manager.createQueryBuilder(StaffRow, "s").setLock("pessimistic_write").where("s.id = :id", { id }).getOne();
  }

  findStaffMany(ids: readonly string[]): Promise<StaffRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(StaffRow).createQueryBuilder("s").where("s.id IN (:...ids)", { ids }).getMany();
  }

  /** Up to `first` + 1 of the center's staff after the code `afterCode`, by code, and how many match in all. */
  async staffPage(filter: { centerCode: string; departmentId: string | null; keyword: string | null }, afterCode: string | null, first: number) {
    const query = () => {
      const builder = this.dataSource.getRepository(StaffRow).createQueryBuilder("s").where("s.center_code = :centerCode", { centerCode: filter.centerCode });
      if (filter.departmentId) builder.andWhere("s.department_id = :departmentId", { departmentId: filter.departmentId });
      if (filter.keyword) builder.andWhere("(s.code LIKE :pattern OR s.name LIKE :pattern)", { pattern: `%${filter.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      return builder;
    };
    const page = query();
    if (afterCode !== null) page.andWhere("s.code > :afterCode", { afterCode });
    const [rows, totalCount] = await Promise.all([page.orderBy("s.code", "ASC").limit(first + 1).getMany(), query().getCount()]);
    return { rows, totalCount };
  }

  staffOfCenter(centerCode: string, departmentId?: string): Promise<StaffRow[]> {
    return this.dataSource
      .getRepository(StaffRow)
      .find({ where: departmentId ? { centerCode, departmentId } : { centerCode }, order: { code: "ASC" } });
  }
}
