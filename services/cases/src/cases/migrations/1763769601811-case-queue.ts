import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 窗口工作台: a window's queue reads its cases by center, window and status (`caseQueue`); the
 * department's queue already has (center_code, department_id, status).
 */
export class CaseQueue1763769601811 implements MigrationInterface {
  name = "CaseQueue1763769601811";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case ADD KEY ix_case_window_status (center_code, window_id, status)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case DROP KEY ix_case_window_status");
  }
}
