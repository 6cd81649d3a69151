import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

/** `{"511722000000":"宣汉县政务服务中心"}`: the name each center signs its messages with (【…】). */
const centerNames = z
  .string()
  .transform((text, context) => {
    try {
      const parsed = z.record(z.string().regex(/^\d{12}$/), z.string().min(2).max(20)).parse(JSON.parse(text));
      return parsed;
    } catch {
      context.addIssue({ code: "custom", message: 'a JSON object of 12-digit center codes to names, e.g. {"511722000000":"宣汉县政务服务中心"}' });
      return z.NEVER;
    }
  });

export const notificationsEnvSchema = subgraphEnvWithDefaults({ port: 4108, database: "onestop_notifications" }).extend({
  CENTER_NAMES: centerNames.default({ "511722000000": "宣汉县政务服务中心" }),
  /** Signs a message of a center CENTER_NAMES does not name. */
  DEFAULT_CENTER_NAME: z.string().min(2).max(20).default("政务服务中心"),
  /** The SMS gateway: `dev` writes what it would send to SMS_DEV_OUTBOX (one JSON line a message); `off` sends nothing (every SMS stays PENDING). */
  SMS_GATEWAY: z.enum(["dev", "off"]).default("dev"),
  SMS_DEV_OUTBOX: z.string().min(1).default(".local/sms-outbox.jsonl"),
  /** Test seam of the dev gateway: it takes this long per message, as a real one's HTTP call would. */
  SMS_DEV_DELAY_MS: z.coerce.number().int().nonnegative().default(0),
  /** Test seam: the dev gateway answers this long after it recorded a message (a carrier's answer on its way back). */
  SMS_DEV_ANSWER_DELAY_MS: z.coerce.number().int().nonnegative().default(0),
  /** Whether this process sends (the subgraph does unless another process, `notifications:sender`, is the sender). */
  SMS_SENDER: z.enum(["on", "off"]).default("on"),
  /** How often the sender looks for messages due. */
  SMS_POLL_MS: z.coerce.number().int().positive().default(200),
  /** Messages one pass claims; they are sent SMS_CONCURRENCY at a time. */
  SMS_BATCH: z.coerce.number().int().positive().max(500).default(50),
  SMS_CONCURRENCY: z.coerce.number().int().positive().max(64).default(4),
  /**
   * How long a claimed message is the claimer's: a sender that dies leaves it SENDING, and once
   * the claim runs out another pass asks the gateway whether it went before sending it again.
   */
  SMS_CLAIM_MS: z.coerce.number().int().positive().default(30_000),
  /** Attempts before a message is FAILED (retried with exponential backoff in between). */
  SMS_MAX_ATTEMPTS: z.coerce.number().int().positive().max(50).default(8),
  /** The first retry's delay; each next one doubles, up to SMS_RETRY_MAX_MS. */
  SMS_RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
  SMS_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
});
export type NotificationsEnv = z.infer<typeof notificationsEnvSchema>;

export const loadNotificationsEnv = (source = process.env) => loadEnv("notifications", notificationsEnvSchema, source);
