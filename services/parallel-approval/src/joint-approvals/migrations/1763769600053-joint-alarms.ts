import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One durable timer per joint approval, set for the next instant any of its clocks needs the
 * saga (instead of two per clock), with the yellow warnings already raised kept on the rows;
 * the history is ordered by its own key, so writing it no longer touches the joint approval.
 */
export class JointAlarms1763769600053 implements MigrationInterface {
  name = "JointAlarms1763769600053";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE joint_approval
        DROP COLUMN timers,
        DROP COLUMN history_seq,
        ADD COLUMN alarm_key VARCHAR(100) NULL,
        ADD COLUMN yellow_raised_for DATETIME(3) NULL`);
    await queryRunner.query("ALTER TABLE joint_participant ADD COLUMN yellow_raised_for DATETIME(3) NULL");
    await queryRunner.query(`
      ALTER TABLE joint_history
        DROP INDEX uq_history_seq,
        DROP COLUMN seq,
        ADD KEY ix_history_joint (joint_approval_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE joint_history DROP INDEX ix_history_joint, ADD COLUMN seq INT NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE joint_participant DROP COLUMN yellow_raised_for");
    await queryRunner.query(`
      ALTER TABLE joint_approval
        DROP COLUMN alarm_key,
        DROP COLUMN yellow_raised_for,
        ADD COLUMN timers LONGTEXT NULL,
        ADD COLUMN history_seq INT NOT NULL DEFAULT 0`);
  }
}
