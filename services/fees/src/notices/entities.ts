import { Column, Entity, PrimaryColumn } from "typeorm";
import type { NoticeLine } from "./notice.rules";

export type PaymentNoticeStatus = "ISSUED";

@Entity({ name: "payment_notice" })
export class PaymentNoticeRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "notice_no", type: "char", length: 20, unique: true })
  noticeNo!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "payer_subject", type: "varchar", length: 100 })
  payerSubject!: string;

  @Column({ name: "payer_name", type: "varchar", length: 100 })
  payerName!: string;

  @Column({ name: "amount_fen", type: "bigint", transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen!: number;

  @Column({ name: "line_items", type: "json" })
  lineItems!: NoticeLine[];

  @Column({ type: "varchar", length: 20 })
  status!: PaymentNoticeStatus;

  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;
}
