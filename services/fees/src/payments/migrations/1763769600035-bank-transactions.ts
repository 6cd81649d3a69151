import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every transaction the bank reported, accepted or refused, under its bankTxnId: the
 * ledger that makes the bank's calls idempotent. `accepted_notice_id` (set only for an
 * accepted payment) makes a second payment of one notice impossible in the database
 * itself. The sequence numbers the electronic receipt of an accepted
 * payment. `ledger_fen` is signed like the bank's statement: refunds negative.
 */
export class BankTransactions1763769600035 implements MigrationInterface {
  name = "BankTransactions1763769600035";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bank_transaction (
        sequence BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        bank_txn_id VARCHAR(64) NOT NULL,
        kind VARCHAR(10) NOT NULL,
        center_code CHAR(12) NOT NULL,
        notice_no VARCHAR(32) NOT NULL,
        refund_id CHAR(36) NULL,
        amount_fen BIGINT NOT NULL,
        paid_at DATETIME(3) NOT NULL,
        channel VARCHAR(20) NULL,
        outcome VARCHAR(32) NOT NULL,
        notice_id CHAR(36) NULL,
        department_id CHAR(36) NULL,
        account_no VARCHAR(32) NULL,
        paid_day DATE NULL,
        accepted_notice_id CHAR(36) NULL,
        accepted_refund_id CHAR(36) NULL,
        ledger_fen BIGINT AS (IF(kind = 'REFUND', -amount_fen, amount_fen)) PERSISTENT,
        recorded_by VARCHAR(100) NOT NULL,
        recorded_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_bank_txn (bank_txn_id),
        UNIQUE KEY uq_bank_txn_paid_notice (accepted_notice_id),
        UNIQUE KEY uq_bank_txn_refund (accepted_refund_id),
        KEY ix_bank_txn_account_day (account_no, paid_day, outcome),
        KEY ix_bank_txn_center_day (center_code, paid_day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE refund (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        notice_id CHAR(36) NOT NULL,
        open_notice_id CHAR(36) NULL,
        notice_no CHAR(20) NOT NULL,
        case_id CHAR(36) NOT NULL,
        department_id CHAR(36) NOT NULL,
        account_no VARCHAR(32) NOT NULL,
        payment_bank_txn_id VARCHAR(64) NOT NULL,
        amount_fen BIGINT NOT NULL,
        reason VARCHAR(500) NOT NULL,
        status VARCHAR(12) NOT NULL,
        requested_by VARCHAR(100) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        decided_by VARCHAR(100) NULL,
        decided_at DATETIME(3) NULL,
        decision_note VARCHAR(500) NULL,
        bank_txn_id VARCHAR(64) NULL,
        refunded_at DATETIME(3) NULL,
        UNIQUE KEY uq_refund_open_notice (open_notice_id),
        KEY ix_refund_center (center_code, status),
        CONSTRAINT ck_refund_amount CHECK (amount_fen > 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE refund");
    await queryRunner.query("DROP TABLE bank_transaction");
  }
}
