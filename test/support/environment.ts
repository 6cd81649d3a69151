import { createHash } from "node:crypto";
import { join } from "node:path";
import type { EnvironmentOptions } from "@onestop/testkit";

/**
 * The jest run this worker belongs to (set by test/global-setup.js): databases and
 * streams carry it, so two runs on one machine never share or drop each other's data.
 */
export function testRunId(): string {
  return process.env.ONESTOP_TEST_RUN ?? `r${process.pid.toString(36)}`;
}

/** MySQL names stop at 64 characters; long labels keep a readable head and a hash. */
function shortLabel(label: string): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  if (safe.length <= 24) return safe;
  return `${safe.slice(0, 17)}_${createHash("sha256").update(safe).digest("hex").slice(0, 6)}`;
}

/** A database of the test run, for tests that open one directly. */
export function testDatabaseName(label: string): string {
  return `onestop_test_${testRunId()}_${shortLabel(label)}`;
}

/** A NATS namespace of the test run, for tests that publish directly. */
export function testNamespace(label: string): string {
  return `t_${testRunId()}_${shortLabel(label)}`;
}

/**
 * A test file's own environment: databases `onestop_test_<run>_<label>_*` and NATS
 * namespace `t_<run>_<label>`, apart from development data and from every other test file.
 */
export function testEnvironment(label: string): EnvironmentOptions {
  return {
    databasePrefix: testDatabaseName(label),
    namespace: testNamespace(label),
    keysDir: join(__dirname, "..", "..", ".local", "test-keys"),
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
  };
}
