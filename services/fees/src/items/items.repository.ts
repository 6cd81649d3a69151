import type { FeeStandardPayload } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import { FeeStandardReplicaRow } from "./entities";

export class FeeStandardReplicaRepository {
  async upsert(tx: Tx, row: FeeStandardReplicaRow): Promise<void> {
    await tx.manager.upsert(FeeStandardReplicaRow, row, ["itemId", "version"]);
  }

  async find(tx: Tx, itemId: string, version: number): Promise<FeeStandardReplicaRow | null> {
    const row = await tx.manager.findOneBy(FeeStandardReplicaRow, { itemId, version });
    if (row && typeof row.feeStandard === "string") row.feeStandard = JSON.parse(row.feeStandard) as FeeStandardPayload;
    return row;
  }
}
