import type { Resolvers } from "../schema/resolvers.generated";
import { nationalTargets } from "./figures.rules";
import type { FiguresService } from "./figures.service";

const ref = (id: string | null) => (id ? { id } : null);

/** Thin: each field asks the service, which checks the caller's scope. */
export function figuresResolvers(service: FiguresService): Resolvers {
  return {
    Query: {
      supervisionFigures: (_, args, { identity }) => service.figures(identity, args),
      supervisionRanking: (_, args, { identity }) => service.ranking(identity, args),
      supervisionReport: (_, args, { identity }) => service.report(identity, args),
      publishedSupervisionReport: (_, args) => service.published(args),
    },
    SupervisionFiguresRow: {
      department: (r) => ref(r.dimension === "DEPARTMENT" ? r.key : r.departmentId),
      window: (r) => (r.dimension === "WINDOW" ? ref(r.key) : null),
      staff: (r) => (r.dimension === "STAFF" ? ref(r.key) : null),
      figures: (r) => r.figures,
    },
    SupervisionFigures: {
      refusals: (f) => f.refused,
    },
    SupervisionRankedRow: {
      department: (r) => ref(r.of === "DEPARTMENT" ? r.key : r.departmentId),
      window: (r) => (r.of === "WINDOW" ? ref(r.key) : null),
    },
    PublishedSupervisionReport: {
      from: (r) => r.period.from,
      to: (r) => r.period.to,
    },
    SupervisionReport: {
      from: (r) => r.period.from,
      to: (r) => r.period.to,
      targets: () => nationalTargets,
      csv: (r) => service.reportCsv(r),
    },
  };
}
