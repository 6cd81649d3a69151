import { Column, PrimaryColumn, type ValueTransformer } from "typeorm";

/** BIGINT money columns come back from mysql2 as strings; fen always fit a safe integer. */
export const fenColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * A staff request about one notice that finance decides (减免 a reduction, 退费 a refund): who
 * asked and why, and the decision. Each request's table adds what is its own.
 */
export abstract class NoticeRequestColumns<Status extends string> {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "notice_id", type: "char", length: 36 })
  noticeId!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Column({ type: "varchar", length: 12 })
  status!: Status;

  @Column({ name: "requested_by", type: "varchar", length: 100 })
  requestedBy!: string;

  @Column({ name: "requested_at", type: "datetime", precision: 3 })
  requestedAt!: Date;

  @Column({ name: "decided_by", type: "varchar", length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: "decided_at", type: "datetime", precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decision_note", type: "varchar", length: 500, nullable: true })
  decisionNote!: string | null;
}
