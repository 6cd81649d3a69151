import type { SubgraphContext } from "@onestop/platform";
import type { JointApprovalRow } from "./entities";
import type { JointApprovalsService } from "./joint-approvals.service";

export function jointApprovalsResolvers(service: JointApprovalsService) {
  return {
    Query: {
      jointApproval: (_: unknown, args: { id: string }, context: SubgraphContext) => service.jointApproval(context.identity, args.id),
    },
    JointApproval: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => service.jointApproval(context.identity, reference.id),
      leadDepartment: (row: JointApprovalRow) => ({ id: row.leadDepartmentId }),
      openedAt: (row: JointApprovalRow) => row.openedAt.toISOString(),
    },
  };
}
