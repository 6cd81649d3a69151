import type { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 21: a case remembers the hall's queue ticket it was served from (the hall measures waiting and handling time by it). */
export class CaseTicket1763769601901 implements MigrationInterface {
  name = "CaseTicket1763769601901";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case ADD ticket_id VARCHAR(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case DROP COLUMN ticket_id");
  }
}
