import { catalogEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { ItemReplicaRepository } from "./items.repository";

/** Staffing learns from catalog which department keeps each item, to refuse letters for another department's items. */
export function itemReplicaHandlers(repository: ItemReplicaRepository) {
  return [
    onEvent("item-replica", catalogEvents.itemPublished, (tx, item) =>
      repository.upsertItem(tx, {
        itemId: item.itemId,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        name: item.name,
        kind: item.kind,
        version: item.version,
      }),
    ),
  ];
}
