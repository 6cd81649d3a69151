import { staffingEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { WindowReplicaRepository } from "./windows.repository";

export function windowReplicaHandlers(repository: WindowReplicaRepository) {
  return [
    onEvent("window-replica", staffingEvents.windowPublished, (tx, window, envelope) =>
      repository.upsertIfNewer(tx, {
        id: window.windowId,
        centerCode: window.centerCode,
        code: window.code,
        name: window.name,
        kind: window.kind,
        departmentId: window.departmentId,
        actsForDepartmentIds: window.actsForDepartmentIds,
        open: window.open,
        revision: window.revision,
        asOf: new Date(envelope.occurredAt),
      }),
    ),
  ];
}
