import { Column, Entity, PrimaryColumn } from "typeorm";
import type { WindowKind } from "@onestop/events";

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

  /** 首席代表: holds the department's delegated approval power in the hall. */
  @Column({ name: "chief_staff_id", type: "char", length: 36, nullable: true })
  chiefStaffId!: string | null;

  @Column({ name: "chief_revision", type: "int", default: 0 })
  chiefRevision!: number;

  @Column({ name: "chief_appointed_at", type: "datetime", precision: 3, nullable: true })
  chiefAppointedAt!: Date | null;

  /** 单位主要负责人: the head of the whole department; signs its vetoes (否决). */
  @Column({ name: "principal_staff_id", type: "char", length: 36, nullable: true })
  principalStaffId!: string | null;

  @Column({ name: "principal_revision", type: "int", default: 0 })
  principalRevision!: number;

  @Column({ name: "principal_appointed_at", type: "datetime", precision: 3, nullable: true })
  principalAppointedAt!: Date | null;
}

export const hallThemes = ["ENTERPRISE_REGISTRATION", "CONSTRUCTION_PROJECTS", "SOCIAL_AFFAIRS", "TAX_AND_FEES", "GENERAL"] as const;
export type HallTheme = (typeof hallThemes)[number];

/** 功能大厅: a functional hall grouping windows by theme. */
@Entity({ name: "hall" })
export class HallRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 40 })
  theme!: HallTheme;
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
  kind!: WindowKind;

  /** The department of a resident or A/B window; null for a comprehensive one. */
  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "hall_id", type: "char", length: 36, nullable: true })
  hallId!: string | null;

  @Column({ name: "is_open", type: "boolean", default: true })
  open!: boolean;

  /** Grows with every published snapshot of the window. */
  @Column({ type: "int", default: 0 })
  revision!: number;

  @Column({ name: "opened_at", type: "datetime", precision: 3, nullable: true })
  openedAt!: Date | null;
}

/** The departments a comprehensive window (综合窗口) accepts for. */
@Entity({ name: "window_department" })
export class WindowDepartmentRow {
  @PrimaryColumn({ name: "window_id", type: "char", length: 36 })
  windowId!: string;

  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;
}

@Entity({ name: "staff" })
export class StaffRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  /** 工号: the staff number, unique in the center. */
  @Column({ type: "varchar", length: 40 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  /** Home department; null for the center's own office (administration, supervision, finance). */
  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "registered_at", type: "datetime", precision: 3 })
  registeredAt!: Date;
}

export const organisationEntities = [DepartmentRow, HallRow, WindowRow, WindowDepartmentRow, StaffRow];
