import type { SubgraphContext } from "@onestop/platform";
import type { AccountsService, DailyCollection } from "./accounts.service";

export function accountsResolvers(service: AccountsService) {
  return {
    Query: {
      feeCollections: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => service.dailyCollections(context.identity, args),
    },
    Mutation: {
      configureFeeAccount: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.configure(context.identity, args.input),
    },
    Department: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      feeAccount: (department: { id: string }) => service.feeAccount(department.id),
      collectedToday: (department: { id: string }, _: unknown, context: SubgraphContext) => service.collectedToday(context.identity, department.id),
    },
    DailyCollection: {
      department: (collection: DailyCollection) => ({ id: collection.departmentId }),
    },
  };
}
