import { storedApplicantKey } from "@onestop/platform";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A joint case's fees are seen by the department leading its joint approval (from cases'
 * acceptance, for cases accepted from now on); and a payer `applicant:<number>` (a joint case's
 * applicant before the applicant key) becomes that number's key, as cases and parallel approval
 * now name the applicant (docs/security.md).
 */
export class JointLeadAndApplicantKey1763769600045 implements MigrationInterface {
  name = "JointLeadAndApplicantKey1763769600045";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["fee_case", "payment_notice"]) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN joint_lead_department_id VARCHAR(64) NULL AFTER payer_name`);
      const subjects = (await queryRunner.query(`SELECT DISTINCT payer_subject AS s FROM ${table} WHERE payer_subject REGEXP '^applicant:[0-9A-Za-z]{18}$'`)) as Array<{ s: string }>;
      for (const { s } of subjects) {
        await queryRunner.query(`UPDATE ${table} SET payer_subject = ? WHERE payer_subject = ?`, [storedApplicantKey(s.slice("applicant:".length)), s]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["fee_case", "payment_notice"]) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN joint_lead_department_id`);
  }
}
