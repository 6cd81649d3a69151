import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { ItemListingRow } from "./entities";
import type { ListingEntry, Synonym } from "./search.rules";

export class ListingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists the item (or its new version) and moves the center's catalog revision, in the caller's transaction. */
  async upsert(tx: Tx, entry: ListingEntry): Promise<void> {
    await tx.manager.upsert(ItemListingRow, entry, ["itemId"]);
    await this.bumpRevision(tx, entry.centerCode);
  }

  async remove(tx: Tx, centerCode: string, itemId: string): Promise<void> {
    await tx.manager.delete(ItemListingRow, { itemId });
    await this.bumpRevision(tx, centerCode);
  }

  private async bumpRevision(tx: Tx, centerCode: string): Promise<void> {
    await tx.manager.query(
      "INSERT INTO catalog_revision (center_code, revision) VALUES (?, 1) ON DUPLICATE KEY UPDATE revision = revision + 1",
      [centerCode],
    );
  }

  /** The center's catalog revision; 0 before anything was ever published there. */
  async revision(centerCode: string): Promise<number> {
    const rows = (await this.dataSource.query("SELECT revision FROM catalog_revision WHERE center_code = ?", [centerCode])) as Array<{
      revision: string | number;
    }>;
    return rows.length > 0 ? Number(rows[0].revision) : 0;
  }

  ofCenter(centerCode: string): Promise<ItemListingRow[]> {
    return this.dataSource.getRepository(ItemListingRow).findBy({ centerCode });
  }

  /** Every everyday word and its expansions: a few hundred rows, read with a center's listing. */
  async synonyms(): Promise<Synonym[]> {
    return (await this.dataSource.query("SELECT word, expansion FROM search_synonym ORDER BY word, expansion")) as Synonym[];
  }
}
