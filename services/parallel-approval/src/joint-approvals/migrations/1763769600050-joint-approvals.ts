import type { MigrationInterface, QueryRunner } from "typeorm";

export class JointApprovals1763769600050 implements MigrationInterface {
  name = "JointApprovals1763769600050";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE joint_approval (
        id CHAR(36) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        project_code VARCHAR(64) NOT NULL,
        project_name VARCHAR(200) NOT NULL,
        lead_department_id CHAR(36) NOT NULL,
        status VARCHAR(20) NOT NULL,
        opened_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_joint_project (project_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE joint_approval");
  }
}
