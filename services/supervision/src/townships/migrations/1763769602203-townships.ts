import type { MigrationInterface, QueryRunner } from "typeorm";

export class Townships1763769602203 implements MigrationInterface {
  name = "Townships1763769602203";

  async up(queryRunner: QueryRunner): Promise<void> {
    // 代办 (issue 22): the township serving a county case; its figures count there too.
    await queryRunner.query("ALTER TABLE supervision_case ADD COLUMN agent_center_code CHAR(12) NULL, ADD KEY ix_supervision_case_agent (agent_center_code)");
    // 乡镇月报: each township's monthly report to the county center, due by the 3rd; its information items score points (积分排位).
    await queryRunner.query(`
      CREATE TABLE township_report (
        center_code CHAR(12) NOT NULL,
        month CHAR(7) NOT NULL,
        consultations INT NOT NULL,
        information_items TEXT NOT NULL,
        note VARCHAR(2000) NOT NULL,
        first_submitted_at DATETIME(3) NOT NULL,
        submitted_at DATETIME(3) NOT NULL,
        submitted_by VARCHAR(64) NOT NULL,
        revision INT NOT NULL,
        PRIMARY KEY (center_code, month),
        KEY ix_township_report_month (month, center_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE township_report");
    await queryRunner.query("ALTER TABLE supervision_case DROP KEY ix_supervision_case_agent, DROP COLUMN agent_center_code");
  }
}
