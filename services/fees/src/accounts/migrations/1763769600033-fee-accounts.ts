import type { MigrationInterface, QueryRunner } from "typeorm";

/** Departments (from staffing's events) and each one's single fee account at the collection bank. */
export class FeeAccounts1763769600033 implements MigrationInterface {
  name = "FeeAccounts1763769600033";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE department_replica (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(40) NOT NULL,
        name VARCHAR(100) NOT NULL,
        KEY ix_department_center (center_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE fee_account (
        department_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        account_no VARCHAR(32) NOT NULL,
        account_name VARCHAR(100) NOT NULL,
        bank_name VARCHAR(100) NOT NULL,
        revision INT NOT NULL,
        configured_by VARCHAR(100) NOT NULL,
        configured_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_fee_account_no (account_no),
        KEY ix_fee_account_center (center_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE fee_account_history (
        department_id CHAR(36) NOT NULL,
        revision INT NOT NULL,
        center_code CHAR(12) NOT NULL,
        account_no VARCHAR(32) NOT NULL,
        account_name VARCHAR(100) NOT NULL,
        bank_name VARCHAR(100) NOT NULL,
        configured_by VARCHAR(100) NOT NULL,
        configured_at DATETIME(3) NOT NULL,
        PRIMARY KEY (department_id, revision)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE fee_account_history");
    await queryRunner.query("DROP TABLE fee_account");
    await queryRunner.query("DROP TABLE department_replica");
  }
}
