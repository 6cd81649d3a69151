import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { challengeEnvShape, challengeKeyRequiredInProduction, loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

const MIB = 1024 * 1024;

export const casesEnvSchema = subgraphEnvWithDefaults({ port: 4102, database: "onestop_cases" })
  .extend({
    /** How often the durable timers (warnings, deemed approval, deferred materials) are polled. */
    TIMER_POLL_MS: z.coerce.number().int().positive().default(1000),
    /** Failed progress look-ups of one receipt number that lock its look-up (docs/cases.md). */
    PROGRESS_LOOKUP_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** How long a lock of the progress look-up lasts, and the window failures are counted in. */
    PROGRESS_LOOKUP_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Failed progress look-ups from one client, of any receipts, that lock the client's look-ups. */
    PROGRESS_LOOKUP_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Where material files are kept (docs/materials.md): a local directory, or an S3-compatible bucket. */
    MATERIAL_STORE: z.enum(["local", "s3"]).default("local"),
    /** The local store's directory (a volume in the containers). */
    MATERIALS_DIR: z.string().min(1).default(join(__dirname, "..", "..", "..", ".local", "materials")),
    /** Where the S3 store writes an upload while hashing it, before it goes to the bucket. */
    MATERIAL_STAGING_DIR: z.string().min(1).default(join(tmpdir(), "onestop-materials-staging")),
    /** The largest material file cases takes; the gateway's UPLOAD_MAX_BYTES should be no larger. */
    MATERIAL_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * MIB).default(20 * MIB),
    /** An upload no case refers to is deleted this long after it came. */
    MATERIAL_UNLINKED_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),
    /** How often unreferenced uploads and blobs are swept. */
    MATERIAL_SWEEP_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** The S3-compatible endpoint, path-style (`https://minio.internal:9000`). */
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name").optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** A file holding the secret key (a container secret); wins over S3_SECRET_ACCESS_KEY. */
    S3_SECRET_ACCESS_KEY_FILE: z.string().min(1).optional(),
    /** Prefix of every key in the bucket (`materials/`). */
    S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, "path segments each ending in /").default(""),
    /** The proof-of-work challenge an anonymous look-up carries (docs/security.md, "Guessing"). */
    ...challengeEnvShape,
  })
  .superRefine(challengeKeyRequiredInProduction)
  .superRefine((env, context) => {
    if (env.MATERIAL_STORE !== "s3") return;
    const required = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID"] as const;
    for (const name of required) {
      if (!env[name]) context.addIssue({ code: "custom", path: [name], message: "required when MATERIAL_STORE is s3" });
    }
    if (!env.S3_SECRET_ACCESS_KEY && !env.S3_SECRET_ACCESS_KEY_FILE) {
      context.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "required when MATERIAL_STORE is s3 (or S3_SECRET_ACCESS_KEY_FILE)" });
    }
  });
export type CasesEnv = z.infer<typeof casesEnvSchema>;

export const loadCasesEnv = (source = process.env) => loadEnv("cases", casesEnvSchema, source);
