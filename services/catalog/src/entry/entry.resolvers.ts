import type { SubgraphContext } from "@onestop/platform";
import type { ItemView } from "../items/item-view";
import type { ItemEntryRow } from "./entities";
import type { EntryService } from "./entry.service";

export function entryResolvers(entry: EntryService) {
  return {
    Query: {
      entryRate: (_: unknown, args: { centerCode: string }) => entry.centerRate(args.centerCode),
    },
    Mutation: {
      setItemEntry: (_: unknown, args: { itemId: string; input: unknown }, context: SubgraphContext) =>
        entry.setEntry(context.identity, args.itemId, args.input),
    },
    Item: {
      entry: (item: ItemView) => entry.entryOf(item.id),
    },
    ItemEntry: {
      status: (row: ItemEntryRow) => (row.entered ? "ENTERED" : "NOT_ENTERED"),
      window: (row: ItemEntryRow) => (row.windowId ? { id: row.windowId } : null),
      changedAt: (row: ItemEntryRow) => row.changedAt.toISOString(),
    },
    Department: {
      entryRate: (department: { id: string }) => entry.departmentRate(department.id),
    },
    DepartmentEntryRate: {
      department: (rate: { departmentId: string }) => ({ id: rate.departmentId }),
    },
  };
}
