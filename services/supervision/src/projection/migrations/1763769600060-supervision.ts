import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLE = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

export class Supervision1763769600060 implements MigrationInterface {
  name = "Supervision1763769600060";

  async up(queryRunner: QueryRunner): Promise<void> {
    // The archive the projection is rebuilt from: every followed event, under each subject it concerns.
    await queryRunner.query(`
      CREATE TABLE supervision_journal (
        seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        event_id VARCHAR(64) NOT NULL,
        subject_type VARCHAR(8) NOT NULL,
        subject_id VARCHAR(64) NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        payload LONGTEXT NOT NULL,
        UNIQUE KEY uq_journal_event (event_id, subject_type, subject_id),
        KEY ix_journal_subject (subject_type, subject_id)
      ) ${TABLE}`);
    // One row per subject, locked while its projection is recomputed, so two transactions never interleave on it.
    await queryRunner.query(`
      CREATE TABLE supervision_subject (
        subject_type VARCHAR(8) NOT NULL,
        subject_id VARCHAR(64) NOT NULL,
        version INT NOT NULL DEFAULT 1,
        PRIMARY KEY (subject_type, subject_id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_window_watch (
        staff_id VARCHAR(64) NOT NULL,
        window_id VARCHAR(64) NOT NULL,
        PRIMARY KEY (staff_id, window_id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_case (
        case_id VARCHAR(64) NOT NULL PRIMARY KEY,
        receipt_no VARCHAR(64) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        item_id VARCHAR(64) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        window_id VARCHAR(64) NULL,
        handler_id VARCHAR(64) NULL,
        status VARCHAR(32) NOT NULL,
        stage VARCHAR(16) NULL,
        deadline DATETIME(3) NULL,
        stage_deadline DATETIME(3) NULL,
        on_hold TINYINT(1) NOT NULL,
        submitted_at DATETIME(3) NULL,
        accepted_at DATETIME(3) NULL,
        ended_at DATETIME(3) NULL,
        outcome VARCHAR(32) NULL,
        last_slip_seq INT NOT NULL,
        joint_approval_id VARCHAR(64) NULL,
        participant_id VARCHAR(64) NULL,
        KEY ix_case_center (center_code, department_id, status)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_joint (
        joint_approval_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        project_code VARCHAR(100) NOT NULL,
        project_name VARCHAR(300) NOT NULL,
        lead_department_id VARCHAR(64) NOT NULL,
        status VARCHAR(16) NOT NULL,
        outcome VARCHAR(16) NULL,
        deadline DATETIME(3) NULL,
        opened_at DATETIME(3) NOT NULL,
        concluded_at DATETIME(3) NULL,
        participants LONGTEXT NOT NULL,
        KEY ix_joint_center (center_code, status)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_window (
        window_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(64) NOT NULL,
        department_id VARCHAR(64) NULL,
        revision INT NOT NULL
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE supervision_warning (
        id CHAR(32) NOT NULL PRIMARY KEY,
        subject_type VARCHAR(8) NOT NULL,
        subject_id VARCHAR(64) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        level VARCHAR(8) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NULL,
        window_id VARCHAR(64) NULL,
        case_id VARCHAR(64) NULL,
        joint_approval_id VARCHAR(64) NULL,
        clock VARCHAR(64) NULL,
        deadline DATETIME(3) NULL,
        detail VARCHAR(500) NOT NULL,
        raised_at DATETIME(3) NOT NULL,
        closed_at DATETIME(3) NULL,
        KEY ix_warning_subject (subject_type, subject_id),
        KEY ix_warning_list (center_code, raised_at, id),
        KEY ix_warning_case (case_id),
        KEY ix_warning_joint (joint_approval_id)
      ) ${TABLE}`);
    // The supervision office's own record: kept apart from the derived warnings, so a rebuild never loses a note.
    await queryRunner.query(`
      CREATE TABLE supervision_acknowledgement (
        warning_id CHAR(32) NOT NULL PRIMARY KEY,
        note VARCHAR(2000) NOT NULL,
        acknowledged_by VARCHAR(64) NOT NULL,
        acknowledged_at DATETIME(3) NOT NULL
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["supervision_acknowledgement", "supervision_warning", "supervision_window", "supervision_joint", "supervision_case", "supervision_window_watch", "supervision_subject", "supervision_journal"]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
