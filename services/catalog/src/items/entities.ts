import { Column, Entity, PrimaryColumn } from "typeorm";
import type { FeeStandardPayload } from "@onestop/events";

export type ItemKind = "INSTANT" | "PROMISED" | "JOINT" | "REPORTED";

@Entity({ name: "item" })
export class ItemRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 80 })
  code!: string;

  @Column({ name: "current_version", type: "int" })
  currentVersion!: number;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

/** Every published version is kept: a case is judged by the version it was accepted under. */
@Entity({ name: "item_version" })
export class ItemVersionRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ name: "legal_limit_days", type: "int" })
  legalLimitDays!: number;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ name: "fee_standard", type: "json" })
  feeStandard!: FeeStandardPayload;

  @Column({ name: "published_at", type: "datetime", precision: 3 })
  publishedAt!: Date;
}

/** An item as the public reads it: the item with its current version. */
export type CurrentItem = ItemRow & Omit<ItemVersionRow, "itemId">;

export const itemEntities = [ItemRow, ItemVersionRow];
