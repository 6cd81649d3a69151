import type { MigrationInterface, QueryRunner } from "typeorm";

export class CaseMaterials1763769600025 implements MigrationInterface {
  name = "CaseMaterials1763769600025";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_material_request (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        notice_seq INT NOT NULL,
        material_code VARCHAR(50) NOT NULL,
        material_name VARCHAR(200) NOT NULL,
        problem VARCHAR(10) NOT NULL,
        note TEXT NULL,
        due_day CHAR(10) NULL,
        requested_at DATETIME(3) NOT NULL,
        requested_by VARCHAR(100) NOT NULL,
        supplied_at DATETIME(3) NULL,
        supplied_by VARCHAR(100) NULL,
        document_ref VARCHAR(200) NULL,
        UNIQUE KEY uq_material_request (case_id, kind, notice_seq, material_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_material_request");
  }
}
