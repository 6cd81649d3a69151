import { storedApplicantKey } from "@onestop/platform";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The applicant is bound by the system (docs/security.md): every joint approval's applicant
 * subject becomes the applicant key of its ID number, whether it was the old default
 * `applicant:<number>` or an account the bureau named; and an applicant lists its own.
 */
export class ApplicantKey1763769600055 implements MigrationInterface {
  name = "ApplicantKey1763769600055";

  async up(queryRunner: QueryRunner): Promise<void> {
    const numbers = (await queryRunner.query("SELECT DISTINCT applicant_id_number AS n FROM joint_approval")) as Array<{ n: string }>;
    for (const { n } of numbers) {
      await queryRunner.query("UPDATE joint_approval SET applicant_subject = ? WHERE applicant_id_number = ?", [storedApplicantKey(n), n]);
    }
    await queryRunner.query("ALTER TABLE joint_approval ADD KEY ix_joint_applicant (applicant_subject, opened_at, id)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The subjects stay keys: the accounts once named beside a stranger's number are not given it back.
    await queryRunner.query("ALTER TABLE joint_approval DROP KEY ix_joint_applicant");
  }
}
