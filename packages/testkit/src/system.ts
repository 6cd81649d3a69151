import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { allStreams } from "@onestop/events";
import { casesEnvSchema, casesSubgraph } from "@onestop/cases";
import { catalogEnvSchema, catalogSubgraph } from "@onestop/catalog";
import { feesEnvSchema, feesSubgraph } from "@onestop/fees";
import { auditDatabaseEnvSchema, auditDatabaseSettings, gatewayEnvSchema, startGateway, type RunningGateway } from "@onestop/gateway";
import { hallEnvSchema, hallSubgraph } from "@onestop/hall";
import { parallelApprovalEnvSchema, parallelApprovalSubgraph } from "@onestop/parallel-approval";
import {
  createLogger,
  deleteStreams,
  dropDatabase,
  startSubgraph,
  subgraphEnvSchema,
  type Clock,
  type RunningSubgraph,
  type StartOptions,
  type SubgraphDefinition,
  type SubgraphEnv,
} from "@onestop/platform";
import { staffingEnvSchema, staffingSubgraph } from "@onestop/staffing";
import { resultsEnvSchema, resultsSubgraph } from "@onestop/results";
import { supervisionEnvSchema, supervisionSubgraph } from "@onestop/supervision";
import { notificationsEnvSchema, notificationsSubgraph } from "@onestop/notifications";
import { ensureDevelopmentKeys, subgraphIdentityKeyFile, type KeyFiles } from "./keys";

type AnySubgraph = { definition: SubgraphDefinition<SubgraphEnv>; schema: typeof subgraphEnvSchema };

/** Every subgraph, with the schema its environment is read by. */
export const subgraphCatalog: Record<string, AnySubgraph> = {
  catalog: { definition: catalogSubgraph, schema: catalogEnvSchema },
  cases: { definition: casesSubgraph, schema: casesEnvSchema },
  fees: { definition: feesSubgraph, schema: feesEnvSchema },
  staffing: { definition: staffingSubgraph, schema: staffingEnvSchema },
  "parallel-approval": { definition: parallelApprovalSubgraph, schema: parallelApprovalEnvSchema },
  supervision: { definition: supervisionSubgraph, schema: supervisionEnvSchema },
  results: { definition: resultsSubgraph, schema: resultsEnvSchema },
  notifications: { definition: notificationsSubgraph, schema: notificationsEnvSchema },
  hall: { definition: hallSubgraph, schema: hallEnvSchema },
} as unknown as Record<string, AnySubgraph>;

export type SubgraphName = "catalog" | "cases" | "fees" | "staffing" | "parallel-approval" | "supervision" | "results" | "notifications" | "hall";
export const subgraphNames = Object.keys(subgraphCatalog) as SubgraphName[];

export interface EnvironmentOptions {
  /** Databases are `<prefix>_<service>`. */
  databasePrefix: string;
  /** NATS subjects and streams are prefixed with it. */
  namespace: string;
  keysDir: string;
  logLevel?: string;
  natsUrl?: string;
}

export function databaseName(prefix: string, service: string): string {
  return `${prefix}_${service.replaceAll("-", "_")}`;
}

/**
 * The environment's file directories: cases' local material store, the S3 store's staging and
 * the gateway's upload holding, apart from every other environment's (tests look inside).
 */
export function fileDirectories(options: EnvironmentOptions) {
  const root = join(tmpdir(), "onestop-test-files", options.databasePrefix);
  return { root, materials: join(root, "materials"), staging: join(root, "staging"), gatewayUploads: join(root, "gateway-uploads"), documents: join(root, "documents"), documentStaging: join(root, "document-staging") };
}

export function subgraphEnv(name: SubgraphName, options: EnvironmentOptions, keys: KeyFiles): SubgraphEnv {
  return subgraphCatalog[name].schema.parse({
    ...process.env,
    NODE_ENV: "test",
    PORT: "0",
    DB_NAME: databaseName(options.databasePrefix, name),
    NATS_NAMESPACE: options.namespace,
    NATS_URL: options.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, name),
    // Staffing signs access tokens at login with the key the test gateway trusts.
    AUTH_SIGNING_KEY_FILE: keys.accessTokenPrivateJwkFile,
    LOG_LEVEL: options.logLevel ?? "warn",
    OUTBOX_POLL_MS: "200",
    MATERIALS_DIR: fileDirectories(options).materials,
    MATERIAL_STAGING_DIR: fileDirectories(options).staging,
    DOCUMENTS_DIR: fileDirectories(options).documents,
    DOCUMENT_STAGING_DIR: fileDirectories(options).documentStaging,
    // Proof-of-work challenges a test solves in milliseconds, not the second a person's phone spends.
    CHALLENGE_COST: process.env.CHALLENGE_COST ?? "10",
    CHALLENGE_MAX_COUNTER: process.env.CHALLENGE_MAX_COUNTER ?? "20",
    // Seeding a county hashes 76 staff passwords: at 2^10 each takes a few milliseconds, not 170.
    PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST ?? "10",
    // What the notifications' development SMS gateway would send, apart from every other environment's.
    SMS_DEV_OUTBOX: join(fileDirectories(options).root, "sms-outbox.jsonl"),
    SMS_POLL_MS: "100",
  });
}

/** The gateway's own database (its audit log) in the environment, on the server the subgraphs use. */
export function gatewayAuditDatabase(options: EnvironmentOptions) {
  return {
    AUDIT_DB_HOST: process.env.DB_HOST ?? "127.0.0.1",
    AUDIT_DB_PORT: process.env.DB_PORT ?? "3306",
    AUDIT_DB_USER: process.env.DB_USER ?? "root",
    AUDIT_DB_PASSWORD: process.env.DB_PASSWORD ?? "",
    AUDIT_DB_NAME: databaseName(options.databasePrefix, "gateway"),
  };
}

/** Drops the environment's databases and streams, so a run starts from nothing. */
export async function resetEnvironment(options: EnvironmentOptions): Promise<void> {
  const keys = ensureDevelopmentKeys(options.keysDir);
  for (const name of subgraphNames) await dropDatabase(subgraphEnv(name, options, keys));
  await dropDatabase(auditDatabaseSettings(auditDatabaseEnvSchema.parse(gatewayAuditDatabase(options))));
  const nats = await connect({ servers: options.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  await deleteStreams(nats, options.namespace, allStreams);
  await nats.close();
  await rm(fileDirectories(options).root, { recursive: true, force: true });
}

export interface RunningSystem {
  gatewayUrl: string;
  keys: KeyFiles;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

export async function startOneSubgraph(
  name: SubgraphName,
  options: EnvironmentOptions,
  startOptions: StartOptions = {},
): Promise<RunningSubgraph> {
  const keys = ensureDevelopmentKeys(options.keysDir);
  const env = subgraphEnv(name, options, keys);
  return startSubgraph(subgraphCatalog[name].definition, env, {
    logger: createLogger(name, env.LOG_LEVEL),
    ...startOptions,
  });
}

/**
 * The gateway's configuration in front of these subgraphs, as the system runs it; `overrides`
 * for a second gateway a test starts beside the system's (other keys, other settings).
 */
export function gatewayEnvFor(
  subgraphs: Record<SubgraphName, { url: string }>,
  keys: KeyFiles,
  options: EnvironmentOptions,
  overrides: Record<string, string> = {},
) {
  return gatewayEnvSchema.parse({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: options.logLevel ?? "warn",
    CATALOG_URL: subgraphs.catalog.url,
    CASES_URL: subgraphs.cases.url,
    FEES_URL: subgraphs.fees.url,
    STAFFING_URL: subgraphs.staffing.url,
    PARALLEL_APPROVAL_URL: subgraphs["parallel-approval"].url,
    SUPERVISION_URL: subgraphs.supervision.url,
    RESULTS_URL: subgraphs.results.url,
    NOTIFICATIONS_URL: subgraphs.notifications.url,
    HALL_URL: subgraphs.hall.url,
    IDENTITY_SECRET_FILE: keys.identitySecretFile,
    AUTH_JWKS_FILE: keys.jwksFile,
    ...gatewayAuditDatabase(options),
    // As deployed: kiosk searches from the public cache, emptied by the namespace's catalog events.
    PUBLIC_CACHE: "on",
    UPLOAD_TEMP_DIR: fileDirectories(options).gatewayUploads,
    NATS_URL: options.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    NATS_NAMESPACE: options.namespace,
    ...overrides,
  });
}

/** All six subgraphs and the gateway in this process, on free ports. */
export async function startSystem(options: EnvironmentOptions & { clock?: Clock; gatewayOverrides?: Record<string, string> }): Promise<RunningSystem> {
  const keys = ensureDevelopmentKeys(options.keysDir);
  const started = await Promise.all(subgraphNames.map((name) => startOneSubgraph(name, options, { clock: options.clock })));
  const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
  const gatewayEnv = gatewayEnvFor(subgraphs, keys, options, options.gatewayOverrides);
  const gateway = await startGateway(gatewayEnv, { clock: options.clock });
  return {
    gatewayUrl: gateway.url,
    keys,
    subgraphs,
    gateway,
    stop: async () => {
      await gateway.stop();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}
