import { mkdirSync, readFileSync } from "node:fs";
import type { CasesEnv } from "../../env";
import { S3Store } from "@onestop/platform";
import { LocalDirectoryStore, type MaterialStore } from "./material-store";

/** The store MATERIAL_STORE names, its staging directory made (env.ts has checked the S3 settings are all there). */
export function materialStore(env: CasesEnv): MaterialStore {
  if (env.MATERIAL_STORE === "s3") {
    mkdirSync(env.MATERIAL_STAGING_DIR, { recursive: true });
    const secretAccessKey = env.S3_SECRET_ACCESS_KEY_FILE ? readFileSync(env.S3_SECRET_ACCESS_KEY_FILE, "utf8").trim() : env.S3_SECRET_ACCESS_KEY!;
    return new S3Store(
      { endpoint: env.S3_ENDPOINT!, bucket: env.S3_BUCKET!, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey, prefix: env.S3_PREFIX },
      env.MATERIAL_STAGING_DIR,
    );
  }
  const store = new LocalDirectoryStore(env.MATERIALS_DIR);
  mkdirSync(store.stagingDir, { recursive: true });
  return store;
}
