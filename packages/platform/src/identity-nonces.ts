import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import type { Clock } from "./clock";
import type { Logger } from "./logger";

/** How often expired nonces are deleted, and how many at most per statement. */
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 10_000;

const isDuplicate = (error: unknown) => {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  return e?.code === "ER_DUP_ENTRY" || e?.errno === 1062 || e?.driverError?.code === "ER_DUP_ENTRY";
};

/**
 * The nonces of the forwarded identities a service has accepted for mutations, kept in its own
 * database until their header expires, so every instance of the service refuses a header it
 * has seen before (a captured request sent again within its 30 seconds). Reads are not
 * remembered: sending a query again changes nothing and shows nothing its captured answer did
 * not.
 */
export class IdentityNonces {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** True the first time a nonce is presented, false ever after (until it has expired). */
  async accept(nonce: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.dataSource.query("INSERT INTO identity_nonce (nonce, expires_at) VALUES (?, ?)", [nonce, expiresAt]);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
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
