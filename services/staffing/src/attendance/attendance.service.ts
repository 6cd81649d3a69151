import { randomUUID } from "node:crypto";
import { z } from "zod";
import { endOfShanghaiDay, shanghaiDayOf, startOfShanghaiDay } from "@onestop/calendar";
import { staffingEvents, type PostPosition, type PunchKind, type UnattendedCause } from "@onestop/events";
import {
  DomainError,
  forbidden,
  hasRole,
  findingsAt,
  invalidInput,
  notFound,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { overseerRoles, requireCenterRole, windowRoles } from "../access";
import { StaffingErrorCode } from "../errors";
import type { CoversRepository } from "../covers/covers.repository";
import type { StaffRow, WindowRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import { leaveProblems, overlappingLeave, punchViolation } from "./attendance.rules";
import { absencesFromPunches, dutyAt, unattendedIntervals, unattendedStretches, type Absence, type Cover, type DutyStatus, type WindowPosts } from "@onestop/authorization";
import type { AttendanceRepository } from "./attendance.repository";
import type { AttendancePunchRow, DutyWarningRow, LeaveNoticeRow } from "./entities";

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const postLeaveNoticeInput = z.object({
  staffId: z.string().min(1).nullish(),
  startsAt: instant,
  endsAt: instant,
  reason: z.string().trim().min(1).max(500),
});

/** Who serves a window at one moment. */
export interface WindowDutyView {
  window: WindowRow;
  at: Date;
  status: DutyStatus;
  post: PostPosition | null;
  onDuty: StaffRow | null;
  aPostHolder: StaffRow | null;
  bPostHolder: StaffRow | null;
  /** The approved temporary cover (临时顶岗) that puts `onDuty` there, if that is why. */
  coverId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Attendance (考勤) and leave notices (离岗告示): who is away, and so who is on duty at every
 * window; a window whose A and B are both away raises a supervision warning.
 */
export class AttendanceService {
  constructor(
    private readonly repository: AttendanceRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly covers: CoversRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  clockIn(identity: Identity): Promise<AttendancePunchRow> {
    return this.punch(identity, "IN");
  }

  /** Clocking out leaves the hall for the rest of the day: B covers, or the window is unattended. */
  clockOut(identity: Identity): Promise<AttendancePunchRow> {
    return this.punch(identity, "OUT");
  }

  private async punch(identity: Identity, kind: PunchKind): Promise<AttendancePunchRow> {
    requireRole(identity, ...windowRoles, ...overseerRoles, "finance");
    return this.unitOfWork.run(async (tx) => {
      const staff = await this.organisation.lockStaff(tx, identity.subject);
      if (!staff || staff.centerCode !== identity.centerCode) throw forbidden("Only registered staff of the center clock in and out");
      const at = this.clock.now();
      const workDate = shanghaiDayOf(at);
      const last = await this.repository.lastPunchOn(tx, staff.id, workDate);
      const violation = punchViolation(kind, last?.kind ?? null);
      if (violation) {
        throw new DomainError(violation, kind === "IN" ? "Already clocked in; clock out first" : "Not clocked in today");
      }
      const punch: AttendancePunchRow = { id: randomUUID(), centerCode: staff.centerCode, staffId: staff.id, kind, at, workDate };
      await this.repository.insertPunch(tx, punch);
      await tx.publish(
        staffingEvents.attendanceRecorded,
        { punchId: punch.id, centerCode: punch.centerCode, staffId: staff.id, kind, at: at.toISOString() },
        { centerCode: punch.centerCode },
      );
      if (kind === "OUT") await this.warnIfUnattended(tx, staff, { from: at, until: endOfShanghaiDay(at) }, "CLOCK_OUT");
      else await this.reconsiderUnattended(tx, await this.windowsOf(tx, staff.id, at, endOfShanghaiDay(at)), at);
      return punch;
    });
  }

  /**
   * Posts a leave notice for oneself, or, as the center or the department's chief
   * representative, for someone else. Overlapping an earlier notice is refused.
   */
  async postLeaveNotice(identity: Identity, rawInput: unknown): Promise<LeaveNoticeRow> {
    const input = validate(postLeaveNoticeInput, rawInput, "input");
    requireRole(identity, ...windowRoles, "center_admin");
    const problems = leaveProblems(input);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    const staffId = input.staffId ?? identity.subject;
    return this.unitOfWork.run(async (tx) => {
      // The staff row's lock serializes notices of one person: two overlapping ones cannot both pass the check.
      const staff = await this.organisation.lockStaff(tx, staffId);
      if (!staff) throw new DomainError(StaffingErrorCode.UnknownStaff, `Staff ${staffId} is not registered`, { staffId });
      this.requireMayPostFor(identity, staff);
      const standing = await this.repository.standingLeavesOf([staff.id], input.startsAt, input.endsAt, tx);
      const clash = overlappingLeave(input, standing);
      if (clash) {
        throw new DomainError(
          StaffingErrorCode.LeaveOverlaps,
          `${staff.name} already has a leave notice from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`,
          { leaveId: clash.id },
        );
      }
      const leave: LeaveNoticeRow = {
        id: randomUUID(),
        centerCode: staff.centerCode,
        staffId: staff.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason,
        postedBy: identity.subject,
        postedAt: this.clock.now(),
        cancelledAt: null,
        cancelledBy: null,
      };
      await this.repository.insertLeave(tx, leave);
      await tx.publish(
        staffingEvents.leaveNoticePosted,
        {
          leaveId: leave.id,
          centerCode: leave.centerCode,
          staffId: staff.id,
          startsAt: leave.startsAt.toISOString(),
          endsAt: leave.endsAt.toISOString(),
          reason: leave.reason,
        },
        { centerCode: leave.centerCode },
      );
      await this.warnIfUnattended(tx, staff, { from: leave.startsAt, until: leave.endsAt }, "LEAVE");
      return leave;
    });
  }

  async cancelLeaveNotice(identity: Identity, leaveId: string): Promise<LeaveNoticeRow> {
    requireRole(identity, ...windowRoles, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const leave = await this.repository.lockLeave(tx, leaveId);
      if (!leave) throw notFound("Leave notice", leaveId);
      const staff = await this.organisation.findStaff(leave.staffId, tx);
      if (!staff) throw notFound("Staff", leave.staffId);
      this.requireMayPostFor(identity, staff);
      if (leave.cancelledAt) return leave;
      const cancelledAt = this.clock.now();
      await this.repository.cancelLeave(tx, leave.id, cancelledAt, identity.subject);
      await tx.publish(
        staffingEvents.leaveNoticeCancelled,
        { leaveId: leave.id, centerCode: leave.centerCode, staffId: leave.staffId, cancelledAt: cancelledAt.toISOString() },
        { centerCode: leave.centerCode },
      );
      // The rest of the leave is gone: where it left a window unattended, somebody may serve it again.
      const rest = { from: leave.startsAt > cancelledAt ? leave.startsAt : cancelledAt, until: leave.endsAt };
      if (rest.until > rest.from) await this.reconsiderUnattended(tx, await this.windowsOf(tx, staff.id, rest.from, rest.until), cancelledAt);
      return { ...leave, cancelledAt, cancelledBy: identity.subject };
    });
  }

  private requireMayPostFor(identity: Identity, staff: StaffRow): void {
    if (identity.centerCode !== staff.centerCode) throw forbidden(`Not authorized for service center ${staff.centerCode}`);
    if (identity.subject === staff.id || hasRole(identity, "center_admin")) return;
    if (hasRole(identity, "chief_representative") && staff.departmentId !== null && identity.departmentId === staff.departmentId) return;
    throw forbidden("A leave notice is posted by the person, their chief representative or the center");
  }

  /**
   * For every window the person holds a post at, or covers (临时顶岗) during the absence: the
   * stretches in which everyone else meant to serve it is away too.
   */
  private async warnIfUnattended(tx: Tx, staff: StaffRow, absence: { from: Date; until: Date }, cause: UnattendedCause): Promise<void> {
    for (const windowId of await this.windowsOf(tx, staff.id, absence.from, absence.until)) {
      const window = await this.organisation.findWindow(windowId, tx);
      if (!window) continue;
      const snapshot = await this.holdersOf(windowId, tx);
      const windowCovers = await this.covers.inForce({ windowIds: [windowId] }, absence.from, absence.until, tx);
      const others = [snapshot.aPostStaffId, snapshot.bPostStaffId, ...windowCovers.map((c) => c.staffId)].filter(
        (id): id is string => id !== null && id !== staff.id,
      );
      const otherAbsences = await this.absencesOf([...new Set(others)], absence.from, absence.until, tx);
      await this.raiseWarnings(tx, window, snapshot, unattendedIntervals(snapshot, staff.id, absence, otherAbsences, windowCovers), cause);
    }
  }

  /** The windows the person holds a post at, or covers (临时顶岗) at some time in [from, until). */
  private async windowsOf(tx: Tx, staffId: string, from: Date, until: Date): Promise<string[]> {
    const posts = await this.posts.postsOfStaff(staffId, tx);
    const covering = await this.covers.inForce({ staffIds: [staffId] }, from, until, tx);
    return [...new Set([...posts.map((p) => p.windowId), ...covering.map((c) => c.windowId)])];
  }

  /**
   * Somebody may serve the windows again from `since` (a leave cancelled, a cover approved, a
   * clock-in): each unattended stretch still running then is read afresh from then on. Where
   * the window is served, the stretch ends there (`window.unattended-ended`, which closes
   * supervision's warning); what stays unattended later in it (after a cover's box) is raised
   * as a stretch of its own. What was before `since` stays as it was: it happened.
   */
  async reconsiderUnattended(tx: Tx, windowIds: readonly string[], since: Date): Promise<void> {
    for (const warning of await this.repository.runningWarningsOfWindows(tx, windowIds, since)) {
      const window = await this.organisation.findWindow(warning.windowId, tx);
      if (!window) continue;
      const from = warning.fromAt > since ? warning.fromAt : since;
      // A stretch without a known end (a clock-out) is read to the end of its day, as the clock-out's absence is.
      const horizon = warning.untilAt ?? endOfShanghaiDay(from);
      const snapshot = await this.holdersOf(window.id, tx);
      const windowCovers = await this.covers.inForce({ windowIds: [window.id] }, from, horizon, tx);
      const people = [snapshot.aPostStaffId, snapshot.bPostStaffId, ...windowCovers.map((c) => c.staffId)].filter((id): id is string => id !== null);
      const absences = await this.absencesOf([...new Set(people)], from, horizon, tx);
      const stretches = unattendedStretches(snapshot, absences, windowCovers, from, warning.untilAt);
      const continuing = stretches[0]?.from.getTime() === from.getTime() ? stretches[0] : null;
      const endsAt = continuing ? continuing.until : from;
      if (endsAt !== null && (warning.untilAt === null || endsAt.getTime() < warning.untilAt.getTime())) {
        await this.repository.endWarning(tx, warning.id, endsAt);
        await tx.publish(
          staffingEvents.windowUnattendedEnded,
          { warningId: warning.id, centerCode: warning.centerCode, windowId: window.id, endedAt: endsAt.toISOString() },
          { centerCode: warning.centerCode },
        );
      }
      await this.raiseWarnings(tx, window, snapshot, stretches.filter((s) => s !== continuing), warning.cause);
    }
  }

  /**
   * An approved cover ended early: where both post holders are away in what was left of its
   * box, the window is unattended after all.
   */
  async warnIfCoverWithdrawn(tx: Tx, window: WindowRow, remaining: Cover): Promise<void> {
    const snapshot = await this.holdersOf(window.id, tx);
    const holders = [snapshot.aPostStaffId, snapshot.bPostStaffId].filter((id): id is string => id !== null);
    const holderAbsences = await this.absencesOf(holders, remaining.from, remaining.until, tx);
    const intervals = unattendedIntervals(snapshot, remaining.staffId, remaining, holderAbsences, [remaining]);
    await this.raiseWarnings(tx, window, snapshot, intervals, "COVER_CANCELLED");
  }

  private async holdersOf(windowId: string, tx?: Tx): Promise<WindowPosts> {
    const holders = await this.posts.postsOfWindow(windowId, tx);
    return {
      windowId,
      aPostStaffId: holders.find((p) => p.position === "A")?.staffId ?? null,
      bPostStaffId: holders.find((p) => p.position === "B")?.staffId ?? null,
    };
  }

  private async raiseWarnings(
    tx: Tx,
    window: WindowRow,
    snapshot: WindowPosts,
    intervals: ReadonlyArray<{ from: Date; until: Date | null }>,
    cause: UnattendedCause,
  ): Promise<void> {
    for (const interval of intervals) {
      const warning: DutyWarningRow = {
        id: randomUUID(),
        centerCode: window.centerCode,
        windowId: window.id,
        aPostStaffId: snapshot.aPostStaffId,
        bPostStaffId: snapshot.bPostStaffId,
        fromAt: interval.from,
        untilAt: interval.until,
        cause,
        raisedAt: this.clock.now(),
      };
      await this.repository.insertWarning(tx, warning);
      await tx.publish(
        staffingEvents.windowUnattended,
        {
          warningId: warning.id,
          centerCode: warning.centerCode,
          windowId: window.id,
          windowCode: window.code,
          aPostStaffId: warning.aPostStaffId,
          bPostStaffId: warning.bPostStaffId,
          from: warning.fromAt.toISOString(),
          until: warning.untilAt?.toISOString() ?? null,
          cause,
        },
        { centerCode: warning.centerCode },
      );
    }
  }

  /** Absences of the people between two instants: standing leave notices and clock-outs. */
  async absencesOf(staffIds: readonly string[], from: Date, until: Date, tx?: Tx): Promise<Absence[]> {
    if (staffIds.length === 0) return [];
    const leaves = await this.repository.standingLeavesOf(staffIds, from, until, tx);
    const punches = await this.repository.punchesOfStaffBetween(staffIds, startOfShanghaiDay(shanghaiDayOf(from)), until, tx);
    return [...leaves.map((l) => ({ staffId: l.staffId, from: l.startsAt, until: l.endsAt })), ...absencesFromPunches(punches)];
  }

  /** Everyone of the center who is away at the instant. */
  async absencesOfCenterAt(centerCode: string, at: Date): Promise<Absence[]> {
    const [leaves, punches] = await Promise.all([
      this.repository.standingLeavesOfCenter(centerCode, at, new Date(at.getTime() + 1)),
      this.repository.punchesOfCenterOn(centerCode, shanghaiDayOf(at), at),
    ]);
    return [...leaves.map((l) => ({ staffId: l.staffId, from: l.startsAt, until: l.endsAt })), ...absencesFromPunches(punches)];
  }

  /** 在岗: who is on duty at every window of the center at one moment, in a handful of queries. */
  async dutyRoster(centerCode: string, at?: Date | null): Promise<WindowDutyView[]> {
    const moment = at ?? this.clock.now();
    const [windows, posts, absences, covers] = await Promise.all([
      this.organisation.windowsOfCenter(centerCode),
      this.posts.postsOfCenter(centerCode),
      this.absencesOfCenterAt(centerCode, moment),
      this.covers.inForce({ centerCode }, moment, new Date(moment.getTime() + 1)),
    ]);
    const people = [...new Set([...posts.map((p) => p.staffId), ...covers.map((c) => c.staffId)])];
    const staff = new Map((await this.organisation.findStaffMany(people)).map((s) => [s.id, s]));
    return windows
      .filter((window) => window.open)
      .map((window) => {
        const a = posts.find((p) => p.windowId === window.id && p.position === "A")?.staffId ?? null;
        const b = posts.find((p) => p.windowId === window.id && p.position === "B")?.staffId ?? null;
        return this.view(window, moment, { windowId: window.id, aPostStaffId: a, bPostStaffId: b }, absences, covers, staff);
      });
  }

  async windowDuty(window: WindowRow, at?: Date | null): Promise<WindowDutyView> {
    const moment = at ?? this.clock.now();
    const holders = await this.holdersOf(window.id);
    const covers = await this.covers.inForce({ windowIds: [window.id] }, moment, new Date(moment.getTime() + 1));
    const people = [holders.aPostStaffId, holders.bPostStaffId, ...covers.map((c) => c.staffId)].filter((id): id is string => id !== null);
    const absences = await this.absencesOf(people, moment, new Date(moment.getTime() + 1));
    const staff = new Map((await this.organisation.findStaffMany(people)).map((s) => [s.id, s]));
    return this.view(window, moment, holders, absences, covers, staff);
  }

  private view(
    window: WindowRow,
    at: Date,
    holders: WindowPosts,
    absences: readonly Absence[],
    covers: readonly Cover[],
    staff: ReadonlyMap<string, StaffRow>,
  ): WindowDutyView {
    const duty = dutyAt(holders, absences, at, covers);
    const person = (id: string | null) => (id ? (staff.get(id) ?? null) : null);
    return {
      window,
      at,
      status: duty.status,
      post: duty.post,
      onDuty: person(duty.staffId),
      aPostHolder: person(holders.aPostStaffId),
      bPostHolder: person(holders.bPostStaffId),
      coverId: duty.coverId ?? null,
    };
  }

  leaveNotices(identity: Identity, centerCode: string, from: Date, until: Date): Promise<LeaveNoticeRow[]> {
    requireCenterRole(identity, centerCode, ...overseerRoles, ...windowRoles);
    if (until <= from || until.getTime() - from.getTime() > 366 * DAY_MS) throw invalidInput([{ field: "until", message: "after from, within a year" }]);
    return this.repository.standingLeavesOfCenter(centerCode, from, until);
  }

  async leavesOfStaff(identity: Identity, staff: StaffRow): Promise<LeaveNoticeRow[]> {
    requireCenterRole(identity, staff.centerCode, ...overseerRoles, ...windowRoles);
    return this.repository.leavesOfStaff(staff.id);
  }

  dutyWarnings(identity: Identity, centerCode: string, from: Date, until: Date): Promise<DutyWarningRow[]> {
    requireCenterRole(identity, centerCode, ...overseerRoles);
    return this.repository.warningsOfCenter(centerCode, from, until);
  }
}
