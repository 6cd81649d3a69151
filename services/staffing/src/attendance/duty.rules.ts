import { endOfShanghaiDay } from "@onestop/calendar";
import type { PostPosition, PunchKind } from "@onestop/events";

/**
 * A/B posts (AB岗): the A post holder serves the window; when A is away the B post holder
 * covers automatically, so no window is left unattended. Who is away is known from leave
 * notices (离岗告示) and from clocking out before the day is over.
 */
export interface WindowPosts {
  windowId: string;
  aPostStaffId: string | null;
  bPostStaffId: string | null;
}

/** Away from the hall from `from` (inclusive) until `until` (exclusive); null: no known end. */
export interface Absence {
  staffId: string;
  from: Date;
  until: Date | null;
}

export interface Punch {
  staffId: string;
  kind: PunchKind;
  at: Date;
}

export type DutyStatus =
  /** The A post holder is present and serves. */
  | "A_ON_DUTY"
  /** A is away (or the A post is unfilled) and the B post holder covers. */
  | "B_COVERING"
  /** Both holders are away: a supervision warning. */
  | "UNATTENDED"
  /** Neither post has a holder yet. */
  | "UNSTAFFED";

export interface Duty {
  windowId: string;
  status: DutyStatus;
  staffId: string | null;
  post: PostPosition | null;
}

export function covers(absence: Pick<Absence, "from" | "until">, at: Date): boolean {
  const t = at.getTime();
  return absence.from.getTime() <= t && (absence.until === null || t < absence.until.getTime());
}

export function isAbsent(staffId: string, absences: readonly Absence[], at: Date): boolean {
  return absences.some((absence) => absence.staffId === staffId && covers(absence, at));
}

export function dutyAt(window: WindowPosts, absences: readonly Absence[], at: Date): Duty {
  const { windowId, aPostStaffId: a, bPostStaffId: b } = window;
  if (a && !isAbsent(a, absences, at)) return { windowId, status: "A_ON_DUTY", staffId: a, post: "A" };
  if (b && !isAbsent(b, absences, at)) return { windowId, status: "B_COVERING", staffId: b, post: "B" };
  return { windowId, status: a || b ? "UNATTENDED" : "UNSTAFFED", staffId: null, post: null };
}

/**
 * Clocking out leaves the hall for the rest of that day, until the next clock-in. Not having
 * clocked in yet is not an absence: leaving is what a leave notice or a clock-out announces.
 */
export function absencesFromPunches(punches: readonly Punch[]): Absence[] {
  const byStaff = new Map<string, Punch[]>();
  for (const punch of punches) byStaff.set(punch.staffId, [...(byStaff.get(punch.staffId) ?? []), punch]);
  const absences: Absence[] = [];
  for (const [staffId, own] of byStaff) {
    const ordered = [...own].sort((x, y) => x.at.getTime() - y.at.getTime());
    ordered.forEach((punch, index) => {
      if (punch.kind !== "OUT") return;
      const dayEnd = endOfShanghaiDay(punch.at);
      const back = ordered.slice(index + 1).find((next) => next.kind === "IN" && next.at < dayEnd);
      absences.push({ staffId, from: punch.at, until: back ? back.at : dayEnd });
    });
  }
  return absences;
}

/** Where two absences overlap, or null. */
export function intersection(x: Pick<Absence, "from" | "until">, y: Pick<Absence, "from" | "until">): { from: Date; until: Date | null } | null {
  const from = x.from > y.from ? x.from : y.from;
  const untils = [x.until, y.until].filter((u): u is Date => u !== null);
  const until = untils.length === 0 ? null : new Date(Math.min(...untils.map((u) => u.getTime())));
  if (until !== null && until.getTime() <= from.getTime()) return null;
  return { from, until };
}

/** Joins overlapping or touching intervals, in order of their start. */
export function mergeIntervals(intervals: ReadonlyArray<{ from: Date; until: Date | null }>): Array<{ from: Date; until: Date | null }> {
  const ordered = [...intervals].sort((x, y) => x.from.getTime() - y.from.getTime());
  const merged: Array<{ from: Date; until: Date | null }> = [];
  for (const interval of ordered) {
    const last = merged.at(-1);
    if (last && (last.until === null || interval.from.getTime() <= last.until.getTime())) {
      if (last.until !== null && (interval.until === null || interval.until > last.until)) last.until = interval.until;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/**
 * The intervals in which both holders of a window are away because of one new absence of
 * `absentStaffId`: each is a supervision warning. When the other post is unfilled, the window
 * is unattended for the whole new absence.
 */
export function unattendedIntervals(
  window: WindowPosts,
  absentStaffId: string,
  newAbsence: Pick<Absence, "from" | "until">,
  otherAbsences: readonly Absence[],
): Array<{ from: Date; until: Date | null }> {
  const { aPostStaffId: a, bPostStaffId: b } = window;
  if (a !== absentStaffId && b !== absentStaffId) return [];
  const other = a === absentStaffId ? b : a;
  if (other === null || other === absentStaffId) return [{ from: newAbsence.from, until: newAbsence.until }];
  return mergeIntervals(
    otherAbsences
      .filter((absence) => absence.staffId === other)
      .map((absence) => intersection(newAbsence, absence))
      .filter((overlap): overlap is { from: Date; until: Date | null } => overlap !== null),
  );
}
