import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { challengeEnvShape, challengeKeyRequiredInProduction, loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const staffingEnvSchema = subgraphEnvWithDefaults({ port: 4104, database: "onestop_staffing" }).extend({
  /** The private Ed25519 JWK (with its kid) that signs access tokens at login; login is refused without one. */
  AUTH_SIGNING_KEY_FILE: z.string().min(1).optional(),
  AUTH_ISSUER: z.string().min(1).default("onestop"),
  AUTH_AUDIENCE: z.string().min(1).default("onestop-gateway"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** Wrong passwords from one client for one name that lock the name for that client (docs/accounts.md, "Lock-out"). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** The first lock; each further one doubles. */
  LOGIN_FIRST_LOCK_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(60),
  /** The longest a lock lasts. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Wrong passwords for one name from any clients that lock it for all. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Wrong passwords from one client for any names that lock the client. */
  LOGIN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * scrypt's cost for new password and secret hashes, as log2 of N (docs/accounts.md): 15 in
   * production, which refuses less; the test systems, which seed hundreds of accounts, use 10.
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
  /** The proof-of-work challenge sign-in asks for once the name or the client has failed (docs/accounts.md). */
  ...challengeEnvShape,
}).superRefine((env, context) => {
  challengeKeyRequiredInProduction(env, context);
  if (env.NODE_ENV === "production" && env.PASSWORD_HASH_COST < 15) {
    context.addIssue({ code: "custom", path: ["PASSWORD_HASH_COST"], message: "at least 15 in production" });
  }
});
export type StaffingEnv = z.infer<typeof staffingEnvSchema>;

export const loadStaffingEnv = (source = process.env) => loadEnv("staffing", staffingEnvSchema, source);

/** Where `pnpm start` keeps the development keys. */
const developmentSigningKey = join(__dirname, "..", "..", "..", ".local", "keys", "access-token-private.jwk.json");

/** The configured signing key; in development, the one `pnpm start` generated when none is configured. */
export function signingKeyFile(env: StaffingEnv): string | null {
  if (env.AUTH_SIGNING_KEY_FILE) return env.AUTH_SIGNING_KEY_FILE;
  return env.NODE_ENV === "development" && existsSync(developmentSigningKey) ? developmentSigningKey : null;
}
