import { invalidInput, type SubgraphContext } from "@onestop/platform";
import type { StaffRow, WindowRow } from "../organisation/entities";
import type { OrganisationService } from "../organisation/organisation.service";
import { iso } from "../time";
import type { AttendanceService, WindowDutyView } from "./attendance.service";
import type { AttendancePunchRow, DutyWarningRow, LeaveNoticeRow } from "./entities";

function instant(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw invalidInput([`${field}: not an ISO 8601 instant`]);
  return parsed;
}

export function attendanceResolvers(service: AttendanceService, organisation: OrganisationService) {
  return {
    Query: {
      dutyRoster: (_: unknown, args: { centerCode: string; at?: string | null }) => service.dutyRoster(args.centerCode, instant(args.at, "at")),
      leaveNotices: (_: unknown, args: { centerCode: string; from: string; until: string }, context: SubgraphContext) =>
        service.leaveNotices(context.identity, args.centerCode, instant(args.from, "from")!, instant(args.until, "until")!),
      dutyWarnings: (_: unknown, args: { centerCode: string; from: string; until: string }, context: SubgraphContext) =>
        service.dutyWarnings(context.identity, args.centerCode, instant(args.from, "from")!, instant(args.until, "until")!),
    },
    Mutation: {
      clockIn: (_: unknown, __: unknown, context: SubgraphContext) => service.clockIn(context.identity),
      clockOut: (_: unknown, __: unknown, context: SubgraphContext) => service.clockOut(context.identity),
      postLeaveNotice: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.postLeaveNotice(context.identity, args.input),
      cancelLeaveNotice: (_: unknown, args: { id: string }, context: SubgraphContext) => service.cancelLeaveNotice(context.identity, args.id),
    },
    Window: {
      duty: (window: WindowRow, args: { at?: string | null }) => service.windowDuty(window, instant(args.at, "at")),
    },
    Staff: {
      leaveNotices: (staff: StaffRow, _: unknown, context: SubgraphContext) => service.leavesOfStaff(context.identity, staff),
    },
    WindowDuty: {
      at: (duty: WindowDutyView) => iso(duty.at),
    },
    LeaveNotice: {
      staff: (leave: LeaveNoticeRow) => organisation.staff(leave.staffId),
      startsAt: (leave: LeaveNoticeRow) => iso(leave.startsAt),
      endsAt: (leave: LeaveNoticeRow) => iso(leave.endsAt),
      postedAt: (leave: LeaveNoticeRow) => iso(leave.postedAt),
      cancelledAt: (leave: LeaveNoticeRow) => iso(leave.cancelledAt),
    },
    AttendancePunch: {
      staff: (punch: AttendancePunchRow) => organisation.staff(punch.staffId),
      at: (punch: AttendancePunchRow) => iso(punch.at),
    },
    DutyWarning: {
      window: (warning: DutyWarningRow) => organisation.window(warning.windowId),
      from: (warning: DutyWarningRow) => iso(warning.fromAt),
      until: (warning: DutyWarningRow) => iso(warning.untilAt),
      raisedAt: (warning: DutyWarningRow) => iso(warning.raisedAt),
    },
  };
}
