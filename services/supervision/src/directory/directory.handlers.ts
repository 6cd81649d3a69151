import { catalogEvents, staffingEvents } from "@onestop/events";
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
    // The county's service centers (issue 22): the township report names and lists its townships.
    onEvent("directory_center", staffingEvents.serviceCenterPublished, (tx, c) =>
      repository.upsert(tx.manager, { kind: "CENTER", id: c.code, centerCode: `${c.code.slice(0, 6)}000000`, code: c.level, name: c.name, revision: c.revision }),
    ),
    onEvent("directory_staff", staffingEvents.staffRegistered, (tx, s) =>
      repository.upsert(tx.manager, { kind: "STAFF", id: s.staffId, centerCode: s.centerCode, code: s.code, name: s.name, revision: 0 }),
    ),
    // The hall figures' rows per item (issue 21) print the item's name; the latest published version's wins.
    onEvent("directory_item", catalogEvents.itemPublished, (tx, i) =>
      repository.upsert(tx.manager, { kind: "ITEM", id: i.itemId, centerCode: i.centerCode, code: i.code.slice(0, 64), name: i.name.slice(0, 200), revision: i.version }),
    ),
  ];
}
