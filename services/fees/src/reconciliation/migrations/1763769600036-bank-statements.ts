import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The bank's daily statements, received whole or in parts, their lines, and the report
 * each one got: its figures and every discrepancy, kept so the same statement sent again
 * is answered with the same report.
 */
export class BankStatements1763769600036 implements MigrationInterface {
  name = "BankStatements1763769600036";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bank_statement (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        account_no VARCHAR(32) NOT NULL,
        department_id CHAR(36) NOT NULL,
        statement_date DATE NOT NULL,
        declared_lines INT NOT NULL,
        declared_total_fen BIGINT NOT NULL,
        received_lines INT NOT NULL DEFAULT 0,
        received_total_fen BIGINT NOT NULL DEFAULT 0,
        status VARCHAR(12) NOT NULL,
        digest CHAR(64) NULL,
        duplicate_of CHAR(36) NULL,
        summary JSON NULL,
        opened_by VARCHAR(100) NOT NULL,
        opened_at DATETIME(3) NOT NULL,
        reconciled_at DATETIME(3) NULL,
        UNIQUE KEY uq_statement_digest (center_code, account_no, statement_date, digest),
        KEY ix_statement_account_day (account_no, statement_date)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE bank_statement_part (
        statement_id CHAR(36) NOT NULL,
        part_no INT NOT NULL,
        line_count INT NOT NULL,
        total_fen BIGINT NOT NULL,
        digest CHAR(64) NOT NULL,
        PRIMARY KEY (statement_id, part_no)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE bank_statement_line (
        statement_id CHAR(36) NOT NULL,
        bank_txn_id VARCHAR(64) NOT NULL,
        part_no INT NOT NULL,
        line_no INT NOT NULL,
        notice_no VARCHAR(32) NOT NULL,
        amount_fen BIGINT NOT NULL,
        paid_at DATETIME(3) NOT NULL,
        PRIMARY KEY (statement_id, bank_txn_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE bank_statement_discrepancy (
        statement_id CHAR(36) NOT NULL,
        seq INT NOT NULL,
        category VARCHAR(20) NOT NULL,
        reason VARCHAR(30) NULL,
        bank_txn_id VARCHAR(64) NOT NULL,
        notice_no VARCHAR(32) NOT NULL,
        bank_amount_fen BIGINT NULL,
        recorded_amount_fen BIGINT NULL,
        paid_at DATETIME(3) NOT NULL,
        PRIMARY KEY (statement_id, seq),
        KEY ix_discrepancy_category (statement_id, category, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE bank_statement_discrepancy");
    await queryRunner.query("DROP TABLE bank_statement_line");
    await queryRunner.query("DROP TABLE bank_statement_part");
    await queryRunner.query("DROP TABLE bank_statement");
  }
}
