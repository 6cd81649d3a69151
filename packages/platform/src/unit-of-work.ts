import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Envelope, EventDefinition, EventPayload } from "@onestop/events";
import type { Clock } from "./clock";
import { currentRequestContext } from "./request-context";
import { OutboxMessageRow } from "./messaging/tables";

/**
 * One database transaction. Repositories take it to reach the entity manager; services
 * use it to publish events, which are written to the outbox in the same transaction so
 * an event exists exactly when its change was committed.
 */
export interface Tx {
  readonly manager: EntityManager;
  publish<E extends EventDefinition>(
    event: E,
    payload: EventPayload<E>,
    options?: { centerCode?: string | null; requestId?: string | null },
  ): Promise<string>;
}

export class UnitOfWork {
  private readonly committedListeners: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Called after a commit that wrote events (the relay uses it to publish at once). */
  onEventsCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let wroteEvents = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: Tx = {
        manager,
        publish: async (event, payload, options = {}) => {
          wroteEvents = true;
          const envelope: Envelope = {
            id: randomUUID(),
            type: event.subject,
            occurredAt: this.clock.now().toISOString(),
            requestId: options.requestId ?? currentRequestContext()?.requestId ?? null,
            centerCode: options.centerCode ?? null,
            payload: event.schema.parse(payload),
          };
          await manager.insert(OutboxMessageRow, {
            id: envelope.id,
            subject: event.subject,
            envelope: JSON.stringify(envelope),
            createdAt: this.clock.now(),
            publishedAt: null,
          });
          return envelope.id;
        },
      };
      return work(tx);
    });
    if (wroteEvents) for (const listener of this.committedListeners) listener();
    return result;
  }
}
