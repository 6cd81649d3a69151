import { Column, Entity, PrimaryColumn } from "typeorm";
import type { WindowKind } from "@onestop/events";

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

  /** Staffing's number of this state of the window: a lower one arriving late changes nothing. */
  @Column({ type: "int" })
  revision!: number;

  /** When staffing published this state; breaks ties between equal revisions (events from before revisions). */
  @Column({ name: "as_of", type: "datetime", precision: 3 })
  asOf!: Date;
}
