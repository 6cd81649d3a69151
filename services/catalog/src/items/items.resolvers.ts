import type { SubgraphContext } from "@onestop/platform";
import type { CurrentItem } from "./entities";
import { speedUpRatio } from "./item.rules";
import type { ItemsService } from "./items.service";

export function itemsResolvers(service: ItemsService) {
  return {
    Query: {
      item: (_: unknown, args: { id: string }) => service.item(args.id),
      items: (_: unknown, args: { centerCode: string }) => service.items(args.centerCode),
    },
    Mutation: {
      createItem: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.createItem(context.identity, args.input),
    },
    Item: {
      __resolveReference: (reference: { id: string }) => service.item(reference.id),
      speedUpRatio: (item: CurrentItem) => speedUpRatio(item.legalLimitDays, item.promisedLimitDays),
      department: (item: CurrentItem) => ({ id: item.departmentId }),
    },
  };
}
