import { Column, Entity, PrimaryColumn } from "typeorm";
import type { WindowKind } from "../entry/entry.rules";

/** The hall's windows as staffing last published them (a replica fed by `windowPublished`). */
@Entity({ name: "window_replica" })
export class WindowReplicaRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: WindowKind;

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "acts_for_department_ids", type: "json" })
  actsForDepartmentIds!: string[];

  @Column({ type: "boolean" })
  open!: boolean;

  /** When staffing published this state; an older event arriving late does not overwrite a newer one. */
  @Column({ name: "as_of", type: "datetime", precision: 3 })
  asOf!: Date;
}
