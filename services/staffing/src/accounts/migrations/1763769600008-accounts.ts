import type { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1763769600008 implements MigrationInterface {
  name = "Accounts1763769600008";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_account (
        staff_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        username VARCHAR(64) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        roles VARCHAR(200) NOT NULL,
        failed_attempts INT NOT NULL DEFAULT 0,
        locked_until DATETIME(3) NULL,
        last_login_at DATETIME(3) NULL,
        password_changed_at DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_staff_account_username (username),
        CONSTRAINT fk_staff_account_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE staff_account");
  }
}
