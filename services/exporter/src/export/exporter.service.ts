import { setTimeout as sleep } from "node:timers/promises";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type Consumer, type JsMsg } from "@nats-io/jetstream";
import { nanos, type NatsConnection } from "@nats-io/transport-node";
import { envelopeSchema, type ProvincialRecordFamily } from "@onestop/events";
import { isNotFound, namespacedStream, namespacedSubject, type Logger } from "@onestop/platform";
import type { ItemCodeOf, ExportRecord } from "./records.rules";
import type { RecordSink } from "./sink";
import type { ExportSource } from "./sources";

export interface ExporterOptions {
  connection: NatsConnection;
  namespace: string;
  sources: readonly ExportSource[];
  sink: RecordSink;
  itemCode: ItemCodeOf;
  logger: Logger;
  /** The most events one Kafka request carries; also the consumer's max_ack_pending. */
  batchSize: number;
  maxBackoffMs: number;
  /** How long a batch waits for an item's 实施编码 it does not know yet before it goes without. */
  itemCodeWaitMs: number;
  lagPollMs: number;
  /** A redelivery after this long without an ack, when an exporter died holding a batch. */
  ackWaitMs: number;
  /** Names the durable consumers; tests and benchmarks run several exporters side by side. */
  durablePrefix?: string;
}

/** What /metrics shows. */
export interface ExportMetrics {
  /** Events in each source stream not yet acknowledged by Kafka (pending plus in flight). */
  lag: Record<string, number>;
  exported: Partial<Record<ProvincialRecordFamily, number>>;
  kafkaUp: boolean;
  failedAttempts: number;
}

/**
 * Reads each source stream with a durable consumer of its own and writes its records to the
 * sink. Ordering per key: one batch at a time per stream, fetched in stream order, with
 * `max_ack_pending` equal to the batch size, so the server never hands out a later event while
 * an earlier one is unacknowledged, and a crash redelivers the same batch, in order. The batch
 * is acked (ack-all, the last message) only after Kafka acknowledged every record of it; while
 * Kafka is down the batch is held and sent again with a growing pause, and events wait in
 * JetStream (90 days' retention), which is the lag.
 */
export class Exporter {
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly consumers = new Map<string, Consumer>();
  private lagTimer: NodeJS.Timeout | null = null;
  private wake: AbortController = new AbortController();
  readonly metrics: ExportMetrics = { lag: {}, exported: {}, kafkaUp: false, failedAttempts: 0 };

  constructor(private readonly options: ExporterOptions) {}

  durableName(source: ExportSource): string {
    return `${this.options.durablePrefix ?? "exporter"}_provincial_${source.stream.name}`;
  }

  async start(): Promise<void> {
    const { connection, namespace, batchSize } = this.options;
    const manager = await jetstreamManager(connection);
    const js = jetstream(connection);
    for (const source of this.options.sources) {
      const stream = namespacedStream(namespace, source.stream);
      const durable = this.durableName(source);
      const config = { ack_wait: nanos(this.options.ackWaitMs), max_ack_pending: batchSize };
      try {
        const info = await manager.consumers.info(stream, durable);
        if (info.config.ack_wait !== config.ack_wait || info.config.max_ack_pending !== config.max_ack_pending) {
          await manager.consumers.update(stream, durable, config);
        }
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await manager.consumers.add(stream, {
          ...config,
          durable_name: durable,
          // A first start exports what the stream still holds (up to 90 days), then follows it.
          deliver_policy: DeliverPolicy.All,
          ack_policy: AckPolicy.All,
          filter_subject: namespacedSubject(namespace, source.filter),
          // Never give an event up: a record is not dropped because Kafka was away.
          max_deliver: -1,
        });
      }
      const consumer = await js.consumers.get(stream, durable);
      this.consumers.set(source.stream.name, consumer);
      this.loops.push(this.run(source, consumer));
    }
    await this.pollLag();
    this.lagTimer = setInterval(() => void this.pollLag(), this.options.lagPollMs);
    this.lagTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.abort();
    if (this.lagTimer) clearInterval(this.lagTimer);
    await Promise.all(this.loops);
  }

  /** Total lag over every source. */
  totalLag(): number {
    return Object.values(this.metrics.lag).reduce((sum, n) => sum + n, 0);
  }

  private async pollLag(): Promise<void> {
    for (const [name, consumer] of this.consumers) {
      try {
        const info = await consumer.info(false);
        this.metrics.lag[name] = info.num_pending + info.num_ack_pending;
      } catch (error) {
        this.options.logger.debug({ err: error, stream: name }, "lag not read");
      }
    }
  }

  private async run(source: ExportSource, consumer: Consumer): Promise<void> {
    while (!this.stopped) {
      let messages: JsMsg[];
      try {
        messages = [];
        const fetched = await consumer.fetch({ max_messages: this.options.batchSize, expires: 1000 });
        for await (const message of fetched) messages.push(message);
      } catch (error) {
        if (this.stopped) return;
        this.options.logger.warn({ err: error, stream: source.stream.name }, "cannot read the source stream; trying again");
        await this.pause(1000);
        continue;
      }
      if (messages.length === 0) continue;
      const records = await this.recordsOf(source, messages);
      if (!(await this.sendUntilAcknowledged(source, records, messages))) return;
      // Ack-all: the last message acknowledges the batch.
      await messages[messages.length - 1]!.ackAck().catch((error: unknown) => {
        // The batch is redelivered after ackWaitMs: repeats with the same event ids.
        this.options.logger.warn({ err: error, stream: source.stream.name }, "batch ack not confirmed");
      });
      for (const record of records) this.metrics.exported[record.family] = (this.metrics.exported[record.family] ?? 0) + 1;
    }
  }

  private async recordsOf(source: ExportSource, messages: readonly JsMsg[]): Promise<ExportRecord[]> {
    const parsed = messages.flatMap((message) => {
      const subject = message.subject.slice(this.options.namespace.length + 1);
      const exported = source.exported.find((e) => e.event.subject === subject);
      if (!exported) return [];
      try {
        const envelope = envelopeSchema.parse(message.json());
        return [{ exported, envelope, payload: exported.event.schema.parse(envelope.payload) as Record<string, unknown> }];
      } catch (error) {
        // Acked with its batch: an event no reader can parse would otherwise stop the export for good.
        this.options.logger.error({ err: error, subject: message.subject, seq: message.seq }, "malformed event not exported");
        return [];
      }
    });
    const unknownItem = () =>
      parsed.some((p) => p.exported.namesItem && p.payload.itemCode == null && this.options.itemCode(String(p.payload.itemId), Number(p.payload.itemVersion)) === null);
    for (let waited = 0; unknownItem() && waited < this.options.itemCodeWaitMs; waited += 100) await sleep(100);
    return parsed.map((p) => p.exported.toRecord(p.payload as never, p.envelope, this.options.itemCode));
  }

  /** False when stopped before Kafka took the batch (it is redelivered to the next run). */
  private async sendUntilAcknowledged(source: ExportSource, records: readonly ExportRecord[], messages: readonly JsMsg[]): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.options.sink.send(records);
        if (!this.metrics.kafkaUp && attempt > 0) this.options.logger.info({ stream: source.stream.name, lag: this.totalLag() }, "Kafka takes records again");
        this.metrics.kafkaUp = true;
        return true;
      } catch (error) {
        this.metrics.kafkaUp = false;
        this.metrics.failedAttempts += 1;
        const delay = Math.min(250 * 2 ** attempt, this.options.maxBackoffMs);
        this.options.logger.warn(
          { err: error, stream: source.stream.name, records: records.length, lag: this.totalLag(), retryInMs: delay },
          "Kafka did not take the batch; holding it and trying again",
        );
        if (this.stopped) return this.release(messages);
        // Held, not redelivered: the batch stays this consumer's while it waits.
        for (const message of messages) message.working();
        await this.pause(delay);
        if (this.stopped) return this.release(messages);
      }
    }
  }

  /** Stopping with a batch Kafka did not take: the next run gets it at once, in order. */
  private release(messages: readonly JsMsg[]): false {
    for (const message of messages) message.nak();
    return false;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.wake.signal }).catch(() => undefined);
  }
}
