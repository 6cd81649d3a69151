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
        code: item.code || null,
        kind: item.kind,
        legalLimitDays: item.legalLimitDays,
        promisedLimitDays: item.promisedLimitDays,
        feeStandard: item.feeStandard,
        materials: item.materials.map((m) => ({ code: m.code, name: m.name, mandatory: m.mandatory })),
        stageLimits: item.stageLimits,
        deemedApproval: item.deemedApproval,
        vetoEscalation: item.vetoEscalation,
        allowsDeficiencies: item.allowsDeficiencies,
        deferrableMaterialCodes: item.deferrableMaterialCodes,
        allowsCommitment: item.allowsCommitment,
        reportedTo: item.reportedTo,
      }),
    ),
    onEvent("item-cancelled", catalogEvents.itemCancelled, (tx, item) =>
      repository.markCancelled(tx, {
        itemId: item.itemId,
        centerCode: item.centerCode,
        cancelledAt: new Date(item.cancelledAt),
        reason: item.reason,
        mergedIntoItemId: item.mergedIntoItemId,
      }),
    ),
    onEvent("item-entry", catalogEvents.itemEntryChanged, (tx, entry) =>
      repository.recordEntry(tx, {
        itemId: entry.itemId,
        centerCode: entry.centerCode,
        windowId: entry.entered ? entry.windowId : null,
        changedAt: new Date(entry.changedAt),
      }),
    ),
  ];
}
