import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A refund is asked for once per idempotency key: the key the window's client made for the
 * request, unique per asker, so a retry (or a replay racing the first) finds the refund it asked
 * for. Refunds asked for before keys were required have none.
 */
export class RefundRequestKey1763769601601 implements MigrationInterface {
  name = "RefundRequestKey1763769601601";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE refund ADD COLUMN request_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER requested_at, ADD UNIQUE KEY uq_refund_request_key (requested_by, request_key)",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE refund DROP KEY uq_refund_request_key, DROP COLUMN request_key");
  }
}
