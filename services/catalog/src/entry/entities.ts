import { Column, Entity, PrimaryColumn } from "typeorm";

/** 进驻: an item entered at a window, or not entered with a reason. */
@Entity({ name: "item_entry" })
export class ItemEntryRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "boolean" })
  entered!: boolean;

  @Column({ name: "window_id", type: "char", length: 36, nullable: true })
  windowId!: string | null;

  @Column({ name: "not_entered_reason", type: "varchar", length: 500, nullable: true })
  notEnteredReason!: string | null;

  @Column({ name: "changed_at", type: "datetime", precision: 3 })
  changedAt!: Date;

  @Column({ name: "changed_by", type: "varchar", length: 100 })
  changedBy!: string;
}
