import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Vetoes (否决) are signed by the department's principal (单位主要负责人), not by letter: the
 * replica keeps who the principals are, and SIGN_VETO leaves the letters it holds. A letter's
 * acts get room for all thirteen acts a letter may now name. Add after
 * AuthorizationReplica1763769600900.
 */
export class DepartmentPrincipalsNoVetoLetters1763769600901 implements MigrationInterface {
  name = "DepartmentPrincipalsNoVetoLetters1763769600901";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE authorization_letter_replica MODIFY acts VARCHAR(500) NOT NULL");
    await queryRunner.query(`
      CREATE TABLE department_principal_replica (
        department_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        revision INT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // A letter left with no act allows nothing, which is what its SIGN_VETO now allows.
    await queryRunner.query(`
      UPDATE authorization_letter_replica
         SET acts = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', acts, ','), ',SIGN_VETO,', ','))
       WHERE FIND_IN_SET('SIGN_VETO', acts) > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE department_principal_replica");
  }
}
