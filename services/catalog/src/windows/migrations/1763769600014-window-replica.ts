import type { MigrationInterface, QueryRunner } from "typeorm";

/** The hall's windows as staffing publishes them; `as_of` keeps a late older event from winning. */
export class WindowReplica1763769600014 implements MigrationInterface {
  name = "WindowReplica1763769600014";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE window_replica (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(40) NOT NULL,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        department_id CHAR(36) NULL,
        acts_for_department_ids JSON NOT NULL,
        open TINYINT(1) NOT NULL,
        as_of DATETIME(3) NOT NULL,
        KEY ix_window_center (center_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE window_replica");
  }
}
