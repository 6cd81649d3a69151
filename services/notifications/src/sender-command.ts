import { createLogger, exitGracefullyOnSignals, MessagingTables1763769600000, messagingEntities, openDatabase, systemClock } from "@onestop/platform";
import { loadNotificationsEnv } from "./env";
import { notificationsMigrations, smsSender } from "./main";

/**
 * The SMS sender in a process of its own (run the subgraph with SMS_SENDER=off beside it): the
 * same configuration (DB_*, SMS_*). Stops on SIGTERM after the messages in hand; a kill leaves
 * them to the next sender, which sends none of them twice (docs/notifications.md).
 */
async function main(): Promise<void> {
  const env = loadNotificationsEnv({ IDENTITY_KEY_FILE: "-", ...process.env });
  const logger = createLogger("notifications-sender", env.LOG_LEVEL);
  const dataSource = await openDatabase({ settings: env, entities: [...messagingEntities], migrations: [MessagingTables1763769600000, ...notificationsMigrations], logger });
  const sender = smsSender(dataSource, env, systemClock, logger);
  sender.start();
  logger.info("SMS sender started");
  exitGracefullyOnSignals(async () => {
    await sender.stop();
    await dataSource.destroy();
  }, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
