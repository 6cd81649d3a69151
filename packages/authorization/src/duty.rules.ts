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

/**
 * An approved temporary cover (临时顶岗) as the duty rule needs it: somebody other than the
 * window's post holders serves it from `from` until `until` (exclusive; the cancellation, when
 * an approved cover was cancelled before its end).
 */
export interface Cover {
  coverId: string;
  windowId: string;
  staffId: string;
  from: Date;
  until: Date;
}

export type DutyStatus =
  /** The A post holder is present and serves. */
  | "A_ON_DUTY"
  /** A is away and the person of an approved temporary cover (临时顶岗) serves, within its box. */
  | "TEMPORARY_COVER"
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
  /** null for a temporary cover: the person holds no post of the window. */
  post: PostPosition | null;
  /** The approved cover that puts `staffId` on duty (TEMPORARY_COVER only). */
  coverId?: string;
}

export function covers(absence: Pick<Absence, "from" | "until">, at: Date): boolean {
  const t = at.getTime();
  return absence.from.getTime() <= t && (absence.until === null || t < absence.until.getTime());
}

export function isAbsent(staffId: string, absences: readonly Absence[], at: Date): boolean {
  return absences.some((absence) => absence.staffId === staffId && covers(absence, at));
}

/**
 * Who serves the window at `at`: A when present; else, within the box of an approved
 * temporary cover, its person when present (the center chose them for that box over B's
 * automatic takeover); else B when present.
 */
export function dutyAt(window: WindowPosts, absences: readonly Absence[], at: Date, temporaryCovers: readonly Cover[] = []): Duty {
  const { windowId, aPostStaffId: a, bPostStaffId: b } = window;
  if (a && !isAbsent(a, absences, at)) return { windowId, status: "A_ON_DUTY", staffId: a, post: "A" };
  const cover = temporaryCovers.find((c) => c.windowId === windowId && covers(c, at) && !isAbsent(c.staffId, absences, at));
  if (cover) return { windowId, status: "TEMPORARY_COVER", staffId: cover.staffId, post: null, coverId: cover.coverId };
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

type Interval = { from: Date; until: Date | null };

const endOf = (interval: Interval) => (interval.until === null ? Infinity : interval.until.getTime());

/** What is left of the intervals once every one of `minus` is cut out of them. */
export function subtractIntervals(intervals: readonly Interval[], minus: readonly Interval[]): Interval[] {
  let rest: Interval[] = [...intervals];
  for (const cut of minus) {
    rest = rest.flatMap((interval) => {
      if (endOf(cut) <= interval.from.getTime() || cut.from.getTime() >= endOf(interval)) return [interval];
      const parts: Interval[] = [];
      if (cut.from.getTime() > interval.from.getTime()) parts.push({ from: interval.from, until: cut.from });
      if (endOf(cut) < endOf(interval)) parts.push({ from: cut.until!, until: interval.until });
      return parts;
    });
  }
  return rest;
}

/** Since the beginning of time: a post holder is meant to serve the window always. */
const ALWAYS = new Date(-8.64e15);

/**
 * The intervals in which nobody serves a window because of one new absence of
 * `absentStaffId`: each is a supervision warning. Those meant to serve are the A and B
 * holders at all times and the person of each approved temporary cover within its box; the
 * window is unattended where the absentee was meant to serve and every other one of them is
 * away too. When the other post is unfilled and nobody covers, that is the whole new absence.
 */
export function unattendedIntervals(
  window: WindowPosts,
  absentStaffId: string,
  newAbsence: Pick<Absence, "from" | "until">,
  otherAbsences: readonly Absence[],
  temporaryCovers: readonly Cover[] = [],
): Array<{ from: Date; until: Date | null }> {
  const { aPostStaffId: a, bPostStaffId: b } = window;
  const windowCovers = temporaryCovers.filter((cover) => cover.windowId === window.windowId);
  const holdsPost = a === absentStaffId || b === absentStaffId;
  const missed: Interval[] = holdsPost
    ? [{ from: newAbsence.from, until: newAbsence.until }]
    : windowCovers
        .filter((cover) => cover.staffId === absentStaffId)
        .map((cover) => intersection(newAbsence, cover))
        .filter((overlap): overlap is Interval => overlap !== null);
  if (missed.length === 0) return [];
  const others: Array<{ staffId: string } & Interval> = [
    ...[a, b].filter((id): id is string => id !== null && id !== absentStaffId).map((staffId) => ({ staffId, from: ALWAYS, until: null })),
    ...windowCovers.filter((cover) => cover.staffId !== absentStaffId),
  ];
  const present = others.flatMap((other) =>
    subtractIntervals(
      [{ from: other.from, until: other.until }],
      otherAbsences.filter((absence) => absence.staffId === other.staffId),
    ),
  );
  return mergeIntervals(subtractIntervals(missed, present));
}

/**
 * The stretches of [from, until) in which nobody serves the window (no A, no approved cover's
 * person, no B present), given everyone's absences and the covers; `until` null: no known end.
 * Duty changes only where an absence or a cover starts or ends, so it is read at those instants.
 */
export function unattendedStretches(
  window: WindowPosts,
  absences: readonly Absence[],
  temporaryCovers: readonly Cover[],
  from: Date,
  until: Date | null,
): Interval[] {
  const end = until === null ? Infinity : until.getTime();
  const instants = [
    from.getTime(),
    ...[...absences, ...temporaryCovers].flatMap((x) => [x.from.getTime(), ...(x.until ? [x.until.getTime()] : [])]).filter((t) => t > from.getTime() && t < end),
  ];
  const starts = [...new Set(instants)].sort((x, y) => x - y);
  const stretches: Interval[] = [];
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const segment = { from: new Date(start), until: next !== undefined ? new Date(next) : until };
    if (dutyAt(window, absences, segment.from, temporaryCovers).status !== "UNATTENDED") return;
    const last = stretches.at(-1);
    if (last && last.until !== null && last.until.getTime() === start) last.until = segment.until;
    else stretches.push(segment);
  });
  return stretches;
}
