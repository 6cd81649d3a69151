import type { catalogEvents, FeeStandardPayload } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import type { PublishedStandard } from "../notices/assessment.rules";
import { CancelledFeeCodeRow, FeeStandardReplicaRow } from "./entities";

const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

export class FeeStandardReplicaRepository {
  async upsert(tx: Tx, row: FeeStandardReplicaRow): Promise<void> {
    await tx.manager.upsert(FeeStandardReplicaRow, row, ["itemId", "version"]);
  }

  async cancelFeeCodes(tx: Tx, itemId: string, feeCodes: readonly string[]): Promise<void> {
    if (feeCodes.length === 0) return;
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(CancelledFeeCodeRow)
      .values(feeCodes.map((feeCode) => ({ itemId, feeCode })))
      .orIgnore()
      .execute();
  }

  /** The published standard of one item version, or null while catalog's event has not arrived. */
  async find(tx: Tx, itemId: string, version: number): Promise<PublishedStandard | null> {
    const row = await tx.manager.findOneBy(FeeStandardReplicaRow, { itemId, version });
    if (!row) return null;
    return {
      itemName: row.itemName,
      feeStandard: parsed<FeeStandardPayload>(row.feeStandard),
      feeItems: row.feeItems === null ? [] : parsed<catalogEvents.FeeItemPayload[]>(row.feeItems),
    };
  }

  async cancelledFeeCodes(tx: Tx, itemId: string): Promise<Set<string>> {
    const rows = await tx.manager.findBy(CancelledFeeCodeRow, { itemId });
    return new Set(rows.map((row) => row.feeCode));
  }
}
