import type { SubgraphContext } from "@onestop/platform";
import type { CasesService } from "./cases.service";
import type { CaseRow } from "./entities";

export function casesResolvers(service: CasesService) {
  return {
    Query: {
      case: (_: unknown, args: { id: string }, context: SubgraphContext) => service.findCase(context.identity, args.id),
    },
    Mutation: {
      submitCase: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.submitCase(context.identity, args.input),
      acceptCase: (_: unknown, args: { caseId: string }, context: SubgraphContext) => service.acceptCase(context.identity, args.caseId),
    },
    Case: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => service.findCase(context.identity, reference.id),
      item: (row: CaseRow) => ({ id: row.itemId }),
      department: (row: CaseRow) => ({ id: row.departmentId }),
      submittedAt: (row: CaseRow) => row.submittedAt.toISOString(),
      acceptedAt: (row: CaseRow) => row.acceptedAt?.toISOString() ?? null,
    },
  };
}
