import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const staffingEnvSchema = subgraphEnvWithDefaults({ port: 4104, database: "onestop_staffing" });
export type StaffingEnv = ReturnType<typeof staffingEnvSchema.parse>;

export const loadStaffingEnv = (source = process.env) => loadEnv("staffing", staffingEnvSchema, source);
