import { catalogEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { FeeStandardReplicaRepository } from "./items.repository";

export function feeStandardReplicaHandlers(repository: FeeStandardReplicaRepository) {
  return [
    onEvent("fee-standard-replica", catalogEvents.itemPublished, (tx, item) =>
      repository.upsert(tx, { itemId: item.itemId, version: item.version, itemName: item.name, feeStandard: item.feeStandard }),
    ),
  ];
}
