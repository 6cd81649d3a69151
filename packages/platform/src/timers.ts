import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import type { Clock } from "./clock";
import type { Logger } from "./logger";
import type { Tx, UnitOfWork } from "./unit-of-work";
import type { Worker } from "./subgraph";

export interface DueTimer {
  kind: string;
  key: string;
  dueAt: Date;
  payload: unknown;
}

export type TimerHandler = (tx: Tx, timer: DueTimer) => Promise<void>;

interface TimerRow {
  id: string;
  kind: string;
  timer_key: string;
  due_at: Date;
  payload: string | unknown;
}

/**
 * Deadlines that outlive any process: a timer is a row; it fires in the same transaction
 * as its effect, claimed with `FOR UPDATE SKIP LOCKED`, so a restart never skips one and
 * two instances never fire one twice.
 */
export class DurableTimers implements Worker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly options: {
      dataSource: DataSource;
      unitOfWork: UnitOfWork;
      clock: Clock;
      logger: Logger;
      pollMs?: number;
      batchSize?: number;
    },
  ) {}

  /**
   * Adds the handlers of some timer kinds. The code that reacts to a timer usually needs the
   * timers to set the next one, so it is built after them and registers here, before `start`.
   */
  register(handlers: Record<string, TimerHandler>): void {
    // A kind registered once the loop runs could already have been found due without a handler.
    if (this.running) throw new Error("Timer handlers are registered before the timers start");
    for (const [kind, handler] of Object.entries(handlers)) {
      if (this.handlers.has(kind)) throw new Error(`Timers of kind ${kind} already have a handler`);
      this.handlers.set(kind, handler);
    }
  }

  /**
   * Sets the timer `kind`/`key` to fire at `dueAt`, replacing an unfired one of the same key.
   * A timer that already fired is not re-armed: a new deadline takes a new key.
   */
  schedule(tx: Tx, kind: string, key: string, dueAt: Date, payload: unknown = null): Promise<void> {
    return this.scheduleAll(tx, [{ kind, key, dueAt, payload }]);
  }

  /** Several timers set as `schedule` sets one, in one statement. */
  async scheduleAll(tx: Tx, timers: ReadonlyArray<{ kind: string; key: string; dueAt: Date; payload?: unknown }>): Promise<void> {
    if (timers.length === 0) return;
    const now = this.options.clock.now();
    await tx.manager.query(
      `INSERT INTO durable_timer (kind, timer_key, due_at, payload, created_at) VALUES ${timers.map(() => "(?, ?, ?, ?, ?)").join(", ")}
       ON DUPLICATE KEY UPDATE due_at = IF(fired_at IS NULL, VALUES(due_at), due_at),
                               payload = IF(fired_at IS NULL, VALUES(payload), payload)`,
      timers.flatMap((t) => [t.kind, t.key, t.dueAt, JSON.stringify(t.payload ?? null), now]),
    );
  }

  /** Removes an unfired timer; a fired one stays as the record that it fired. */
  cancel(tx: Tx, kind: string, key: string): Promise<void> {
    return this.cancelAll(tx, [{ kind, key }]);
  }

  /** Several timers removed as `cancel` removes one, in one statement. */
  async cancelAll(tx: Tx, timers: ReadonlyArray<{ kind: string; key: string }>): Promise<void> {
    if (timers.length === 0) return;
    await tx.manager.query(`DELETE FROM durable_timer WHERE (kind, timer_key) IN (${timers.map(() => "(?, ?)").join(", ")}) AND fired_at IS NULL`, timers.flatMap((t) => [t.kind, t.key]));
  }

  /** Fires every timer due now; returns how many fired. Each fires in its own transaction. */
  async fireDue(): Promise<number> {
    const { dataSource, clock, batchSize = 100 } = this.options;
    const due = (await dataSource.query(
      "SELECT id FROM durable_timer WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT ?",
      [clock.now(), batchSize],
    )) as Array<{ id: string }>;
    let fired = 0;
    for (const { id } of due) {
      try {
        if (await this.fireOne(id)) fired += 1;
      } catch (error) {
        this.options.logger.error({ err: error, timerId: id }, "timer handler failed; it stays due and will be retried");
        await dataSource.query("UPDATE durable_timer SET attempts = attempts + 1, last_error = ? WHERE id = ?", [
          String((error as Error)?.message ?? error).slice(0, 1000),
          id,
        ]);
      }
    }
    return fired;
  }

  private fireOne(id: string): Promise<boolean> {
    return this.options.unitOfWork.run(async (tx) => {
      const [row] = (await tx.manager.query(
        "SELECT id, kind, timer_key, due_at, payload FROM durable_timer WHERE id = ? AND fired_at IS NULL FOR UPDATE SKIP LOCKED",
        [id],
      )) as TimerRow[];
      if (!row) return false;
      const handler = this.handlers.get(row.kind);
      if (!handler) throw new Error(`No handler for timers of kind ${row.kind}`);
      const payload = typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload;
      await handler(tx, { kind: row.kind, key: row.timer_key, dueAt: new Date(row.due_at), payload });
      await tx.manager.query("UPDATE durable_timer SET fired_at = ? WHERE id = ?", [this.options.clock.now(), id]);
      return true;
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.fireDue();
        } catch (error) {
          this.options.logger.warn({ err: error }, "timer pass failed; will retry");
        }
        await new Promise<void>((resolve) => {
          // A stop that came during the pass found no sleep to cut short: it must not wait a poll.
          if (!this.running) return resolve();
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }
}

export class DurableTimerTable1763769600002 implements MigrationInterface {
  name = "DurableTimerTable1763769600002";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE durable_timer (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        kind VARCHAR(50) NOT NULL,
        timer_key VARCHAR(100) NOT NULL,
        due_at DATETIME(3) NOT NULL,
        payload JSON NULL,
        attempts INT NOT NULL DEFAULT 0,
        last_error TEXT NULL,
        created_at DATETIME(3) NOT NULL,
        fired_at DATETIME(3) NULL,
        UNIQUE KEY uq_timer (kind, timer_key),
        KEY ix_timer_due (fired_at, due_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE durable_timer");
  }
}
