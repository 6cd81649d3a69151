import { invalidInput, iso } from "@onestop/platform";
import type { OrganisationService } from "../organisation/organisation.service";
import type { AttendanceService } from "./attendance.service";
import type { Resolvers } from "../schema/resolvers.generated";

function instant(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw invalidInput([{ field, message: "not an ISO 8601 instant" }]);
  return parsed;
}

export function attendanceResolvers(service: AttendanceService, organisation: OrganisationService): Resolvers {
  return {
    Query: {
      dutyRoster: (_, args) => service.dutyRoster(args.centerCode, instant(args.at, "at")),
      leaveNotices: (_, args, context) =>
        service.leaveNotices(context.identity, args.centerCode, instant(args.from, "from")!, instant(args.until, "until")!),
      dutyWarnings: (_, args, context) =>
        service.dutyWarnings(context.identity, args.centerCode, instant(args.from, "from")!, instant(args.until, "until")!),
    },
    Mutation: {
      clockIn: (_, __, context) => service.clockIn(context.identity),
      clockOut: (_, __, context) => service.clockOut(context.identity),
      postLeaveNotice: (_, args, context) => service.postLeaveNotice(context.identity, args.input),
      cancelLeaveNotice: (_, args, context) => service.cancelLeaveNotice(context.identity, args.id),
    },
    Window: {
      duty: (window, args) => service.windowDuty(window, instant(args.at, "at")),
    },
    Staff: {
      leaveNotices: (staff, _, context) => service.leavesOfStaff(context.identity, staff),
    },
    WindowDuty: {
      at: (duty) => iso(duty.at),
    },
    LeaveNotice: {
      staff: (leave, _, context) => organisation.staffById.loadExisting(context, leave.staffId),
      startsAt: (leave) => iso(leave.startsAt),
      endsAt: (leave) => iso(leave.endsAt),
      postedAt: (leave) => iso(leave.postedAt),
      cancelledAt: (leave) => iso(leave.cancelledAt),
    },
    AttendancePunch: {
      staff: (punch, _, context) => organisation.staffById.loadExisting(context, punch.staffId),
      at: (punch) => iso(punch.at),
    },
    DutyWarning: {
      window: (warning, _, context) => organisation.windowsById.loadExisting(context, warning.windowId),
      from: (warning) => iso(warning.fromAt),
      until: (warning) => iso(warning.untilAt),
      raisedAt: (warning) => iso(warning.raisedAt),
    },
  };
}
