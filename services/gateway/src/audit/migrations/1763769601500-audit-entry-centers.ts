import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An entry belongs to the caller's center and to every center whose data the operation
 * changed (`touched_centers`, hashed with the entry), never to a center the input names.
 * `audit_entry_center` files each entry under each of those centers for supervision to read;
 * it is derived from hashed columns and append-only like the log. Entries written before
 * are filed under the center they were recorded with.
 */
export class AuditEntryCenters1763769601500 implements MigrationInterface {
  name = "AuditEntryCenters1763769601500";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE audit_entry ADD COLUMN touched_centers TEXT NULL AFTER error_codes");
    await queryRunner.query(`
      CREATE TABLE audit_entry_center (
        center_code CHAR(12) NOT NULL,
        seq BIGINT NOT NULL,
        PRIMARY KEY (center_code, seq)
      ) ENGINE=InnoDB`);
    await queryRunner.query("INSERT INTO audit_entry_center (center_code, seq) SELECT center_code, seq FROM audit_entry WHERE center_code IS NOT NULL");
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_center_no_update BEFORE UPDATE ON audit_entry_center FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry_center is append-only: UPDATE refused'`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_center_no_delete BEFORE DELETE ON audit_entry_center FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry_center is append-only: DELETE refused'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE audit_entry_center");
    await queryRunner.query("ALTER TABLE audit_entry DROP COLUMN touched_centers");
  }
}
