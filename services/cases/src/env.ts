import { z } from "zod";
import { challengeEnvShape, challengeKeyRequiredInProduction, loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const casesEnvSchema = subgraphEnvWithDefaults({ port: 4102, database: "onestop_cases" }).extend({
  /** How often the durable timers (warnings, deemed approval, deferred materials) are polled. */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Failed progress look-ups of one receipt number that lock its look-up (docs/cases.md). */
  PROGRESS_LOOKUP_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** How long a lock of the progress look-up lasts, and the window failures are counted in. */
  PROGRESS_LOOKUP_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Failed progress look-ups from one client, of any receipts, that lock the client's look-ups. */
  PROGRESS_LOOKUP_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The proof-of-work challenge an anonymous look-up carries (docs/security.md, "Guessing"). */
  ...challengeEnvShape,
}).superRefine(challengeKeyRequiredInProduction);
export type CasesEnv = z.infer<typeof casesEnvSchema>;

export const loadCasesEnv = (source = process.env) => loadEnv("cases", casesEnvSchema, source);
