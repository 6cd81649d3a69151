import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLE = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/**
 * Issue 16, points 3 and 4: what the figures need of each case (who applied, on time, working days
 * against the promised limit, deemed approval, one-time notice), and the ratings (好差评) with their
 * follow-ups and appeals. Ratings are supervision's own record, not derived: a rebuild keeps them.
 */
export class Ratings1763769600062 implements MigrationInterface {
  name = "Ratings1763769600062";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE supervision_case
        ADD COLUMN applicant_subject VARCHAR(128) NULL,
        ADD COLUMN on_time TINYINT NULL,
        ADD COLUMN working_days_used INT NULL,
        ADD COLUMN promised_limit_days INT NULL,
        ADD COLUMN deemed_approval TINYINT NOT NULL DEFAULT 0,
        ADD COLUMN notified TINYINT NOT NULL DEFAULT 0,
        ADD KEY ix_case_accepted (center_code, accepted_at),
        ADD KEY ix_case_ended (center_code, ended_at),
        ADD KEY ix_case_receipt (receipt_no)`);
    // One rating per case (the primary key); the idempotency key makes a retried submission the same one.
    await queryRunner.query(`
      CREATE TABLE supervision_rating (
        case_id VARCHAR(64) NOT NULL PRIMARY KEY,
        rating_id CHAR(36) NOT NULL,
        idempotency_key VARCHAR(100) NOT NULL,
        receipt_no VARCHAR(64) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        window_id VARCHAR(64) NULL,
        handler_id VARCHAR(64) NULL,
        score TINYINT NOT NULL,
        channel VARCHAR(16) NOT NULL,
        comment VARCHAR(2000) NOT NULL,
        rated_by VARCHAR(128) NOT NULL,
        rated_at DATETIME(3) NOT NULL,
        follow_up_due DATETIME(3) NULL,
        answer VARCHAR(16) NULL,
        answer_note VARCHAR(2000) NULL,
        answered_by VARCHAR(64) NULL,
        answered_at DATETIME(3) NULL,
        appeal_reason VARCHAR(2000) NULL,
        appealed_by VARCHAR(64) NULL,
        appealed_at DATETIME(3) NULL,
        appeal_decision VARCHAR(16) NULL,
        appeal_note VARCHAR(2000) NULL,
        decided_by VARCHAR(64) NULL,
        decided_at DATETIME(3) NULL,
        UNIQUE KEY uq_rating_idempotency (idempotency_key),
        UNIQUE KEY uq_rating_id (rating_id),
        KEY ix_rating_center (center_code, rated_at)
      ) ${TABLE}`);
    // 追评: what the applicant added later, appended, never changing the level.
    await queryRunner.query(`
      CREATE TABLE supervision_rating_addition (
        idempotency_key VARCHAR(100) NOT NULL PRIMARY KEY,
        case_id VARCHAR(64) NOT NULL,
        text VARCHAR(2000) NOT NULL,
        added_at DATETIME(3) NOT NULL,
        KEY ix_addition_case (case_id, added_at)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE supervision_rating_addition");
    await queryRunner.query("DROP TABLE supervision_rating");
    await queryRunner.query(
      "ALTER TABLE supervision_case DROP KEY ix_case_receipt, DROP KEY ix_case_ended, DROP KEY ix_case_accepted, DROP COLUMN notified, DROP COLUMN deemed_approval, DROP COLUMN promised_limit_days, DROP COLUMN working_days_used, DROP COLUMN on_time, DROP COLUMN applicant_subject",
    );
  }
}
