import type { MigrationInterface, QueryRunner } from "typeorm";

/** RECORDED_HERE_MISSING_AT_BANK, the longest category, needs 29 characters. */
export class DiscrepancyCategory1763769600038 implements MigrationInterface {
  name = "DiscrepancyCategory1763769600038";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE bank_statement_discrepancy MODIFY category VARCHAR(40) NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE bank_statement_discrepancy MODIFY category VARCHAR(20) NOT NULL");
  }
}
