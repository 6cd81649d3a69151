import type { MigrationInterface, QueryRunner } from "typeorm";

/** Staffing numbers every state of a window; the highest revision wins, whatever order events arrive in. */
export class WindowRevision1763769600016 implements MigrationInterface {
  name = "WindowRevision1763769600016";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE window_replica ADD COLUMN revision INT NOT NULL DEFAULT 0 AFTER open");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE window_replica DROP COLUMN revision");
  }
}
