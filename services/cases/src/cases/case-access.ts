import { oversees, servesAsAgent, type AuthorizationReplica, type AuthorizedAct, type CenterAct } from "@onestop/authorization";
import { DomainError, forbidden, hasRole, isApplicant, requireRole, type Identity, type Tx } from "@onestop/platform";
import { CaseErrorCode } from "../errors";
import type { HallRepository } from "../hall/hall.repository";
import type { Actor, CaseSteps, StepAction, StepContext, StepPlan } from "./case-steps";
import { agentMayActOn, staffMayActOn } from "./cases.rules";
import type { CaseRow } from "./entities";

const agentRefusal = {
  AGENT_MAY_NOT: "A township acts as agent (代办) only to take in, accept and hand over; a village point only takes in and hands over, never decides",
  NOT_THIS_AGENTS_CASE: "The case was not taken in at this township or its village points: it is not theirs to handle as agent",
} as const;

export const STAFF_ROLES = ["window_staff", "chief_representative"] as const;
/** Staff who read their department's cases: the window's, and the principal (单位主要负责人) who signs its vetoes. */
const DEPARTMENT_READER_ROLES = [...STAFF_ROLES, "department_principal"] as const;

export const staffActor = (identity: Identity): Actor => ({ kind: "STAFF", id: identity.subject, windowId: identity.windowId, centerCode: identity.centerCode });
export const applicantActor = (identity: Identity): Actor => ({ kind: "APPLICANT", id: identity.subject, windowId: null });

/** The applicant: the account that applied, or (a joint case) the account verified for the applicant's ID number. */
export function requireApplicant(identity: Identity, found: CaseRow): void {
  if (!isApplicant(identity, found.applicantSubject)) throw forbidden(`Case ${found.id} is not yours`);
}

/**
 * 并联审批: the lead department's bureau and staff follow every participant's case of the joint
 * approvals it leads (docs/joint-approval.md), and no other case of those departments.
 */
export function leadsJointCase(identity: Identity, found: CaseRow): boolean {
  return (
    found.jointLeadDepartmentId !== null &&
    identity.centerCode === found.centerCode &&
    identity.departmentId === found.jointLeadDepartmentId &&
    hasRole(identity, "bureau", ...STAFF_ROLES)
  );
}

export function requireSameCenter(identity: Identity, found: CaseRow): void {
  if (identity.centerCode !== found.centerCode) throw forbidden(`Case ${found.id} belongs to another service center`);
}

/**
 * Who may act on a case and who may see it: the caller's role, the case's department (or one
 * the caller's comprehensive window acts for), and the authorization letter (授权书).
 */
export class CaseAccess {
  constructor(
    private readonly steps: CaseSteps,
    private readonly hall: HallRepository,
    private readonly authorization: AuthorizationReplica,
  ) {}

  /** A staff act: role, department and letter are checked on the locked case before the act plans its step. */
  staffStep(
    identity: Identity,
    caseId: string,
    action: StepAction,
    key: string | null | undefined,
    act: (current: CaseRow) => AuthorizedAct,
    plan: (context: StepContext) => Promise<StepPlan>,
  ): Promise<CaseRow> {
    requireRole(identity, ...STAFF_ROLES);
    return this.steps.run(caseId, staffActor(identity), action, key ?? null, async (context) => {
      const letterAct = act(context.current);
      await this.requireStaffScope(context.tx, identity, context.current, letterAct);
      await this.requireLetter(context, identity, letterAct);
      return plan(context);
    });
  }

  /**
   * An act of the department's principal (单位主要负责人): signing or declining a veto is the
   * office's, not a letter's. The caller must hold the role and be the department's principal
   * now, as the replica last heard; anyone else is NOT_DEPARTMENT_PRINCIPAL.
   */
  principalStep(identity: Identity, caseId: string, action: StepAction, key: string | null | undefined, plan: (context: StepContext) => Promise<StepPlan>): Promise<CaseRow> {
    requireRole(identity, ...DEPARTMENT_READER_ROLES);
    return this.steps.run(caseId, staffActor(identity), action, key ?? null, async (context) => {
      const { current, tx } = context;
      requireSameCenter(identity, current);
      const principal = hasRole(identity, "department_principal") && (await this.authorization.isPrincipal(identity.subject, current.departmentId, tx));
      if (!principal) {
        throw new DomainError(CaseErrorCode.NotDepartmentPrincipal, `Only the principal of the case's department signs or declines its veto`, {
          departmentId: current.departmentId,
        });
      }
      return plan(context);
    });
  }

  /**
   * Staff act on their own center's cases of their department (or one their comprehensive
   * window acts for); staff of a township or village point act as agent (代办) on the county's
   * cases taken in there, within what the center rule allows (`agentMayActOn`), and their
   * agency letter from the county department (授权书) is asked next as for anyone.
   */
  async requireStaffScope(tx: Tx, identity: Identity, found: CaseRow, act: CenterAct): Promise<void> {
    if (identity.centerCode !== found.centerCode) {
      const agent = agentMayActOn(identity.centerCode, act, found);
      if (agent.ok) return;
      if (agent.reason === "OTHER_CENTER") throw forbidden(`Case ${found.id} belongs to another service center`);
      throw new DomainError(CaseErrorCode.NotForAgent, agentRefusal[agent.reason], { act, centerCode: identity.centerCode, caseCenterCode: found.centerCode });
    }
    const windowActsFor = identity.departmentId !== found.departmentId ? await this.comprehensiveWindowActsFor(identity, tx) : [];
    if (!staffMayActOn({ centerCode: identity.centerCode, departmentId: identity.departmentId, windowActsFor }, found)) {
      throw forbidden(`Case ${found.id} belongs to another department`);
    }
  }

  /** Nobody acts beyond their authorization letter (授权书); a revocation binds the next act. */
  async requireLetter(context: StepContext, identity: Identity, act: AuthorizedAct): Promise<void> {
    const { current, tx, now } = context;
    await this.authorization.require(identity.subject, act, current.itemId, current.departmentId, { tx, centerCode: current.centerCode, at: now });
  }

  /**
   * What the caller may do about the case in the access checks' terms (`allowedActs`): the
   * roles, the department scope, referral, the principal's office, and the letter acts the
   * letters allow on its item now, asked as the acts ask them.
   */
  async standingOn(identity: Identity, found: CaseRow, letterActs: readonly AuthorizedAct[]) {
    const ownCenter = identity.centerCode === found.centerCode;
    const staffRole = hasRole(identity, ...STAFF_ROLES);
    // 代办: a township's or village point's staff stand on the county's cases taken in there as
    // requireStaffScope lets them, act by act (take in, accept, hand over), then by their letters.
    const agentActs = staffRole && !ownCenter ? letterActs.filter((act) => agentMayActOn(identity.centerCode, act, found).ok) : [];
    const windowActsFor = staffRole && ownCenter && identity.departmentId !== found.departmentId ? await this.comprehensiveWindowActsFor(identity) : [];
    const inScope = ownCenter ? staffRole && staffMayActOn({ centerCode: identity.centerCode, departmentId: identity.departmentId, windowActsFor }, found) : agentActs.length > 0;
    const staff = staffRole && (ownCenter || inScope);
    const mayRefer =
      staffRole && ownCenter && (found.handlerId === identity.subject || (identity.windowId !== null && identity.windowId === found.windowId) || identity.departmentId === found.departmentId);
    const principal =
      hasRole(identity, "department_principal") && ownCenter && (await this.authorization.isPrincipal(identity.subject, found.departmentId));
    const letters = new Set<AuthorizedAct>();
    if (inScope) {
      const decisions = await Promise.all(
        (ownCenter ? letterActs : agentActs).map(async (act) => ((await this.authorization.mayOffer(identity.subject, act, found.itemId, found.departmentId, { centerCode: found.centerCode })) ? act : null)),
      );
      for (const act of decisions) if (act) letters.add(act);
    }
    return {
      id: identity.subject,
      staff,
      principal,
      centerAdmin: hasRole(identity, "center_admin") && ownCenter,
      inScope,
      mayRefer,
      letters,
    };
  }

  async departmentsServedBy(identity: Identity): Promise<string[]> {
    return [...(identity.departmentId ? [identity.departmentId] : []), ...(await this.comprehensiveWindowActsFor(identity))];
  }

  async maySee(identity: Identity, found: CaseRow): Promise<boolean> {
    if (hasRole(identity, "citizen")) return isApplicant(identity, found.applicantSubject);
    if (identity.centerCode !== found.centerCode) {
      // 代办: the township serving the case and its village points; overseers above the case's center (a county supervisor, a township's own cases).
      if (hasRole(identity, "center_admin", "supervisor") && oversees(identity.centerCode, found.centerCode)) return true;
      return servesAsAgent(identity.centerCode, found.agentCenterCode) && hasRole(identity, ...DEPARTMENT_READER_ROLES, "center_admin", "supervisor");
    }
    if (hasRole(identity, "center_admin", "supervisor") || leadsJointCase(identity, found)) return true;
    if (!hasRole(identity, ...DEPARTMENT_READER_ROLES)) return false;
    if (found.handlerId === identity.subject || identity.departmentId === found.departmentId) return true;
    return (await this.comprehensiveWindowActsFor(identity)).includes(found.departmentId);
  }

  private async comprehensiveWindowActsFor(identity: Identity, tx?: Tx): Promise<string[]> {
    if (!identity.windowId) return [];
    const window = await this.hall.window(identity.windowId, tx);
    return window && window.kind === "COMPREHENSIVE" && window.centerCode === identity.centerCode ? window.actsFor : [];
  }
}
