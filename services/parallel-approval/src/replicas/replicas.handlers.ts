import { catalogEvents, staffingEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { ReplicasRepository } from "./replicas.repository";

/** Keeps the departments and items a joint approval is checked against. */
export function replicaHandlers(repository: ReplicasRepository) {
  return [
    onEvent("department-replica", staffingEvents.departmentRegistered, (tx, department) =>
      repository.recordDepartment(tx, { departmentId: department.departmentId, centerCode: department.centerCode, code: department.code, name: department.name }),
    ),
    onEvent("item-replica", catalogEvents.itemPublished, (tx, item) =>
      repository.recordItemVersion(tx, {
        itemId: item.itemId,
        version: item.version,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        name: item.name,
        kind: item.kind,
        promisedLimitDays: item.promisedLimitDays,
        deemedApproval: item.deemedApproval,
        vetoEscalation: item.vetoEscalation,
      }),
    ),
    onEvent("item-cancelled", catalogEvents.itemCancelled, (tx, item) => repository.recordItemCancelled(tx, item.itemId, new Date(item.cancelledAt))),
  ];
}
