import { staffingEvents } from "@onestop/events";
import { onEvent, type EventHandler } from "@onestop/platform";
import type { DirectoryRepository } from "./directory.repository";

/** The names the reports print, from staffing's events; each effect is an upsert, so a redelivery changes nothing. */
export function directoryHandlers(repository: DirectoryRepository): EventHandler[] {
  return [
    onEvent("directory_department", staffingEvents.departmentRegistered, (tx, d) =>
      repository.upsert(tx.manager, { kind: "DEPARTMENT", id: d.departmentId, centerCode: d.centerCode, code: d.code, name: d.name, revision: 0 }),
    ),
    onEvent("directory_window", staffingEvents.windowPublished, (tx, w) =>
      repository.upsert(tx.manager, { kind: "WINDOW", id: w.windowId, centerCode: w.centerCode, code: w.code, name: w.name, revision: w.revision }),
    ),
    onEvent("directory_staff", staffingEvents.staffRegistered, (tx, s) =>
      repository.upsert(tx.manager, { kind: "STAFF", id: s.staffId, centerCode: s.centerCode, code: s.code, name: s.name, revision: 0 }),
    ),
  ];
}
