import type { DataSource } from "typeorm";
import type { staffingEvents, EventPayload, WindowKind } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import { WindowReplicaRow } from "./entities";

export interface HallWindow {
  windowId: string;
  centerCode: string;
  code: string;
  kind: WindowKind;
  departmentId: string | null;
  actsFor: string[];
  open: boolean;
}

/** The only code that reads or writes cases' copy of the hall's windows. */
export class HallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A snapshot replaces the row only when its revision is higher. */
  async upsertWindow(tx: Tx, window: EventPayload<typeof staffingEvents.windowPublished>): Promise<void> {
    const newer = "VALUES(revision) > revision";
    await tx.manager.query(
      `INSERT INTO window_replica (window_id, center_code, code, kind, department_id, acts_for, open, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         center_code = IF(${newer}, VALUES(center_code), center_code),
         code = IF(${newer}, VALUES(code), code),
         kind = IF(${newer}, VALUES(kind), kind),
         department_id = IF(${newer}, VALUES(department_id), department_id),
         acts_for = IF(${newer}, VALUES(acts_for), acts_for),
         open = IF(${newer}, VALUES(open), open),
         revision = GREATEST(revision, VALUES(revision))`,
      [window.windowId, window.centerCode, window.code, window.kind, window.departmentId, window.actsForDepartmentIds.join(","), window.open ? 1 : 0, window.revision],
    );
  }

  async window(windowId: string, tx?: Tx): Promise<HallWindow | null> {
    const row = await (tx?.manager ?? this.dataSource.manager).findOneBy(WindowReplicaRow, { windowId });
    if (!row) return null;
    return {
      windowId: row.windowId,
      centerCode: row.centerCode,
      code: row.code,
      kind: row.kind,
      departmentId: row.departmentId,
      actsFor: row.actsFor ? row.actsFor.split(",") : [],
      open: row.open,
    };
  }
}
