import type { MigrationInterface, QueryRunner } from "typeorm";

/** Suspensions, extensions and the warnings raised on a case's clocks. */
export class CaseClocks1763769600024 implements MigrationInterface {
  name = "CaseClocks1763769600024";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_suspension (
        id CHAR(36) NOT NULL PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        reason VARCHAR(30) NOT NULL,
        note TEXT NULL,
        started_at DATETIME(3) NOT NULL,
        started_by VARCHAR(100) NOT NULL,
        ended_at DATETIME(3) NULL,
        ended_by VARCHAR(100) NULL,
        KEY ix_case_suspension_case (case_id, started_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE case_extension (
        id CHAR(36) NOT NULL PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        working_days INT NOT NULL,
        reason TEXT NOT NULL,
        applicant_notice TEXT NOT NULL,
        approved_by VARCHAR(100) NOT NULL,
        approved_at DATETIME(3) NOT NULL,
        KEY ix_case_extension_case (case_id, approved_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE case_warning (
        case_id CHAR(36) NOT NULL,
        clock VARCHAR(20) NOT NULL,
        level VARCHAR(10) NOT NULL,
        deadline_at DATETIME(3) NOT NULL,
        raised_at DATETIME(3) NOT NULL,
        PRIMARY KEY (case_id, clock, level, deadline_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_warning");
    await queryRunner.query("DROP TABLE case_extension");
    await queryRunner.query("DROP TABLE case_suspension");
  }
}
