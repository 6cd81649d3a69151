import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { loadParallelApprovalEnv, type ParallelApprovalEnv } from "./env";

export { parallelApprovalEnvSchema } from "./env";
import { JointApprovalRow } from "./joint-approvals/entities";
import { JointApprovalsRepository } from "./joint-approvals/joint-approvals.repository";
import { jointApprovalsResolvers } from "./joint-approvals/joint-approvals.resolvers";
import { JointApprovalsService } from "./joint-approvals/joint-approvals.service";
import { JointApprovals1763769600050 } from "./joint-approvals/migrations/1763769600050-joint-approvals";

export const parallelApprovalSubgraph: SubgraphDefinition<ParallelApprovalEnv> = {
  name: "parallel-approval",
  rootDir: join(__dirname, ".."),
  entities: [JointApprovalRow],
  migrations: [JointApprovals1763769600050],
  wire({ dataSource }) {
    const jointApprovals = new JointApprovalsService(new JointApprovalsRepository(dataSource));
    return { resolvers: mergeResolvers(jointApprovalsResolvers(jointApprovals)) };
  },
};

if (require.main === module) void runSubgraph(parallelApprovalSubgraph, loadParallelApprovalEnv());
