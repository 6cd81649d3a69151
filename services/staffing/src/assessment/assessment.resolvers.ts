import type { SubgraphContext } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { AssessmentService } from "./assessment.service";
import type { Resolvers } from "../schema/resolvers.generated";

export function assessmentResolvers(service: AssessmentService, organisation: OrganisationService): Resolvers {
  const window = (row: { windowId: string }, _: unknown, context: SubgraphContext) => organisation.windowsById.loadExisting(context, row.windowId);
  const staff = (row: { staffId: string }, _: unknown, context: SubgraphContext) => organisation.staffById.loadExisting(context, row.staffId);
  return {
    Query: {
      monthlyFigures: (_, args, context) =>
        service.monthlyFigures(context.identity, args.centerCode, args.month),
      redFlagRanking: (_, args, context) =>
        service.redFlagRanking(context.identity, args.centerCode, args.month, args.rule),
      quarterlyReport: (_, args, context) =>
        service.quarterlyReport(context.identity, args.centerCode, { year: args.year, quarter: args.quarter }, args.rule),
    },
    WindowFigures: { window },
    StaffFigures: { staff },
    DepartmentFigures: { department: (row, _, context) => organisation.departmentsById.loadExisting(context, row.departmentId) },
    LateStaff: { staff },
    WindowWarningCount: { window },
    StaffAttendance: { staff },
  };
}
