import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The keys of the bureau's creating mutations (opening a joint approval, urging a participant):
 * one row per caller, operation and key, written in the transaction of the effect it keyed, so
 * a retry — or a replay racing the first attempt — finds the first effect instead of making a
 * second. The primary key is what refuses the second of two at once.
 */
export class IdempotencyKeys1763769601600 implements MigrationInterface {
  name = "IdempotencyKeys1763769601600";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE joint_idempotency_key (
        caller_subject VARCHAR(100) NOT NULL,
        operation VARCHAR(20) NOT NULL,
        idempotency_key VARCHAR(100) NOT NULL,
        joint_approval_id CHAR(36) NOT NULL,
        request_fingerprint CHAR(64) NOT NULL,
        recorded_at DATETIME(3) NOT NULL,
        PRIMARY KEY (caller_subject, operation, idempotency_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE joint_idempotency_key");
  }
}
