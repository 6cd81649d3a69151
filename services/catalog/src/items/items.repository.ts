import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { ItemFeeCodeRow, ItemRow, ItemVersionRow } from "./entities";
import type { ItemStatus } from "./item.rules";

export interface VersionKey {
  itemId: string;
  version: number;
}

export interface AdministeredFilter {
  centerCode: string;
  keyword: string | null;
  status: ItemStatus | null;
  departmentId: string | null;
  withDraft: boolean | null;
}

/** A LIKE pattern matching the text literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export const versionKey = (key: VersionKey) => `${key.itemId}@${key.version}`;

export class ItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Inserts an item with its first version; false when its code is taken in that center. */
  async insertItem(tx: Tx, item: ItemRow, version: ItemVersionRow): Promise<boolean> {
    try {
      await tx.manager.insert(ItemRow, item);
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await tx.manager.insert(ItemVersionRow, version);
    return true;
  }

  findItem(id: string): Promise<ItemRow | null> {
    return this.dataSource.manager.findOneBy(ItemRow, { id });
  }

  findItemByCode(code: string): Promise<ItemRow | null> {
    return this.dataSource.manager.findOneBy(ItemRow, { code });
  }

  /** Reads the item and holds its row until the transaction ends: every change to an item goes through here. */
  lockItem(tx: Tx, id: string): Promise<ItemRow | null> {
    return tx.manager.findOne(ItemRow, { where: { id }, lock: { mode: "pessimistic_write" } });
  }

  async updateItem(tx: Tx, id: string, changes: Partial<ItemRow>): Promise<void> {
    await tx.manager.update(ItemRow, { id }, changes);
  }

  itemsOfCenter(centerCode: string): Promise<ItemRow[]> {
    return this.dataSource.manager.find(ItemRow, { where: { centerCode }, order: { code: "ASC" } });
  }

  /**
   * Up to `first` + 1 of the center's items in code order after `after` (code, id) (the extra one
   * tells that another page follows), with how many match in all; the name searched is that of the version administration sees (latestShown).
   */
  async administeredPage(filter: AdministeredFilter, after: { code: string; id: string } | null, first: number): Promise<{ rows: ItemRow[]; total: number }> {
    const query = () => {
      const builder = this.dataSource.manager
        .createQueryBuilder(ItemRow, "i")
        .innerJoin(ItemVersionRow, "v", "v.item_id = i.id AND v.version = COALESCE(i.current_version, i.draft_version, i.latest_version)")
        .where("i.center_code = :centerCode", { centerCode: filter.centerCode });
      if (filter.keyword) builder.andWhere("(i.code LIKE :pattern OR v.name LIKE :pattern)", { pattern: `%${escapeLike(filter.keyword)}%` });
      if (filter.status) builder.andWhere("i.status = :status", { status: filter.status });
      if (filter.departmentId) builder.andWhere("i.department_id = :departmentId", { departmentId: filter.departmentId });
      if (filter.withDraft === true) builder.andWhere("i.draft_version IS NOT NULL");
      if (filter.withDraft === false) builder.andWhere("i.draft_version IS NULL");
      return builder;
    };
    const pageQuery = query();
    if (after) pageQuery.andWhere("(i.code > :afterCode OR (i.code = :afterCode AND i.id > :afterId))", { afterCode: after.code, afterId: after.id });
    const [rows, total] = await Promise.all([pageQuery.orderBy("i.code", "ASC").addOrderBy("i.id", "ASC").limit(first + 1).getMany(), query().getCount()]);
    return { rows, total };
  }

  async itemsByIds(ids: readonly string[]): Promise<Map<string, ItemRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(ItemRow, { id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  findVersion(itemId: string, version: number, tx?: Tx): Promise<ItemVersionRow | null> {
    return this.manager(tx).findOneBy(ItemVersionRow, { itemId, version });
  }

  /** Versions by key, in one query, for a page of items whose details were asked for. */
  async versionsByKeys(keys: readonly VersionKey[]): Promise<Map<string, ItemVersionRow>> {
    if (keys.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(ItemVersionRow, { where: keys.map((key) => ({ itemId: key.itemId, version: key.version })) });
    return new Map(rows.map((row) => [versionKey(row), row]));
  }

  publishedVersions(itemId: string): Promise<ItemVersionRow[]> {
    return this.dataSource.manager.find(ItemVersionRow, { where: { itemId, status: "PUBLISHED" }, order: { version: "ASC" } });
  }

  async insertVersion(tx: Tx, version: ItemVersionRow): Promise<void> {
    await tx.manager.insert(ItemVersionRow, version);
  }

  /** Writes a draft; false if it is no longer a draft (the item lock makes that a bug, not a race). */
  async updateDraft(tx: Tx, key: VersionKey, changes: Partial<ItemVersionRow>): Promise<boolean> {
    const result = await tx.manager.update(ItemVersionRow, { ...key, status: "DRAFT" }, changes);
    return result.affected === 1;
  }

  feeCodes(tx: Tx, itemId: string): Promise<ItemFeeCodeRow[]> {
    return tx.manager.findBy(ItemFeeCodeRow, { itemId });
  }

  async introduceFeeCodes(tx: Tx, itemId: string, version: number, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await tx.manager.insert(
      ItemFeeCodeRow,
      codes.map((feeCode) => ({ itemId, feeCode, introducedInVersion: version, cancelledInVersion: null, cancelledAt: null })),
    );
  }

  async cancelFeeCodes(tx: Tx, itemId: string, codes: readonly string[], inVersion: number, at: Date): Promise<void> {
    if (codes.length === 0) return;
    await tx.manager.update(
      ItemFeeCodeRow,
      { itemId, feeCode: In([...codes]), cancelledInVersion: IsNull() },
      { cancelledInVersion: inVersion, cancelledAt: at },
    );
  }
}
