import type { MigrationInterface, QueryRunner } from "typeorm";

export class Assessment1763769600007 implements MigrationInterface {
  name = "Assessment1763769600007";

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per case, filled from the case events whatever order they arrive in.
    await queryRunner.query(`
      CREATE TABLE case_fact (
        case_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        item_id VARCHAR(64) NOT NULL,
        department_id CHAR(36) NOT NULL,
        window_id CHAR(36) NULL,
        handler_id VARCHAR(64) NULL,
        accepted_at DATETIME(3) NULL,
        concluded_at DATETIME(3) NULL,
        outcome VARCHAR(20) NULL,
        on_time TINYINT(1) NULL,
        working_days_used INT NULL,
        promised_limit_days INT NULL,
        rating_score TINYINT NULL,
        rated_at DATETIME(3) NULL,
        KEY ix_case_fact_accepted (center_code, accepted_at),
        KEY ix_case_fact_concluded (center_code, concluded_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_fact");
  }
}
