import { catalogEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { ItemReplicaRepository } from "./items.repository";

export function itemReplicaHandlers(repository: ItemReplicaRepository) {
  return [
    onEvent("item-replica", catalogEvents.itemPublished, (tx, item) =>
      repository.upsert(tx, {
        itemId: item.itemId,
        version: item.version,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        name: item.name,
        kind: item.kind,
        legalLimitDays: item.legalLimitDays,
        promisedLimitDays: item.promisedLimitDays,
      }),
    ),
  ];
}
