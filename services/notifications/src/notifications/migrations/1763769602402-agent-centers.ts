import type { MigrationInterface, QueryRunner } from "typeorm";

export class AgentCenters1763769602402 implements MigrationInterface {
  name = "AgentCenters1763769602402";

  async up(queryRunner: QueryRunner): Promise<void> {
    // 代办 (issue 22): the township serving a county case: where its applicant collects and brings materials, and whose staff follow its notifications.
    await queryRunner.query("ALTER TABLE notification_case ADD COLUMN agent_center_code CHAR(12) NULL");
    // Centers' names, from staffing's register (`center.published`).
    await queryRunner.query(`
      CREATE TABLE notification_center (
        code CHAR(12) NOT NULL PRIMARY KEY,
        name VARCHAR(100) NOT NULL,
        revision INT NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE notification_center");
    await queryRunner.query("ALTER TABLE notification_case DROP COLUMN agent_center_code");
  }
}
