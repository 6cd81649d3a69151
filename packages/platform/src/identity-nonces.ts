import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import type { Clock } from "./clock";
import { isDuplicateKey } from "./db";
import type { Logger } from "./logger";

/** How often expired nonces are deleted, and how many at most per statement. */
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 10_000;

/** The most nonces one insert records. */
const INSERT_BATCH = 200;

interface Presented {
  nonce: string;
  expiresAt: Date;
  settle(accepted: boolean): void;
  fail(error: unknown): void;
}

/**
 * The nonces of the forwarded identities a service has accepted for mutations, kept in its own
 * database until their header expires, so every instance of the service refuses a header it
 * has seen before (a captured request sent again within its 30 seconds). Reads are not
 * remembered: sending a query again changes nothing and shows nothing its captured answer did
 * not.
 */
export class IdentityNonces {
  private timer: NodeJS.Timeout | null = null;
  /** Presented while an insert is on its way: they go together in the next one, one statement and one commit. */
  private waiting: Presented[] = [];
  private inserting = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** True the first time a nonce is presented, false ever after (until it has expired). */
  accept(nonce: string, expiresAt: Date): Promise<boolean> {
    return new Promise((settle, fail) => {
      this.waiting.push({ nonce, expiresAt, settle, fail });
      if (!this.inserting) void this.insertWaiting();
    });
  }

  private async insertWaiting(): Promise<void> {
    this.inserting = true;
    try {
      while (this.waiting.length > 0) await this.insert(this.waiting.splice(0, INSERT_BATCH));
    } finally {
      this.inserting = false;
    }
  }

  /** One statement for the lot; a duplicate fails the whole statement, which then records none. */
  private async insert(batch: readonly Presented[]): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO identity_nonce (nonce, expires_at) VALUES ${batch.map(() => "(?, ?)").join(", ")}`,
        batch.flatMap((presented) => [presented.nonce, presented.expiresAt]),
      );
      for (const presented of batch) presented.settle(true);
    } catch (error) {
      if (!isDuplicateKey(error)) {
        for (const presented of batch) presented.fail(error);
      } else if (batch.length === 1) {
        batch[0].settle(false);
      } else {
        // A replay among them (or the same header twice in the lot): each on its own says which, the first of twins accepted.
        for (const presented of batch) await this.insert([presented]);
      }
    }
  }

  /** Deletes the nonces whose headers have expired: they would be refused as expired anyway. */
  async prune(): Promise<number> {
    const result = (await this.dataSource.query("DELETE FROM identity_nonce WHERE expires_at < ? LIMIT ?", [this.clock.now(), PRUNE_BATCH])) as {
      affectedRows?: number;
    };
    return result.affectedRows ?? 0;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) => this.logger.warn({ err: error }, "pruning identity nonces failed"));
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

export class IdentityNonces1763769601500 implements MigrationInterface {
  name = "IdentityNonces1763769601500";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_nonce (
        nonce CHAR(22) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
        expires_at DATETIME(3) NOT NULL,
        KEY ix_identity_nonce_expires (expires_at)
      ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE identity_nonce");
  }
}
