import type { Resolvers } from "../schema/resolvers.generated";
import type { ScreensService } from "../screens/screens.service";
import type { FiguresService } from "./figures.service";

export function figuresResolvers(service: FiguresService, screens: ScreensService): Resolvers {
  return {
    Query: {
      hallFigures: (_, args, { identity }) => service.figures(identity, args),
    },
    HallFigures: {
      issued: (f) => f.total.issued,
      served: (f) => f.total.served,
      noShows: (f) => f.total.noShows,
      meanWaitingSeconds: (f) => f.total.meanWaitingSeconds,
      meanHandlingSeconds: (f) => f.total.meanHandlingSeconds,
    },
    HallFigureRow: {
      window: (r) => screens.window(r.windowId),
      item: (r) => (r.itemId ? { id: r.itemId } : null),
    },
  };
}
