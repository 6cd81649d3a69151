import type { MigrationInterface, QueryRunner } from "typeorm";

/** What the full lifecycle needs of each item version, and the items' cancellation and entry window. */
export class ItemReplicaDetails1763769600022 implements MigrationInterface {
  name = "ItemReplicaDetails1763769600022";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE item_version_replica
        ADD COLUMN fee_standard TEXT NULL,
        ADD COLUMN materials TEXT NULL,
        ADD COLUMN stage_limits TEXT NULL,
        ADD COLUMN deemed_approval TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN veto_escalation VARCHAR(30) NOT NULL DEFAULT 'NONE',
        ADD COLUMN allows_deficiencies TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN deferrable_material_codes TEXT NULL,
        ADD COLUMN allows_commitment TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN reported_to VARCHAR(200) NULL`);
    await queryRunner.query(`
      CREATE TABLE item_state_replica (
        item_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        cancelled_at DATETIME(3) NULL,
        cancel_reason TEXT NULL,
        merged_into_item_id VARCHAR(64) NULL,
        entry_window_id VARCHAR(64) NULL,
        entry_changed_at DATETIME(3) NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_state_replica");
    await queryRunner.query(`
      ALTER TABLE item_version_replica
        DROP COLUMN fee_standard, DROP COLUMN materials, DROP COLUMN stage_limits, DROP COLUMN deemed_approval,
        DROP COLUMN veto_escalation, DROP COLUMN allows_deficiencies, DROP COLUMN deferrable_material_codes,
        DROP COLUMN allows_commitment, DROP COLUMN reported_to`);
  }
}
