import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const supervisionEnvSchema = subgraphEnvWithDefaults({ port: 4106, database: "onestop_supervision" }).extend({
  /** How often the durable timers (a clock turning yellow or red, a window's absence starting or ending) are polled. */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(250),
  /** A clock warns YELLOW once this share of its working days is used (红黄牌: 黄牌). */
  WARNING_YELLOW_SHARE: z.coerce.number().gt(0).lt(1).default(0.8),
  /** A reported case (上报件) is to be forwarded within this many working days of its acceptance. */
  FORWARD_WITHIN_WORKING_DAYS: z.coerce.number().int().nonnegative().default(2),
});
export type SupervisionEnv = z.infer<typeof supervisionEnvSchema>;

export const loadSupervisionEnv = (source = process.env) => loadEnv("supervision", supervisionEnvSchema, source);
