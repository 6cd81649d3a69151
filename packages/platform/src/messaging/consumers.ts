import type { NatsConnection } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from "@nats-io/jetstream";
import { envelopeSchema, type Envelope, type EventDefinition, type EventPayload } from "@onestop/events";
import { nanos } from "@nats-io/transport-node";
import type { Logger } from "../logger";
import type { Tx, UnitOfWork } from "../unit-of-work";
import { runWithRequestContext } from "../request-context";
import type { Identity } from "../identity";
import { isNotFound, namespacedStream, namespacedSubject } from "./nats";

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
}

export function onEvent<E extends EventDefinition>(
  name: string,
  event: E,
  handle: (tx: Tx, payload: EventPayload<E>, envelope: Envelope) => Promise<void>,
  options: { concerns?: (payload: EventPayload<E>) => boolean } = {},
): EventHandler {
  return { name, event, handle, concerns: options.concerns } as EventHandler;
}

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
        await manager.consumers.info(stream, durable);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await manager.consumers.add(stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: namespacedSubject(namespace, handler.event.subject),
          ack_wait: nanos(30_000),
          max_deliver: this.options.maxDeliveries ?? 30,
          max_ack_pending: 2000,
        });
      }
      const consumer = await js.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 200 });
      this.subscriptions.push(messages);
      this.loops.push(this.drain(handler, durable, messages));
    }
  }

  async stop(): Promise<void> {
    for (const messages of this.subscriptions) await messages.close().catch(() => undefined);
    await Promise.all(this.loops);
  }

  private async drain(handler: EventHandler, durable: string, messages: ConsumerMessages): Promise<void> {
    const limit = this.options.concurrency ?? 16;
    const inFlight = new Set<Promise<void>>();
    for await (const message of messages) {
      const work = this.process(handler, durable, message).finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async process(handler: EventHandler, durable: string, message: JsMsg): Promise<void> {
    const { logger } = this.options;
    let envelope: Envelope;
    let payload: unknown;
    try {
      envelope = envelopeSchema.parse(message.json());
      payload = handler.event.schema.parse(envelope.payload);
    } catch (error) {
      logger.error({ err: error, subject: message.subject, consumer: durable }, "malformed event dropped");
      message.term("malformed");
      return;
    }
    if (handler.concerns && !handler.concerns(payload as never)) {
      message.ack();
      return;
    }
    const context = { requestId: envelope.requestId ?? envelope.id, identity: this.systemIdentity };
    try {
      await runWithRequestContext(context, () =>
        this.options.unitOfWork.run(async (tx) => {
          if (!(await recordInInbox(tx, durable, envelope.id))) return;
          await handler.handle(tx, payload as never, envelope);
        }),
      );
      this.options.beforeAck?.(envelope);
      message.ack();
    } catch (error) {
      const deliveries = message.info.deliveryCount;
      const maxDeliveries = this.options.maxDeliveries ?? 30;
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
