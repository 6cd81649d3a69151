import type { MigrationInterface, QueryRunner } from "typeorm";

export class ServiceCenters1763769602201 implements MigrationInterface {
  name = "ServiceCenters1763769602201";

  async up(queryRunner: QueryRunner): Promise<void> {
    // County → townships → village points, keyed by administrative-division code; the parent row comes first.
    await queryRunner.query(`
      CREATE TABLE service_center (
        code CHAR(12) NOT NULL PRIMARY KEY,
        level VARCHAR(10) NOT NULL,
        parent_code CHAR(12) NULL,
        name VARCHAR(100) NOT NULL,
        address VARCHAR(200) NOT NULL,
        opening_hours VARCHAR(200) NOT NULL,
        phone VARCHAR(40) NOT NULL,
        handles VARCHAR(500) NOT NULL,
        open BOOLEAN NOT NULL,
        revision INT NOT NULL,
        registered_at DATETIME(3) NOT NULL,
        registered_by VARCHAR(64) NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        CONSTRAINT ck_service_center_level CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
        KEY ix_service_center_parent (parent_code, code),
        CONSTRAINT fk_service_center_parent FOREIGN KEY (parent_code) REFERENCES service_center (code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE service_center");
  }
}
