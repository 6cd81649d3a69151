import { iso } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { TownshipsService } from "./townships.service";

export function townshipsResolvers(service: TownshipsService): Resolvers {
  return {
    Query: {
      countySupervisionFigures: (_, args, { identity }) => service.countyFigures(identity, args),
      townshipMonthlyReport: (_, args, { identity }) => service.monthlyReport(identity, args),
    },
    Mutation: {
      submitTownshipReport: (_, args, { identity }) => service.submitReport(identity, args.input),
    },
    CountySupervisionFigures: {
      from: (r) => r.period.from,
      to: (r) => r.period.to,
    },
    TownshipMonthlyReport: {
      from: (r) => r.period.from,
      to: (r) => r.period.to,
      csv: (r) => service.reportCsv(r),
    },
    TownshipReportLine: {
      submission: (r) => r.report,
    },
    TownshipReportSubmission: {
      firstSubmittedAt: (r) => iso(r.firstSubmittedAt),
      submittedAt: (r) => iso(r.submittedAt),
    },
  };
}
