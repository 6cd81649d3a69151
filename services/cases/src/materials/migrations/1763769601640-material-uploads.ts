import type { MigrationInterface, QueryRunner } from "typeorm";

export class MaterialUploads1763769601640 implements MigrationInterface {
  name = "MaterialUploads1763769601640";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE material_blob (
        sha256 CHAR(64) NOT NULL PRIMARY KEY,
        media_type VARCHAR(40) NOT NULL,
        size_bytes BIGINT NOT NULL,
        stored_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE material_upload (
        id CHAR(36) NOT NULL PRIMARY KEY,
        owner_subject VARCHAR(100) NOT NULL,
        sha256 CHAR(64) NOT NULL,
        media_type VARCHAR(40) NOT NULL,
        size_bytes BIGINT NOT NULL,
        file_name VARCHAR(200) NULL,
        uploaded_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_material_upload_owner_content (owner_subject, sha256),
        KEY ix_material_upload_sha256 (sha256),
        KEY ix_material_upload_uploaded_at (uploaded_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE case_material_file (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        case_id CHAR(36) NOT NULL,
        material_code VARCHAR(50) NOT NULL,
        upload_id CHAR(36) NOT NULL,
        request_id BIGINT NULL,
        attached_at DATETIME(3) NOT NULL,
        attached_by VARCHAR(100) NOT NULL,
        UNIQUE KEY uq_case_material_file (case_id, material_code, upload_id),
        KEY ix_case_material_file_upload (upload_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE case_material_file");
    await queryRunner.query("DROP TABLE material_upload");
    await queryRunner.query("DROP TABLE material_blob");
  }
}
