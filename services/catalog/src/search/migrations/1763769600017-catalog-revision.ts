import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A counter per center that grows with every change to its public catalog, in the same
 * transaction: every instance keeps the center's listing in memory and reloads it when the
 * counter moved, so searches never see an older catalog than the database holds.
 */
export class CatalogRevision1763769600017 implements MigrationInterface {
  name = "CatalogRevision1763769600017";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog_revision (
        center_code CHAR(12) NOT NULL PRIMARY KEY,
        revision BIGINT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query("INSERT INTO catalog_revision (center_code, revision) SELECT DISTINCT center_code, 1 FROM item_listing");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE catalog_revision");
  }
}
