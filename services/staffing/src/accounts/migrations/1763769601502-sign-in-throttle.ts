import type { MigrationInterface, QueryRunner } from "typeorm";
import { createFailureThrottleTable, dropFailureThrottleTable } from "@onestop/platform";

/**
 * Failed sign-ins, per name given (registered or not), per name and client, per client (issue
 * 15, point 1). The accounts' own counters gave an unregistered number away (it never locked)
 * and let one stranger lock an account everywhere: they go.
 */
export class SignInThrottle1763769601502 implements MigrationInterface {
  name = "SignInThrottle1763769601502";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFailureThrottleTable(queryRunner);
    for (const table of ["staff_account", "citizen_account"]) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN failed_attempts, DROP COLUMN locked_until`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["staff_account", "citizen_account"]) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0, ADD COLUMN locked_until DATETIME(3) NULL`);
    }
    await dropFailureThrottleTable(queryRunner);
  }
}
