import type { MigrationInterface, QueryRunner } from "typeorm";
import { createFailureThrottleTable, dropFailureThrottleTable } from "@onestop/platform";

const TABLE = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

export class Results1763769601900 implements MigrationInterface {
  name = "Results1763769601900";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_facts (
        case_id CHAR(36) NOT NULL PRIMARY KEY,
        receipt_no VARCHAR(40) NOT NULL,
        center_code CHAR(12) NOT NULL,
        item_id CHAR(36) NOT NULL,
        item_version INT NOT NULL,
        department_id CHAR(36) NOT NULL,
        applicant_subject VARCHAR(100) NULL,
        applicant_name VARCHAR(100) NULL,
        accepted_at DATETIME(3) NULL,
        deadline_at DATETIME(3) NULL,
        decision_opinion TEXT NULL,
        last_seq INT NOT NULL
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE item_version_replica (
        item_id CHAR(36) NOT NULL,
        version INT NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        code VARCHAR(80) NULL,
        promised_limit_days INT NOT NULL,
        materials JSON NOT NULL,
        PRIMARY KEY (item_id, version)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE department_replica (
        department_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        name VARCHAR(200) NOT NULL
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE result_document (
        id CHAR(36) NOT NULL PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        cause VARCHAR(64) NOT NULL,
        document_no VARCHAR(40) NOT NULL,
        verification_code CHAR(16) NOT NULL,
        title VARCHAR(100) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        item_id CHAR(36) NOT NULL,
        item_version INT NOT NULL,
        template_id CHAR(36) NULL,
        sha256 CHAR(64) NOT NULL,
        size_bytes INT NOT NULL,
        issued_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_document_cause (case_id, kind, cause),
        UNIQUE KEY uq_document_no (document_no),
        UNIQUE KEY uq_document_code (verification_code),
        KEY ix_document_case (case_id, issued_at)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE document_counter (
        center_code CHAR(12) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        year INT NOT NULL,
        last_seq INT NOT NULL,
        PRIMARY KEY (center_code, kind, year)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE document_template (
        id CHAR(36) NOT NULL PRIMARY KEY,
        item_id CHAR(36) NOT NULL,
        from_version INT NOT NULL,
        kind VARCHAR(20) NOT NULL,
        title VARCHAR(100) NULL,
        body TEXT NULL,
        validity_years INT NULL,
        created_by VARCHAR(100) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_template (item_id, kind, from_version)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE licence (
        id CHAR(36) NOT NULL PRIMARY KEY,
        licence_no VARCHAR(40) NOT NULL,
        document_id CHAR(36) NOT NULL,
        verification_code CHAR(16) NOT NULL,
        case_id CHAR(36) NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        item_id CHAR(36) NOT NULL,
        item_name VARCHAR(200) NOT NULL,
        holder_subject VARCHAR(100) NOT NULL,
        holder_name VARCHAR(100) NOT NULL,
        valid_from CHAR(10) NOT NULL,
        valid_until CHAR(10) NULL,
        issued_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        replaced_by_id CHAR(36) NULL,
        replaces_id CHAR(36) NULL,
        UNIQUE KEY uq_licence_no (licence_no),
        UNIQUE KEY uq_licence_code (verification_code),
        UNIQUE KEY uq_licence_document (document_id),
        KEY ix_licence_holder (holder_subject, issued_at)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE licence_act (
        id CHAR(36) NOT NULL PRIMARY KEY,
        licence_id CHAR(36) NOT NULL,
        act VARCHAR(20) NOT NULL,
        actor_id VARCHAR(100) NOT NULL,
        reason TEXT NULL,
        occurred_at DATETIME(3) NOT NULL,
        idempotency_key VARCHAR(100) NULL,
        KEY ix_licence_act (licence_id, occurred_at),
        UNIQUE KEY uq_licence_act_key (licence_id, idempotency_key)
      ) ${TABLE}`);
    await createFailureThrottleTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFailureThrottleTable(queryRunner);
    for (const table of ["licence_act", "licence", "document_template", "document_counter", "result_document", "department_replica", "item_version_replica", "case_facts"]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
