import { catalogEvents, staffingEvents } from "@onestop/events";
import { onEvent, type EventHandler } from "@onestop/platform";
import type { FloorRepository } from "./floor.repository";

/** The hall learns its departments, windows, who holds their posts and who is away from staffing's events, and items from catalog's; every effect is an upsert. */
export function floorHandlers(repository: FloorRepository): EventHandler[] {
  return [
    onEvent("hall_department", staffingEvents.departmentRegistered, (tx, d) => repository.upsertDepartment(tx.manager, { id: d.departmentId, centerCode: d.centerCode, code: d.code, name: d.name })),
    onEvent("hall_window", staffingEvents.windowPublished, (tx, w) =>
      repository.upsertWindow(tx.manager, {
        id: w.windowId,
        center_code: w.centerCode,
        code: w.code,
        name: w.name,
        kind: w.kind,
        department_id: w.departmentId,
        acts_for: w.actsForDepartmentIds,
        open: w.open,
        a_staff_id: w.aPostStaffId,
        b_staff_id: w.bPostStaffId,
        revision: w.revision,
      }),
    ),
    onEvent("hall_item", catalogEvents.itemPublished, (tx, i) =>
      repository.upsertItem(tx.manager, { id: i.itemId, center_code: i.centerCode, department_id: i.departmentId, name: i.name, kind: i.kind, version: i.version }),
    ),
    onEvent("hall_item_cancelled", catalogEvents.itemCancelled, (tx, i) => repository.cancelItem(tx.manager, i.itemId)),
    onEvent("hall_leave", staffingEvents.leaveNoticePosted, (tx, l) =>
      repository.upsertLeave(tx.manager, { id: l.leaveId, staffId: l.staffId, startsAt: new Date(l.startsAt), endsAt: new Date(l.endsAt) }),
    ),
    onEvent("hall_leave_cancelled", staffingEvents.leaveNoticeCancelled, (tx, l) =>
      repository.cancelLeave(tx.manager, { id: l.leaveId, staffId: l.staffId, cancelledAt: new Date(l.cancelledAt) }),
    ),
    onEvent("hall_punch", staffingEvents.attendanceRecorded, (tx, p) => repository.addPunch(tx.manager, { id: p.punchId, staffId: p.staffId, kind: p.kind, at: new Date(p.at) })),
    ...[staffingEvents.windowCoverApproved, staffingEvents.windowCoverCancelled, staffingEvents.windowCoverRejected].map((event, index) =>
      onEvent(`hall_cover_${index}`, event, (tx, c) =>
        repository.upsertCover(tx.manager, {
          id: c.coverId,
          windowId: c.windowId,
          staffId: c.staffId,
          from: new Date(c.from),
          until: new Date(c.until),
          status: c.status,
          cancelledAt: c.cancelledAt ? new Date(c.cancelledAt) : null,
          revision: c.revision,
        }),
      ),
    ),
  ];
}
