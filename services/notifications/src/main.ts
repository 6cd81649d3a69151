import { join } from "node:path";
import { runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { DevelopmentSmsGateway, NoSmsGateway, type SmsGateway } from "./delivery/sms-gateway";
import { SmsSender } from "./delivery/sms-sender";
import { loadNotificationsEnv, type NotificationsEnv } from "./env";
import { Notifications1763769601900 } from "./notifications/migrations/1763769601900-notifications";
import { AgentCenters1763769602402 } from "./notifications/migrations/1763769602402-agent-centers";
import { notificationHandlers } from "./notifications/notifications.handlers";
import { NotificationsRepository } from "./notifications/notifications.repository";
import { notificationsResolvers } from "./notifications/notifications.resolvers";
import { NotificationsService } from "./notifications/notifications.service";
import { PreferencesService } from "./preferences/preferences.service";
import type { DataSource } from "typeorm";
import type { Clock, Logger } from "@onestop/platform";

export { notificationsEnvSchema } from "./env";
export { readSentRecords } from "./delivery/sms-gateway";
export { NotificationsRepository } from "./notifications/notifications.repository";
export { NotificationsService } from "./notifications/notifications.service";

export const notificationsMigrations = [Notifications1763769601900, AgentCenters1763769602402];

export function smsGatewayOf(env: NotificationsEnv): SmsGateway {
  return env.SMS_GATEWAY === "dev" ? new DevelopmentSmsGateway(env.SMS_DEV_OUTBOX, env.SMS_DEV_DELAY_MS, env.SMS_DEV_ANSWER_DELAY_MS) : new NoSmsGateway();
}

/** The sender on its own (the subgraph's worker, or `sender-command.ts` in a process of its own). */
export function smsSender(dataSource: DataSource, env: NotificationsEnv, clock: Clock, logger: Logger): SmsSender {
  const repository = new NotificationsRepository(dataSource);
  return new SmsSender(repository, smsGatewayOf(env), async (subject) => (await repository.preferences(subject))?.phone ?? null, clock, logger, {
    pollMs: env.SMS_POLL_MS,
    batch: env.SMS_BATCH,
    concurrency: env.SMS_CONCURRENCY,
    claimMs: env.SMS_CLAIM_MS,
    baseMs: env.SMS_RETRY_BASE_MS,
    maxMs: env.SMS_RETRY_MAX_MS,
    maxAttempts: env.SMS_MAX_ATTEMPTS,
  });
}

export const notificationsSubgraph: SubgraphDefinition<NotificationsEnv> = {
  name: "notifications",
  rootDir: join(__dirname, ".."),
  entities: [],
  migrations: notificationsMigrations,
  wire({ dataSource, unitOfWork, clock, env, logger }) {
    const repository = new NotificationsRepository(dataSource);
    const centerName = (code: string) => env.CENTER_NAMES[code] ?? env.DEFAULT_CENTER_NAME;
    const notifications = new NotificationsService(repository, centerName, unitOfWork, clock, logger);
    const preferences = new PreferencesService(repository, unitOfWork, clock, logger);
    return {
      resolvers: notificationsResolvers(notifications, preferences) as never,
      handlers: notificationHandlers(repository, notifications, preferences),
      workers: env.SMS_SENDER === "on" ? [smsSender(dataSource, env, clock, logger)] : [],
    };
  },
};

if (require.main === module) void runSubgraph(notificationsSubgraph, loadNotificationsEnv());
