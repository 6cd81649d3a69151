import { z } from "zod";
import { staffingEvents } from "@onestop/events";
import { DomainError, requireCenter, requireRole, validate, type Clock, type Identity } from "@onestop/platform";
import { overseerRoles, windowRoles } from "../access";
import type { AttendanceService } from "../attendance/attendance.service";
import type { CoversRepository } from "../covers/covers.repository";
import type { LettersRepository } from "../authorization/letters.repository";
import { StaffingErrorCode } from "../errors";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import { assignCase, type Assignment, type ServingWindow } from "./assignment.rules";

export const caseAssignmentInput = z.object({
  itemId: z.string().min(1),
  /** Overrides the entry window staffing knows from the catalog. */
  entryWindowId: z.string().min(1).nullish(),
  act: staffingEvents.authorizedAct.nullish(),
  at: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .nullish(),
});

/**
 * 分派: which staff member a new case of an item goes to, now or at a given moment. The rule
 * itself is `assignCase`, fed here from staffing's own tables.
 */
export class AssignmentService {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly letters: LettersRepository,
    private readonly items: ItemReplicaRepository,
    private readonly attendance: AttendanceService,
    private readonly covers: CoversRepository,
    private readonly clock: Clock,
  ) {}

  async caseAssignment(identity: Identity, rawInput: unknown): Promise<Assignment> {
    const input = validate(caseAssignmentInput, rawInput, "input");
    requireRole(identity, ...windowRoles, ...overseerRoles, "system");
    const item = await this.items.findItem(input.itemId);
    if (!item) throw new DomainError(StaffingErrorCode.UnknownItem, `Item ${input.itemId} is not known to staffing yet`, { itemId: input.itemId });
    if (!identity.roles.includes("system")) requireCenter(identity, item.centerCode);
    const at = input.at ?? this.clock.now();
    const windows = await this.organisation.windowsServing(item.departmentId);
    const entryWindowId = input.entryWindowId ?? item.entryWindowId;
    if (entryWindowId && !windows.some((w) => w.id === entryWindowId)) {
      const entry = await this.organisation.findWindow(entryWindowId);
      if (entry && entry.centerCode === item.centerCode) windows.push(entry);
    }
    const windowIds = windows.map((w) => w.id);
    const [actsFor, posts] = await Promise.all([this.organisation.actsFor(windowIds), this.posts.postsOfWindows(windowIds)]);
    const serving: ServingWindow[] = windows.map((window) => ({
      windowId: window.id,
      code: window.code,
      kind: window.kind,
      departmentId: window.departmentId,
      actsForDepartmentIds: actsFor.get(window.id) ?? [],
      open: window.open,
      aPostStaffId: posts.find((p) => p.windowId === window.id && p.position === "A")?.staffId ?? null,
      bPostStaffId: posts.find((p) => p.windowId === window.id && p.position === "B")?.staffId ?? null,
    }));
    const covers = await this.covers.inForce({ windowIds }, at, new Date(at.getTime() + 1));
    const people = [...new Set([...posts.map((p) => p.staffId), ...covers.map((c) => c.staffId)])];
    const [absences, letters] = await Promise.all([this.attendance.absencesOf(people, at, new Date(at.getTime() + 1)), this.letters.lettersOfStaff(people)]);
    return assignCase(
      { itemId: item.itemId, departmentId: item.departmentId, entryWindowId: entryWindowId ?? null, act: input.act ?? undefined },
      serving,
      absences,
      letters.map((letter) => ({ ...letter, letterId: letter.id })),
      at,
      covers,
    );
  }
}
