import { randomUUID } from "node:crypto";
import { z } from "zod";
import { staffingEvents, type EventDefinition } from "@onestop/events";
import {
  DomainError,
  forbidden,
  hasRole,
  findingsAt,
  invalidInput,
  notFound,
  requireCenter,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { overseerRoles, requireCenterRole, windowRoles } from "../access";
import type { AttendanceService } from "../attendance/attendance.service";
import { StaffingErrorCode } from "../errors";
import type { WindowRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import { departmentsServed } from "../organisation/organisation.rules";
import { mayHoldPostAt } from "../posts/posts.rules";
import type { PostsRepository } from "../posts/posts.repository";
import { coverBoxProblems, coverByPostHolder, coverInForce, decisionViolation } from "./covers.rules";
import type { CoversRepository } from "./covers.repository";
import { WindowCoverRow, type CoverStatus } from "./entities";

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const note = z.string().trim().max(500).nullish().transform((value) => value || null);

export const requestCoverInput = z.object({
  windowId: z.string().min(1),
  staffId: z.string().min(1),
  from: instant,
  until: instant,
  reason: z.string().trim().min(1).max(500),
});
export const decideCoverInput = z.object({ coverId: z.string().min(1), note });
export const cancelCoverInput = z.object({ coverId: z.string().min(1), reason: note });
export const coversQuery = z.object({
  centerCode: z.string().min(1),
  windowId: z.string().min(1).nullish(),
  status: z.enum(staffingEvents.coverStatuses).nullish(),
  from: instant.nullish(),
  until: instant.nullish(),
});

const DAY_MS = 86_400_000;

/**
 * 临时顶岗: temporary cover of a window by somebody other than its B post, which needs the
 * center's approval (B's automatic takeover needs none). The department's chief
 * representative or the center asks, naming the person and a time box; the center's
 * administration approves or rejects, never the one who asked; either may cancel. Every
 * state change is recorded and published.
 */
export class CoversService {
  constructor(
    private readonly repository: CoversRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly attendance: AttendanceService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async requestCover(identity: Identity, rawInput: unknown): Promise<WindowCoverRow> {
    const input = validate(requestCoverInput, rawInput, "input");
    requireRole(identity, "center_admin", "chief_representative");
    const now = this.clock.now();
    const problems = coverBoxProblems(input, now);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    return this.unitOfWork.run(async (tx) => {
      // The person's lock, then the window's (as a post change takes them): two requests for
      // one person or one window run one after the other, so overlaps cannot both pass.
      const staff = await this.organisation.lockStaff(tx, input.staffId);
      const window = await this.organisation.lockWindow(tx, input.windowId);
      if (!window) throw new DomainError(StaffingErrorCode.UnknownWindow, `Window ${input.windowId} does not exist`, { windowId: input.windowId });
      requireCenter(identity, window.centerCode);
      const actsFor = (await this.organisation.actsFor([window.id], tx)).get(window.id) ?? [];
      if (!hasRole(identity, "center_admin") && !departmentsServed(window, actsFor).includes(identity.departmentId ?? "")) {
        throw forbidden("A chief representative asks only for the windows of their own department");
      }
      if (!staff || staff.centerCode !== window.centerCode) {
        throw new DomainError(StaffingErrorCode.UnknownStaff, `Staff ${input.staffId} is not registered in ${window.centerCode}`, { staffId: input.staffId });
      }
      if (!mayHoldPostAt(staff.departmentId, window, actsFor)) {
        throw new DomainError(StaffingErrorCode.StaffNotOfDepartment, `${staff.name} does not belong to a department ${window.name} serves`, {
          staffId: staff.id,
          windowId: window.id,
        });
      }
      await this.requireNotPostHolder(tx, window, staff.id);
      const clash = (await this.repository.standingOverlapping(tx, window.id, staff.id, input.from, input.until))[0];
      if (clash) {
        throw new DomainError(
          StaffingErrorCode.CoverOverlaps,
          `${clash.windowId === window.id ? window.name : staff.name} already has a ${clash.status.toLowerCase()} cover from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`,
          { coverId: clash.id },
        );
      }
      const cover: WindowCoverRow = {
        id: randomUUID(),
        centerCode: window.centerCode,
        windowId: window.id,
        staffId: staff.id,
        startsAt: input.from,
        endsAt: input.until,
        reason: input.reason,
        status: "PENDING",
        requestedBy: identity.subject,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        cancelledBy: null,
        cancelledAt: null,
        cancelReason: null,
        revision: 1,
      };
      await this.repository.insert(tx, cover);
      await this.publish(tx, staffingEvents.windowCoverRequested, cover);
      return cover;
    });
  }

  /** The center approves: the person is on duty at the window within the box (when A is away). */
  async approveCover(identity: Identity, rawInput: unknown): Promise<WindowCoverRow> {
    const input = validate(decideCoverInput, rawInput, "input");
    return this.decide(identity, input, "APPROVED", async (tx, cover, now) => {
      if (cover.endsAt.getTime() <= now.getTime()) {
        throw new DomainError(StaffingErrorCode.CoverEnded, `The cover ended at ${cover.endsAt.toISOString()}`, { coverId: cover.id });
      }
      // The posts may have changed hands since the request.
      const window = await this.organisation.findWindow(cover.windowId, tx);
      if (!window) throw notFound("Window", cover.windowId);
      await this.requireNotPostHolder(tx, window, cover.staffId);
    });
  }

  rejectCover(identity: Identity, rawInput: unknown): Promise<WindowCoverRow> {
    return this.decide(identity, validate(decideCoverInput, rawInput, "input"), "REJECTED", async () => {});
  }

  private decide(
    identity: Identity,
    input: z.infer<typeof decideCoverInput>,
    status: "APPROVED" | "REJECTED",
    check: (tx: Tx, cover: WindowCoverRow, now: Date) => Promise<void>,
  ): Promise<WindowCoverRow> {
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const cover = await this.lockVisible(tx, identity, input.coverId);
      if (cover.status !== "PENDING") {
        throw new DomainError(StaffingErrorCode.RequestAlreadyDecided, `Cover ${cover.id} was already ${cover.status.toLowerCase()}`, { status: cover.status });
      }
      const violation = decisionViolation(cover, identity.subject);
      if (violation) throw new DomainError(violation, "Whoever asked for a cover may not decide it", { coverId: cover.id });
      const now = this.clock.now();
      await check(tx, cover, now);
      const decided: WindowCoverRow = { ...cover, status, decidedBy: identity.subject, decidedAt: now, decisionNote: input.note, revision: cover.revision + 1 };
      await this.repository.update(tx, decided);
      await this.publish(tx, status === "APPROVED" ? staffingEvents.windowCoverApproved : staffingEvents.windowCoverRejected, decided);
      // Approved: where the window stood unattended in the box, its person serves it from the box's start.
      if (status === "APPROVED") await this.attendance.reconsiderUnattended(tx, [cover.windowId], now);
      return decided;
    });
  }

  /**
   * Withdraws a pending request, or ends an approved cover now. Cancelling again answers the
   * cancelled cover. Ending one while both post holders are away raises the unattended-window
   * warning the cover had kept away.
   */
  async cancelCover(identity: Identity, rawInput: unknown): Promise<WindowCoverRow> {
    const input = validate(cancelCoverInput, rawInput, "input");
    requireRole(identity, "center_admin", "chief_representative");
    return this.unitOfWork.run(async (tx) => {
      const cover = await this.lockVisible(tx, identity, input.coverId);
      if (!hasRole(identity, "center_admin") && cover.requestedBy !== identity.subject) {
        throw forbidden("A cover is cancelled by the center or by whoever asked for it");
      }
      if (cover.status === "CANCELLED") return cover;
      if (cover.status === "REJECTED") {
        throw new DomainError(StaffingErrorCode.RequestAlreadyDecided, `Cover ${cover.id} was already rejected`, { status: cover.status });
      }
      const now = this.clock.now();
      if (cover.endsAt.getTime() <= now.getTime()) {
        throw new DomainError(StaffingErrorCode.CoverEnded, `The cover ended at ${cover.endsAt.toISOString()}`, { coverId: cover.id });
      }
      const cancelled: WindowCoverRow = { ...cover, status: "CANCELLED", cancelledBy: identity.subject, cancelledAt: now, cancelReason: input.reason, revision: cover.revision + 1 };
      await this.repository.update(tx, cancelled);
      await this.publish(tx, staffingEvents.windowCoverCancelled, cancelled);
      if (cover.status === "APPROVED") {
        const remaining = coverInForce({ ...cover, startsAt: cover.startsAt > now ? cover.startsAt : now, cancelledAt: null });
        const window = await this.organisation.findWindow(cover.windowId, tx);
        if (remaining && window) await this.attendance.warnIfCoverWithdrawn(tx, window, remaining);
      }
      return cancelled;
    });
  }

  /** Covers of the center, or of one window, whose box overlaps [from, until) (the last and next 31 days by default). */
  covers(identity: Identity, rawInput: unknown): Promise<WindowCoverRow[]> {
    const input = validate(coversQuery, rawInput);
    requireCenterRole(identity, input.centerCode, ...overseerRoles, ...windowRoles);
    const now = this.clock.now();
    const from = input.from ?? new Date(now.getTime() - 31 * DAY_MS);
    const until = input.until ?? new Date(now.getTime() + 31 * DAY_MS);
    if (until <= from || until.getTime() - from.getTime() > 366 * DAY_MS) throw invalidInput([{ field: "until", message: "after from, within a year" }]);
    return this.repository.ofCenter(input.centerCode, { windowId: input.windowId, status: input.status }, from, until);
  }

  coversOfWindow(identity: Identity, window: WindowRow, status?: CoverStatus | null): Promise<WindowCoverRow[]> {
    return this.covers(identity, { centerCode: window.centerCode, windowId: window.id, status });
  }

  async cover(identity: Identity, coverId: string): Promise<WindowCoverRow | null> {
    const cover = await this.repository.find(coverId);
    if (!cover || identity.centerCode !== cover.centerCode || !hasRole(identity, ...overseerRoles, ...windowRoles)) return null;
    return cover;
  }

  private async lockVisible(tx: Tx, identity: Identity, coverId: string): Promise<WindowCoverRow> {
    const cover = await this.repository.lock(tx, coverId);
    if (!cover || cover.centerCode !== identity.centerCode) throw notFound("Window cover", coverId);
    return cover;
  }

  private async requireNotPostHolder(tx: Tx, window: WindowRow, staffId: string): Promise<void> {
    const posts = await this.posts.postsOfWindow(window.id, tx);
    const holders = {
      aPostStaffId: posts.find((p) => p.position === "A")?.staffId ?? null,
      bPostStaffId: posts.find((p) => p.position === "B")?.staffId ?? null,
    };
    if (coverByPostHolder(staffId, holders)) {
      throw new DomainError(
        StaffingErrorCode.CoverByPostHolder,
        `The person holds the ${holders.aPostStaffId === staffId ? "A" : "B"} post of ${window.name}: B covers for A without a request`,
        { staffId, windowId: window.id },
      );
    }
  }

  private async publish(tx: Tx, event: EventDefinition<typeof staffingEvents.windowCoverSnapshot>, cover: WindowCoverRow): Promise<void> {
    await tx.publish(
      event,
      {
        coverId: cover.id,
        centerCode: cover.centerCode,
        windowId: cover.windowId,
        staffId: cover.staffId,
        from: cover.startsAt.toISOString(),
        until: cover.endsAt.toISOString(),
        status: cover.status,
        reason: cover.reason,
        requestedBy: cover.requestedBy,
        decidedBy: cover.decidedBy,
        cancelledAt: cover.cancelledAt?.toISOString() ?? null,
        revision: cover.revision,
      },
      { centerCode: cover.centerCode },
    );
  }
}
