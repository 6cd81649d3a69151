import type { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1763769601900 implements MigrationInterface {
  name = "Notifications1763769601900";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Whose case is whose, from cases' events: a payment notice or a rating names only the case.
    await queryRunner.query(`
      CREATE TABLE notification_case (
        case_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        applicant_subject VARCHAR(64) NOT NULL,
        receipt_no VARCHAR(32) NOT NULL,
        window_id VARCHAR(64) NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // Windows' names, from staffing's events: where to collect a result or bring materials.
    await queryRunner.query(`
      CREATE TABLE notification_window (
        window_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        name VARCHAR(200) NOT NULL,
        revision INT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // The notification outbox: one row per cause and channel (the unique key), its delivery state.
    await queryRunner.query(`
      CREATE TABLE notification (
        id CHAR(36) NOT NULL PRIMARY KEY,
        cause_key VARCHAR(160) NOT NULL,
        channel VARCHAR(8) NOT NULL,
        cause VARCHAR(32) NOT NULL,
        case_id VARCHAR(64) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        recipient_subject VARCHAR(64) NOT NULL,
        title VARCHAR(200) NOT NULL,
        body TEXT NOT NULL,
        details LONGTEXT NOT NULL,
        status VARCHAR(8) NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        next_attempt_at DATETIME(3) NULL,
        claim_token CHAR(36) NULL,
        claimed_until DATETIME(3) NULL,
        last_error VARCHAR(500) NULL,
        phone_masked VARCHAR(20) NULL,
        caused_at DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        sent_at DATETIME(3) NULL,
        read_at DATETIME(3) NULL,
        UNIQUE KEY uq_notification_cause (cause_key, channel),
        KEY ix_notification_inbox (recipient_subject, channel, created_at),
        KEY ix_notification_due (channel, status, next_attempt_at),
        KEY ix_notification_case (case_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // 联系偏好: the only place a phone number is kept in full.
    await queryRunner.query(`
      CREATE TABLE contact_preference (
        subject VARCHAR(64) NOT NULL PRIMARY KEY,
        phone VARCHAR(20) NULL,
        sms_off VARCHAR(500) NOT NULL DEFAULT '',
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["contact_preference", "notification", "notification_window", "notification_case"]) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
