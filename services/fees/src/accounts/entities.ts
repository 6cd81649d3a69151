import { Column, Entity, PrimaryColumn } from "typeorm";

/** The departments of every center, as staffing registers them. */
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

/** 收费账户: a department's one account at the collection bank. */
@Entity({ name: "fee_account" })
export class FeeAccountRow {
  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "account_no", type: "varchar", length: 32, unique: true })
  accountNo!: string;

  @Column({ name: "account_name", type: "varchar", length: 100 })
  accountName!: string;

  @Column({ name: "bank_name", type: "varchar", length: 100 })
  bankName!: string;

  /** 1 for the first account; each change adds one and keeps the previous in the history. */
  @Column({ type: "int" })
  revision!: number;

  @Column({ name: "configured_by", type: "varchar", length: 100 })
  configuredBy!: string;

  @Column({ name: "configured_at", type: "datetime", precision: 3 })
  configuredAt!: Date;
}

@Entity({ name: "fee_account_history" })
export class FeeAccountHistoryRow {
  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @PrimaryColumn({ type: "int" })
  revision!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "account_no", type: "varchar", length: 32 })
  accountNo!: string;

  @Column({ name: "account_name", type: "varchar", length: 100 })
  accountName!: string;

  @Column({ name: "bank_name", type: "varchar", length: 100 })
  bankName!: string;

  @Column({ name: "configured_by", type: "varchar", length: 100 })
  configuredBy!: string;

  @Column({ name: "configured_at", type: "datetime", precision: 3 })
  configuredAt!: Date;
}

export const accountEntities = [DepartmentReplicaRow, FeeAccountRow, FeeAccountHistoryRow];
