import { connectNats, namespacedSubject, type Logger } from "@onestop/platform";

type NatsConnection = Awaited<ReturnType<typeof connectNats>>;

/** How long to wait before trying NATS again when it could not be reached at all. */
const CONNECT_RETRY_MS = 2000;
/** How long the gateway's start waits for the feed: an unanswering host must not hold it up. */
const START_WAIT_MS = 3000;

export interface InvalidationFeedOptions {
  url: string;
  namespace: string;
  /** Subjects under the namespace (wildcards allowed) whose messages each mean "something changed". */
  subjects: readonly string[];
  logger: Logger;
  /** Called on every change, and whenever changes may have been missed (the feed went down or dropped messages). */
  onChange: () => void;
}

/**
 * The catalog's changes as they are published, on plain NATS subscriptions (no durable
 * consumer: a gateway that was away has nothing to catch up on, it forgets everything). The
 * feed is `live` only while the subscriptions are known to the server; while it is not,
 * nothing may be answered from what it guards, since a change could go unheard.
 */
export class InvalidationFeed {
  private connection: NatsConnection | null = null;
  private live = false;
  private stopped = false;
  private retry: { timer: NodeJS.Timeout; resolve: () => void } | null = null;

  constructor(private readonly options: InvalidationFeedOptions) {}

  get isLive(): boolean {
    return this.live;
  }

  /**
   * Connects and subscribes, resolving once the first attempt is over: the gateway serves
   * without the feed (and without what it guards) while NATS cannot be reached, and keeps
   * trying meanwhile.
   */
  start(): Promise<void> {
    return new Promise((firstAttemptOver) => {
      setTimeout(firstAttemptOver, START_WAIT_MS).unref();
      void this.run(firstAttemptOver);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.down();
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.resolve();
    }
    await this.connection?.close();
  }

  private async run(firstAttemptOver: () => void): Promise<void> {
    let connection: NatsConnection | null = null;
    for (let attempt = 1; !this.stopped && !connection; attempt++) {
      try {
        connection = await connectNats(this.options.url, "gateway-invalidation", this.options.logger);
      } catch (error) {
        const log = { err: error, url: this.options.url, attempt };
        if (attempt === 1) this.options.logger.warn(log, "NATS unreachable: the public cache is bypassed until it answers");
        else this.options.logger.debug(log, "NATS still unreachable");
        firstAttemptOver();
        await new Promise<void>((resolve) => {
          this.retry = { timer: setTimeout(resolve, CONNECT_RETRY_MS), resolve };
        });
        this.retry = null;
      }
    }
    if (!connection) return firstAttemptOver();
    if (this.stopped) {
      await connection.close();
      return firstAttemptOver();
    }
    this.connection = connection;
    for (const subject of this.options.subjects) {
      connection.subscribe(namespacedSubject(this.options.namespace, subject), { callback: () => this.options.onChange() });
    }
    void this.watch(connection);
    await this.upOnceFlushed(connection);
    firstAttemptOver();
  }

  /** Live once the server has answered after the subscriptions were sent, so it holds them. */
  private async upOnceFlushed(connection: NatsConnection): Promise<void> {
    try {
      await connection.flush();
    } catch {
      return;
    }
    if (this.stopped || connection.isClosed()) return;
    // What was kept while the feed was down or resubscribing may have missed a change.
    this.options.onChange();
    this.live = true;
  }

  private down(): void {
    this.live = false;
    this.options.onChange();
  }

  private async watch(connection: NatsConnection): Promise<void> {
    void connection.closed().then(() => this.down());
    for await (const status of connection.status()) {
      if (status.type === "disconnect" || status.type === "staleConnection") this.down();
      else if (status.type === "reconnect") void this.upOnceFlushed(connection);
      // The client dropped messages it could not hand over: any of them may have been a change.
      else if (status.type === "slowConsumer") this.options.onChange();
    }
  }
}
