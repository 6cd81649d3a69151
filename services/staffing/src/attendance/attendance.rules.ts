import type { PunchKind } from "@onestop/events";
import { StaffingErrorCode } from "../errors";

/** A leave notice covers at most this long; longer absences are a change of post holder. */
export const MAX_LEAVE_DAYS = 90;

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** Two half-open intervals [startsAt, endsAt) overlap when each starts before the other ends. */
export function overlaps(x: Interval, y: Interval): boolean {
  return x.startsAt < y.endsAt && y.startsAt < x.endsAt;
}

export function leaveProblems(leave: Interval): string[] {
  const problems: string[] = [];
  if (leave.endsAt <= leave.startsAt) problems.push("endsAt: must be after startsAt");
  if (leave.endsAt.getTime() - leave.startsAt.getTime() > MAX_LEAVE_DAYS * 86_400_000) {
    problems.push(`endsAt: a leave notice covers at most ${MAX_LEAVE_DAYS} days`);
  }
  return problems;
}

/** A staff member has one leave notice at a time: a new one may not overlap one still standing. */
export function overlappingLeave<L extends Interval>(leave: Interval, standing: readonly L[]): L | null {
  return standing.find((other) => overlaps(leave, other)) ?? null;
}

/** Clock-ins and clock-outs alternate within a day, starting with a clock-in. */
export function punchViolation(kind: PunchKind, lastKindToday: PunchKind | null) {
  if (kind === "IN" && lastKindToday === "IN") return StaffingErrorCode.AlreadyClockedIn;
  if (kind === "OUT" && lastKindToday !== "IN") return StaffingErrorCode.NotClockedIn;
  return null;
}
