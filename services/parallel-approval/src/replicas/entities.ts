import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ItemKind, VetoEscalation } from "@onestop/events";

const flag = { type: "tinyint" as const, width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number | boolean) => Boolean(v) } };

/** staffing's departments, as departmentRegistered announces them. */
@Entity({ name: "department_replica" })
export class DepartmentReplicaRow {
  @PrimaryColumn({ name: "department_id", type: "varchar", length: 64 })
  departmentId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 50 })
  code!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;
}

/** catalog's items, the newest published version of each: what a participant may be asked for. */
@Entity({ name: "item_replica" })
export class ItemReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "varchar", length: 64 })
  itemId!: string;

  @Column({ type: "int" })
  version!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "varchar", length: 64 })
  departmentId!: string;

  @Column({ type: "varchar", length: 300 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  /** 承诺时限 in working days. */
  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  /** 超时默认: a participant silent at its deadline is taken to agree. */
  @Column({ name: "deemed_approval", ...flag })
  deemedApproval!: boolean;

  @Column({ name: "veto_escalation", type: "varchar", length: 30 })
  vetoEscalation!: VetoEscalation;
}

/** Items that left the catalog; kept apart so a cancellation that overtakes the publication still counts. */
@Entity({ name: "item_cancellation_replica" })
export class ItemCancellationReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "varchar", length: 64 })
  itemId!: string;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3 })
  cancelledAt!: Date;
}

export const replicaEntities = [DepartmentReplicaRow, ItemReplicaRow, ItemCancellationReplicaRow];
