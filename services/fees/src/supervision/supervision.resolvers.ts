import type { Resolvers } from "../schema/resolvers.generated";
import type { SupervisionService } from "./supervision.service";

export function supervisionResolvers(service: SupervisionService): Resolvers {
  return {
    Query: {
      feeIrregularities: (_, args, context) => service.list(context.identity, args),
      feeIrregularityPage: (_, args, context) => service.page(context.identity, args),
    },
    FeeIrregularity: {
      department: (row) => (row.departmentId ? { id: row.departmentId } : null),
      case: (row) => (row.caseId ? { id: row.caseId } : null),
      detectedAt: (row) => row.detectedAt.toISOString(),
    },
  };
}
