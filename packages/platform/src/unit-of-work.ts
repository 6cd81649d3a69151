import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Envelope, EventDefinition, EventPayload } from "@onestop/events";
import type { Clock } from "./clock";
import { currentRequestContext, noteTouchedCenter } from "./request-context";
import { activeTraceparent } from "./telemetry/tracing";

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
  /**
   * Runs `callback` once the transaction has committed (never if it rolls back, nor for an
   * attempt retried after a deadlock): for effects that must not be seen before the data, and
   * whose loss costs nothing lasting (a hint to a screen), so they need no outbox.
   */
  afterCommit(callback: () => void): void;
}

/**
 * An event as the outbox holds it, its payload checked against the event's schema. A migration
 * that must announce what it changes (an event no request made) builds its rows with this too.
 */
export function outboxEnvelope<E extends EventDefinition>(
  event: E,
  payload: EventPayload<E>,
  at: Date,
  options: { centerCode?: string | null; requestId?: string | null } = {},
): Envelope {
  return {
    id: randomUUID(),
    type: event.subject,
    occurredAt: at.toISOString(),
    requestId: options.requestId ?? currentRequestContext()?.requestId ?? null,
    centerCode: options.centerCode ?? null,
    traceparent: activeTraceparent(),
    payload: event.schema.parse(payload),
  };
}

const DEADLOCK_ATTEMPTS = 4;

export function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.code ?? e?.driverError?.code;
  return code === "ER_LOCK_DEADLOCK" || e?.errno === 1213 || e?.driverError?.errno === 1213;
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

  /**
   * Runs `work` in one transaction. InnoDB may pick it as a deadlock victim under
   * concurrency; it is then rolled back whole and run again, up to a few times, so the
   * caller sees a deadlock only if it keeps happening. `work` must therefore keep its
   * effects inside the transaction (it does: events go to the outbox).
   */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async runOnce<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // Held until the work is done, then written in one statement: a step announcing three
    // events costs one insert, not three.
    const events: Array<[id: string, subject: string, envelope: string, createdAt: Date]> = [];
    // What the request changed, by center, for the audit: the center each event names.
    const centers: unknown[] = [];
    const committed: Array<() => void> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: Tx = {
        manager,
        afterCommit: (callback) => {
          committed.push(callback);
        },
        publish: async (event, payload, options = {}) => {
          const envelope = outboxEnvelope(event, payload, this.clock.now(), options);
          events.push([envelope.id, event.subject, JSON.stringify(envelope), this.clock.now()]);
          centers.push(envelope.centerCode ?? (envelope.payload as { centerCode?: unknown } | null)?.centerCode);
          return envelope.id;
        },
      };
      const done = await work(tx);
      if (events.length > 0) {
        await manager.query(
          `INSERT INTO outbox_message (id, subject, envelope, created_at) VALUES ${events.map(() => "(?, ?, ?, ?)").join(", ")}`,
          events.flat(),
        );
      }
      return done;
    });
    if (events.length > 0) for (const listener of this.committedListeners) listener();
    for (const center of centers) noteTouchedCenter(center);
    for (const callback of committed) callback();
    return result;
  }
}
