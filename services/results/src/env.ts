import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

const centerNames = z
  .string()
  .transform((text, context) => {
    try {
      const parsed = z.record(z.string().regex(/^\d{12}$/), z.string().min(1)).parse(JSON.parse(text));
      return parsed;
    } catch {
      context.addIssue({ code: "custom", message: 'a JSON object of 12-digit center codes to names: {"511722000000":"宣汉县政务服务中心"}' });
      return z.NEVER;
    }
  });

export const resultsEnvSchema = subgraphEnvWithDefaults({ port: 4109, database: "onestop_results" })
  .extend({
    /** The name printed at the head of every document, per center code (JSON). */
    CENTER_NAMES: centerNames.default({ "511722000000": "宣汉县政务服务中心" }),
    /** The CJK font embedded (subset) in every PDF: Debian's fonts-noto-cjk. A .ttc needs RESULTS_FONT_NAME. */
    RESULTS_FONT_PATH: z.string().min(1).default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    RESULTS_FONT_NAME: z.string().default("NotoSerifCJKsc-Regular"),
    RESULTS_FONT_BOLD_PATH: z.string().min(1).default("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    RESULTS_FONT_BOLD_NAME: z.string().default("NotoSansCJKsc-Bold"),
    /** The public page a document's QR code points to: `<url>/<verification code>`. */
    VERIFY_URL: z.string().url().default("http://localhost:4000/verify"),
    /**
     * The key verification codes are derived with (HMAC-SHA256 of the document's id): whoever
     * holds it could mint codes, so production reads it from a file (a container secret).
     */
    VERIFICATION_KEY: z.string().min(16).default("development-verification-key-not-for-production"),
    VERIFICATION_KEY_FILE: z.string().min(1).optional(),
    /** Failed public checks from one client that lock its checks for VERIFY_LOCK_MINUTES. */
    VERIFY_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
    VERIFY_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** A licence's validity when its item's template does not set one, in years. */
    LICENCE_VALID_YEARS: z.coerce.number().int().min(1).max(100).default(5),
    /** Where documents are kept: the same store as cases' material files (docs/materials.md). */
    DOCUMENT_STORE: z.enum(["local", "s3"]).default("local"),
    DOCUMENTS_DIR: z.string().min(1).default(join(__dirname, "..", "..", "..", ".local", "documents")),
    DOCUMENT_STAGING_DIR: z.string().min(1).default(join(tmpdir(), "onestop-documents-staging")),
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name").optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY_FILE: z.string().min(1).optional(),
    S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, "path segments each ending in /").default("documents/"),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === "production" && !env.VERIFICATION_KEY_FILE) {
      context.addIssue({ code: "custom", path: ["VERIFICATION_KEY_FILE"], message: "required in production (the development key is public)" });
    }
    if (env.DOCUMENT_STORE !== "s3") return;
    for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID"] as const) {
      if (!env[name]) context.addIssue({ code: "custom", path: [name], message: "required when DOCUMENT_STORE is s3" });
    }
    if (!env.S3_SECRET_ACCESS_KEY && !env.S3_SECRET_ACCESS_KEY_FILE) {
      context.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "required when DOCUMENT_STORE is s3 (or S3_SECRET_ACCESS_KEY_FILE)" });
    }
  });
export type ResultsEnv = z.infer<typeof resultsEnvSchema>;

export const loadResultsEnv = (source = process.env) => loadEnv("results", resultsEnvSchema, source);
