import { z } from "zod";
import { parseEnv, subgraphEnvWithDefaults } from "../../src/env";

const schema = subgraphEnvWithDefaults({ port: 4199, database: "onestop_example" });

test("defaults fill what a service can assume and the result is typed", () => {
  const result = parseEnv(schema, { IDENTITY_KEY_FILE: "/keys/identity-key-example" });
  expect(result).toMatchObject({
    ok: true,
    env: { PORT: 4199, DB_NAME: "onestop_example", DB_PORT: 3306, NATS_NAMESPACE: "onestop", NODE_ENV: "development" },
  });
});

test("every problem is listed at once, by variable", () => {
  const result = parseEnv(schema, { PORT: "http", DB_NAME: "bad-name!", NATS_NAMESPACE: "Upper", NODE_ENV: "staging" });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const variables = result.problems.map((problem) => problem.split(":")[0]).sort();
  expect(variables).toEqual(["DB_NAME", "IDENTITY_KEY_FILE", "NATS_NAMESPACE", "NODE_ENV", "PORT"]);
});

test("a service's own variables join the common ones", () => {
  const extended = schema.extend({ BANK_ACCOUNT: z.string().min(1) });
  const result = parseEnv(extended, { IDENTITY_KEY_FILE: "x" });
  expect(result.ok ? [] : result.problems).toEqual(["BANK_ACCOUNT: Invalid input: expected string, received undefined"]);
});

test("production refuses the development database login", () => {
  const result = parseEnv(schema, { NODE_ENV: "production", IDENTITY_KEY_FILE: "x" });
  expect(result.ok ? [] : result.problems).toEqual(["DB_USER: root without a password is for development only"]);
  expect(parseEnv(schema, { NODE_ENV: "production", IDENTITY_KEY_FILE: "x", DB_USER: "cases", DB_PASSWORD_FILE: "/run/secrets/db" }).ok).toBe(true);
});
