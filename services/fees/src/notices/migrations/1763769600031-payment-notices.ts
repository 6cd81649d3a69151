import type { MigrationInterface, QueryRunner } from "typeorm";

export class PaymentNotices1763769600031 implements MigrationInterface {
  name = "PaymentNotices1763769600031";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payment_notice (
        id CHAR(36) NOT NULL PRIMARY KEY,
        notice_no CHAR(20) NOT NULL,
        center_code CHAR(12) NOT NULL,
        case_id CHAR(36) NOT NULL,
        item_id CHAR(36) NOT NULL,
        item_version INT NOT NULL,
        department_id CHAR(36) NOT NULL,
        payer_subject VARCHAR(100) NOT NULL,
        payer_name VARCHAR(100) NOT NULL,
        amount_fen BIGINT NOT NULL,
        line_items JSON NOT NULL,
        status VARCHAR(20) NOT NULL,
        issued_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_notice_no (notice_no),
        UNIQUE KEY uq_notice_case (case_id),
        CONSTRAINT ck_notice_amount CHECK (amount_fen >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE notice_serial (
        center_code CHAR(12) NOT NULL,
        issue_day DATE NOT NULL,
        last_serial INT NOT NULL,
        PRIMARY KEY (center_code, issue_day)
      ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE notice_serial");
    await queryRunner.query("DROP TABLE payment_notice");
  }
}
