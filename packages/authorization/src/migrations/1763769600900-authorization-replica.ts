import type { MigrationInterface, QueryRunner } from "typeorm";

/** Add to a consuming service's migrations, after its own; the timestamp keeps it apart from theirs. */
export class AuthorizationReplica1763769600900 implements MigrationInterface {
  name = "AuthorizationReplica1763769600900";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE authorization_letter_replica (
        letter_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        department_id CHAR(36) NOT NULL,
        item_id VARCHAR(64) NULL,
        acts VARCHAR(200) NOT NULL,
        valid_from DATETIME(3) NOT NULL,
        valid_until DATETIME(3) NULL,
        revoked_at DATETIME(3) NULL,
        revision INT NOT NULL,
        KEY ix_authorization_letter_replica_staff (staff_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE chief_representative_replica (
        department_id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        staff_id CHAR(36) NOT NULL,
        revision INT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE chief_representative_replica");
    await queryRunner.query("DROP TABLE authorization_letter_replica");
  }
}
