import type { MigrationInterface, QueryRunner } from "typeorm";

/** Functional halls, comprehensive windows' departments, staff codes, chief representatives. */
export class HallsWindowsStaff1763769600002 implements MigrationInterface {
  name = "HallsWindowsStaff1763769600002";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hall (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(40) NOT NULL,
        name VARCHAR(100) NOT NULL,
        theme VARCHAR(40) NOT NULL,
        UNIQUE KEY uq_hall_code (center_code, code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      ALTER TABLE service_window
        ADD COLUMN hall_id CHAR(36) NULL,
        ADD COLUMN is_open TINYINT(1) NOT NULL DEFAULT 1,
        ADD COLUMN revision INT NOT NULL DEFAULT 0,
        ADD COLUMN opened_at DATETIME(3) NULL,
        ADD CONSTRAINT fk_window_hall FOREIGN KEY (hall_id) REFERENCES hall (id)`);
    await queryRunner.query(`
      CREATE TABLE window_department (
        window_id CHAR(36) NOT NULL,
        department_id CHAR(36) NOT NULL,
        PRIMARY KEY (window_id, department_id),
        KEY ix_window_department_department (department_id),
        CONSTRAINT fk_window_department_window FOREIGN KEY (window_id) REFERENCES service_window (id),
        CONSTRAINT fk_window_department_department FOREIGN KEY (department_id) REFERENCES department (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // Staff registered before codes existed keep their id as code.
    await queryRunner.query(`ALTER TABLE staff ADD COLUMN code VARCHAR(40) NULL, ADD COLUMN registered_at DATETIME(3) NULL`);
    await queryRunner.query(`UPDATE staff SET code = id, registered_at = UTC_TIMESTAMP(3) WHERE code IS NULL`);
    await queryRunner.query(`
      ALTER TABLE staff
        MODIFY code VARCHAR(40) NOT NULL,
        MODIFY registered_at DATETIME(3) NOT NULL,
        MODIFY department_id CHAR(36) NULL,
        ADD UNIQUE KEY uq_staff_code (center_code, code),
        ADD KEY ix_staff_department (department_id)`);
    await queryRunner.query(`
      ALTER TABLE department
        ADD COLUMN chief_staff_id CHAR(36) NULL,
        ADD COLUMN chief_revision INT NOT NULL DEFAULT 0,
        ADD COLUMN chief_appointed_at DATETIME(3) NULL,
        ADD CONSTRAINT fk_department_chief FOREIGN KEY (chief_staff_id) REFERENCES staff (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE department DROP FOREIGN KEY fk_department_chief, DROP COLUMN chief_staff_id, DROP COLUMN chief_revision, DROP COLUMN chief_appointed_at`);
    await queryRunner.query(`ALTER TABLE staff DROP INDEX uq_staff_code, DROP INDEX ix_staff_department, DROP COLUMN code, DROP COLUMN registered_at`);
    await queryRunner.query("DROP TABLE window_department");
    await queryRunner.query(`ALTER TABLE service_window DROP FOREIGN KEY fk_window_hall, DROP COLUMN hall_id, DROP COLUMN is_open, DROP COLUMN revision, DROP COLUMN opened_at`);
    await queryRunner.query("DROP TABLE hall");
  }
}
