import type { MigrationInterface, QueryRunner } from "typeorm";

export class Cases1763769600021 implements MigrationInterface {
  name = "Cases1763769600021";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_case (
        id CHAR(36) NOT NULL PRIMARY KEY,
        receipt_no VARCHAR(20) NOT NULL,
        center_code CHAR(12) NOT NULL,
        item_id CHAR(36) NOT NULL,
        item_version INT NOT NULL,
        department_id CHAR(36) NOT NULL,
        status VARCHAR(20) NOT NULL,
        applicant_subject VARCHAR(100) NOT NULL,
        applicant_name VARCHAR(100) NOT NULL,
        applicant_id_number VARCHAR(32) NOT NULL,
        quantity INT NOT NULL,
        handler_id VARCHAR(100) NULL,
        submitted_at DATETIME(3) NOT NULL,
        accepted_at DATETIME(3) NULL,
        UNIQUE KEY uq_case_receipt (receipt_no),
        KEY ix_case_department_status (center_code, department_id, status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE service_case");
  }
}
