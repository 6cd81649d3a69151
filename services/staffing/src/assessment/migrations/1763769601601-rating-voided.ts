import type { MigrationInterface, QueryRunner } from "typeorm";

export class RatingVoided1763769601601 implements MigrationInterface {
  name = "RatingVoided1763769601601";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Set by an upheld appeal (恶意差评); kept apart from the score so the order the two events arrive in does not matter.
    await queryRunner.query("ALTER TABLE case_fact ADD COLUMN rating_voided TINYINT(1) NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE case_fact DROP COLUMN rating_voided");
  }
}
