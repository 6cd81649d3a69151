import { createHash } from "node:crypto";
import type { DataSource, QueryRunner } from "typeorm";

/**
 * Failures counted against guessing (a password, the ID number that goes with a receipt), per
 * key: an account name, a receipt number, a client address, or a pair of them. After
 * `maxFailures` within `windowSeconds` the key is locked; the first lock lasts `lockSeconds`
 * and each further one twice the last, never more than `maxLockSeconds`.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this (since the first of a run) are forgotten. */
  windowSeconds: number;
}

/** What is kept of one key. */
export interface ThrottleState {
  failures: number;
  windowEndsAt: Date;
  /** Locks so far in this run; the next one doubles. */
  locks: number;
  lockedUntil: Date | null;
  /** The row may be deleted after this: nothing in it counts any more. */
  expiresAt: Date;
}

export function isThrottled(state: ThrottleState | null, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const at = now.getTime();
  const live = state && state.expiresAt.getTime() > at ? state : null;
  const inWindow = live && live.windowEndsAt.getTime() > at;
  const failures = (inWindow ? live.failures : 0) + 1;
  const windowEndsAt = inWindow ? live.windowEndsAt : new Date(at + policy.windowSeconds * 1000);
  let locks = live?.locks ?? 0;
  let lockedUntil = live?.lockedUntil && live.lockedUntil.getTime() > at ? live.lockedUntil : null;
  if (failures >= policy.maxFailures && !lockedUntil) {
    const seconds = Math.min(policy.lockSeconds * 2 ** locks, policy.maxLockSeconds);
    lockedUntil = new Date(at + seconds * 1000);
    locks += 1;
    // Locked, the run starts over: the next lock needs as many failures again.
    return { failures: 0, windowEndsAt: lockedUntil, locks, lockedUntil, expiresAt: new Date(lockedUntil.getTime() + policy.maxLockSeconds * 1000) };
  }
  const last = Math.max(windowEndsAt.getTime(), lockedUntil?.getTime() ?? 0);
  // The count of locks (what makes the next one longer) is kept a while after the last.
  return { failures, windowEndsAt, locks, lockedUntil, expiresAt: new Date(last + (locks > 0 ? policy.maxLockSeconds * 1000 : 0)) };
}

/** The key as stored: a hash, so that the table holds no ID number, account name or address. */
const keyHash = (key: string) => createHash("sha256").update(`onestop throttle v1\n${key}`, "utf8").digest();

/**
 * One key to count a failure against. `group` gathers keys about one thing (an account name,
 * whichever client failed with it), so that its locks can be read and lifted together.
 */
export interface ThrottleEntry {
  key: string;
  group?: string;
  policy: ThrottlePolicy;
}

const TABLE = "failure_throttle";

/**
 * The counts in the service's database, so that every instance of the service shares them.
 * Rows whose `expires_at` has passed count as absent and are deleted as failures come in.
 */
export class FailureThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Until when the first of `keys` that is locked stays so, or null. */
  async lockedUntil(keys: readonly string[], now: Date): Promise<Date | null> {
    if (keys.length === 0) return null;
    const rows = (await this.dataSource.query(
      `SELECT locked_until FROM ${TABLE} WHERE key_hash IN (${keys.map(() => "?").join(", ")}) AND locked_until > ?`,
      [...keys.map(keyHash), now],
    )) as Array<{ locked_until: Date }>;
    if (rows.length === 0) return null;
    return new Date(Math.max(...rows.map((row) => new Date(row.locked_until).getTime())));
  }

  /** Whether any of `keys` has failures or a lock still on record (a row not yet expired). */
  async anyRecorded(keys: readonly string[], now: Date): Promise<boolean> {
    if (keys.length === 0) return false;
    const rows = (await this.dataSource.query(`SELECT 1 FROM ${TABLE} WHERE key_hash IN (${keys.map(() => "?").join(", ")}) AND expires_at > ? LIMIT 1`, [
      ...keys.map(keyHash),
      now,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Until when anything of the group stays locked, or null. */
  async groupLockedUntil(group: string, now: Date): Promise<Date | null> {
    const [row] = (await this.dataSource.query(`SELECT MAX(locked_until) AS until FROM ${TABLE} WHERE group_hash = ? AND locked_until > ?`, [
      keyHash(group),
      now,
    ])) as Array<{ until: Date | null }>;
    return row?.until ? new Date(row.until) : null;
  }

  /** One more failure for each key, each under its own policy; the row is locked while it is counted, so parallel failures all count. */
  async recordFailure(entries: readonly ThrottleEntry[], now: Date): Promise<void> {
    for (const { key, group, policy } of entries) {
      const hash = keyHash(key);
      await this.dataSource.transaction(async (manager) => {
        // ON DUPLICATE KEY UPDATE, not INSERT IGNORE: it takes the existing row's exclusive lock at once. INSERT IGNORE's shared
        // lock, upgraded by the SELECT … FOR UPDATE below, deadlocked parallel failures, and a deadlocked failure went uncounted.
        await manager.query(
          `INSERT INTO ${TABLE} (key_hash, group_hash, failures, window_ends_at, locks, locked_until, expires_at) VALUES (?, ?, 0, ?, 0, NULL, ?) ON DUPLICATE KEY UPDATE key_hash = key_hash`,
          [hash, group === undefined ? null : keyHash(group), now, now],
        );
        const [row] = (await manager.query(`SELECT failures, window_ends_at, locks, locked_until, expires_at FROM ${TABLE} WHERE key_hash = ? FOR UPDATE`, [hash])) as Array<{
          failures: number;
          window_ends_at: Date;
          locks: number;
          locked_until: Date | null;
          expires_at: Date;
        }>;
        const state = row
          ? { failures: row.failures, windowEndsAt: new Date(row.window_ends_at), locks: row.locks, lockedUntil: row.locked_until && new Date(row.locked_until), expiresAt: new Date(row.expires_at) }
          : null;
        const next = afterFailure(state, policy, now);
        await manager.query(`UPDATE ${TABLE} SET failures = ?, window_ends_at = ?, locks = ?, locked_until = ?, expires_at = ? WHERE key_hash = ?`, [
          next.failures,
          next.windowEndsAt,
          next.locks,
          next.lockedUntil,
          next.expiresAt,
          hash,
        ]);
      });
    }
    // Expired rows are cleared by the failures that keep adding them, a few at a time.
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE expires_at < ? LIMIT 100`, [now]);
  }

  /** Forgets the keys' failures and locks (a right password). */
  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE key_hash IN (${keys.map(() => "?").join(", ")})`, keys.map(keyHash));
  }

  /** Forgets the failures and locks of the whole group, whichever client they came from (an administrator's reset). */
  async clearGroup(group: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE group_hash = ?`, [keyHash(group)]);
  }
}

/** The table, for the migrations of each service that throttles. */
export async function createFailureThrottleTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`CREATE TABLE ${TABLE} (
    key_hash BINARY(32) NOT NULL PRIMARY KEY,
    group_hash BINARY(32) NULL,
    failures INT NOT NULL,
    window_ends_at DATETIME(3) NOT NULL,
    locks INT NOT NULL,
    locked_until DATETIME(3) NULL,
    expires_at DATETIME(3) NOT NULL,
    KEY ix_failure_throttle_expires (expires_at),
    KEY ix_failure_throttle_group (group_hash)
  ) ENGINE=InnoDB`);
}

export async function dropFailureThrottleTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE ${TABLE}`);
}

