import { storedApplicantKey } from "@onestop/platform";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Joint cases learn the department that leads their joint approval, whose bureau and staff read
 * them: from the saga's request, which the first step of each routing slip recorded. And their
 * applicant becomes the applicant key of the applicant's ID number, as parallel approval now
 * sets it (docs/security.md), instead of `applicant:<number>` or an account the bureau named.
 */
export class JointLeadAndApplicantKey1763769600029 implements MigrationInterface {
  name = "JointLeadAndApplicantKey1763769600029";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case ADD COLUMN joint_lead_department_id VARCHAR(64) NULL AFTER participant_id");
    await queryRunner.query(`
      UPDATE service_case c JOIN case_routing_entry r ON r.case_id = c.id AND r.seq = 1
      SET c.joint_lead_department_id = JSON_UNQUOTE(JSON_EXTRACT(r.details, '$.leadDepartmentId'))
      WHERE c.joint_approval_id IS NOT NULL`);
    const numbers = (await queryRunner.query("SELECT DISTINCT applicant_id_number AS n FROM service_case WHERE joint_approval_id IS NOT NULL")) as Array<{ n: string }>;
    for (const { n } of numbers) {
      await queryRunner.query("UPDATE service_case SET applicant_subject = ? WHERE joint_approval_id IS NOT NULL AND applicant_id_number = ?", [storedApplicantKey(n), n]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The applicant subjects stay keys: the accounts once named beside a stranger's number are not given it back.
    await queryRunner.query("ALTER TABLE service_case DROP COLUMN joint_lead_department_id");
  }
}
