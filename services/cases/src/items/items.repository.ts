import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { ItemVersionReplicaRow } from "./entities";

/** Published versions never change (a change is a new version), so a version read once can be kept. */
const VERSIONS_KEPT = 5000;

/** The only code that reads or writes cases' copy of the catalog. */
export class ItemReplicaRepository {
  private readonly versions = new Map<string, ItemVersionReplicaRow>();

  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async upsert(tx: Tx, version: ItemVersionReplicaRow): Promise<void> {
    await tx.manager.upsert(ItemVersionReplicaRow, version, ["itemId", "version"]);
  }

  async version(itemId: string, version: number, tx?: Tx): Promise<ItemVersionReplicaRow | null> {
    const key = `${itemId}@${version}`;
    const kept = this.versions.get(key);
    if (kept) return kept;
    const found = await this.manager(tx).findOneBy(ItemVersionReplicaRow, { itemId, version });
    if (found) {
      if (this.versions.size >= VERSIONS_KEPT) this.versions.delete(this.versions.keys().next().value!);
      this.versions.set(key, found);
    }
    return found;
  }

  /** The newest version with the item's state (retired? entry window?): one small read, the version itself kept. */
  async current(itemId: string, tx?: Tx): Promise<{ version: ItemVersionReplicaRow | null; cancelledAt: Date | null; mergedIntoItemId: string | null; entryWindowId: string | null }> {
    const [newest] = (await this.manager(tx).query(
      `SELECT v.version, s.cancelled_at, s.merged_into_item_id, s.entry_window_id
         FROM item_version_replica v LEFT JOIN item_state_replica s ON s.item_id = v.item_id
        WHERE v.item_id = ? ORDER BY v.version DESC LIMIT 1`,
      [itemId],
    )) as Array<{ version: number; cancelled_at: Date | null; merged_into_item_id: string | null; entry_window_id: string | null }>;
    return {
      version: newest ? await this.version(itemId, Number(newest.version), tx) : null,
      cancelledAt: newest?.cancelled_at ?? null,
      mergedIntoItemId: newest?.merged_into_item_id ?? null,
      entryWindowId: newest?.entry_window_id ?? null,
    };
  }

  async markCancelled(tx: Tx, item: { itemId: string; centerCode: string; cancelledAt: Date; reason: string; mergedIntoItemId: string | null }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO item_state_replica (item_id, center_code, cancelled_at, cancel_reason, merged_into_item_id) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE cancelled_at = VALUES(cancelled_at), cancel_reason = VALUES(cancel_reason), merged_into_item_id = VALUES(merged_into_item_id)`,
      [item.itemId, item.centerCode, item.cancelledAt, item.reason, item.mergedIntoItemId],
    );
  }

  /** The latest entry decision wins, whatever order the events arrive in. */
  async recordEntry(tx: Tx, entry: { itemId: string; centerCode: string; windowId: string | null; changedAt: Date }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO item_state_replica (item_id, center_code, entry_window_id, entry_changed_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         entry_window_id = IF(entry_changed_at IS NULL OR VALUES(entry_changed_at) >= entry_changed_at, VALUES(entry_window_id), entry_window_id),
         entry_changed_at = IF(entry_changed_at IS NULL OR VALUES(entry_changed_at) >= entry_changed_at, VALUES(entry_changed_at), entry_changed_at)`,
      [entry.itemId, entry.centerCode, entry.windowId, entry.changedAt],
    );
  }
}
