import { randomUUID } from "node:crypto";
import { z } from "zod";
import { shanghaiDayOf } from "@onestop/calendar";
import { staffingEvents } from "@onestop/events";
import {
  DomainError,
  forbidden,
  hasRole,
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
import { overseerRoles, requireCenterRole } from "../access";
import { StaffingErrorCode } from "../errors";
import type { StaffRow, WindowRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import { departmentsServed } from "../organisation/organisation.rules";
import type { OrganisationService } from "../organisation/organisation.service";
import type { PostChangeRequestRow, PostChangeStatus, PostPosition, WindowPostRow } from "./entities";
import { mayHoldPostAt, postChangeViolation, rotationStatus, termEndsOn, termYearsAllowed, type RotationStatus } from "./posts.rules";
import type { PostsRepository } from "./posts.repository";

const requestPageInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "a 12-digit division code"),
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).nullish().transform((value) => value ?? null),
  first: z.number().int().min(1).max(100).nullish().transform((value) => value ?? 20),
  after: z.string().max(200).nullish(),
});

/** Where a page of requests ended: the last one's time and id, opaque to clients. */
export const encodeRequestCursor = (request: Pick<PostChangeRequestRow, "requestedAt" | "id">) =>
  Buffer.from(JSON.stringify(["postRequest", request.requestedAt.toISOString(), request.id]), "utf8").toString("base64url");

export function decodeRequestCursor(cursor: string): { requestedAt: Date; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3 || value[0] !== "postRequest" || typeof value[1] !== "string" || typeof value[2] !== "string") return null;
    const requestedAt = new Date(value[1]);
    return Number.isNaN(requestedAt.getTime()) ? null : { requestedAt, id: value[2] };
  } catch {
    return null;
  }
}

export const requestPostChangeInput = z.object({
  windowId: z.string().min(1),
  position: staffingEvents.postPosition,
  staffId: z.string().min(1),
  termYears: z
    .number()
    .int()
    .refine((years) => (termYearsAllowed as readonly number[]).includes(years), "a term is one or two years"),
  reason: z.string().trim().min(1).max(500),
});

export const decidePostChangeInput = z.object({
  requestId: z.string().min(1),
  note: z.string().trim().max(500).nullish().transform((v) => v || null),
});

const violationMessages: Record<string, string> = {
  [StaffingErrorCode.BPostHeldByAHolder]: "The A and the B post of a window must be held by two different people",
  [StaffingErrorCode.AlreadyOnAPost]: "The staff member already holds the A post of another window",
};

export interface PostView extends WindowPostRow {
  termEndsOn: string;
  rotation: RotationStatus;
}

/**
 * A/B posts (AB岗): who holds them changes only through a request that the center approves
 * or rejects, recorded with its dates; terms are tracked and flagged for rotation.
 */
export class PostsService {
  constructor(
    private readonly repository: PostsRepository,
    private readonly organisation: OrganisationRepository,
    private readonly windows: OrganisationService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** The center, or the chief representative of a department the window serves, asks for a new holder. */
  async requestPostChange(identity: Identity, rawInput: unknown): Promise<PostChangeRequestRow> {
    const input = validate(requestPostChangeInput, rawInput, "input");
    requireRole(identity, "center_admin", "chief_representative");
    return this.unitOfWork.run(async (tx) => {
      const window = await this.organisation.lockWindow(tx, input.windowId);
      if (!window) throw new DomainError(StaffingErrorCode.UnknownWindow, `Window ${input.windowId} does not exist`, { windowId: input.windowId });
      requireCenter(identity, window.centerCode);
      const actsFor = (await this.organisation.actsFor([window.id], tx)).get(window.id) ?? [];
      if (!hasRole(identity, "center_admin") && !departmentsServed(window, actsFor).includes(identity.departmentId ?? "")) {
        throw forbidden("A chief representative asks only for the windows of their own department");
      }
      const staff = await this.requireEligible(tx, input.staffId, window, actsFor);
      const posts = await this.repository.postsOfWindow(window.id, tx);
      const current = posts.find((p) => p.position === input.position) ?? null;
      if (current?.staffId === staff.id) {
        throw new DomainError(StaffingErrorCode.Conflict, `${staff.name} already holds the ${input.position} post of ${window.name}`);
      }
      await this.requireNoViolation(tx, window.id, input.position, staff.id, posts);
      const request: PostChangeRequestRow = {
        id: randomUUID(),
        centerCode: window.centerCode,
        windowId: window.id,
        position: input.position,
        staffId: staff.id,
        previousStaffId: current?.staffId ?? null,
        termYears: input.termYears,
        reason: input.reason,
        status: "PENDING",
        requestedBy: identity.subject,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      };
      if (!(await this.repository.insertRequest(tx, request))) {
        throw new DomainError(StaffingErrorCode.PostChangePending, `A change of the ${input.position} post of ${window.name} is already waiting for a decision`);
      }
      return request;
    });
  }

  /**
   * The center approves: the rules are checked again against the posts as they are now, the
   * old tenure ends today, the new one starts today, and the window's snapshot is published.
   */
  async approvePostChange(identity: Identity, rawInput: unknown): Promise<PostChangeRequestRow> {
    const input = validate(decidePostChangeInput, rawInput, "input");
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const request = await this.lockPending(tx, identity, input.requestId);
      // The proposed holder's lock comes before any plain read, so two approvals for one
      // person run one after the other and the second sees the first's posts.
      await this.organisation.lockStaff(tx, request.staffId);
      const window = await this.organisation.lockWindow(tx, request.windowId);
      if (!window) throw notFound("Window", request.windowId);
      const actsFor = (await this.organisation.actsFor([window.id], tx)).get(window.id) ?? [];
      const staff = await this.requireEligible(tx, request.staffId, window, actsFor);
      const posts = await this.repository.postsOfWindow(window.id, tx);
      await this.requireNoViolation(tx, window.id, request.position, staff.id, posts);
      const now = this.clock.now();
      const today = shanghaiDayOf(now);
      await this.repository.endTenure(tx, window.id, request.position, now);
      await this.repository.insertTenure(tx, {
        id: randomUUID(),
        centerCode: window.centerCode,
        windowId: window.id,
        position: request.position,
        staffId: staff.id,
        startedAt: now,
        endedAt: null,
        termYears: request.termYears,
        requestId: request.id,
      });
      const placed = await this.repository.putHolder(tx, {
        windowId: window.id,
        position: request.position,
        centerCode: window.centerCode,
        staffId: staff.id,
        termStartedOn: today,
        termYears: request.termYears,
        requestId: request.id,
      });
      if (!placed) throw new DomainError(StaffingErrorCode.AlreadyOnAPost, violationMessages[StaffingErrorCode.AlreadyOnAPost]);
      const decision = { status: "APPROVED" as const, decidedBy: identity.subject, decidedAt: now, decisionNote: input.note };
      await this.repository.decide(tx, request.id, decision);
      await this.windows.publishWindow(tx, window.id);
      return { ...request, ...decision };
    });
  }

  async rejectPostChange(identity: Identity, rawInput: unknown): Promise<PostChangeRequestRow> {
    const input = validate(decidePostChangeInput, rawInput, "input");
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const request = await this.lockPending(tx, identity, input.requestId);
      const decision = { status: "REJECTED" as const, decidedBy: identity.subject, decidedAt: this.clock.now(), decisionNote: input.note };
      await this.repository.decide(tx, request.id, decision);
      return { ...request, ...decision };
    });
  }

  private async lockPending(tx: Tx, identity: Identity, requestId: string): Promise<PostChangeRequestRow> {
    const request = await this.repository.lockRequest(tx, requestId);
    if (!request) throw notFound("Post change request", requestId);
    requireCenter(identity, request.centerCode);
    if (request.status !== "PENDING") {
      throw new DomainError(StaffingErrorCode.RequestAlreadyDecided, `Request ${requestId} was already ${request.status.toLowerCase()}`, {
        status: request.status,
      });
    }
    return request;
  }

  private async requireEligible(tx: Tx, staffId: string, window: WindowRow, actsFor: readonly string[]): Promise<StaffRow> {
    const staff = await this.organisation.findStaff(staffId, tx);
    if (!staff || staff.centerCode !== window.centerCode) {
      throw new DomainError(StaffingErrorCode.UnknownStaff, `Staff ${staffId} is not registered in ${window.centerCode}`, { staffId });
    }
    if (!mayHoldPostAt(staff.departmentId, window, actsFor)) {
      throw new DomainError(StaffingErrorCode.StaffNotOfDepartment, `${staff.name} does not belong to a department ${window.name} serves`, {
        staffId,
        windowId: window.id,
      });
    }
    return staff;
  }

  private async requireNoViolation(tx: Tx, windowId: string, position: PostPosition, staffId: string, postsOfWindow: readonly WindowPostRow[]) {
    const other = postsOfWindow.find((p) => p.position !== position) ?? null;
    const aPost = (await this.repository.postsOfStaff(staffId, tx)).find((p) => p.position === "A") ?? null;
    const violation = postChangeViolation(
      { windowId, position, staffId },
      { otherPostHolderId: other?.staffId ?? null, aPostWindowIdOfStaff: aPost?.windowId ?? null },
    );
    if (violation) throw new DomainError(violation, violationMessages[violation], { windowId, position, staffId });
  }

  view(post: WindowPostRow): PostView {
    return {
      ...post,
      termEndsOn: termEndsOn(post.termStartedOn, post.termYears),
      rotation: rotationStatus(post.termStartedOn, post.termYears, shanghaiDayOf(this.clock.now())),
    };
  }

  async postsOfWindow(windowId: string): Promise<PostView[]> {
    return (await this.repository.postsOfWindow(windowId)).map((p) => this.view(p));
  }

  async postsOfStaff(staffId: string): Promise<PostView[]> {
    return (await this.repository.postsOfStaff(staffId)).map((p) => this.view(p));
  }

  /** Posts whose term ends within `withinDays` days, or has ended: due for rotation (轮岗). */
  async postsDueForRotation(identity: Identity, centerCode: string, withinDays: number): Promise<PostView[]> {
    requireCenterRole(identity, centerCode, ...overseerRoles);
    const today = shanghaiDayOf(this.clock.now());
    return (await this.repository.postsOfCenter(centerCode))
      .filter((post) => rotationStatus(post.termStartedOn, post.termYears, today, Math.max(0, withinDays)) !== "IN_TERM")
      .map((post) => this.view(post))
      .sort((x, y) => x.termEndsOn.localeCompare(y.termEndsOn));
  }

  /** Every open window must name an A and a B, even a one-person department's: the posts still unfilled. */
  async vacantPosts(identity: Identity, centerCode: string): Promise<Array<{ window: WindowRow; position: PostPosition }>> {
    requireCenterRole(identity, centerCode, ...overseerRoles, "chief_representative");
    const [windows, posts] = await Promise.all([this.organisation.windowsOfCenter(centerCode), this.repository.postsOfCenter(centerCode)]);
    return windows
      .filter((window) => window.open)
      .flatMap((window) =>
        staffingEvents.postPositions
          .filter((position) => !posts.some((p) => p.windowId === window.id && p.position === position))
          .map((position) => ({ window, position })),
      );
  }

  postChangeRequests(identity: Identity, centerCode: string, status?: PostChangeStatus | null) {
    requireCenterRole(identity, centerCode, ...overseerRoles, "chief_representative");
    return this.repository.requestsOfCenter(centerCode, status);
  }

  async postChangeRequestPage(identity: Identity, raw: unknown) {
    const input = validate(requestPageInput, raw);
    requireCenterRole(identity, input.centerCode, ...overseerRoles, "chief_representative");
    const after = input.after ? decodeRequestCursor(input.after) : null;
    if (input.after && after === null) throw invalidInput([{ field: "after", message: "the nextCursor of a previous page" }]);
    const { rows, totalCount } = await this.repository.requestPage(input, after, input.first);
    const nodes = rows.slice(0, input.first);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount, nextCursor: rows.length > input.first && last ? encodeRequestCursor(last) : null };
  }

  pendingOfWindow(identity: Identity, window: WindowRow) {
    requireCenterRole(identity, window.centerCode, ...overseerRoles, "chief_representative");
    return this.repository.pendingOfWindow(window.id);
  }

  async tenures(identity: Identity, windowId: string) {
    const window = await this.organisation.findWindow(windowId);
    if (!window) return [];
    requireCenterRole(identity, window.centerCode, ...overseerRoles, "chief_representative");
    return this.repository.tenuresOfWindow(windowId);
  }
}
