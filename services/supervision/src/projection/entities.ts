import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The projection's tables as TypeORM knows them (the migration creates them). The repository
 * writes them with set-based statements: a batch of events becomes a few statements, not one
 * per row.
 */

@Entity({ name: "supervision_case" })
export class SupervisedCaseRow {
  @PrimaryColumn({ name: "case_id", type: "varchar", length: 64 }) caseId!: string;
  @Column({ name: "receipt_no", type: "varchar", length: 64 }) receiptNo!: string;
  @Column({ name: "center_code", type: "char", length: 12 }) centerCode!: string;
  @Column({ name: "department_id", type: "varchar", length: 64 }) departmentId!: string;
  @Column({ name: "item_id", type: "varchar", length: 64 }) itemId!: string;
  @Column({ type: "varchar", length: 16 }) kind!: string;
  @Column({ name: "window_id", type: "varchar", length: 64, nullable: true }) windowId!: string | null;
  @Column({ name: "handler_id", type: "varchar", length: 64, nullable: true }) handlerId!: string | null;
  @Column({ type: "varchar", length: 32 }) status!: string;
  @Column({ type: "varchar", length: 16, nullable: true }) stage!: string | null;
  @Column({ type: "datetime", precision: 3, nullable: true }) deadline!: Date | null;
  @Column({ name: "stage_deadline", type: "datetime", precision: 3, nullable: true }) stageDeadline!: Date | null;
  @Column({ name: "on_hold", type: "tinyint" }) onHold!: number;
  @Column({ name: "submitted_at", type: "datetime", precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true }) acceptedAt!: Date | null;
  @Column({ name: "ended_at", type: "datetime", precision: 3, nullable: true }) endedAt!: Date | null;
  @Column({ type: "varchar", length: 32, nullable: true }) outcome!: string | null;
  @Column({ name: "last_slip_seq", type: "int" }) lastSlipSeq!: number;
  @Column({ name: "joint_approval_id", type: "varchar", length: 64, nullable: true }) jointApprovalId!: string | null;
  @Column({ name: "participant_id", type: "varchar", length: 64, nullable: true }) participantId!: string | null;
}

@Entity({ name: "supervision_joint" })
export class SupervisedJointRow {
  @PrimaryColumn({ name: "joint_approval_id", type: "varchar", length: 64 }) jointApprovalId!: string;
  @Column({ name: "center_code", type: "char", length: 12 }) centerCode!: string;
  @Column({ name: "project_code", type: "varchar", length: 100 }) projectCode!: string;
  @Column({ name: "project_name", type: "varchar", length: 300 }) projectName!: string;
  @Column({ name: "lead_department_id", type: "varchar", length: 64 }) leadDepartmentId!: string;
  @Column({ type: "varchar", length: 16 }) status!: string;
  @Column({ type: "varchar", length: 16, nullable: true }) outcome!: string | null;
  @Column({ type: "datetime", precision: 3, nullable: true }) deadline!: Date | null;
  @Column({ name: "opened_at", type: "datetime", precision: 3 }) openedAt!: Date;
  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true }) concludedAt!: Date | null;
  @Column({ type: "longtext" }) participants!: string;
}

@Entity({ name: "supervision_warning" })
export class SupervisionWarningRow {
  @PrimaryColumn({ type: "char", length: 32 }) id!: string;
  @Column({ name: "subject_type", type: "varchar", length: 8 }) subjectType!: string;
  @Column({ name: "subject_id", type: "varchar", length: 64 }) subjectId!: string;
  @Column({ type: "varchar", length: 32 }) kind!: string;
  @Column({ type: "varchar", length: 8 }) level!: string;
  @Column({ name: "center_code", type: "char", length: 12 }) centerCode!: string;
  @Column({ name: "department_id", type: "varchar", length: 64, nullable: true }) departmentId!: string | null;
  @Column({ name: "window_id", type: "varchar", length: 64, nullable: true }) windowId!: string | null;
  @Column({ name: "case_id", type: "varchar", length: 64, nullable: true }) caseId!: string | null;
  @Column({ name: "joint_approval_id", type: "varchar", length: 64, nullable: true }) jointApprovalId!: string | null;
  @Column({ type: "varchar", length: 64, nullable: true }) clock!: string | null;
  @Column({ type: "datetime", precision: 3, nullable: true }) deadline!: Date | null;
  @Column({ type: "varchar", length: 500 }) detail!: string;
  @Column({ name: "raised_at", type: "datetime", precision: 3 }) raisedAt!: Date;
  @Column({ name: "closed_at", type: "datetime", precision: 3, nullable: true }) closedAt!: Date | null;
}

@Entity({ name: "supervision_acknowledgement" })
export class WarningAcknowledgementRow {
  @PrimaryColumn({ name: "warning_id", type: "char", length: 32 }) warningId!: string;
  @Column({ type: "varchar", length: 2000 }) note!: string;
  @Column({ name: "acknowledged_by", type: "varchar", length: 64 }) acknowledgedBy!: string;
  @Column({ name: "acknowledged_at", type: "datetime", precision: 3 }) acknowledgedAt!: Date;
}

export const supervisionEntities = [SupervisedCaseRow, SupervisedJointRow, SupervisionWarningRow, WarningAcknowledgementRow];
