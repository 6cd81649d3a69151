import { Column, Entity, PrimaryColumn } from "typeorm";
import type { catalogEvents, FeeStandardPayload } from "@onestop/events";

type FeeItemPayload = catalogEvents.FeeItemPayload;

/** The fee standard of every published item version (a replica fed by catalog's events). */
@Entity({ name: "fee_standard_replica" })
export class FeeStandardReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  /** Null only for versions replicated before the replica kept them. */
  @Column({ name: "center_code", type: "char", length: 12, nullable: true })
  centerCode!: string | null;

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "item_name", type: "varchar", length: 200 })
  itemName!: string;

  /** The whole fee of one case as one computation: all a version published before fee items had. */
  @Column({ name: "fee_standard", type: "json" })
  feeStandard!: FeeStandardPayload;

  @Column({ name: "fee_items", type: "json", nullable: true })
  feeItems!: FeeItemPayload[] | null;
}

/** 已取消的收费: a fee code of an item that may never be charged again. */
@Entity({ name: "cancelled_fee_code" })
export class CancelledFeeCodeRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ name: "fee_code", type: "varchar", length: 40 })
  feeCode!: string;
}

export const itemEntities = [FeeStandardReplicaRow, CancelledFeeCodeRow];
