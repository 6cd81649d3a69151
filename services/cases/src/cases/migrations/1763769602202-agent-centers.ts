import type { MigrationInterface, QueryRunner } from "typeorm";

export class AgentCenters1763769602202 implements MigrationInterface {
  name = "AgentCenters1763769602202";

  async up(queryRunner: QueryRunner): Promise<void> {
    // 代办 (issue 22): the township serving the applicant for a county case, where it was taken in, and where each step was taken.
    await queryRunner.query(`
      ALTER TABLE service_case
        ADD COLUMN agent_center_code CHAR(12) NULL,
        ADD COLUMN intake_center_code CHAR(12) NULL,
        ADD KEY ix_service_case_agent_center (agent_center_code, submitted_at)`);
    await queryRunner.query("ALTER TABLE case_routing_entry ADD COLUMN actor_center_code CHAR(12) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE case_routing_entry DROP COLUMN actor_center_code");
    await queryRunner.query("ALTER TABLE service_case DROP KEY ix_service_case_agent_center, DROP COLUMN intake_center_code, DROP COLUMN agent_center_code");
  }
}
