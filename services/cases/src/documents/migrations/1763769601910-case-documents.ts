import type { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 19: the documents results issued for a case, with their SHA-256, for the routing slip (办件流程单). */
export class CaseDocuments1763769601910 implements MigrationInterface {
  name = "CaseDocuments1763769601910";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_document (
        document_id VARCHAR(64) NOT NULL PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        document_no VARCHAR(40) NOT NULL,
        sha256 CHAR(64) NOT NULL,
        size_bytes INT NOT NULL,
        issued_at DATETIME(3) NOT NULL,
        recorded_at DATETIME(3) NOT NULL,
        KEY ix_case_document_case (case_id, issued_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_document");
  }
}
