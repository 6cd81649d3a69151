import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { NoticeState } from "./payments.rules";

/** What fees said about each payment notice (缴款通知书) of a case: the fee gate's replica. */
@Entity({ name: "case_payment_notice" })
@Index("ix_case_payment_notice_case", ["caseId"])
export class CasePaymentNoticeRow {
  @PrimaryColumn({ name: "notice_id", type: "varchar", length: 64 })
  noticeId!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "notice_no", type: "varchar", length: 40 })
  noticeNo!: string;

  @Column({ type: "varchar", length: 12 })
  state!: NoticeState;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;
}
