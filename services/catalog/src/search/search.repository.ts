import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { ItemKind, ItemTheme } from "../items/item.rules";
import { ItemListingRow } from "./entities";
import { containsPattern, type CursorPosition, type ListingEntry, type SearchTerm } from "./search.rules";

export interface ListingFilter {
  centerCode: string;
  terms: readonly SearchTerm[];
  departmentId?: string | null;
  kind?: ItemKind | null;
  theme?: ItemTheme | null;
}

export class ListingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Tx, entry: ListingEntry): Promise<void> {
    await tx.manager.upsert(ItemListingRow, entry, ["itemId"]);
  }

  async remove(tx: Tx, itemId: string): Promise<void> {
    await tx.manager.delete(ItemListingRow, { itemId });
  }

  private filtered(filter: ListingFilter) {
    const query = this.dataSource
      .getRepository(ItemListingRow)
      .createQueryBuilder("l")
      .where("l.center_code = :centerCode", { centerCode: filter.centerCode });
    if (filter.departmentId) query.andWhere("l.department_id = :departmentId", { departmentId: filter.departmentId });
    if (filter.kind) query.andWhere("l.kind = :kind", { kind: filter.kind });
    if (filter.theme) query.andWhere("FIND_IN_SET(:theme, l.themes) > 0", { theme: filter.theme });
    filter.terms.forEach((term, index) => {
      const parameter = `term${index}`;
      const pattern = { [parameter]: containsPattern(term.text) };
      if (term.latin) {
        query.andWhere(`(l.name LIKE :${parameter} OR l.name_initials LIKE :${parameter} OR l.name_pinyin LIKE :${parameter})`, pattern);
      } else {
        query.andWhere(`(l.name LIKE :${parameter} OR l.code LIKE :${parameter})`, pattern);
      }
    });
    return query;
  }

  /** One page in the stable order (sort key, item id), starting after `after`; `limit` rows at most. */
  page(filter: ListingFilter, after: CursorPosition | null, limit: number): Promise<ItemListingRow[]> {
    const query = this.filtered(filter);
    if (after) {
      query.andWhere("(l.sort_key > :afterKey OR (l.sort_key = :afterKey AND l.item_id > :afterId))", {
        afterKey: after.sortKey,
        afterId: after.id,
      });
    }
    return query.orderBy("l.sort_key", "ASC").addOrderBy("l.item_id", "ASC").limit(limit).getMany();
  }

  count(filter: ListingFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  ofCenterByCode(centerCode: string): Promise<ItemListingRow[]> {
    return this.dataSource.getRepository(ItemListingRow).find({ where: { centerCode }, order: { code: "ASC" } });
  }

  ofDepartment(departmentId: string): Promise<ItemListingRow[]> {
    return this.dataSource.getRepository(ItemListingRow).find({ where: { departmentId }, order: { sortKey: "ASC", itemId: "ASC" } });
  }
}
