import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ItemKind } from "@onestop/events";
import type { ItemCategory } from "../items/item.rules";

/** One row per item in the public catalog (published, not retired), in its current version. */
@Entity({ name: "item_listing" })
export class ItemListingRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 80 })
  code!: string;

  @Column({ type: "int" })
  version!: number;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ name: "name_initials", type: "varchar", length: 200 })
  nameInitials!: string;

  @Column({ name: "name_pinyin", type: "varchar", length: 800 })
  namePinyin!: string;

  @Column({ name: "sort_key", type: "varchar", length: 255 })
  sortKey!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ type: "varchar", length: 40 })
  category!: ItemCategory;

  /** Comma-separated theme names, searched with FIND_IN_SET inside one center's few hundred rows. */
  @Column({ type: "varchar", length: 400 })
  themes!: string;

  @Column({ name: "legal_limit_days", type: "int" })
  legalLimitDays!: number;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ name: "max_visits", type: "int" })
  maxVisits!: number;

  @Column({ type: "boolean" })
  free!: boolean;

  @Column({ name: "published_at", type: "datetime", precision: 3 })
  publishedAt!: Date;
}

export const searchEntities = [ItemListingRow];
