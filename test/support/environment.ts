import { join } from "node:path";
import type { EnvironmentOptions } from "@onestop/testkit";

/**
 * A test file's own environment: databases `onestop_test_<label>_*` and NATS namespace
 * `t_<label>`, apart from development data and from every other test file.
 */
export function testEnvironment(label: string): EnvironmentOptions {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return {
    databasePrefix: `onestop_test_${safe}`,
    namespace: `t_${safe}`,
    keysDir: join(__dirname, "..", "..", ".local", "test-keys"),
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
  };
}
