import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The replica keeps each version's fee items (with their stable codes) beside the old
 * whole-case standard, and every fee code the catalog cancelled for good.
 */
export class FeeItems1763769600032 implements MigrationInterface {
  name = "FeeItems1763769600032";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE fee_standard_replica
        ADD COLUMN center_code CHAR(12) NULL,
        ADD COLUMN department_id CHAR(36) NULL,
        ADD COLUMN fee_items JSON NULL`);
    await queryRunner.query(`
      CREATE TABLE cancelled_fee_code (
        item_id CHAR(36) NOT NULL,
        fee_code VARCHAR(40) NOT NULL,
        PRIMARY KEY (item_id, fee_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE cancelled_fee_code");
    await queryRunner.query("ALTER TABLE fee_standard_replica DROP COLUMN fee_items, DROP COLUMN department_id, DROP COLUMN center_code");
  }
}
