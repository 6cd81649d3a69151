import type { DataSource } from "typeorm";
import type { feesEvents } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import { FeeIrregularityRow } from "./entities";

export class IrregularityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the irregularity unless this occurrence is already recorded; true when it is new. */
  async insertIfNew(tx: Tx, row: FeeIrregularityRow): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(FeeIrregularityRow)
      .values(row)
      .orIgnore()
      .execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  async list(centerCode: string, kind: feesEvents.FeeIrregularityKind | null, limit: number): Promise<FeeIrregularityRow[]> {
    return this.dataSource.getRepository(FeeIrregularityRow).find({
      where: kind ? { centerCode, kind } : { centerCode },
      order: { detectedAt: "DESC", id: "ASC" },
      take: limit,
    });
  }

  /** A page (one extra row read, to tell whether another follows) after (detectedAt, id), and how many match in all. */
  async page(
    centerCode: string,
    kind: feesEvents.FeeIrregularityKind | null,
    after: { detectedAt: Date; id: string } | null,
    first: number,
  ): Promise<{ rows: FeeIrregularityRow[]; totalCount: number }> {
    const query = () => {
      const builder = this.dataSource.getRepository(FeeIrregularityRow).createQueryBuilder("i").where("i.center_code = :centerCode", { centerCode });
      if (kind) builder.andWhere("i.kind = :kind", { kind });
      return builder;
    };
    const page = query();
    if (after) page.andWhere("(i.detected_at < :at OR (i.detected_at = :at AND i.id > :id))", { at: after.detectedAt, id: after.id });
    const [rows, totalCount] = await Promise.all([page.orderBy("i.detected_at", "DESC").addOrderBy("i.id", "ASC").limit(first + 1).getMany(), query().getCount()]);
    return { rows, totalCount };
  }
}
