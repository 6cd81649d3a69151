import type { Resolvers } from "../schema/resolvers.generated";
import type { AccountsService } from "./accounts.service";

export function accountsResolvers(service: AccountsService): Resolvers {
  return {
    Query: {
      feeCollections: (_, args, context) => service.dailyCollections(context.identity, args),
    },
    Mutation: {
      configureFeeAccount: (_, args, context) => service.configure(context.identity, args.input),
    },
    Department: {
      __resolveReference: (reference) => ({ id: reference.id }),
      feeAccount: (department, _, context) => service.feeAccount(context, department.id),
      collectedToday: (department, _, context) => service.collectedToday(context, department.id),
    },
    DailyCollection: {
      department: (collection) => ({ id: collection.departmentId }),
    },
  };
}
