import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const parallelApprovalEnvSchema = subgraphEnvWithDefaults({ port: 4105, database: "onestop_parallel_approval" }).extend({
  /** How often the joint clocks' durable timers (warnings, deemed consent, escalation) are polled. */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(1000),
});
export type ParallelApprovalEnv = z.infer<typeof parallelApprovalEnvSchema>;

export const loadParallelApprovalEnv = (source = process.env) => loadEnv("parallel-approval", parallelApprovalEnvSchema, source);
