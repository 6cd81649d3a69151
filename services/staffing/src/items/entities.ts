import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ItemKind } from "@onestop/events";

/** An item as catalog published it, as far as staffing needs it (a replica fed by events). */
@Entity({ name: "item_replica" })
export class ItemReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "varchar", length: 64 })
  itemId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ type: "int" })
  version!: number;

  /** 进驻窗口: the window the item entered the hall at, when catalog has said so. */
  @Column({ name: "entry_window_id", type: "char", length: 36, nullable: true })
  entryWindowId!: string | null;

  @Column({ name: "entry_changed_at", type: "datetime", precision: 3, nullable: true })
  entryChangedAt!: Date | null;
}
