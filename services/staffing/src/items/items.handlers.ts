import { catalogEvents } from "@onestop/events";
import { onEvent, RetryLater } from "@onestop/platform";
import type { ItemReplicaRepository } from "./items.repository";

/**
 * Staffing learns from catalog which department keeps each item (to refuse letters for
 * another department's items) and the window it entered the hall at (to assign its cases).
 */
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
    onEvent("item-entry-replica", catalogEvents.itemEntryChanged, async (tx, entry) => {
      const known = await repository.recordEntry(tx, entry.itemId, entry.entered ? entry.windowId : null, new Date(entry.changedAt));
      if (!known) throw new RetryLater(`Item ${entry.itemId} not yet known to staffing`);
    }),
  ];
}
