import type { MigrationInterface, QueryRunner } from "typeorm";

export class AuthorizationLetters1763769600005 implements MigrationInterface {
  name = "AuthorizationLetters1763769600005";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE authorization_letter (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        department_id CHAR(36) NOT NULL,
        item_id VARCHAR(64) NULL,
        acts VARCHAR(200) NOT NULL,
        valid_from DATETIME(3) NOT NULL,
        valid_until DATETIME(3) NULL,
        granted_by VARCHAR(64) NOT NULL,
        granted_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        revoked_by VARCHAR(64) NULL,
        revoke_reason VARCHAR(500) NULL,
        revision INT NOT NULL,
        KEY ix_authorization_letter_staff (staff_id),
        KEY ix_authorization_letter_department (department_id),
        CONSTRAINT fk_authorization_letter_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
        CONSTRAINT fk_authorization_letter_department FOREIGN KEY (department_id) REFERENCES department (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE authorization_letter");
  }
}
