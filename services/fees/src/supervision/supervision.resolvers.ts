import type { SubgraphContext } from "@onestop/platform";
import type { FeeIrregularityRow } from "./entities";
import type { SupervisionService } from "./supervision.service";

export function supervisionResolvers(service: SupervisionService) {
  return {
    Query: {
      feeIrregularities: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => service.list(context.identity, args),
    },
    FeeIrregularity: {
      department: (row: FeeIrregularityRow) => (row.departmentId ? { id: row.departmentId } : null),
      case: (row: FeeIrregularityRow) => (row.caseId ? { id: row.caseId } : null),
      detectedAt: (row: FeeIrregularityRow) => row.detectedAt.toISOString(),
    },
  };
}
