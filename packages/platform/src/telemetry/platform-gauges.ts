import type { NatsConnection } from "@nats-io/transport-node";
import type { DataSource } from "typeorm";
import type { Clock } from "../clock";
import type { ServiceMetrics } from "./metrics";

/** Timers this long past due count as overdue: the timer loop polls every second, so it means a stuck handler. */
export const TIMER_OVERDUE_SECONDS = 60;

/** The NATS connection's state: up or not, and each disconnect and reconnect counted. */
export function watchConnection(metrics: ServiceMetrics, connection: NatsConnection): void {
  metrics.natsConnected.set(1);
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === "disconnect") metrics.natsConnected.set(0);
      if (status.type === "reconnect") metrics.natsConnected.set(1);
      if (status.type === "disconnect" || status.type === "reconnect") metrics.natsStatusChanges.inc({ status: status.type });
    }
  })();
  void connection.closed().then(() => metrics.natsConnected.set(0));
}

/**
 * The outbox's backlog and its oldest unpublished event (the relay's lag while it is stalled),
 * and, where the service has durable timers, those due, overdue and failing: sampled counts on
 * indexed columns (published_at; fired_at, due_at), at most once per sampling period.
 */
export async function watchMessaging(metrics: ServiceMetrics, dataSource: DataSource, clock: Clock): Promise<void> {
  metrics.sampledGauge({
    name: "onestop_outbox_backlog",
    help: "Outbox events committed and not yet published",
    sample: async () => {
      const [row] = (await dataSource.query("SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL")) as Array<{ n: string | number }>;
      return [{ value: Number(row?.n ?? 0) }];
    },
  });
  metrics.sampledGauge({
    name: "onestop_outbox_oldest_unpublished_seconds",
    help: "Age of the oldest outbox event not yet published (0 when none): grows while the relay is stalled",
    sample: async () => {
      const [row] = (await dataSource.query("SELECT MIN(created_at) AS oldest FROM outbox_message WHERE published_at IS NULL")) as Array<{ oldest: Date | null }>;
      return [{ value: row?.oldest ? Math.max(0, (clock.now().getTime() - new Date(row.oldest).getTime()) / 1000) : 0 }];
    },
  });
  const [hasTimers] = (await dataSource.query(
    "SELECT 1 AS yes FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'durable_timer'",
  )) as unknown[];
  if (!hasTimers) return;
  metrics.sampledGauge({
    name: "onestop_timers",
    help: `Durable timers not yet fired, by state: due (past their time), overdue (over ${TIMER_OVERDUE_SECONDS} s past), failing (a handler failed on them)`,
    labelNames: ["state"],
    sample: async () => {
      const now = clock.now();
      const [row] = (await dataSource.query(
        `SELECT COUNT(*) AS due, COALESCE(SUM(due_at <= ?), 0) AS overdue, COALESCE(SUM(attempts > 0), 0) AS failing
           FROM durable_timer WHERE fired_at IS NULL AND due_at <= ?`,
        [new Date(now.getTime() - TIMER_OVERDUE_SECONDS * 1000), now],
      )) as Array<{ due: string | number; overdue: string | number; failing: string | number }>;
      return [
        { labels: { state: "due" }, value: Number(row?.due ?? 0) },
        { labels: { state: "overdue" }, value: Number(row?.overdue ?? 0) },
        { labels: { state: "failing" }, value: Number(row?.failing ?? 0) },
      ];
    },
  });
}
