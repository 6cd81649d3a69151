import type { MigrationInterface, QueryRunner } from "typeorm";

export class CaseFeeAssessment1763769600028 implements MigrationInterface {
  name = "CaseFeeAssessment1763769600028";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_fee_assessment (
        case_id CHAR(36) NOT NULL PRIMARY KEY,
        outcome VARCHAR(20) NOT NULL,
        assessed_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_fee_assessment");
  }
}
