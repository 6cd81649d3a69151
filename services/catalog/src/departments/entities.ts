import { Column, Entity, PrimaryColumn } from "typeorm";

/** The departments staffing registered, as far as catalog needs them (a replica fed by events). */
@Entity({ name: "department_replica" })
export class DepartmentReplicaRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;
}
