import { DeliverPolicy, jetstream, type ConsumerMessages } from "@nats-io/jetstream";
import { envelopeSchema, type EventDefinition, type EventPayload } from "@onestop/events";
import type { Logger } from "../logger";
import { connectNats, isNotFound, namespacedStream, namespacedSubject } from "./nats";

type NatsConnection = Awaited<ReturnType<typeof connectNats>>;

/** How long to wait before trying again when NATS or the stream is not there yet. */
const RETRY_MS = 2000;
/** The longest `start` waits for the first attempt. */
const START_WAIT_MS = 3000;

export interface FollowOptions<E extends EventDefinition> {
  url: string;
  namespace: string;
  event: E;
  /** Events published since this instant are read first, then every new one as it comes. */
  since: Date;
  logger: Logger;
  onEvent: (payload: EventPayload<E>, occurredAt: Date) => void;
}

/**
 * Reads one kind of event into a process's memory, with no durable consumer and no inbox: an
 * ordered consumer replays the stream from `since` and then follows it, and restarts where it
 * left off after a disconnection. For state every instance keeps for itself (the gateway's
 * revoked sign-ins), which a restarted instance rebuilds from the stream.
 */
export class EventFollower<E extends EventDefinition> {
  private connection: NatsConnection | null = null;
  private messages: ConsumerMessages | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: FollowOptions<E>) {}

  /**
   * Resolves once following has started, or once the first attempt failed (it keeps trying
   * then), and after START_WAIT_MS at the latest: an unanswering host must not hold a start up.
   */
  start(): Promise<void> {
    return Promise.race([this.attempt(), new Promise<void>((resolve) => setTimeout(resolve, START_WAIT_MS).unref())]);
  }

  private async attempt(): Promise<void> {
    try {
      await this.follow();
    } catch (error) {
      if (this.stopped) return;
      this.options.logger.warn({ err: error, event: this.options.event.subject }, "cannot follow events yet; trying again");
      this.retryLater();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.messages?.close();
    await this.connection?.close();
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.attempt(), RETRY_MS);
    this.retry.unref();
  }

  private async follow(): Promise<void> {
    const { namespace, event } = this.options;
    this.connection ??= await connectNats(this.options.url, `follow-${event.subject}`, this.options.logger);
    let consumer;
    try {
      consumer = await jetstream(this.connection).consumers.get(namespacedStream(namespace, event.stream), {
        // One subject as a string: a list needs NATS 2.10, and the servers we run on may be older.
        filter_subjects: namespacedSubject(namespace, event.subject),
        deliver_policy: DeliverPolicy.StartTime,
        opt_start_time: this.options.since.toISOString(),
      });
    } catch (error) {
      // The owning service makes its stream at its start; it may come up after us.
      if (isNotFound(error)) throw new Error(`stream of ${event.subject} not there yet`);
      throw error;
    }
    if (this.stopped) return;
    this.messages = await consumer.consume();
    void this.read(this.messages);
  }

  private async read(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      try {
        const envelope = envelopeSchema.parse(message.json());
        this.options.onEvent(this.options.event.schema.parse(envelope.payload) as EventPayload<E>, new Date(envelope.occurredAt));
      } catch (error) {
        this.options.logger.error({ err: error, subject: message.subject, seq: message.seq }, "unreadable event skipped");
      }
    }
  }
}
