import { Column, Entity, PrimaryColumn } from "typeorm";
import type { feesEvents } from "@onestop/events";
import { fenColumn } from "../columns";

@Entity({ name: "fee_irregularity" })
export class FeeIrregularityRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 30 })
  kind!: feesEvents.FeeIrregularityKind;

  /** What it happened to (a bank transaction, a fee of a case): raised once per kind and occurrence. */
  @Column({ type: "varchar", length: 150 })
  occurrence!: string;

  @Column({ type: "varchar", length: 20 })
  source!: feesEvents.FeeIrregularitySource;

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "case_id", type: "char", length: 36, nullable: true })
  caseId!: string | null;

  @Column({ name: "notice_no", type: "varchar", length: 32, nullable: true })
  noticeNo!: string | null;

  @Column({ name: "bank_txn_id", type: "varchar", length: 64, nullable: true })
  bankTxnId!: string | null;

  @Column({ name: "fee_code", type: "varchar", length: 40, nullable: true })
  feeCode!: string | null;

  @Column({ name: "expected_fen", type: "bigint", transformer: fenColumn, nullable: true })
  expectedFen!: number | null;

  @Column({ name: "actual_fen", type: "bigint", transformer: fenColumn, nullable: true })
  actualFen!: number | null;

  @Column({ type: "varchar", length: 500 })
  detail!: string;

  @Column({ name: "detected_at", type: "datetime", precision: 3 })
  detectedAt!: Date;
}
