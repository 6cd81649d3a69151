import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const catalogEnvSchema = subgraphEnvWithDefaults({ port: 4101, database: "onestop_catalog" });
export type CatalogEnv = ReturnType<typeof catalogEnvSchema.parse>;

export const loadCatalogEnv = (source = process.env) => loadEnv("catalog", catalogEnvSchema, source);
