import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 单位主要负责人: each department's principal, who signs its vetoes by office; and SIGN_VETO
 * leaves every authorization letter, since no letter carries the veto any more. A letter
 * whose only act it was is revoked: it allowed nothing else. A letter's acts get room for all
 * thirteen acts a chief representative's letter may now name (221 characters).
 */
export class DepartmentPrincipals1763769601401 implements MigrationInterface {
  name = "DepartmentPrincipals1763769601401";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE authorization_letter MODIFY acts VARCHAR(500) NOT NULL");
    await queryRunner.query(`
      ALTER TABLE department
        ADD COLUMN principal_staff_id CHAR(36) NULL,
        ADD COLUMN principal_revision INT NOT NULL DEFAULT 0,
        ADD COLUMN principal_appointed_at DATETIME(3) NULL,
        ADD KEY ix_department_principal (principal_staff_id),
        ADD CONSTRAINT fk_department_principal FOREIGN KEY (principal_staff_id) REFERENCES staff (id)`);
    await queryRunner.query(`
      UPDATE authorization_letter
         SET revoked_at = COALESCE(revoked_at, UTC_TIMESTAMP(3)),
             revoked_by = COALESCE(revoked_by, 'system'),
             revoke_reason = COALESCE(revoke_reason, '否决权改由单位主要负责人行使，不再授权'),
             revision = revision + 1
       WHERE acts = 'SIGN_VETO'`);
    // The replicas strip it from their copies the same way (DepartmentPrincipalsNoVetoLetters1763769600901).
    await queryRunner.query(`
      UPDATE authorization_letter
         SET acts = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', acts, ','), ',SIGN_VETO,', ','))
       WHERE FIND_IN_SET('SIGN_VETO', acts) > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE department DROP FOREIGN KEY fk_department_principal, DROP INDEX ix_department_principal, DROP COLUMN principal_staff_id, DROP COLUMN principal_revision, DROP COLUMN principal_appointed_at`);
  }
}
