import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { MaterialRequestRow } from "./entities";

/** The only code that reads or writes the materials a case was asked for. */
export class MaterialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  requestsOf(caseId: string, tx?: Tx): Promise<MaterialRequestRow[]> {
    return this.manager(tx).find(MaterialRequestRow, { where: { caseId }, order: { id: "ASC" } });
  }

  async add(tx: Tx, rows: Array<Omit<MaterialRequestRow, "id">>): Promise<void> {
    if (rows.length > 0) await tx.manager.insert(MaterialRequestRow, rows);
  }

  async markSupplied(tx: Tx, supplied: ReadonlyArray<{ id: string; documentRef: string | null }>, at: Date, by: string): Promise<void> {
    for (const { id, documentRef } of supplied) {
      await tx.manager.update(MaterialRequestRow, { id }, { suppliedAt: at, suppliedBy: by, documentRef });
    }
  }
}
