import type { MigrationInterface, QueryRunner } from "typeorm";

export class WindowReplica1763769600027 implements MigrationInterface {
  name = "WindowReplica1763769600027";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE window_replica (
        window_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(50) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        department_id VARCHAR(64) NULL,
        acts_for TEXT NOT NULL,
        open TINYINT(1) NOT NULL,
        revision INT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE window_replica");
  }
}
