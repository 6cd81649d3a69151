import type { MigrationInterface, QueryRunner } from "typeorm";

export class ItemVersionReplica1763769600020 implements MigrationInterface {
  name = "ItemVersionReplica1763769600020";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_version_replica (
        item_id CHAR(36) NOT NULL,
        version INT NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        legal_limit_days INT NOT NULL,
        promised_limit_days INT NOT NULL,
        PRIMARY KEY (item_id, version)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_version_replica");
  }
}
