import { catalogEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { FeeStandardReplicaRepository } from "./items.repository";

/**
 * Catalog publishes the standard of every version and every fee code it cancelled for
 * good; a version never changes once published, and a cancelled code is never revived,
 * so applying these in any order gives the same replica.
 */
export function feeStandardReplicaHandlers(repository: FeeStandardReplicaRepository) {
  return [
    onEvent("fee-standard-replica", catalogEvents.itemPublished, async (tx, item) => {
      await repository.upsert(tx, {
        itemId: item.itemId,
        version: item.version,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        itemName: item.name,
        feeStandard: item.feeStandard,
        feeItems: item.feeItems,
      });
      await repository.cancelFeeCodes(tx, item.itemId, item.cancelledFeeCodes);
    }),
    onEvent("cancelled-fee-codes", catalogEvents.itemCancelled, (tx, item) =>
      repository.cancelFeeCodes(tx, item.itemId, item.cancelledFeeCodes),
    ),
  ];
}
