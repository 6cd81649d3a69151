import type { DataSource } from "typeorm";
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
}
