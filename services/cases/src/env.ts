import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const casesEnvSchema = subgraphEnvWithDefaults({ port: 4102, database: "onestop_cases" });
export type CasesEnv = ReturnType<typeof casesEnvSchema.parse>;

export const loadCasesEnv = (source = process.env) => loadEnv("cases", casesEnvSchema, source);
