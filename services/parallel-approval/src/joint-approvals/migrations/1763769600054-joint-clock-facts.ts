import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How many facts that move a joint approval's clocks (one-time notice steps, extensions) it
 * has recorded: while there are none, settling its clocks reads neither table.
 */
export class JointClockFacts1763769600054 implements MigrationInterface {
  name = "JointClockFacts1763769600054";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE joint_approval ADD COLUMN clock_facts INT NOT NULL DEFAULT 0");
    await queryRunner.query(`
      UPDATE joint_approval j SET clock_facts =
        (SELECT COUNT(*) FROM joint_notice_step s WHERE s.joint_approval_id = j.id) +
        (SELECT COUNT(*) FROM joint_extension e WHERE e.joint_approval_id = j.id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE joint_approval DROP COLUMN clock_facts");
  }
}
