import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { ItemVersionReplicaRow } from "./entities";

export class ItemReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Tx, version: ItemVersionReplicaRow): Promise<void> {
    await tx.manager.upsert(ItemVersionReplicaRow, version, ["itemId", "version"]);
  }

  /** The newest version cases has heard of. */
  currentVersion(itemId: string, tx?: Tx): Promise<ItemVersionReplicaRow | null> {
    const manager = tx?.manager ?? this.dataSource.manager;
    return manager.findOne(ItemVersionReplicaRow, { where: { itemId }, order: { version: "DESC" } });
  }
}
