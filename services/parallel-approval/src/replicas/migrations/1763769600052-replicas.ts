import type { MigrationInterface, QueryRunner } from "typeorm";

export class Replicas1763769600052 implements MigrationInterface {
  name = "Replicas1763769600052";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE department_replica (
        department_id VARCHAR(64) NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        code VARCHAR(50) NOT NULL,
        name VARCHAR(200) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE item_replica (
        item_id VARCHAR(64) NOT NULL PRIMARY KEY,
        version INT NOT NULL,
        center_code CHAR(12) NOT NULL,
        department_id VARCHAR(64) NOT NULL,
        name VARCHAR(300) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        promised_limit_days INT NOT NULL,
        deemed_approval TINYINT(1) NOT NULL,
        veto_escalation VARCHAR(30) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE item_cancellation_replica (
        item_id VARCHAR(64) NOT NULL PRIMARY KEY,
        cancelled_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE item_cancellation_replica");
    await queryRunner.query("DROP TABLE item_replica");
    await queryRunner.query("DROP TABLE department_replica");
  }
}
