import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit log of mutations: append-only (the triggers refuse UPDATE and DELETE) and chained
 * (each entry holds the previous entry's hash). The chain head is the one row writers lock to
 * append, so entries from concurrent requests and gateway instances form one chain.
 */
export class AuditLog1763769600100 implements MigrationInterface {
  name = "AuditLog1763769600100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        seq BIGINT NOT NULL PRIMARY KEY,
        recorded_at DATETIME(3) NOT NULL,
        request_id VARCHAR(64) NOT NULL,
        subject VARCHAR(128) NOT NULL,
        roles TEXT NOT NULL,
        center_code CHAR(12) NULL,
        department_id VARCHAR(64) NULL,
        window_id VARCHAR(64) NULL,
        operation_name VARCHAR(200) NULL,
        fields MEDIUMTEXT NOT NULL,
        client_ip VARCHAR(64) NULL,
        forwarded_for VARCHAR(400) NULL,
        user_agent VARCHAR(400) NULL,
        client_name VARCHAR(100) NULL,
        client_version VARCHAR(50) NULL,
        outcome VARCHAR(8) NOT NULL,
        error_codes TEXT NOT NULL,
        prev_hash CHAR(64) NOT NULL,
        hash CHAR(64) NOT NULL,
        KEY ix_audit_entry_center (center_code, seq),
        KEY ix_audit_entry_subject (subject, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        id TINYINT NOT NULL PRIMARY KEY,
        seq BIGINT NOT NULL,
        hash CHAR(64) NOT NULL
      ) ENGINE=InnoDB`);
    await queryRunner.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64))`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: UPDATE refused'`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: DELETE refused'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE audit_chain_head");
    await queryRunner.query("DROP TABLE audit_entry");
  }
}
