import type { MigrationInterface, QueryRunner } from "typeorm";

/** The saga's state: the joint approval's own columns, its participants, the joint clock's facts and the history. */
export class JointSaga1763769600051 implements MigrationInterface {
  name = "JointSaga1763769600051";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE joint_approval
        DROP INDEX uq_joint_project,
        ADD COLUMN opened_by VARCHAR(100) NOT NULL DEFAULT '',
        ADD COLUMN applicant_subject VARCHAR(100) NOT NULL DEFAULT '',
        ADD COLUMN applicant_name VARCHAR(200) NOT NULL DEFAULT '',
        ADD COLUMN applicant_id_number VARCHAR(32) NOT NULL DEFAULT '',
        ADD COLUMN deadline_working_days INT NOT NULL DEFAULT 0,
        ADD COLUMN green_channel TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN request_fingerprint CHAR(64) NOT NULL DEFAULT '',
        ADD COLUMN deadline_at DATETIME(3) NULL,
        ADD COLUMN paused TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN warning_level VARCHAR(10) NOT NULL DEFAULT 'GREEN',
        ADD COLUMN timed_out_at DATETIME(3) NULL,
        ADD COLUMN participants_total INT NOT NULL DEFAULT 0,
        ADD COLUMN outcomes_counted INT NOT NULL DEFAULT 0,
        ADD COLUMN approvals_counted INT NOT NULL DEFAULT 0,
        ADD COLUMN completed_steps LONGTEXT NULL,
        ADD COLUMN timers LONGTEXT NULL,
        ADD COLUMN concluded_at DATETIME(3) NULL,
        ADD COLUMN conclusion_reason VARCHAR(500) NULL,
        ADD COLUMN deciding_participant_id CHAR(36) NULL,
        ADD COLUMN history_seq INT NOT NULL DEFAULT 0,
        ADD UNIQUE KEY uq_joint_center_project (center_code, project_code),
        ADD KEY ix_joint_center_opened (center_code, opened_at, id),
        ADD KEY ix_joint_lead_opened (lead_department_id, opened_at, id)`);
    await queryRunner.query(`
      CREATE TABLE joint_participant (
        id CHAR(36) NOT NULL PRIMARY KEY,
        joint_approval_id CHAR(36) NOT NULL,
        position INT NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        department_name VARCHAR(200) NOT NULL,
        item_id VARCHAR(64) NOT NULL,
        item_version INT NOT NULL,
        item_name VARCHAR(300) NOT NULL,
        promised_limit_days INT NOT NULL,
        deemed_approval TINYINT(1) NOT NULL,
        veto_escalation VARCHAR(30) NOT NULL,
        status VARCHAR(30) NOT NULL,
        case_id VARCHAR(36) NULL,
        receipt_no VARCHAR(20) NULL,
        case_status VARCHAR(30) NULL,
        case_slip_seq INT NOT NULL DEFAULT 0,
        handler_id VARCHAR(100) NULL,
        opinion VARCHAR(4000) NULL,
        accepted_at DATETIME(3) NULL,
        deadline_at DATETIME(3) NULL,
        warning_level VARCHAR(10) NOT NULL DEFAULT 'GREEN',
        outcome VARCHAR(20) NULL,
        concluded_at DATETIME(3) NULL,
        counted_at DATETIME(3) NULL,
        deemed_consent_requested_at DATETIME(3) NULL,
        timed_out_at DATETIME(3) NULL,
        withdrawal_requested_at DATETIME(3) NULL,
        urge_count INT NOT NULL DEFAULT 0,
        last_urged_at DATETIME(3) NULL,
        UNIQUE KEY uq_participant_department (joint_approval_id, department_id),
        KEY ix_participant_department (department_id, joint_approval_id),
        KEY ix_participant_case (case_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE joint_notice_step (
        participant_id CHAR(36) NOT NULL,
        slip_seq INT NOT NULL,
        joint_approval_id CHAR(36) NOT NULL,
        from_status VARCHAR(30) NULL,
        to_status VARCHAR(30) NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        PRIMARY KEY (participant_id, slip_seq),
        KEY ix_notice_step_joint (joint_approval_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE joint_extension (
        id VARCHAR(64) NOT NULL PRIMARY KEY,
        participant_id CHAR(36) NOT NULL,
        joint_approval_id CHAR(36) NOT NULL,
        working_days INT NOT NULL,
        approved_at DATETIME(3) NOT NULL,
        KEY ix_extension_joint (joint_approval_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE joint_history (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        joint_approval_id CHAR(36) NOT NULL,
        seq INT NOT NULL,
        at DATETIME(3) NOT NULL,
        kind VARCHAR(40) NOT NULL,
        participant_id CHAR(36) NULL,
        actor VARCHAR(100) NULL,
        note VARCHAR(4000) NULL,
        details LONGTEXT NULL,
        UNIQUE KEY uq_history_seq (joint_approval_id, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE joint_history");
    await queryRunner.query("DROP TABLE joint_extension");
    await queryRunner.query("DROP TABLE joint_notice_step");
    await queryRunner.query("DROP TABLE joint_participant");
    await queryRunner.query(`
      ALTER TABLE joint_approval
        DROP INDEX uq_joint_center_project, DROP INDEX ix_joint_center_opened, DROP INDEX ix_joint_lead_opened,
        DROP COLUMN opened_by, DROP COLUMN applicant_subject, DROP COLUMN applicant_name, DROP COLUMN applicant_id_number,
        DROP COLUMN deadline_working_days, DROP COLUMN green_channel, DROP COLUMN request_fingerprint, DROP COLUMN deadline_at,
        DROP COLUMN paused, DROP COLUMN warning_level, DROP COLUMN timed_out_at, DROP COLUMN participants_total,
        DROP COLUMN outcomes_counted, DROP COLUMN approvals_counted, DROP COLUMN completed_steps, DROP COLUMN timers,
        DROP COLUMN concluded_at, DROP COLUMN conclusion_reason, DROP COLUMN deciding_participant_id, DROP COLUMN history_seq,
        ADD UNIQUE KEY uq_joint_project (project_code)`);
  }
}
