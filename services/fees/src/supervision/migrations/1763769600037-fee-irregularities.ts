import type { MigrationInterface, QueryRunner } from "typeorm";

/** Irregular fees, once per occurrence (kind + what it happened to), for the supervision office. */
export class FeeIrregularities1763769600037 implements MigrationInterface {
  name = "FeeIrregularities1763769600037";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fee_irregularity (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        kind VARCHAR(30) NOT NULL,
        occurrence VARCHAR(150) NOT NULL,
        source VARCHAR(20) NOT NULL,
        department_id CHAR(36) NULL,
        case_id CHAR(36) NULL,
        notice_no VARCHAR(32) NULL,
        bank_txn_id VARCHAR(64) NULL,
        fee_code VARCHAR(40) NULL,
        expected_fen BIGINT NULL,
        actual_fen BIGINT NULL,
        detail VARCHAR(500) NOT NULL,
        detected_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_irregularity_occurrence (kind, occurrence),
        KEY ix_irregularity_center (center_code, detected_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE fee_irregularity");
  }
}
