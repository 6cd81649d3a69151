import type { MigrationInterface, QueryRunner } from "typeorm";

export class Items1763769600011 implements MigrationInterface {
  name = "Items1763769600011";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        code VARCHAR(80) NOT NULL,
        current_version INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_item_code (center_code, code),
        KEY ix_item_department (department_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE item_version (
        item_id CHAR(36) NOT NULL,
        version INT NOT NULL,
        name VARCHAR(200) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        legal_limit_days INT NOT NULL,
        promised_limit_days INT NOT NULL,
        fee_standard JSON NOT NULL,
        published_at DATETIME(3) NOT NULL,
        PRIMARY KEY (item_id, version),
        CONSTRAINT fk_version_item FOREIGN KEY (item_id) REFERENCES item (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_version");
    await queryRunner.query("DROP TABLE item");
  }
}
