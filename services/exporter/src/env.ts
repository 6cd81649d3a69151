import { z } from "zod";
import { loadEnv, serviceEnvSchema } from "@onestop/platform";

const flag = z.stringbool();

/**
 * The exporter to the provincial e-supervision platform. It runs only where KAFKA_BROKERS is
 * set (scripts/start.js and the compose profile `supervision-export` start it then).
 */
export const exporterEnvSchema = serviceEnvSchema
  .extend({
    PORT: serviceEnvSchema.shape.PORT.default(4107),
    NATS_URL: z.string().min(1).default("nats://127.0.0.1:4222"),
    NATS_NAMESPACE: z.string().regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _").default("onestop"),
    /** The province's brokers, `host:port` separated by commas; unset, nothing is exported. */
    KAFKA_BROKERS: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(",").map((b) => b.trim()).filter(Boolean))
      .refine((brokers) => brokers.every((b) => /^[^\s:]+:\d+$/.test(b)), "host:port, separated by commas"),
    KAFKA_CLIENT_ID: z.string().min(1).default("onestop-county-exporter"),
    /** Each record family is the topic `<prefix><family>`, e.g. `onestop.supervision.case-stage`. */
    KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-'").default("onestop.supervision."),
    KAFKA_SSL: flag.default(false),
    /** The province's CA certificate (PEM) when its brokers' certificates are not publicly trusted. */
    KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
    KAFKA_SASL_MECHANISM: z.enum(["plain", "scram-sha-256", "scram-sha-512"]).optional(),
    KAFKA_SASL_USERNAME: z.string().min(1).optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    /** A file holding the SASL password (a container secret); wins over KAFKA_SASL_PASSWORD. */
    KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional(),
    /** kafkajs's idempotent producer; librdkafka's mock cluster (the tests) cannot serve it. */
    KAFKA_IDEMPOTENT: flag.default(true),
    KAFKA_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Events per Kafka request, and the most a source stream hands out unacknowledged. */
    EXPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    /** The longest pause between attempts while Kafka does not answer. */
    EXPORT_MAX_BACKOFF_MS: z.coerce.number().int().positive().default(30_000),
    EXPORT_ITEM_CODE_WAIT_MS: z.coerce.number().int().nonnegative().default(5_000),
    EXPORT_ACK_WAIT_MS: z.coerce.number().int().min(1000).default(60_000),
    EXPORT_LAG_POLL_MS: z.coerce.number().int().positive().default(5_000),
  })
  .superRefine((env, ctx) => {
    if (env.KAFKA_SASL_MECHANISM && !env.KAFKA_SASL_USERNAME) {
      ctx.addIssue({ code: "custom", path: ["KAFKA_SASL_USERNAME"], message: "required with KAFKA_SASL_MECHANISM" });
    }
    if (env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_PASSWORD === undefined && !env.KAFKA_SASL_PASSWORD_FILE) {
      ctx.addIssue({ code: "custom", path: ["KAFKA_SASL_PASSWORD"], message: "KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required with KAFKA_SASL_MECHANISM" });
    }
  });
export type ExporterEnv = z.infer<typeof exporterEnvSchema>;

export const loadExporterEnv = (source = process.env) => loadEnv("exporter", exporterEnvSchema, source);
