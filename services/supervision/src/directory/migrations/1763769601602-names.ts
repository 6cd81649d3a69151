import type { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 16: the names the reports print, a replica fed by staffing's events (never its database). */
export class Names1763769601602 implements MigrationInterface {
  name = "Names1763769601602";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervision_name (
        kind VARCHAR(16) NOT NULL,
        id VARCHAR(64) NOT NULL,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(64) NOT NULL,
        name VARCHAR(200) NOT NULL,
        revision INT NOT NULL,
        PRIMARY KEY (kind, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE supervision_name");
  }
}
