import { z } from "zod";
import { tracingEnvSchema } from "./telemetry/tracing";

/** Settings every process has, the gateway included. */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The admin listener's address (/metrics for Prometheus): loopback unless a scraper on another
   * host (a container network) must reach it. Never the public port.
   */
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** off: no admin port and nothing counted (the overhead benchmark's baseline). */
  METRICS: z.enum(["on", "off"]).default("on"),
  /** The admin listener's port; unset, the service's PORT + 1000 (any free one when PORT is 0). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  ...tracingEnvSchema.shape,
});

/** Settings every subgraph has; a service extends this with its own. */
export const subgraphEnvSchema = serviceEnvSchema.extend({
  DB_HOST: z.string().min(1).default("127.0.0.1"),
  DB_PORT: z.coerce.number().int().min(1).max(65535).default(3306),
  /** The server's Unix socket when it runs on the same host (wins over DB_HOST and DB_PORT). */
  DB_SOCKET_PATH: z.string().min(1).optional(),
  DB_USER: z.string().min(1).default("root"),
  DB_PASSWORD: z.string().default(""),
  /** A file holding the password (a container secret); wins over DB_PASSWORD. */
  DB_PASSWORD_FILE: z.string().min(1).optional(),
  DB_NAME: z.string().regex(/^[A-Za-z0-9_]+$/, "letters, digits and _ only"),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  NATS_URL: z.string().min(1).default("nats://127.0.0.1:4222"),
  /** Prefix of every subject and stream, so several environments can share a NATS server. */
  NATS_NAMESPACE: z.string().regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _").default("onestop"),
  /**
   * File of this subgraph's own identity key (32 bytes in base64), derived from the gateway's
   * secret for the subgraph's name (scripts/identity-keys.js): forwarded identities are MACed with it.
   */
  IDENTITY_KEY_FILE: z.string().min(1),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
});
export type SubgraphEnv = z.infer<typeof subgraphEnvSchema>;

/** A service's schema: the common settings with its own default port and database. */
export function subgraphEnvWithDefaults(defaults: { port: number; database: string }) {
  return subgraphEnvSchema.extend({
    PORT: subgraphEnvSchema.shape.PORT.default(defaults.port),
    DB_NAME: subgraphEnvSchema.shape.DB_NAME.default(defaults.database),
  });
}

export type EnvResult<T> = { ok: true; env: T } | { ok: false; problems: string[] };

/** Development conveniences that must not reach production unnoticed. */
function productionProblems(env: Record<string, unknown>): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (env.DB_USER === "root" && !env.DB_PASSWORD && !env.DB_PASSWORD_FILE) {
    problems.push("DB_USER: root without a password is for development only");
  }
  return problems;
}

export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): EnvResult<z.infer<S>> {
  const result = schema.safeParse(source);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    };
  }
  const problems = productionProblems(result.data as Record<string, unknown>);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, env: result.data };
}

/** Reads the configuration or, listing every problem at once, exits. */
export function loadEnv<S extends z.ZodType>(
  serviceName: string,
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = parseEnv(schema, source);
  if (result.ok) return result.env;
  process.stderr.write(
    `${serviceName}: invalid configuration\n${result.problems.map((p) => `  - ${p}`).join("\n")}\n`,
  );
  process.exit(1);
}
