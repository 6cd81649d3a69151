import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const casesEnvSchema = subgraphEnvWithDefaults({ port: 4102, database: "onestop_cases" }).extend({
  /** How often the durable timers (warnings, deemed approval, deferred materials) are polled. */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(1000),
});
export type CasesEnv = z.infer<typeof casesEnvSchema>;

export const loadCasesEnv = (source = process.env) => loadEnv("cases", casesEnvSchema, source);
