import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The subject lock carries a token instead of a counter: each evaluation leaves its own and keeps
 * the one it found in `previous`, so the journal cache can tell whether anybody else evaluated the
 * subject since this process did.
 */
export class JournalCache1763769600061 implements MigrationInterface {
  name = "JournalCache1763769600061";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE supervision_subject MODIFY version BIGINT NOT NULL DEFAULT 1, ADD COLUMN previous BIGINT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE supervision_subject DROP COLUMN previous, MODIFY version INT NOT NULL DEFAULT 1");
  }
}
