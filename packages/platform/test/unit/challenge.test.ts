import { createSecretKey, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { challengeEnvShape, challengeKeyRequiredInProduction, deriveChallengeKey, loadChallengeKey } from "../../src/challenge";
import { parseEnv, subgraphEnvWithDefaults } from "../../src/env";

const schema = subgraphEnvWithDefaults({ port: 4199, database: "onestop_example" }).extend(challengeEnvShape).superRefine(challengeKeyRequiredInProduction);
const production = { NODE_ENV: "production", IDENTITY_KEY_FILE: "x", DB_USER: "cases", DB_PASSWORD_FILE: "/run/secrets/db" };

test("production names the challenge key file; development does without, with a second's work by default", () => {
  expect(parseEnv(schema, production)).toEqual({ ok: false, problems: [expect.stringMatching(/^CHALLENGE_KEY_FILE: required in production/)] });
  expect(parseEnv(schema, { ...production, CHALLENGE_KEY_FILE: "/run/secrets/challenge_key_cases" }).ok).toBe(true);
  expect(parseEnv(schema, { IDENTITY_KEY_FILE: "x" })).toMatchObject({ ok: true, env: { CHALLENGE_COST: 1000, CHALLENGE_MAX_COUNTER: 600, CHALLENGE_TTL_SECONDS: 300 } });
});

test("a service's challenge key is its own: derived per service, and in development from its identity key", () => {
  const secret = createSecretKey(randomBytes(32));
  const bytes = (key: ReturnType<typeof deriveChallengeKey>) => key.export().toString("hex");
  expect(bytes(deriveChallengeKey(secret, "cases"))).not.toEqual(bytes(deriveChallengeKey(secret, "staffing")));
  expect(bytes(deriveChallengeKey(secret, "cases"))).not.toEqual(secret.export().toString("hex"));
  const dir = mkdtempSync(join(tmpdir(), "challenge-key-"));
  writeFileSync(join(dir, "identity-key-cases"), secret.export().toString("base64"));
  const settings = { NODE_ENV: "development", IDENTITY_KEY_FILE: join(dir, "identity-key-cases"), CHALLENGE_COST: 1, CHALLENGE_MAX_COUNTER: 1, CHALLENGE_TTL_SECONDS: 60 };
  expect(bytes(loadChallengeKey(settings, "cases"))).toEqual(bytes(deriveChallengeKey(secret, "cases")));
  expect(() => loadChallengeKey({ ...settings, NODE_ENV: "production" }, "cases")).toThrow("CHALLENGE_KEY_FILE is required in production");
  writeFileSync(join(dir, "challenge-key"), randomBytes(32).toString("base64"));
  expect(bytes(loadChallengeKey({ ...settings, NODE_ENV: "production", CHALLENGE_KEY_FILE: join(dir, "challenge-key") }, "cases"))).not.toEqual(bytes(deriveChallengeKey(secret, "cases")));
});
