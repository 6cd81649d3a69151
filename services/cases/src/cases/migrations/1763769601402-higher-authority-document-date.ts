import type { MigrationInterface, QueryRunner } from "typeorm";

/** 上报件: the higher authority's answer is recorded with its document's date as well as its number. */
export class HigherAuthorityDocumentDate1763769601402 implements MigrationInterface {
  name = "HigherAuthorityDocumentDate1763769601402";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case ADD COLUMN higher_authority_document_date CHAR(10) NULL AFTER higher_authority_document_no");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case DROP COLUMN higher_authority_document_date");
  }
}
