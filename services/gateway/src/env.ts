import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { loadEnv, serviceEnvSchema, subgraphEnvSchema, type DatabaseSettings } from "@onestop/platform";
import type { QueryLimits } from "./limits/query-limits.rules";

/** A subgraph's GraphQL endpoint; its /health sits beside it. */
const url = z
  .string()
  .url()
  .regex(/^https?:\/\/[^/]+(\/.*)?\/graphql$/, "an http(s) URL ending in /graphql");

const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The gateway's own database: the audit log of every mutation (also read by `pnpm audit:verify`). */
export const auditDatabaseEnvSchema = z.object({
  AUDIT_DB_HOST: z.string().min(1).default("127.0.0.1"),
  AUDIT_DB_PORT: positiveInt(1, 65535).default(3306),
  AUDIT_DB_USER: z.string().min(1).default("root"),
  AUDIT_DB_PASSWORD: z.string().default(""),
  /** A file holding the password (a container secret); wins over AUDIT_DB_PASSWORD. */
  AUDIT_DB_PASSWORD_FILE: z.string().min(1).optional(),
  AUDIT_DB_NAME: z.string().regex(/^[A-Za-z0-9_]+$/, "letters, digits and _ only").default("onestop_gateway"),
  AUDIT_DB_POOL_SIZE: positiveInt(1, 100).default(5),
});
export type AuditDatabaseEnv = z.infer<typeof auditDatabaseEnvSchema>;

export const gatewayEnvSchema = serviceEnvSchema
  .extend({
    PORT: serviceEnvSchema.shape.PORT.default(4000),
    SUPERGRAPH_FILE: z.string().min(1).default(join(__dirname, "..", "supergraph.graphql")),
    /** The portal's build, served at / beside /graphql when it holds an index.html (`pnpm build` makes it). */
    PORTAL_DIR: z.string().default(join(__dirname, "..", "..", "..", "apps", "portal", "dist")),
    CATALOG_URL: url.default("http://127.0.0.1:4101/graphql"),
    CASES_URL: url.default("http://127.0.0.1:4102/graphql"),
    FEES_URL: url.default("http://127.0.0.1:4103/graphql"),
    STAFFING_URL: url.default("http://127.0.0.1:4104/graphql"),
    PARALLEL_APPROVAL_URL: url.default("http://127.0.0.1:4105/graphql"),
    /** Supervision's GraphQL endpoint; its push stream (/stream) sits beside it and is relayed at /supervision/stream. */
    SUPERVISION_URL: url.default("http://127.0.0.1:4106/graphql"),
    /** Results' GraphQL endpoint; its documents (/documents/<id>) sit beside it and are relayed at the same path. */
    RESULTS_URL: url.default("http://127.0.0.1:4109/graphql"),
    /** Notifications to applicants: the inbox, contact preferences, deliveries (docs/notifications.md). */
    NOTIFICATIONS_URL: url.default("http://127.0.0.1:4108/graphql"),
    /** The hall floor's (取号叫号) GraphQL endpoint; its public screen stream (/stream) is relayed at /hall/stream. */
    HALL_URL: url.default("http://127.0.0.1:4110/graphql"),
    /**
     * File of the master identity secret (32 bytes in base64). Each subgraph's key is derived
     * from it for the subgraph's name, and the identity forwarded to a subgraph is MACed with it.
     */
    IDENTITY_SECRET_FILE: z.string().min(1),
    /** JSON Web Key Set of the public keys that access tokens may be signed with (several during a rotation). */
    AUTH_JWKS_FILE: z.string().min(1),
    /** How often the key set file is read again (an unknown key id also makes it be read, at most once a second). */
    AUTH_JWKS_REFRESH_SECONDS: positiveInt(1, 3600).default(30),
    AUTH_ISSUER: z.string().min(1).default("onestop"),
    AUTH_AUDIENCE: z.string().min(1).default("onestop-gateway"),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    /** The largest material file POST /uploads takes (docs/materials.md); cases' MATERIAL_MAX_BYTES should be no smaller. */
    UPLOAD_MAX_BYTES: positiveInt(1024, 1024 * 1024 * 1024).default(20 * 1024 * 1024),
    /** Where an upload is held while it comes in and is hashed, before it is streamed on to cases. */
    UPLOAD_TEMP_DIR: z.string().min(1).default(join(tmpdir(), "onestop-gateway-uploads")),
    /** Lexical tokens a document may have; parsing stops past it. */
    QUERY_MAX_TOKENS: positiveInt(100, 1_000_000).default(20_000),
    /** Levels of nested fields an operation may have. */
    QUERY_MAX_DEPTH: positiveInt(2, 100).default(12),
    /** Fields an operation may resolve, each counted once per item of the lists around it. */
    QUERY_MAX_COST: positiveInt(10, 10_000_000).default(10_000),
    /** Aliased fields an operation may have. */
    QUERY_MAX_ALIASES: positiveInt(0, 10_000).default(30),
    /** Times one response name may be selected in one selection set. */
    QUERY_MAX_FIELD_REPEATS: positiveInt(1, 1000).default(10),
    /** What a list without a size argument (first, last, limit) counts as. */
    QUERY_DEFAULT_LIST_SIZE: positiveInt(1, 10_000).default(10),
    /**
     * Answers anonymous public catalog queries from memory, emptied by the catalog's changes
     * on NATS (see docs/gateway-performance.md). Off unless asked for: it is only as right as
     * NATS_NAMESPACE, which must be the subgraphs' own.
     */
    PUBLIC_CACHE: z.enum(["on", "off"]).default("off"),
    /** The longest an answer is kept, whatever the feed says: a backstop, not the freshness mechanism. */
    PUBLIC_CACHE_TTL_SECONDS: positiveInt(1, 3600).default(10),
    PUBLIC_CACHE_MAX_ENTRIES: positiveInt(1, 1_000_000).default(10_000),
    /** Bytes of keys and bodies kept at most. */
    PUBLIC_CACHE_MAX_BYTES: positiveInt(1024, 4_294_967_296).default(64 * 1024 * 1024),
    /** Where the catalog's changes are heard (the public cache's invalidation feed). */
    NATS_URL: subgraphEnvSchema.shape.NATS_URL,
    NATS_NAMESPACE: subgraphEnvSchema.shape.NATS_NAMESPACE,
    ...auditDatabaseEnvSchema.shape,
  });
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** Development conveniences that must not reach production unnoticed (as the platform checks DB_USER). */
export function gatewayProductionProblems(env: GatewayEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  return env.AUDIT_DB_USER === "root" && !env.AUDIT_DB_PASSWORD && !env.AUDIT_DB_PASSWORD_FILE
    ? ["AUDIT_DB_USER: root without a password is for development only"]
    : [];
}

export function loadGatewayEnv(source = process.env): GatewayEnv {
  const env = loadEnv("gateway", gatewayEnvSchema, source);
  const problems = gatewayProductionProblems(env);
  if (problems.length === 0) return env;
  process.stderr.write(`gateway: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}

/** The audit database's settings in the shape the platform opens databases with. */
export function auditDatabaseSettings(env: AuditDatabaseEnv): DatabaseSettings {
  return {
    DB_HOST: env.AUDIT_DB_HOST,
    DB_PORT: env.AUDIT_DB_PORT,
    DB_USER: env.AUDIT_DB_USER,
    DB_PASSWORD: env.AUDIT_DB_PASSWORD,
    DB_PASSWORD_FILE: env.AUDIT_DB_PASSWORD_FILE,
    DB_NAME: env.AUDIT_DB_NAME,
    DB_POOL_SIZE: env.AUDIT_DB_POOL_SIZE,
  };
}

/** The query limits' settings in the shape the limiter takes them. */
export function queryLimitSettings(env: GatewayEnv): QueryLimits & { maxTokens: number } {
  return {
    maxTokens: env.QUERY_MAX_TOKENS,
    maxDepth: env.QUERY_MAX_DEPTH,
    maxCost: env.QUERY_MAX_COST,
    maxRepeats: env.QUERY_MAX_FIELD_REPEATS,
    maxAliases: env.QUERY_MAX_ALIASES,
    defaultListSize: env.QUERY_DEFAULT_LIST_SIZE,
  };
}
