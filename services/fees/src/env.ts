import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const feesEnvSchema = subgraphEnvWithDefaults({ port: 4103, database: "onestop_fees" });
export type FeesEnv = ReturnType<typeof feesEnvSchema.parse>;

export const loadFeesEnv = (source = process.env) => loadEnv("fees", feesEnvSchema, source);
