import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The full lifecycle: the case's kind, decision, clocks, first-contact owner and window,
 * joint reference and idempotency; the routing slip (流转单).
 */
export class CaseLifecycle1763769600023 implements MigrationInterface {
  name = "CaseLifecycle1763769600023";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE service_case
        MODIFY COLUMN status VARCHAR(30) NOT NULL,
        ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'PROMISED' AFTER department_id,
        ADD COLUMN outcome VARCHAR(20) NULL AFTER status,
        ADD COLUMN window_id VARCHAR(64) NULL,
        ADD COLUMN on_commitment TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN commitment_state VARCHAR(20) NULL,
        ADD COLUMN fee_required TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN reviewed_at DATETIME(3) NULL,
        ADD COLUMN decided_at DATETIME(3) NULL,
        ADD COLUMN decided_by VARCHAR(100) NULL,
        ADD COLUMN decision_opinion TEXT NULL,
        ADD COLUMN concluded_at DATETIME(3) NULL,
        ADD COLUMN delivered_at DATETIME(3) NULL,
        ADD COLUMN delivery_method VARCHAR(20) NULL,
        ADD COLUMN forwarded_to VARCHAR(200) NULL,
        ADD COLUMN forwarded_at DATETIME(3) NULL,
        ADD COLUMN higher_authority_document_no VARCHAR(100) NULL,
        ADD COLUMN promised_days INT NULL,
        ADD COLUMN deadline_at DATETIME(3) NULL,
        ADD COLUMN deadline_day CHAR(10) NULL,
        ADD COLUMN on_hold TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN clock_events INT NOT NULL DEFAULT 0,
        ADD COLUMN stage VARCHAR(20) NULL,
        ADD COLUMN stage_started_at DATETIME(3) NULL,
        ADD COLUMN stage_due_at DATETIME(3) NULL,
        ADD COLUMN deficiency_due_day CHAR(10) NULL,
        ADD COLUMN joint_approval_id VARCHAR(64) NULL,
        ADD COLUMN participant_id VARCHAR(64) NULL,
        ADD COLUMN submit_key VARCHAR(100) NULL,
        ADD COLUMN slip_seq INT NOT NULL DEFAULT 0,
        ADD COLUMN last_step_at DATETIME(3) NULL,
        ADD COLUMN timers TEXT NULL,
        ADD UNIQUE KEY uq_case_participant (participant_id),
        ADD UNIQUE KEY uq_case_submit_key (applicant_subject, submit_key),
        ADD KEY ix_case_handler_status (handler_id, status),
        ADD KEY ix_case_center_status (center_code, status),
        ADD KEY ix_case_joint (joint_approval_id)`);
    await queryRunner.query("UPDATE service_case SET last_step_at = COALESCE(accepted_at, submitted_at), stage = IF(status = 'SUBMITTED', 'ACCEPTANCE', 'REVIEW')");
    await queryRunner.query("ALTER TABLE service_case MODIFY COLUMN last_step_at DATETIME(3) NOT NULL");
    await queryRunner.query(`
      CREATE TABLE case_routing_entry (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        seq INT NOT NULL,
        action VARCHAR(40) NOT NULL,
        from_status VARCHAR(30) NULL,
        to_status VARCHAR(30) NOT NULL,
        actor_id VARCHAR(100) NOT NULL,
        actor_kind VARCHAR(10) NOT NULL,
        actor_window_id VARCHAR(64) NULL,
        opinion TEXT NULL,
        occurred_at DATETIME(3) NOT NULL,
        took_ms BIGINT NOT NULL,
        took_working_days INT NOT NULL,
        idempotency_key VARCHAR(100) NULL,
        details TEXT NULL,
        UNIQUE KEY uq_routing_case_seq (case_id, seq),
        UNIQUE KEY uq_routing_case_idempotency (case_id, idempotency_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_routing_entry");
    await queryRunner.query(`
      ALTER TABLE service_case
        DROP KEY uq_case_participant, DROP KEY uq_case_submit_key, DROP KEY ix_case_handler_status,
        DROP KEY ix_case_center_status, DROP KEY ix_case_joint,
        DROP COLUMN kind, DROP COLUMN outcome, DROP COLUMN window_id, DROP COLUMN on_commitment,
        DROP COLUMN commitment_state, DROP COLUMN fee_required, DROP COLUMN reviewed_at, DROP COLUMN decided_at,
        DROP COLUMN decided_by, DROP COLUMN decision_opinion, DROP COLUMN concluded_at, DROP COLUMN delivered_at,
        DROP COLUMN delivery_method, DROP COLUMN forwarded_to, DROP COLUMN forwarded_at,
        DROP COLUMN higher_authority_document_no, DROP COLUMN promised_days, DROP COLUMN deadline_at,
        DROP COLUMN deadline_day, DROP COLUMN on_hold, DROP COLUMN clock_events, DROP COLUMN stage, DROP COLUMN stage_started_at,
        DROP COLUMN stage_due_at, DROP COLUMN deficiency_due_day, DROP COLUMN joint_approval_id,
        DROP COLUMN participant_id, DROP COLUMN submit_key, DROP COLUMN slip_seq, DROP COLUMN last_step_at,
        DROP COLUMN timers,
        MODIFY COLUMN status VARCHAR(20) NOT NULL`);
  }
}
