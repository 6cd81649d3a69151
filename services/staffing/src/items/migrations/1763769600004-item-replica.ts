import type { MigrationInterface, QueryRunner } from "typeorm";

export class ItemReplica1763769600004 implements MigrationInterface {
  name = "ItemReplica1763769600004";

  async up(queryRunner: QueryRunner): Promise<void> {
    // What catalog published about items: which department keeps each, and where it entered the hall.
    await queryRunner.query(`
      CREATE TABLE item_replica (
        item_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        version INT NOT NULL,
        entry_window_id CHAR(36) NULL,
        entry_changed_at DATETIME(3) NULL,
        KEY ix_item_replica_department (department_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_replica");
  }
}
