import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { DepartmentReplicaRow, ItemCancellationReplicaRow, ItemReplicaRow } from "./entities";

/** The only code that reads or writes the copies of staffing's departments and catalog's items. */
export class ReplicasRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async recordDepartment(tx: Tx, department: DepartmentReplicaRow): Promise<void> {
    await tx.manager.upsert(DepartmentReplicaRow, department, ["departmentId"]);
  }

  /** The newest version wins, whatever order the publications arrive in. */
  async recordItemVersion(tx: Tx, item: ItemReplicaRow): Promise<void> {
    await tx.manager.query(
      `INSERT INTO item_replica (item_id, version, center_code, department_id, name, kind, promised_limit_days, deemed_approval, veto_escalation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         center_code = IF(VALUES(version) >= version, VALUES(center_code), center_code),
         department_id = IF(VALUES(version) >= version, VALUES(department_id), department_id),
         name = IF(VALUES(version) >= version, VALUES(name), name),
         kind = IF(VALUES(version) >= version, VALUES(kind), kind),
         promised_limit_days = IF(VALUES(version) >= version, VALUES(promised_limit_days), promised_limit_days),
         deemed_approval = IF(VALUES(version) >= version, VALUES(deemed_approval), deemed_approval),
         veto_escalation = IF(VALUES(version) >= version, VALUES(veto_escalation), veto_escalation),
         version = GREATEST(VALUES(version), version)`,
      [item.itemId, item.version, item.centerCode, item.departmentId, item.name, item.kind, item.promisedLimitDays, item.deemedApproval ? 1 : 0, item.vetoEscalation],
    );
  }

  async recordItemCancelled(tx: Tx, itemId: string, cancelledAt: Date): Promise<void> {
    await tx.manager.query("INSERT IGNORE INTO item_cancellation_replica (item_id, cancelled_at) VALUES (?, ?)", [itemId, cancelledAt]);
  }

  async departments(ids: readonly string[], tx?: Tx): Promise<DepartmentReplicaRow[]> {
    if (ids.length === 0) return [];
    return this.manager(tx).createQueryBuilder(DepartmentReplicaRow, "d").where("d.department_id IN (:...ids)", { ids }).getMany();
  }

  /** The items with, for each, whether it left the catalog. */
  async items(ids: readonly string[], tx?: Tx): Promise<Array<ItemReplicaRow & { cancelled: boolean }>> {
    if (ids.length === 0) return [];
    const [items, cancelled] = await Promise.all([
      this.manager(tx).createQueryBuilder(ItemReplicaRow, "i").where("i.item_id IN (:...ids)", { ids }).getMany(),
      this.manager(tx).createQueryBuilder(ItemCancellationReplicaRow, "c").where("c.item_id IN (:...ids)", { ids }).getMany(),
    ]);
    const gone = new Set(cancelled.map((c) => c.itemId));
    return items.map((item) => Object.assign(item, { cancelled: gone.has(item.itemId) }));
  }
}
