import { Column, Entity, PrimaryColumn } from "typeorm";
import type { FeeStandardPayload } from "@onestop/events";

/** The fee standard of every published item version (a replica fed by catalog's events). */
@Entity({ name: "fee_standard_replica" })
export class FeeStandardReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ name: "item_name", type: "varchar", length: 200 })
  itemName!: string;

  @Column({ name: "fee_standard", type: "json" })
  feeStandard!: FeeStandardPayload;
}
