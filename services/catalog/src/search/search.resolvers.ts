import type { Resolvers } from "../schema/resolvers.generated";
import type { SearchService } from "./search.service";

export function searchResolvers(search: SearchService): Resolvers {
  return {
    Query: {
      searchItems: (_, args) => search.search(args),
    },
    Department: {
      __resolveReference: (reference) => ({ id: reference.id }),
      items: (department) => search.departmentItems(department.id),
    },
  };
}
