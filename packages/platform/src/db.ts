import "reflect-metadata";
import { readFileSync } from "node:fs";
import { createConnection } from "mysql2/promise";
import { DataSource, type EntityManager, type MixedList, type EntitySchema } from "typeorm";
import type { Logger } from "./logger";

export interface DatabaseSettings {
  DB_HOST: string;
  DB_PORT: number;
  /** A Unix socket of a server on the same host: cheaper per statement than TCP; wins over host and port. */
  DB_SOCKET_PATH?: string;
  DB_USER: string;
  DB_PASSWORD: string;
  DB_PASSWORD_FILE?: string;
  DB_NAME: string;
  DB_POOL_SIZE: number;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

export interface OpenDatabaseOptions {
  settings: DatabaseSettings;
  entities: MixedList<Constructor | string | EntitySchema>;
  migrations: Constructor[];
  logger: Logger;
}

function endpoint(settings: DatabaseSettings): { socketPath: string } | { host: string; port: number } {
  return settings.DB_SOCKET_PATH ? { socketPath: settings.DB_SOCKET_PATH } : { host: settings.DB_HOST, port: settings.DB_PORT };
}

function password(settings: DatabaseSettings): string {
  return settings.DB_PASSWORD_FILE ? readFileSync(settings.DB_PASSWORD_FILE, "utf8").trim() : settings.DB_PASSWORD;
}

async function serverConnection(settings: DatabaseSettings) {
  return createConnection({
    ...endpoint(settings),
    user: settings.DB_USER,
    password: password(settings),
  });
}

export async function ensureDatabase(settings: DatabaseSettings): Promise<void> {
  const connection = await serverConnection(settings);
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${settings.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(settings: DatabaseSettings): Promise<void> {
  const connection = await serverConnection(settings);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${settings.DB_NAME}\``);
  } finally {
    await connection.end();
  }
}

/**
 * Opens the service's own database, creating it if missing and running its migrations
 * under a server-wide named lock, so several instances starting together migrate once.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DataSource> {
  const { settings } = options;
  await ensureDatabase(settings);
  const dataSource = new DataSource({
    type: "mysql",
    ...endpoint(settings),
    username: settings.DB_USER,
    password: password(settings),
    database: settings.DB_NAME,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migrations",
    synchronize: false,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    poolSize: settings.DB_POOL_SIZE,
    logging: false,
    // mysql2 otherwise captures a stack trace for every statement, a sizeable share of a
    // busy service's CPU; a failed statement still carries its SQL error code and message.
    extra: { trace: false },
  });
  await dataSource.initialize();
  const lockName = `migrate:${settings.DB_NAME}`;
  const lock = await serverConnection(settings);
  try {
    await lock.query("SELECT GET_LOCK(?, 120)", [lockName]);
    const applied = await dataSource.runMigrations({ transaction: "each" });
    if (applied.length > 0) {
      options.logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
    }
  } finally {
    await lock.query("SELECT RELEASE_LOCK(?)", [lockName]).catch(() => undefined);
    await lock.end();
  }
  return dataSource;
}

/** Whether the database answers, for /ready. */
export async function databaseReachable(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * MySQL's duplicate-key error, the signal most compare-and-set inserts rely on; with `key`, only
 * a duplicate of that unique key (its name is in the message).
 */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  const e = error as { code?: string; errno?: number; message?: string; driverError?: { code?: string } };
  const duplicate = e?.code === "ER_DUP_ENTRY" || e?.errno === 1062 || e?.driverError?.code === "ER_DUP_ENTRY";
  return duplicate && (key === undefined || String(e.message).includes(`'${key}'`));
}

export type { EntityManager };
