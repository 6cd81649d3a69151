import type { MigrationInterface, QueryRunner } from "typeorm";

export class AgentCenter1763769602301 implements MigrationInterface {
  name = "AgentCenter1763769602301";

  async up(queryRunner: QueryRunner): Promise<void> {
    // 代办 (issue 22): the township serving the applicant prints the case's receipt and hands over its result.
    await queryRunner.query("ALTER TABLE case_facts ADD COLUMN agent_center_code CHAR(12) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE case_facts DROP COLUMN agent_center_code");
  }
}
