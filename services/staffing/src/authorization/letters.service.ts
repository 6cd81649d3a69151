import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { decideAuthorization, REVOCATION_HOLD_MS, type AuthorizationDecision, type AuthorizedAct } from "@onestop/authorization";
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
import { isSelfOrOverseer } from "../access";
import { StaffingErrorCode } from "../errors";
import type { DepartmentRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import type { AuthorizationLetterRow } from "./entities";
import { grantViolation } from "./letters.rules";
import { agentLetterActsAllowed } from "@onestop/authorization";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { LettersRepository } from "./letters.repository";

const act = staffingEvents.authorizedAct;
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const grantAuthorizationInput = z.object({
  staffId: z.string().min(1),
  departmentId: z.string().min(1),
  itemId: z.string().min(1).max(64).nullish().transform((v) => v ?? null),
  acts: z.array(act).min(1).transform((acts) => [...new Set(acts)]),
  validFrom: instant.nullish(),
  validUntil: instant.nullish(),
});

export const revokeAuthorizationInput = z.object({
  letterId: z.string().min(1),
  reason: z.string().trim().min(1).max(500),
});

export const authorizationCheckInput = z.object({
  staffId: z.string().min(1),
  act,
  itemId: z.string().min(1),
  at: instant.nullish(),
});

const violationMessages: Record<string, string> = {
  [StaffingErrorCode.UnknownItem]: "The item is not in the catalog (or staffing has not heard of it yet)",
  [StaffingErrorCode.ActNotForAgent]: "A letter to a township's agent carries only ACCEPT and DELIVER, to a village point's only DELIVER (代办: they take in and hand over, the county decides)",
  [StaffingErrorCode.ItemOfAnotherDepartment]: "A department may authorize only its own items",
  [StaffingErrorCode.StaffNotOfDepartment]: "Letters go only to staff of the department or of a comprehensive window acting for it",
};

export function letterSnapshot(letter: AuthorizationLetterRow): staffingEvents.AuthorizationLetterSnapshot {
  return {
    letterId: letter.id,
    centerCode: letter.centerCode,
    staffId: letter.staffId,
    departmentId: letter.departmentId,
    itemId: letter.itemId,
    acts: letter.acts,
    validFrom: letter.validFrom.toISOString(),
    validUntil: letter.validUntil?.toISOString() ?? null,
    revokedAt: letter.revokedAt?.toISOString() ?? null,
    revision: letter.revision,
  };
}

/** 授权书: letters are granted and revoked here, and every other service learns of them by event. */
export class LettersService {
  constructor(
    private readonly repository: LettersRepository,
    private readonly items: ItemReplicaRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async grantAuthorization(identity: Identity, rawInput: unknown): Promise<AuthorizationLetterRow> {
    const input = validate(grantAuthorizationInput, rawInput, "input");
    requireRole(identity, "center_admin", "chief_representative");
    const now = this.clock.now();
    const validFrom = input.validFrom ?? now;
    if (input.validUntil && input.validUntil <= validFrom) throw invalidInput([{ field: "input.validUntil", message: "must be after validFrom" }]);
    return this.unitOfWork.run(async (tx) => {
      const department = await this.requireDepartmentOf(tx, identity, input.departmentId);
      const staff = await this.organisation.findStaff(input.staffId, tx);
      const agentActs = staff ? agentLetterActsAllowed(staff.centerCode, department.centerCode) : null;
      if (!staff || agentActs === null) {
        throw new DomainError(StaffingErrorCode.UnknownStaff, `Staff ${input.staffId} is not registered in ${department.centerCode}`, {
          staffId: input.staffId,
        });
      }
      const item = input.itemId ? await this.items.findItem(input.itemId, tx) : null;
      const violation = grantViolation(input, {
        itemDepartmentId: item && item.centerCode === department.centerCode ? item.departmentId : null,
        staffServesDepartment: staff.departmentId === department.id || (await this.atComprehensiveWindowFor(tx, staff.id, department.id)),
        agentActs,
      });
      if (violation) {
        throw new DomainError(violation, violationMessages[violation], { staffId: staff.id, departmentId: department.id, itemId: input.itemId });
      }
      const letter: AuthorizationLetterRow = {
        id: randomUUID(),
        centerCode: department.centerCode,
        staffId: staff.id,
        departmentId: department.id,
        itemId: input.itemId,
        acts: input.acts,
        validFrom,
        validUntil: input.validUntil ?? null,
        grantedBy: identity.subject,
        grantedAt: now,
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
        revision: 1,
      };
      await this.repository.insert(tx, letter);
      await tx.publish(staffingEvents.authorizationGranted, letterSnapshot(letter), { centerCode: letter.centerCode });
      return letter;
    });
  }

  /**
   * Revocation binds from the answer on: it answers once every confirmation that still showed the
   * letter in force has run out (REVOCATION_HOLD_MS), so the next act of any service asks again.
   */
  async revokeAuthorization(identity: Identity, rawInput: unknown): Promise<AuthorizationLetterRow> {
    const input = validate(revokeAuthorizationInput, rawInput, "input");
    requireRole(identity, "center_admin", "chief_representative");
    const revoked = await this.unitOfWork.run(async (tx) => {
      const letter = await this.repository.lock(tx, input.letterId);
      if (!letter) throw notFound("Authorization letter", input.letterId);
      await this.requireDepartmentOf(tx, identity, letter.departmentId);
      if (letter.revokedAt) {
        throw new DomainError(StaffingErrorCode.LetterAlreadyRevoked, `Letter ${letter.id} was revoked at ${letter.revokedAt.toISOString()}`);
      }
      const changes = { revokedAt: this.clock.now(), revokedBy: identity.subject, revokeReason: input.reason, revision: letter.revision + 1 };
      await this.repository.revoke(tx, letter.id, changes);
      const revoked = { ...letter, ...changes };
      await tx.publish(staffingEvents.authorizationRevoked, letterSnapshot(revoked), { centerCode: revoked.centerCode });
      return revoked;
    });
    await sleep(REVOCATION_HOLD_MS);
    return revoked;
  }

  /** Whether the act would be allowed now (or at `at`), by the same rule every replica applies. */
  async authorizationCheck(identity: Identity, rawInput: unknown): Promise<AuthorizationDecision> {
    const input = validate(authorizationCheckInput, rawInput);
    const staff = await this.organisation.findStaff(input.staffId);
    if (!staff) throw notFound("Staff", input.staffId);
    if (!isSelfOrOverseer(identity, staff.centerCode, staff.id)) throw forbidden("Only the staff member and the center's overseers may ask");
    const item = await this.items.findItem(input.itemId);
    if (!item || item.centerCode !== staff.centerCode) {
      throw new DomainError(StaffingErrorCode.UnknownItem, violationMessages[StaffingErrorCode.UnknownItem], { itemId: input.itemId });
    }
    const letters = (await this.repository.lettersOfStaff([staff.id])).map((l) => ({ ...l, letterId: l.id }));
    return decideAuthorization(letters, input.act as AuthorizedAct, {
      staffId: staff.id,
      departmentId: item.departmentId,
      itemId: item.itemId,
      at: input.at ?? this.clock.now(),
      centerCode: staff.centerCode,
    });
  }

  /** The staff member's letters as they are now, for a service confirming an act (no caller: services ask over NATS). */
  async currentLettersOf(staffId: string): Promise<staffingEvents.AuthorizationLetterSnapshot[]> {
    return (await this.repository.lettersOfStaff([staffId])).map(letterSnapshot);
  }

  async lettersOfStaff(identity: Identity, staffId: string, includeRevoked: boolean): Promise<AuthorizationLetterRow[]> {
    const staff = await this.organisation.findStaff(staffId);
    if (!staff) return [];
    const chiefOfSameDepartment =
      hasRole(identity, "chief_representative") && identity.centerCode === staff.centerCode && identity.departmentId === staff.departmentId;
    if (!isSelfOrOverseer(identity, staff.centerCode, staff.id) && !chiefOfSameDepartment) {
      throw forbidden("Letters are seen by their holder, their department's chief representative and the center's overseers");
    }
    const letters = await this.repository.lettersOfStaff([staffId]);
    return includeRevoked ? letters : letters.filter((l) => !l.revokedAt);
  }

  /** The department, in the caller's center; a chief representative acts only for their own. */
  private async requireDepartmentOf(tx: Tx, identity: Identity, departmentId: string): Promise<DepartmentRow> {
    const department = await this.organisation.findDepartment(departmentId, tx);
    if (!department) {
      throw new DomainError(StaffingErrorCode.UnknownDepartment, `Department ${departmentId} is not registered`, { departmentId });
    }
    requireCenter(identity, department.centerCode);
    if (!hasRole(identity, "center_admin") && identity.departmentId !== department.id) {
      throw forbidden("A chief representative signs letters of their own department only");
    }
    return department;
  }

  private async atComprehensiveWindowFor(tx: Tx, staffId: string, departmentId: string): Promise<boolean> {
    const windowIds = (await this.posts.postsOfStaff(staffId, tx)).map((p) => p.windowId);
    const actsFor = await this.organisation.actsFor(windowIds, tx);
    return [...actsFor.values()].some((departmentIds) => departmentIds.includes(departmentId));
  }
}
