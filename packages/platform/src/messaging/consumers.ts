import type { NatsConnection } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from "@nats-io/jetstream";
import { envelopeSchema, type Envelope, type EventDefinition, type EventPayload } from "@onestop/events";
import { nanos } from "@nats-io/transport-node";
import type { Logger } from "../logger";
import type { Tx, UnitOfWork } from "../unit-of-work";
import { runWithRequestContext } from "../request-context";
import type { Identity } from "../identity";
import { isNotFound, namespacedStream, namespacedSubject } from "./nats";
import type { ServiceMetrics } from "../telemetry/metrics";
import { failSpan, runInContext, type Tracing } from "../telemetry/tracing";

export interface EventHandler<E extends EventDefinition = EventDefinition> {
  /** Names the durable consumer together with the service: one per purpose. */
  readonly name: string;
  readonly event: E;
  /**
   * Whether an event is any of this handler's business. One it is not is acked without a
   * transaction: applying nothing needs no inbox row to stay exactly-once.
   */
  readonly concerns?: (payload: EventPayload<E>) => boolean;
  handle(tx: Tx, payload: EventPayload<E>, envelope: Envelope): Promise<void>;
  /**
   * Applies several events received together in one transaction, with set-based statements.
   * Returns the envelope ids it leaves to `handle`, one at a time, after its transaction.
   */
  readonly handleBatch?: (tx: Tx, events: ReadonlyArray<BatchedEvent<E>>) => Promise<readonly string[]>;
  /**
   * The most events one batch of `handleBatch` takes (MAX_BATCH unless given). Larger batches
   * pay fewer commits while the stream is behind; an idle consumer still takes each event at once.
   */
  readonly maxBatch?: number;
}

export interface BatchedEvent<E extends EventDefinition = EventDefinition> {
  payload: EventPayload<E>;
  envelope: Envelope;
}

export function onEvent<E extends EventDefinition>(
  name: string,
  event: E,
  handle: (tx: Tx, payload: EventPayload<E>, envelope: Envelope) => Promise<void>,
  options: { concerns?: (payload: EventPayload<E>) => boolean; handleBatch?: EventHandler<E>["handleBatch"]; maxBatch?: number } = {},
): EventHandler {
  return { name, event, handle, concerns: options.concerns, handleBatch: options.handleBatch, maxBatch: options.maxBatch } as EventHandler;
}

/**
 * How long the server waits for an ack before delivering a message again. A process that dies
 * leaves the messages it had taken unacked: they wait this long, so it bounds how long a crash
 * holds work up. Handlers take milliseconds; one that outlasts it is applied once all the same
 * (the redelivery waits on its inbox row, then finds it).
 */
const ACK_WAIT_MS = 10_000;

/** The most events one batch takes unless its handler says otherwise; more waiting form the next. */
const MAX_BATCH = 64;

/** Messages the client keeps pulled ahead of the handler, at least. */
const PULLED_AHEAD = 200;

/** Thrown by a handler that cannot act yet (say, a replica has not caught up): redeliver later. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs = 1000,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

export interface ConsumerOptions {
  serviceName: string;
  connection: NatsConnection;
  namespace: string;
  unitOfWork: UnitOfWork;
  logger: Logger;
  handlers: readonly EventHandler[];
  concurrency?: number;
  maxDeliveries?: number;
  /** Test seam: runs after the effect committed and before the ack, to simulate a crash there. */
  beforeAck?: (envelope: Envelope) => void;
  /** Counts what each consumer settled: applied, duplicates its inbox dropped, redeliveries. */
  metrics?: ServiceMetrics;
  /** Each event (or batch) is applied in a span continuing the trace in its envelope. */
  tracing?: Tracing;
}

/** Records the message in the inbox; false when this consumer already applied it. */
async function recordInInbox(tx: Tx, consumer: string, messageId: string): Promise<boolean> {
  const result = (await tx.manager.query(
    "INSERT IGNORE INTO inbox_message (consumer, message_id, processed_at) VALUES (?, ?, UTC_TIMESTAMP(3))",
    [consumer, messageId],
  )) as { affectedRows?: number };
  return result.affectedRows === 1;
}

/**
 * Runs each handler on its own durable pull consumer. The effect and the inbox row commit
 * together, then the message is acked: a redelivery after a crash finds the inbox row and
 * only acks.
 */
export class EventConsumers {
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly systemIdentity: Identity;

  constructor(private readonly options: ConsumerOptions) {
    this.systemIdentity = {
      subject: `system:${options.serviceName}`,
      roles: ["system"],
      centerCode: null,
      departmentId: null,
      windowId: null,
    };
  }

  durableName(handler: EventHandler): string {
    return `${this.options.serviceName}_${handler.name}`.replace(/[^A-Za-z0-9_-]/g, "_");
  }

  async start(): Promise<void> {
    const { connection, namespace } = this.options;
    const manager = await jetstreamManager(connection);
    const js = jetstream(connection);
    for (const handler of this.options.handlers) {
      const stream = namespacedStream(namespace, handler.event.stream);
      const durable = this.durableName(handler);
      try {
        const info = await manager.consumers.info(stream, durable);
        if (info.config.ack_wait !== nanos(ACK_WAIT_MS)) await manager.consumers.update(stream, durable, { ack_wait: nanos(ACK_WAIT_MS) });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await manager.consumers.add(stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: namespacedSubject(namespace, handler.event.subject),
          ack_wait: nanos(ACK_WAIT_MS),
          max_deliver: this.options.maxDeliveries ?? 30,
          max_ack_pending: 2000,
        });
      }
      const consumer = await js.consumers.get(stream, durable);
      // Enough pulled ahead to fill two of the handler's batches.
      const messages = await consumer.consume({ max_messages: Math.max(PULLED_AHEAD, 2 * (handler.handleBatch ? (handler.maxBatch ?? MAX_BATCH) : 0)) });
      this.subscriptions.push(messages);
      this.loops.push(this.drain(handler, durable, messages));
    }
  }

  async stop(): Promise<void> {
    for (const messages of this.subscriptions) await messages.close().catch(() => undefined);
    await Promise.all(this.loops);
  }

  private async drain(handler: EventHandler, durable: string, messages: ConsumerMessages): Promise<void> {
    if (handler.handleBatch) return this.drainInBatches(handler, durable, messages);
    const limit = this.options.concurrency ?? 16;
    const inFlight = new Set<Promise<void>>();
    for await (const message of messages) {
      const work = this.process(handler, durable, message).finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  /**
   * Messages wait while every batch slot is busy and go together into the next free one: an
   * idle consumer handles each at once, a busy one in ever larger batches.
   */
  private async drainInBatches(handler: EventHandler, durable: string, messages: ConsumerMessages): Promise<void> {
    const slots = Math.max(1, Math.floor((this.options.concurrency ?? 16) / 4));
    const maxBatch = handler.maxBatch ?? MAX_BATCH;
    const waiting: JsMsg[] = [];
    const inFlight = new Set<Promise<void>>();
    let scheduled = false;
    const startBatches = () => {
      scheduled = false;
      while (waiting.length > 0 && inFlight.size < slots) {
        const batch = waiting.splice(0, maxBatch);
        const work = this.processBatch(handler, durable, batch).finally(() => {
          inFlight.delete(work);
          startBatches();
        });
        inFlight.add(work);
      }
    };
    for await (const message of messages) {
      waiting.push(message);
      if (waiting.length >= maxBatch) startBatches();
      else if (!scheduled) {
        // Messages that arrive in the same burst are read before the batch starts.
        scheduled = true;
        setImmediate(startBatches);
      }
      while (waiting.length >= maxBatch * slots && inFlight.size > 0) await Promise.race(inFlight);
    }
    while (waiting.length > 0 || inFlight.size > 0) {
      startBatches();
      await Promise.all(inFlight);
    }
  }

  private async processBatch(handler: EventHandler, durable: string, messages: readonly JsMsg[]): Promise<void> {
    const events = new Map<string, BatchedEvent & { message: JsMsg }>();
    // The same envelope twice in one batch (a redelivery): the second waits for the first.
    const repeats: Array<BatchedEvent & { message: JsMsg }> = [];
    for (const message of messages) {
      const parsed = this.parse(handler, durable, message);
      if (!parsed) continue;
      if (events.has(parsed.envelope.id)) repeats.push({ ...parsed, message });
      else events.set(parsed.envelope.id, { ...parsed, message });
    }
    const oneByOne = (ids: Iterable<string>) =>
      Promise.all(
        [...ids].map((id) => {
          const event = events.get(id)!;
          return this.process(handler, durable, event.message, event);
        }),
      );
    try {
      await this.applyBatch(handler, durable, events, oneByOne);
    } finally {
      for (const repeat of repeats) await this.process(handler, durable, repeat.message, repeat);
    }
  }

  private async applyBatch(
    handler: EventHandler,
    durable: string,
    events: ReadonlyMap<string, BatchedEvent & { message: JsMsg }>,
    oneByOne: (ids: Iterable<string>) => Promise<unknown>,
  ): Promise<void> {
    if (events.size <= 1) {
      await oneByOne(events.keys());
      return;
    }
    let leftOver: readonly string[];
    const first = [...events.values()][0].envelope;
    const traced = this.options.tracing?.startFromTraceparent(`${durable} batch`, first.traceparent);
    traced?.span.setAttribute("messaging.batch.message_count", events.size);
    const started = process.hrtime.bigint();
    try {
      for (const { message } of events.values()) if (message.info.deliveryCount > 1) this.options.metrics?.redeliveries.inc({ consumer: durable });
      const apply = () => runWithRequestContext({ requestId: `batch-${[...events.keys()][0]}`, identity: this.systemIdentity }, () =>
        this.options.unitOfWork.run(async (tx) => {
          const left = await handler.handleBatch!(tx, [...events.values()]);
          const taken = [...events.keys()].filter((id) => !left.includes(id));
          // A plain insert: one already in the inbox (a redelivery) fails the batch, whose events then go one by one.
          if (taken.length > 0) {
            await tx.manager.query(
              `INSERT INTO inbox_message (consumer, message_id, processed_at) VALUES ${taken.map(() => "(?, ?, UTC_TIMESTAMP(3))").join(", ")}`,
              taken.flatMap((id) => [durable, id]),
            );
          }
          return left;
        }),
      );
      leftOver = traced ? await runInContext(traced.context, apply) : await apply();
      traced?.span.end();
      this.options.metrics?.handlerDuration.observe({ consumer: durable }, Number(process.hrtime.bigint() - started) / 1e9);
      this.options.metrics?.eventsHandled.inc({ consumer: durable, outcome: "applied" }, events.size - leftOver.length);
    } catch (error) {
      traced?.span.end();
      this.options.logger.debug({ err: error, consumer: durable, events: events.size }, "batch not applied; its events go one by one");
      await oneByOne(events.keys());
      return;
    }
    for (const [id, { envelope, message }] of events) {
      if (leftOver.includes(id)) continue;
      try {
        this.options.beforeAck?.(envelope);
        message.ack();
      } catch {
        message.nak(500);
      }
    }
    await oneByOne(leftOver);
  }

  /** The envelope and payload of a message this handler should apply; null when it was settled here (malformed, or none of its business). */
  private parse(handler: EventHandler, durable: string, message: JsMsg): BatchedEvent | null {
    let envelope: Envelope;
    let payload: unknown;
    try {
      envelope = envelopeSchema.parse(message.json());
      payload = handler.event.schema.parse(envelope.payload);
    } catch (error) {
      this.options.logger.error({ err: error, subject: message.subject, consumer: durable }, "malformed event dropped");
      this.options.metrics?.eventsHandled.inc({ consumer: durable, outcome: "malformed" });
      message.term("malformed");
      return null;
    }
    if (handler.concerns && !handler.concerns(payload as never)) {
      this.options.metrics?.eventsHandled.inc({ consumer: durable, outcome: "skipped" });
      message.ack();
      return null;
    }
    return { envelope, payload: payload as never };
  }

  private async process(handler: EventHandler, durable: string, message: JsMsg, parsed = this.parse(handler, durable, message)): Promise<void> {
    const { logger } = this.options;
    if (!parsed) return;
    const { envelope, payload } = parsed;
    const context = { requestId: envelope.requestId ?? envelope.id, identity: this.systemIdentity };
    const { metrics, tracing } = this.options;
    if (message.info.deliveryCount > 1) metrics?.redeliveries.inc({ consumer: durable });
    const traced = tracing?.startFromTraceparent(`${durable} ${envelope.type}`, envelope.traceparent);
    const started = process.hrtime.bigint();
    try {
      const apply = () =>
        runWithRequestContext(context, () =>
          this.options.unitOfWork.run(async (tx) => {
            if (!(await recordInInbox(tx, durable, envelope.id))) return false;
            await handler.handle(tx, payload as never, envelope);
            return true;
          }),
        );
      const applied = traced ? await runInContext(traced.context, apply) : await apply();
      traced?.span.end();
      if (metrics) {
        metrics.handlerDuration.observe({ consumer: durable }, Number(process.hrtime.bigint() - started) / 1e9);
        metrics.eventsHandled.inc({ consumer: durable, outcome: applied ? "applied" : "duplicate" });
        if (!applied) metrics.inboxDuplicates.inc({ consumer: durable });
      }
      this.options.beforeAck?.(envelope);
      message.ack();
    } catch (error) {
      if (traced) {
        failSpan(traced.span, error);
        traced.span.end();
      }
      const deliveries = message.info.deliveryCount;
      const maxDeliveries = this.options.maxDeliveries ?? 30;
      metrics?.eventsHandled.inc({ consumer: durable, outcome: deliveries >= maxDeliveries ? "given_up" : "retry" });
      if (deliveries >= maxDeliveries) {
        logger.error({ err: error, eventId: envelope.id, consumer: durable, deliveries }, "event given up after repeated failures");
        message.term("failed repeatedly");
        return;
      }
      const delay = error instanceof RetryLater ? error.delayMs : Math.min(500 * 2 ** deliveries, 60_000);
      const log = error instanceof RetryLater ? logger.debug.bind(logger) : logger.warn.bind(logger);
      runWithRequestContext(context, () =>
        log({ err: error, eventId: envelope.id, consumer: durable, deliveries, retryInMs: delay }, "event will be redelivered"),
      );
      message.nak(delay);
    }
  }
}
