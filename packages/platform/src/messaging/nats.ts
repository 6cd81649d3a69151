import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from "@nats-io/jetstream";
import type { StreamDefinition } from "@onestop/events";
import type { Logger } from "../logger";

export async function connectNats(url: string, name: string, logger: Logger): Promise<NatsConnection> {
  const connection = await connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Every publish is a request for JetStream's ack; capturing a stack for each one was a
    // visible share of a busy service's CPU, and errors still name the subject and cause.
    noAsyncTraces: true,
  });
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === "disconnect" || status.type === "reconnect") {
        logger.warn({ nats: status.type }, "NATS connection status changed");
      }
    }
  })();
  return connection;
}

/** The namespace keeps environments apart on one server: subjects and stream names both carry it. */
export function namespacedSubject(namespace: string, subject: string): string {
  return `${namespace}.${subject}`;
}

export function namespacedStream(namespace: string, stream: StreamDefinition): string {
  return `${namespace.toUpperCase()}_${stream.name}`;
}

const DAY_NS = nanos(24 * 60 * 60 * 1000);

/**
 * Creates the streams, or brings their subjects up to date; safe to run from every instance
 * at every start. Duplicates are recognised by `Nats-Msg-Id` within the window; beyond it the
 * consumers' inboxes still make a late duplicate harmless.
 */
export async function ensureStreams(
  connection: NatsConnection,
  namespace: string,
  streams: readonly StreamDefinition[],
): Promise<JetStreamManager> {
  const manager = await jetstreamManager(connection);
  for (const stream of streams) {
    const name = namespacedStream(namespace, stream);
    const subjects = [namespacedSubject(namespace, `${stream.subjectPrefix}.>`)];
    const config = {
      name,
      subjects,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: 90 * DAY_NS,
      duplicate_window: nanos(20 * 60 * 1000),
    };
    try {
      await manager.streams.info(name);
      await manager.streams.update(name, { subjects, max_age: config.max_age, duplicate_window: config.duplicate_window });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await manager.streams.add(config);
      } catch (addError) {
        // Another instance created it between our look-up and our add.
        if (!String(addError).includes("already in use")) throw addError;
      }
    }
  }
  return manager;
}

export function isNotFound(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return text.includes("not found") || (error as { code?: number })?.code === 404;
}

export async function deleteStreams(connection: NatsConnection, namespace: string, streams: readonly StreamDefinition[]) {
  const manager = await jetstreamManager(connection);
  for (const stream of streams) {
    await manager.streams.delete(namespacedStream(namespace, stream)).catch(() => undefined);
  }
}

/** Whether the server answers a round trip now, for /ready (a reconnecting client is not ready). */
export async function natsReachable(connection: NatsConnection, timeoutMs = 1000): Promise<boolean> {
  if (connection.isClosed()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([connection.flush().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
