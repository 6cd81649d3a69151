import { Column, Entity, PrimaryColumn } from "typeorm";

/** The item versions catalog published, as far as cases needs them (a replica fed by events). */
@Entity({ name: "item_version_replica" })
export class ItemVersionReplicaRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: string;

  @Column({ name: "legal_limit_days", type: "int" })
  legalLimitDays!: number;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;
}
