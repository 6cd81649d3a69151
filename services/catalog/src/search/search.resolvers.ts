import type { SearchService } from "./search.service";

export function searchResolvers(search: SearchService) {
  return {
    Query: {
      searchItems: (_: unknown, args: Record<string, unknown>) => search.search(args),
    },
    Department: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      items: (department: { id: string }) => search.departmentItems(department.id),
    },
  };
}
