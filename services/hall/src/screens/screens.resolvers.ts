import type { Resolvers } from "../schema/resolvers.generated";
import type { ScreensService } from "./screens.service";

/** The kiosk's, the calling screen's and the board's queries: public. */
export function screensResolvers(service: ScreensService): Resolvers {
  return {
    Query: {
      hallServices: (_, { centerCode }) => service.services(centerCode),
      hallScreen: (_, { centerCode }) => service.screen(centerCode),
      hallBoard: (_, { centerCode, day }) => service.boardOf(centerCode, day),
    },
    HallService: {
      department: (s) => ({ id: s.department.id }),
      departmentName: (s) => s.department.name,
      prefix: (s) => s.department.prefix,
      items: (s) => s.items.map((i) => ({ id: i.id, name: i.name, item: { id: i.id } })),
    },
  };
}
