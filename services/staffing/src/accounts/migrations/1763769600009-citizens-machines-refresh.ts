import type { MigrationInterface, QueryRunner } from "typeorm";

export class CitizensMachinesRefresh1763769600009 implements MigrationInterface {
  name = "CitizensMachinesRefresh1763769600009";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen_account (
        id CHAR(36) NOT NULL PRIMARY KEY,
        kind VARCHAR(10) NOT NULL,
        name VARCHAR(100) NOT NULL,
        id_number VARCHAR(18) NOT NULL,
        phone VARCHAR(20) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        failed_attempts INT NOT NULL DEFAULT 0,
        locked_until DATETIME(3) NULL,
        last_login_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_citizen_account_id_number (id_number)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE machine_client (
        id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
        center_code CHAR(12) NOT NULL,
        name VARCHAR(100) NOT NULL,
        role VARCHAR(20) NOT NULL,
        created_by VARCHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_machine_client_center (center_code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE machine_client_secret (
        id CHAR(36) NOT NULL PRIMARY KEY,
        client_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        secret_hash VARCHAR(255) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        KEY ix_machine_client_secret_client (client_id),
        CONSTRAINT fk_machine_client_secret_client FOREIGN KEY (client_id) REFERENCES machine_client (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE refresh_family (
        id CHAR(36) NOT NULL PRIMARY KEY,
        account_kind VARCHAR(10) NOT NULL,
        account_id CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        KEY ix_refresh_family_account (account_kind, account_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        token_hash BINARY(32) NOT NULL PRIMARY KEY,
        family_id CHAR(36) NOT NULL,
        issued_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        spent_at DATETIME(3) NULL,
        KEY ix_refresh_token_family (family_id),
        CONSTRAINT fk_refresh_token_family FOREIGN KEY (family_id) REFERENCES refresh_family (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE refresh_token");
    await queryRunner.query("DROP TABLE refresh_family");
    await queryRunner.query("DROP TABLE machine_client_secret");
    await queryRunner.query("DROP TABLE machine_client");
    await queryRunner.query("DROP TABLE citizen_account");
  }
}
