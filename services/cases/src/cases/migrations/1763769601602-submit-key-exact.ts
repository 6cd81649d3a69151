import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A submission's idempotency key is compared exactly: under the table's case-insensitive
 * collation `AbCd…` and `abcd…` were one key, so two submissions under two keys could be
 * answered with one case. Going to a binary collation can only tell more keys apart, so the
 * unique key (applicant, submit key) holds for the rows already there.
 */
export class SubmitKeyExact1763769601602 implements MigrationInterface {
  name = "SubmitKeyExact1763769601602";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case MODIFY submit_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_case MODIFY submit_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL");
  }
}
