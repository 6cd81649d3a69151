import { Column, Entity, PrimaryColumn } from "typeorm";
import type { feesEvents } from "@onestop/events";
import { fenColumn, NoticeRequestColumns } from "../columns";
import type { NoticeLine } from "./assessment.rules";
import type { NoticeStatus } from "./notice.rules";

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

  /** 1 for the case's first notice; a reissue or a reduction takes the next. */
  @Column({ type: "int" })
  sequence!: number;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "item_name", type: "varchar", length: 200 })
  itemName!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "department_name", type: "varchar", length: 100 })
  departmentName!: string;

  /** The fee account printed on the notice; null only on notices issued before accounts existed. */
  @Column({ name: "account_no", type: "varchar", length: 32, nullable: true })
  accountNo!: string | null;

  @Column({ name: "account_name", type: "varchar", length: 100, nullable: true })
  accountName!: string | null;

  @Column({ name: "bank_name", type: "varchar", length: 100, nullable: true })
  bankName!: string | null;

  @Column({ name: "payer_subject", type: "varchar", length: 100 })
  payerSubject!: string;

  /** For a joint case (联办件): the department leading its joint approval, whose bureau and staff see the notice. */
  @Column({ name: "joint_lead_department_id", type: "varchar", length: 64, nullable: true })
  jointLeadDepartmentId!: string | null;

  @Column({ name: "payer_name", type: "varchar", length: 100 })
  payerName!: string;

  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn })
  amountFen!: number;

  @Column({ name: "standard_amount_fen", type: "bigint", transformer: fenColumn })
  standardAmountFen!: number;

  @Column({ name: "line_items", type: "json" })
  lineItems!: NoticeLine[];

  @Column({ type: "varchar", length: 20 })
  status!: NoticeStatus;

  @Column({ name: "reduction_id", type: "char", length: 36, nullable: true })
  reductionId!: string | null;

  @Column({ name: "replaces_notice_id", type: "char", length: 36, nullable: true })
  replacesNoticeId!: string | null;

  @Column({ name: "replaced_by_notice_id", type: "char", length: 36, nullable: true })
  replacedByNoticeId!: string | null;

  /** `system` when issued on acceptance; the staff member who reissued it otherwise. */
  @Column({ name: "issued_by", type: "varchar", length: 100 })
  issuedBy!: string;

  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;

  @Column({ name: "paid_at", type: "datetime", precision: 3, nullable: true })
  paidAt!: Date | null;

  @Column({ name: "bank_txn_id", type: "varchar", length: 64, nullable: true })
  bankTxnId!: string | null;

  @Column({ name: "receipt_no", type: "char", length: 20, nullable: true })
  receiptNo!: string | null;

  @Column({ name: "settled_at", type: "datetime", precision: 3, nullable: true })
  settledAt!: Date | null;

  @Column({ name: "cancelled_at", type: "datetime", precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: "cancelled_by", type: "varchar", length: 100, nullable: true })
  cancelledBy!: string | null;

  @Column({ name: "cancel_reason", type: "varchar", length: 500, nullable: true })
  cancelReason!: string | null;

  @Column({ name: "refunded_at", type: "datetime", precision: 3, nullable: true })
  refundedAt!: Date | null;
}

/**
 * What fees knows of an accepted case: enough to assess it, now or later (once the
 * department has an account) or again (reissue). Its row lock orders the acceptance and
 * the conclusion of one case, whichever event arrives first.
 */
export type CaseAssessment =
  /** Concluded (or seen concluding) before its acceptance arrived. */
  | "NOT_ACCEPTED"
  /** What the last assessment announced. */
  | feesEvents.FeeAssessment
  /** Ended before a notice could be issued; none will be. */
  | "CLOSED";

@Entity({ name: "fee_case" })
export class FeeCaseRow {
  @PrimaryColumn({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "item_id", type: "char", length: 36, nullable: true })
  itemId!: string | null;

  @Column({ name: "item_version", type: "int", nullable: true })
  itemVersion!: number | null;

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "payer_subject", type: "varchar", length: 100, nullable: true })
  payerSubject!: string | null;

  @Column({ name: "joint_lead_department_id", type: "varchar", length: 64, nullable: true })
  jointLeadDepartmentId!: string | null;

  @Column({ name: "payer_name", type: "varchar", length: 100, nullable: true })
  payerName!: string | null;

  @Column({ type: "int", nullable: true })
  quantity!: number | null;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: "varchar", length: 20 })
  assessment!: CaseAssessment;

  @Column({ name: "concluded_outcome", type: "varchar", length: 20, nullable: true })
  concludedOutcome!: string | null;

  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true })
  concludedAt!: Date | null;

  /** The approved reduction that every later notice of the case carries. */
  @Column({ name: "reduction_id", type: "char", length: 36, nullable: true })
  reductionId!: string | null;

  @Column({ name: "reduction_percent", type: "int", nullable: true })
  reductionPercent!: number | null;

  @Column({ name: "notices_issued", type: "int" })
  noticesIssued!: number;
}

export const feeReductionStatuses = ["REQUESTED", "APPROVED", "REJECTED"] as const;
export type FeeReductionStatus = (typeof feeReductionStatuses)[number];

@Entity({ name: "fee_reduction" })
export class FeeReductionRow extends NoticeRequestColumns<FeeReductionStatus> {
  /** The notice while the request is open: one open request per notice, kept by a unique key. */
  @Column({ name: "open_notice_id", type: "char", length: 36, nullable: true })
  openNoticeId!: string | null;

  @Column({ type: "int" })
  percent!: number;

  @Column({ type: "varchar", length: 500 })
  policy!: string;

  @Column({ name: "resulting_notice_id", type: "char", length: 36, nullable: true })
  resultingNoticeId!: string | null;
}

export const noticeEntities = [PaymentNoticeRow, FeeCaseRow, FeeReductionRow];
