import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { fenColumn, NoticeRequestColumns } from "../columns";
import type { BankChannel, BankTransactionKind, RefundStatus } from "./payment.rules";

/**
 * Every transaction the bank reported, with the answer it got (ACCEPTED or a refusal code),
 * under its bankTxnId for good. Accepted ones are the center's record of money in and out.
 */
@Entity({ name: "bank_transaction" })
export class BankTransactionRow {
  /** Also the electronic receipt's sequence. */
  @PrimaryGeneratedColumn({ type: "bigint" })
  sequence!: string;

  @Column({ name: "bank_txn_id", type: "varchar", length: 64, unique: true })
  bankTxnId!: string;

  @Column({ type: "varchar", length: 10 })
  kind!: BankTransactionKind;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "notice_no", type: "varchar", length: 32 })
  noticeNo!: string;

  @Column({ name: "refund_id", type: "char", length: 36, nullable: true })
  refundId!: string | null;

  /** As the bank sent it: positive for payments and refunds alike. */
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn })
  amountFen!: number;

  @Column({ name: "paid_at", type: "datetime", precision: 3 })
  paidAt!: Date;

  @Column({ type: "varchar", length: 20, nullable: true })
  channel!: BankChannel | null;

  @Column({ type: "varchar", length: 32 })
  outcome!: string;

  @Column({ name: "notice_id", type: "char", length: 36, nullable: true })
  noticeId!: string | null;

  @Column({ name: "department_id", type: "char", length: 36, nullable: true })
  departmentId!: string | null;

  @Column({ name: "account_no", type: "varchar", length: 32, nullable: true })
  accountNo!: string | null;

  /** The Asia/Shanghai day of paidAt, for accepted transactions: the statement day they belong to. */
  @Column({ name: "paid_day", type: "date", nullable: true })
  paidDay!: string | null;

  @Column({ name: "accepted_notice_id", type: "char", length: 36, nullable: true, unique: true })
  acceptedNoticeId!: string | null;

  @Column({ name: "accepted_refund_id", type: "char", length: 36, nullable: true, unique: true })
  acceptedRefundId!: string | null;

  @Column({ name: "ledger_fen", type: "bigint", transformer: fenColumn, insert: false, update: false })
  ledgerFen!: number;

  @Column({ name: "recorded_by", type: "varchar", length: 100 })
  recordedBy!: string;

  @Column({ name: "recorded_at", type: "datetime", precision: 3 })
  recordedAt!: Date;
}

@Entity({ name: "refund" })
export class RefundRow extends NoticeRequestColumns<RefundStatus> {
  /** The notice unless the refund was rejected: one live refund per notice, kept by a unique key. */
  @Column({ name: "open_notice_id", type: "char", length: 36, nullable: true })
  openNoticeId!: string | null;

  @Column({ name: "notice_no", type: "char", length: 20 })
  noticeNo!: string;

  @Column({ name: "account_no", type: "varchar", length: 32 })
  accountNo!: string;

  @Column({ name: "payment_bank_txn_id", type: "varchar", length: 64 })
  paymentBankTxnId!: string;

  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn })
  amountFen!: number;

  /** The asker's idempotency key (unique per asker): one refund per key. Null on refunds asked for before keys were required. */
  @Column({ name: "request_key", type: "varchar", length: 100, nullable: true })
  requestKey!: string | null;

  @Column({ name: "bank_txn_id", type: "varchar", length: 64, nullable: true })
  bankTxnId!: string | null;

  @Column({ name: "refunded_at", type: "datetime", precision: 3, nullable: true })
  refundedAt!: Date | null;
}

export const paymentEntities = [BankTransactionRow, RefundRow];
