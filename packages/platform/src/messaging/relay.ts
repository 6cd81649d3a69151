import { headers as natsHeaders, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, type JetStreamClient } from "@nats-io/jetstream";
import type { DataSource } from "typeorm";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { REQUEST_ID_HEADER } from "../identity";
import { namespacedSubject } from "./nats";
import type { ServiceMetrics } from "../telemetry/metrics";

export interface RelayOptions {
  dataSource: DataSource;
  connection: NatsConnection;
  namespace: string;
  clock: Clock;
  logger: Logger;
  pollMs: number;
  batchSize?: number;
  /**
   * How long a pass asked for by a commit waits for the commits right behind it, so under
   * load one pass (one claim, one update) carries many events instead of one each.
   */
  coalesceMs?: number;
  /** Test seam: runs after publishing and before marking rows sent, to simulate a crash there. */
  afterPublish?: () => Promise<void>;
  /** Published rows are kept this long for inspection, then pruned. */
  retentionDays?: number;
  /** Counts what is published and how long each event waited in the outbox. */
  metrics?: ServiceMetrics;
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;

interface PendingRow {
  seq: string;
  id: string;
  subject: string;
  envelope: string;
  created_at: Date;
}

/**
 * Publishes committed outbox rows to JetStream. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so two instances never publish the same batch at once; a
 * crash after publishing and before marking leaves the rows to be published again with
 * the same `Nats-Msg-Id`, which JetStream and the consumers' inboxes both discard.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly batchSize: number;
  private readonly coalesceMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private lastPruneAt = 0;

  constructor(private readonly options: RelayOptions) {
    this.js = jetstream(options.connection);
    this.batchSize = options.batchSize ?? 200;
    this.coalesceMs = options.coalesceMs ?? 2;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks for an immediate pass instead of waiting for the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Publishes one batch; returns how many rows it sent. */
  async publishBatch(): Promise<number> {
    const { dataSource, namespace, clock } = this.options;
    // READ COMMITTED: no gap locks on the unpublished range, so the claim never deadlocks
    // with services inserting new outbox rows.
    return dataSource.transaction("READ COMMITTED", async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT seq, id, subject, envelope, created_at FROM outbox_message
          WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map((row) => {
          const h = natsHeaders();
          const requestId = (JSON.parse(row.envelope) as { requestId: string | null }).requestId;
          if (requestId) h.set(REQUEST_ID_HEADER, requestId);
          return this.js.publish(namespacedSubject(namespace, row.subject), row.envelope, {
            msgID: row.id,
            headers: h,
          });
        }),
      );
      await this.options.afterPublish?.();
      await manager.query(`UPDATE outbox_message SET published_at = ? WHERE seq IN (?)`, [
        clock.now(),
        rows.map((row) => row.seq),
      ]);
      const metrics = this.options.metrics;
      if (metrics) {
        metrics.outboxPublished.inc(rows.length);
        const now = clock.now().getTime();
        for (const row of rows) metrics.relayLag.observe(Math.max(0, now - new Date(row.created_at).getTime()) / 1000);
      }
      return rows.length;
    });
  }

  /** Deletes rows published before the retention period, a bounded batch at a time. */
  async prunePublished(): Promise<number> {
    const cutoff = new Date(this.options.clock.now().getTime() - (this.options.retentionDays ?? 7) * 24 * 60 * 60 * 1000);
    const result = (await this.options.dataSource.query(
      "DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < ? LIMIT 5000",
      [cutoff],
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      if (this.woken && this.coalesceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.coalesceMs));
      this.woken = false;
      let sent = 0;
      try {
        sent = await this.publishBatch();
        failures = 0;
        if (Date.now() - this.lastPruneAt > PRUNE_EVERY_MS) {
          this.lastPruneAt = Date.now();
          await this.prunePublished();
        }
      } catch (error) {
        failures += 1;
        this.options.metrics?.relayFailures.inc();
        this.options.logger.warn({ err: error, failures }, "outbox relay pass failed; will retry");
      }
      if (sent === this.batchSize || (this.woken && failures === 0)) continue;
      const wait = failures > 0 ? Math.min(this.options.pollMs * 2 ** failures, 10_000) : this.options.pollMs;
      const backingOff = failures > 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        const cut = () => {
          clearTimeout(timer);
          resolve();
        };
        // While backing off after a failure, only stop() cuts the wait short.
        this.wakeUp = () => {
          if (!backingOff || !this.running) cut();
        };
        if (!this.running || (this.woken && !backingOff)) cut();
      });
      this.wakeUp = null;
    }
  }
}
