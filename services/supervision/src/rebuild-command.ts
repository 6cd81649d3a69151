import { createLogger, openDatabase, systemClock, UnitOfWork, MessagingTables1763769600000, messagingEntities, DurableTimerTable1763769600002 } from "@onestop/platform";
import { loadSupervisionEnv } from "./env";
import { supervisionCore } from "./main";
import { supervisionEntities } from "./projection/entities";
import { Supervision1763769600060 } from "./projection/migrations/1763769600060-supervision";

/**
 * `pnpm supervision:rebuild`: recomputes supervision's projection and warnings from its journal,
 * with the service's own configuration (DB_*, WARNING_YELLOW_SHARE …). Run it with supervision
 * stopped: events absorbed during the rebuild may be overwritten by older results until their
 * subject's next event or timer.
 */
async function main(): Promise<void> {
  const env = loadSupervisionEnv({ IDENTITY_KEY_FILE: "-", ...process.env });
  const logger = createLogger("supervision-rebuild", env.LOG_LEVEL);
  const dataSource = await openDatabase({
    settings: env,
    entities: [...messagingEntities, ...supervisionEntities],
    migrations: [MessagingTables1763769600000, DurableTimerTable1763769600002, Supervision1763769600060],
    logger,
  });
  try {
    const { rebuild } = supervisionCore({ dataSource, unitOfWork: new UnitOfWork(dataSource, systemClock), clock: systemClock, logger, env });
    let last = 0;
    const report = await rebuild.rebuild((subjects) => {
      if (subjects - last >= 10_000) {
        last = subjects;
        process.stdout.write(`  ${subjects} subjects\n`);
      }
    });
    process.stdout.write(`Rebuilt ${report.subjects} subjects, ${report.warnings} warnings, in ${report.seconds.toFixed(1)} s\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
