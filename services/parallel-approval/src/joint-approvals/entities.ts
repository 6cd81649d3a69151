import { Column, Entity, PrimaryColumn } from "typeorm";

export type JointApprovalStatus = "OPEN";

@Entity({ name: "joint_approval" })
export class JointApprovalRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "project_code", type: "varchar", length: 64, unique: true })
  projectCode!: string;

  @Column({ name: "project_name", type: "varchar", length: 200 })
  projectName!: string;

  @Column({ name: "lead_department_id", type: "char", length: 36 })
  leadDepartmentId!: string;

  @Column({ type: "varchar", length: 20 })
  status!: JointApprovalStatus;

  @Column({ name: "opened_at", type: "datetime", precision: 3 })
  openedAt!: Date;
}
