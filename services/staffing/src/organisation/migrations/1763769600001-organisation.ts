import type { MigrationInterface, QueryRunner } from "typeorm";

export class Organisation1763769600001 implements MigrationInterface {
  name = "Organisation1763769600001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE department (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(40) NOT NULL,
        name VARCHAR(100) NOT NULL,
        registered_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_department_code (center_code, code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE service_window (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(40) NOT NULL,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        department_id CHAR(36) NULL,
        UNIQUE KEY uq_window_code (center_code, code),
        CONSTRAINT fk_window_department FOREIGN KEY (department_id) REFERENCES department (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE staff (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        name VARCHAR(100) NOT NULL,
        department_id CHAR(36) NOT NULL,
        CONSTRAINT fk_staff_department FOREIGN KEY (department_id) REFERENCES department (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE staff");
    await queryRunner.query("DROP TABLE service_window");
    await queryRunner.query("DROP TABLE department");
  }
}
