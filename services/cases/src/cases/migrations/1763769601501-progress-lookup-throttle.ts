import type { MigrationInterface, QueryRunner } from "typeorm";
import { createFailureThrottleTable, dropFailureThrottleTable } from "@onestop/platform";

/** Failed progress look-ups, per receipt number and per client (issue 15, point 1). */
export class ProgressLookupThrottle1763769601501 implements MigrationInterface {
  name = "ProgressLookupThrottle1763769601501";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFailureThrottleTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFailureThrottleTable(queryRunner);
  }
}
