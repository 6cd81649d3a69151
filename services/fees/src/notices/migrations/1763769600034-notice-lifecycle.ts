import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notices get their whole life (paid, cancelled, waived, refunded, replaced), the account
 * they route to, and a sequence per case so a reissue is a new notice of the same case.
 * fee_case keeps what each accepted case owes from, so a notice can be issued later (once
 * the department has an account) or reissued; it also serialises the acceptance and the
 * conclusion of one case, whichever event comes first.
 */
export class NoticeLifecycle1763769600034 implements MigrationInterface {
  name = "NoticeLifecycle1763769600034";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payment_notice
        DROP INDEX uq_notice_case,
        ADD COLUMN sequence INT NOT NULL DEFAULT 1,
        ADD COLUMN item_name VARCHAR(200) NOT NULL DEFAULT '',
        ADD COLUMN department_name VARCHAR(100) NOT NULL DEFAULT '',
        ADD COLUMN account_no VARCHAR(32) NULL,
        ADD COLUMN account_name VARCHAR(100) NULL,
        ADD COLUMN bank_name VARCHAR(100) NULL,
        ADD COLUMN standard_amount_fen BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN reduction_id CHAR(36) NULL,
        ADD COLUMN replaces_notice_id CHAR(36) NULL,
        ADD COLUMN replaced_by_notice_id CHAR(36) NULL,
        ADD COLUMN issued_by VARCHAR(100) NOT NULL DEFAULT 'system',
        ADD COLUMN paid_at DATETIME(3) NULL,
        ADD COLUMN bank_txn_id VARCHAR(64) NULL,
        ADD COLUMN receipt_no CHAR(20) NULL,
        ADD COLUMN settled_at DATETIME(3) NULL,
        ADD COLUMN cancelled_at DATETIME(3) NULL,
        ADD COLUMN cancelled_by VARCHAR(100) NULL,
        ADD COLUMN cancel_reason VARCHAR(500) NULL,
        ADD COLUMN refunded_at DATETIME(3) NULL,
        ADD UNIQUE KEY uq_notice_case_sequence (case_id, sequence),
        ADD KEY ix_notice_department (department_id, status)`);
    await queryRunner.query("UPDATE payment_notice SET standard_amount_fen = amount_fen");
    await queryRunner.query(`
      CREATE TABLE fee_case (
        case_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        item_id CHAR(36) NULL,
        item_version INT NULL,
        department_id CHAR(36) NULL,
        payer_subject VARCHAR(100) NULL,
        payer_name VARCHAR(100) NULL,
        quantity INT NULL,
        accepted_at DATETIME(3) NULL,
        assessment VARCHAR(20) NOT NULL,
        concluded_outcome VARCHAR(20) NULL,
        concluded_at DATETIME(3) NULL,
        reduction_id CHAR(36) NULL,
        reduction_percent INT NULL,
        notices_issued INT NOT NULL DEFAULT 0,
        KEY ix_fee_case_awaiting (department_id, assessment)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO fee_case (case_id, center_code, item_id, item_version, department_id, payer_subject, payer_name,
                            quantity, accepted_at, assessment, notices_issued)
      SELECT n.case_id, n.center_code, n.item_id, n.item_version, n.department_id, n.payer_subject, n.payer_name,
             (SELECT COALESCE(SUM(q), 1) FROM JSON_TABLE(n.line_items, '$[*]' COLUMNS (q INT PATH '$.quantity')) AS line_quantities),
             n.issued_at, 'NOTICE_ISSUED', 1
        FROM payment_notice n`);
    await queryRunner.query(`
      CREATE TABLE fee_reduction (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        notice_id CHAR(36) NOT NULL,
        open_notice_id CHAR(36) NULL,
        case_id CHAR(36) NOT NULL,
        department_id CHAR(36) NOT NULL,
        percent INT NOT NULL,
        policy VARCHAR(500) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        status VARCHAR(12) NOT NULL,
        requested_by VARCHAR(100) NOT NULL,
        requested_at DATETIME(3) NOT NULL,
        decided_by VARCHAR(100) NULL,
        decided_at DATETIME(3) NULL,
        decision_note VARCHAR(500) NULL,
        resulting_notice_id CHAR(36) NULL,
        UNIQUE KEY uq_reduction_open_notice (open_notice_id),
        KEY ix_reduction_center (center_code, status),
        CONSTRAINT ck_reduction_percent CHECK (percent BETWEEN 1 AND 100)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE fee_reduction");
    await queryRunner.query("DROP TABLE fee_case");
    await queryRunner.query(`
      ALTER TABLE payment_notice
        DROP INDEX uq_notice_case_sequence, DROP INDEX ix_notice_department,
        DROP COLUMN sequence, DROP COLUMN item_name, DROP COLUMN department_name, DROP COLUMN account_no,
        DROP COLUMN account_name, DROP COLUMN bank_name, DROP COLUMN standard_amount_fen, DROP COLUMN reduction_id,
        DROP COLUMN replaces_notice_id, DROP COLUMN replaced_by_notice_id, DROP COLUMN issued_by, DROP COLUMN paid_at,
        DROP COLUMN bank_txn_id, DROP COLUMN receipt_no, DROP COLUMN settled_at, DROP COLUMN cancelled_at,
        DROP COLUMN cancelled_by, DROP COLUMN cancel_reason, DROP COLUMN refunded_at,
        ADD UNIQUE KEY uq_notice_case (case_id)`);
  }
}
