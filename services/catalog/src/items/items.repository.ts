import type { DataSource } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { ItemRow, ItemVersionRow, type CurrentItem } from "./entities";

export class ItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  private currentQuery() {
    return this.dataSource
      .getRepository(ItemRow)
      .createQueryBuilder("i")
      .innerJoin(ItemVersionRow, "v", "v.item_id = i.id AND v.version = i.current_version")
      .select([
        "i.id AS id",
        "i.center_code AS centerCode",
        "i.department_id AS departmentId",
        "i.code AS code",
        "i.current_version AS currentVersion",
        "i.created_at AS createdAt",
        "v.version AS version",
        "v.name AS name",
        "v.kind AS kind",
        "v.legal_limit_days AS legalLimitDays",
        "v.promised_limit_days AS promisedLimitDays",
        "v.fee_standard AS feeStandard",
        "v.published_at AS publishedAt",
      ]);
  }

  private static fromRaw(raw: Record<string, unknown>): CurrentItem {
    const feeStandard = raw.feeStandard;
    return {
      ...(raw as unknown as CurrentItem),
      feeStandard: typeof feeStandard === "string" ? JSON.parse(feeStandard) : feeStandard,
    } as CurrentItem;
  }

  async findCurrent(id: string): Promise<CurrentItem | null> {
    const raw = await this.currentQuery().where("i.id = :id", { id }).getRawOne();
    return raw ? ItemsRepository.fromRaw(raw) : null;
  }

  async currentOfCenter(centerCode: string): Promise<CurrentItem[]> {
    const rows = await this.currentQuery().where("i.center_code = :centerCode", { centerCode }).orderBy("i.code").getRawMany();
    return rows.map(ItemsRepository.fromRaw);
  }
}
