import type { Resolvers } from "../schema/resolvers.generated";
import type { HallService } from "./hall.service";

const ref = (id: string | null) => (id ? { id } : null);

/** Thin: the service checks the caller's scope. */
export function hallResolvers(service: HallService): Resolvers {
  return {
    Query: {
      supervisionHallFigures: (_, args, { identity }) => service.figures(identity, args),
    },
    SupervisionHall: {
      from: (h) => h.period.from,
      to: (h) => h.period.to,
    },
    SupervisionHallRow: {
      department: (r) => ref(r.dimension === "DEPARTMENT" ? r.key : r.departmentId),
      window: (r) => (r.dimension === "WINDOW" ? ref(r.key) : null),
      item: (r) => (r.dimension === "ITEM" ? ref(r.key || null) : null),
    },
  };
}
