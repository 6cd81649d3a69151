import { createLogger, openDatabase, systemClock, UnitOfWork, MessagingTables1763769600000, messagingEntities } from "@onestop/platform";
import { loadSupervisionEnv } from "./env";
import { supervisionCore, supervisionSubgraph } from "./main";
import { supervisionEntities } from "./projection/entities";

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
    // The service's own list: the rebuild empties tables of later migrations too (the hall figures'), which a database upgraded before the service first ran would lack.
    migrations: [MessagingTables1763769600000, ...supervisionSubgraph.migrations],
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
