import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { WindowState } from "../entry/entry.rules";
import { WindowReplicaRow } from "./entities";

export class WindowReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Keeps the newest state of the window: events may be delivered out of order, so one with
   * a lower revision (or, at equal revisions, published earlier) changes nothing. Columns are
   * assigned in order, so `revision` and `as_of` come last and every test before sees the stored ones.
   */
  async upsertIfNewer(tx: Tx, window: WindowReplicaRow): Promise<void> {
    const newer = "(VALUES(revision) > revision OR (VALUES(revision) = revision AND VALUES(as_of) >= as_of))";
    await tx.manager.query(
      `INSERT INTO window_replica (id, center_code, code, name, kind, department_id, acts_for_department_ids, open, revision, as_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         center_code = IF(${newer}, VALUES(center_code), center_code),
         code = IF(${newer}, VALUES(code), code),
         name = IF(${newer}, VALUES(name), name),
         kind = IF(${newer}, VALUES(kind), kind),
         department_id = IF(${newer}, VALUES(department_id), department_id),
         acts_for_department_ids = IF(${newer}, VALUES(acts_for_department_ids), acts_for_department_ids),
         open = IF(${newer}, VALUES(open), open),
         as_of = IF(${newer}, VALUES(as_of), as_of),
         revision = GREATEST(revision, VALUES(revision))`,
      [
        window.id,
        window.centerCode,
        window.code,
        window.name,
        window.kind,
        window.departmentId,
        JSON.stringify(window.actsForDepartmentIds),
        window.open ? 1 : 0,
        window.revision,
        window.asOf,
      ],
    );
  }

  async find(id: string, tx?: Tx): Promise<WindowState | null> {
    const manager = tx?.manager ?? this.dataSource.manager;
    return manager.findOneBy(WindowReplicaRow, { id });
  }
}
