import type { MigrationInterface, QueryRunner } from "typeorm";

export class FeeStandardReplica1763769600030 implements MigrationInterface {
  name = "FeeStandardReplica1763769600030";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fee_standard_replica (
        item_id CHAR(36) NOT NULL,
        version INT NOT NULL,
        item_name VARCHAR(200) NOT NULL,
        fee_standard JSON NOT NULL,
        PRIMARY KEY (item_id, version)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE fee_standard_replica");
  }
}
