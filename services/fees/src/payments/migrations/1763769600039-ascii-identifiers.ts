import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The bank's and the center's identifiers (bankTxnId, notice number, statement id) are ASCII
 * and compared byte for byte: a bankTxnId "ab1" is not "AB1" (the case-insensitive collation
 * made them one), and joining 100,000 statement lines on binary keys is several times faster.
 */
export class AsciiIdentifiers1763769600039 implements MigrationInterface {
  name = "AsciiIdentifiers1763769600039";

  async up(queryRunner: QueryRunner): Promise<void> {
    const ascii = "CHARACTER SET ascii COLLATE ascii_bin";
    await queryRunner.query(`ALTER TABLE payment_notice MODIFY notice_no CHAR(20) ${ascii} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${ascii} NULL`);
    await queryRunner.query(`ALTER TABLE bank_transaction MODIFY bank_txn_id VARCHAR(64) ${ascii} NOT NULL, MODIFY notice_no VARCHAR(32) ${ascii} NOT NULL`);
    await queryRunner.query(`ALTER TABLE refund MODIFY payment_bank_txn_id VARCHAR(64) ${ascii} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${ascii} NULL`);
    await queryRunner.query(
      `ALTER TABLE bank_statement_line MODIFY statement_id CHAR(36) ${ascii} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${ascii} NOT NULL, MODIFY notice_no VARCHAR(32) ${ascii} NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE bank_statement_discrepancy MODIFY bank_txn_id VARCHAR(64) ${ascii} NOT NULL, MODIFY notice_no VARCHAR(32) ${ascii} NOT NULL`);
    await queryRunner.query(`ALTER TABLE fee_irregularity MODIFY occurrence VARCHAR(150) ${ascii} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${ascii} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const unicode = "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    await queryRunner.query(`ALTER TABLE fee_irregularity MODIFY occurrence VARCHAR(150) ${unicode} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${unicode} NULL`);
    await queryRunner.query(`ALTER TABLE bank_statement_discrepancy MODIFY bank_txn_id VARCHAR(64) ${unicode} NOT NULL, MODIFY notice_no VARCHAR(32) ${unicode} NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE bank_statement_line MODIFY statement_id CHAR(36) ${unicode} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${unicode} NOT NULL, MODIFY notice_no VARCHAR(32) ${unicode} NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE refund MODIFY payment_bank_txn_id VARCHAR(64) ${unicode} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${unicode} NULL`);
    await queryRunner.query(`ALTER TABLE bank_transaction MODIFY bank_txn_id VARCHAR(64) ${unicode} NOT NULL, MODIFY notice_no VARCHAR(32) ${unicode} NOT NULL`);
    await queryRunner.query(`ALTER TABLE payment_notice MODIFY notice_no CHAR(20) ${unicode} NOT NULL, MODIFY bank_txn_id VARCHAR(64) ${unicode} NULL`);
  }
}
