import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "department" })
export class DepartmentRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "registered_at", type: "datetime", precision: 3 })
  registeredAt!: Date;
}

@Entity({ name: "service_window" })
export class WindowRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: "RESIDENT" | "AB" | "COMPREHENSIVE";

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;
}

@Entity({ name: "staff" })
export class StaffRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;
}

export const organisationEntities = [DepartmentRow, WindowRow, StaffRow];
