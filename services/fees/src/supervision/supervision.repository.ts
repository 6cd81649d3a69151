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
}
