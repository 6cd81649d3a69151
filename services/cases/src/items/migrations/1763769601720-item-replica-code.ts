import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The item version's 实施编码, for the case events the provincial export reads. Versions replicated
 * before stay null (the catalog's events are not replayed): their cases' events carry no code and
 * the exporter looks it up as before.
 */
export class ItemReplicaCode1763769601720 implements MigrationInterface {
  name = "ItemReplicaCode1763769601720";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE item_version_replica ADD COLUMN code VARCHAR(100) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE item_version_replica DROP COLUMN code");
  }
}
