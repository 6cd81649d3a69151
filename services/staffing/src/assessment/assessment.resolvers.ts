import type { SubgraphContext } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { AssessmentService } from "./assessment.service";

export function assessmentResolvers(service: AssessmentService, organisation: OrganisationService) {
  const window = (row: { windowId: string }) => organisation.window(row.windowId);
  const staff = (row: { staffId: string }) => organisation.staff(row.staffId);
  return {
    Query: {
      monthlyFigures: (_: unknown, args: { centerCode: string; month: string }, context: SubgraphContext) =>
        service.monthlyFigures(context.identity, args.centerCode, args.month),
      redFlagRanking: (_: unknown, args: { centerCode: string; month: string; rule?: unknown }, context: SubgraphContext) =>
        service.redFlagRanking(context.identity, args.centerCode, args.month, args.rule),
      quarterlyReport: (_: unknown, args: { centerCode: string; year: number; quarter: number; rule?: unknown }, context: SubgraphContext) =>
        service.quarterlyReport(context.identity, args.centerCode, { year: args.year, quarter: args.quarter }, args.rule),
    },
    WindowFigures: { window },
    StaffFigures: { staff },
    DepartmentFigures: { department: (row: { departmentId: string }) => organisation.department(row.departmentId) },
    LateStaff: { staff },
    WindowWarningCount: { window },
    StaffAttendance: { staff },
  };
}
