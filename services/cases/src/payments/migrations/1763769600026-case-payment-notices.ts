import type { MigrationInterface, QueryRunner } from "typeorm";

export class CasePaymentNotices1763769600026 implements MigrationInterface {
  name = "CasePaymentNotices1763769600026";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_payment_notice (
        notice_id VARCHAR(64) NOT NULL PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        notice_no VARCHAR(40) NOT NULL,
        state VARCHAR(12) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_case_payment_notice_case (case_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_payment_notice");
  }
}
