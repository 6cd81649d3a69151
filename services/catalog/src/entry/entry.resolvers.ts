import type { Resolvers } from "../schema/resolvers.generated";
import type { EntryService } from "./entry.service";

export function entryResolvers(entry: EntryService): Resolvers {
  return {
    Query: {
      entryRate: (_, args) => entry.centerRate(args.centerCode),
    },
    Mutation: {
      setItemEntry: (_, args, context) =>
        entry.setEntry(context.identity, args.itemId, args.input),
    },
    Item: {
      entry: (item) => entry.entryOf(item.id),
    },
    ItemEntry: {
      status: (row) => (row.entered ? "ENTERED" : "NOT_ENTERED"),
      window: (row) => (row.windowId ? { id: row.windowId } : null),
      changedAt: (row) => row.changedAt.toISOString(),
    },
    Department: {
      entryRate: (department) => entry.departmentRate(department.id),
    },
    DepartmentEntryRate: {
      department: (rate) => ({ id: rate.departmentId }),
    },
  };
}
