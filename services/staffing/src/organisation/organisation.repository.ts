import type { DataSource } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { DepartmentRow, StaffRow, WindowRow } from "./entities";

export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the department; false when its code is already taken in that center. */
  async insertDepartment(tx: Tx, department: DepartmentRow): Promise<boolean> {
    try {
      await tx.manager.insert(DepartmentRow, department);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  findDepartment(id: string): Promise<DepartmentRow | null> {
    return this.dataSource.getRepository(DepartmentRow).findOneBy({ id });
  }

  findDepartments(ids: readonly string[]): Promise<DepartmentRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DepartmentRow).createQueryBuilder("d").where("d.id IN (:...ids)", { ids }).getMany();
  }

  departmentsOfCenter(centerCode: string): Promise<DepartmentRow[]> {
    return this.dataSource.getRepository(DepartmentRow).find({ where: { centerCode }, order: { code: "ASC" } });
  }

  findWindow(id: string): Promise<WindowRow | null> {
    return this.dataSource.getRepository(WindowRow).findOneBy({ id });
  }

  findStaff(id: string): Promise<StaffRow | null> {
    return this.dataSource.getRepository(StaffRow).findOneBy({ id });
  }
}
