import { Column, Entity, PrimaryColumn } from "typeorm";
import { fenColumn } from "../columns";
import type { ReconciliationSummary } from "./reconciliation.rules";

export type BankStatementStatus = "OPEN" | "RECONCILED" | "DUPLICATE";

@Entity({ name: "bank_statement" })
export class BankStatementRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "account_no", type: "varchar", length: 32 })
  accountNo!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "statement_date", type: "date" })
  statementDate!: string;

  @Column({ name: "declared_lines", type: "int" })
  declaredLines!: number;

  @Column({ name: "declared_total_fen", type: "bigint", transformer: fenColumn })
  declaredTotalFen!: number;

  @Column({ name: "received_lines", type: "int" })
  receivedLines!: number;

  @Column({ name: "received_total_fen", type: "bigint", transformer: fenColumn })
  receivedTotalFen!: number;

  @Column({ type: "varchar", length: 12 })
  status!: BankStatementStatus;

  /** Set when reconciled: the same lines of the same account and day give the same digest. */
  @Column({ type: "char", length: 64, nullable: true })
  digest!: string | null;

  @Column({ name: "duplicate_of", type: "char", length: 36, nullable: true })
  duplicateOf!: string | null;

  @Column({ type: "json", nullable: true })
  summary!: ReconciliationSummary | null;

  @Column({ name: "opened_by", type: "varchar", length: 100 })
  openedBy!: string;

  @Column({ name: "opened_at", type: "datetime", precision: 3 })
  openedAt!: Date;

  @Column({ name: "reconciled_at", type: "datetime", precision: 3, nullable: true })
  reconciledAt!: Date | null;
}

@Entity({ name: "bank_statement_part" })
export class BankStatementPartRow {
  @PrimaryColumn({ name: "statement_id", type: "char", length: 36 })
  statementId!: string;

  @PrimaryColumn({ name: "part_no", type: "int" })
  partNo!: number;

  @Column({ name: "line_count", type: "int" })
  lineCount!: number;

  @Column({ name: "total_fen", type: "bigint", transformer: fenColumn })
  totalFen!: number;

  @Column({ type: "char", length: 64 })
  digest!: string;
}

@Entity({ name: "bank_statement_line" })
export class BankStatementLineRow {
  @PrimaryColumn({ name: "statement_id", type: "char", length: 36 })
  statementId!: string;

  @PrimaryColumn({ name: "bank_txn_id", type: "varchar", length: 64 })
  bankTxnId!: string;

  @Column({ name: "part_no", type: "int" })
  partNo!: number;

  /** Its place in the part, so discrepancies are listed in the statement's order. */
  @Column({ name: "line_no", type: "int" })
  lineNo!: number;

  @Column({ name: "notice_no", type: "varchar", length: 32 })
  noticeNo!: string;

  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn })
  amountFen!: number;

  @Column({ name: "paid_at", type: "datetime", precision: 3 })
  paidAt!: Date;
}

@Entity({ name: "bank_statement_discrepancy" })
export class DiscrepancyRow {
  @PrimaryColumn({ name: "statement_id", type: "char", length: 36 })
  statementId!: string;

  @PrimaryColumn({ type: "int" })
  seq!: number;

  @Column({ type: "varchar", length: 40 })
  category!: string;

  @Column({ type: "varchar", length: 30, nullable: true })
  reason!: string | null;

  @Column({ name: "bank_txn_id", type: "varchar", length: 64 })
  bankTxnId!: string;

  @Column({ name: "notice_no", type: "varchar", length: 32 })
  noticeNo!: string;

  @Column({ name: "bank_amount_fen", type: "bigint", transformer: fenColumn, nullable: true })
  bankAmountFen!: number | null;

  @Column({ name: "recorded_amount_fen", type: "bigint", transformer: fenColumn, nullable: true })
  recordedAmountFen!: number | null;

  @Column({ name: "paid_at", type: "datetime", precision: 3 })
  paidAt!: Date;
}

export const reconciliationEntities = [BankStatementRow, BankStatementPartRow, BankStatementLineRow, DiscrepancyRow];
