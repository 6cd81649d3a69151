import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { ItemReplicaRow } from "./entities";

/** Staffing's copy of the catalog's items: which department keeps each, where it entered the hall. */
export class ItemReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Keeps the newest version catalog published; an older one arriving late changes nothing. */
  async upsertItem(tx: Tx, item: Omit<ItemReplicaRow, "entryWindowId" | "entryChangedAt">): Promise<void> {
    await tx.manager.query(
      `INSERT INTO item_replica (item_id, center_code, department_id, name, kind, version) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         department_id = IF(VALUES(version) >= version, VALUES(department_id), department_id),
         name = IF(VALUES(version) >= version, VALUES(name), name),
         kind = IF(VALUES(version) >= version, VALUES(kind), kind),
         version = GREATEST(version, VALUES(version))`,
      [item.itemId, item.centerCode, item.departmentId, item.name, item.kind, item.version],
    );
  }

  findItem(itemId: string, tx?: Tx): Promise<ItemReplicaRow | null> {
    return this.manager(tx).findOneBy(ItemReplicaRow, { itemId });
  }
}
