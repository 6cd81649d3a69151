import { In, type DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { DepartmentReplicaRow } from "./entities";

export class DepartmentReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Tx, department: DepartmentReplicaRow): Promise<void> {
    await tx.manager.upsert(DepartmentReplicaRow, department, ["id"]);
  }

  find(id: string): Promise<DepartmentReplicaRow | null> {
    return this.dataSource.getRepository(DepartmentReplicaRow).findOneBy({ id });
  }

  /** The ids among `ids` that are departments of the center. */
  async knownInCenter(centerCode: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(DepartmentReplicaRow).find({ where: { centerCode, id: In([...ids]) }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }
}
