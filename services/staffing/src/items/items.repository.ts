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

  /**
   * 进驻: records where the item entered the hall (null: not entered), unless a later entry
   * change is already recorded; false when the item itself has not arrived yet.
   */
  async recordEntry(tx: Tx, itemId: string, windowId: string | null, changedAt: Date): Promise<boolean> {
    await tx.manager.query(
      `UPDATE item_replica SET entry_window_id = ?, entry_changed_at = ?
        WHERE item_id = ? AND (entry_changed_at IS NULL OR entry_changed_at <= ?)`,
      [windowId, changedAt, itemId, changedAt],
    );
    return (await this.findItem(itemId, tx)) !== null;
  }

  findItem(itemId: string, tx?: Tx): Promise<ItemReplicaRow | null> {
    return this.manager(tx).findOneBy(ItemReplicaRow, { itemId });
  }
}
