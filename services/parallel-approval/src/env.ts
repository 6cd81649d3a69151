import { loadEnv, subgraphEnvWithDefaults } from "@onestop/platform";

export const parallelApprovalEnvSchema = subgraphEnvWithDefaults({ port: 4105, database: "onestop_parallel_approval" });
export type ParallelApprovalEnv = ReturnType<typeof parallelApprovalEnvSchema.parse>;

export const loadParallelApprovalEnv = (source = process.env) => loadEnv("parallel-approval", parallelApprovalEnvSchema, source);
