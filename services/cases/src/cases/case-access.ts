import type { AuthorizationReplica, AuthorizedAct } from "@onestop/authorization";
import { DomainError, forbidden, hasRole, isApplicant, requireRole, type Identity, type Tx } from "@onestop/platform";
import { CaseErrorCode } from "../errors";
import type { HallRepository } from "../hall/hall.repository";
import type { Actor, CaseSteps, StepAction, StepContext, StepPlan } from "./case-steps";
import { staffMayActOn } from "./cases.rules";
import type { CaseRow } from "./entities";

export const STAFF_ROLES = ["window_staff", "chief_representative"] as const;
/** Staff who read their department's cases: the window's, and the principal (单位主要负责人) who signs its vetoes. */
const DEPARTMENT_READER_ROLES = [...STAFF_ROLES, "department_principal"] as const;

export const staffActor = (identity: Identity): Actor => ({ kind: "STAFF", id: identity.subject, windowId: identity.windowId });
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
      await this.requireStaffScope(context.tx, identity, context.current);
      await this.requireLetter(context, identity, act(context.current));
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

  async requireStaffScope(tx: Tx, identity: Identity, found: CaseRow): Promise<void> {
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

  async departmentsServedBy(identity: Identity): Promise<string[]> {
    return [...(identity.departmentId ? [identity.departmentId] : []), ...(await this.comprehensiveWindowActsFor(identity))];
  }

  async maySee(identity: Identity, found: CaseRow): Promise<boolean> {
    if (hasRole(identity, "citizen")) return isApplicant(identity, found.applicantSubject);
    if (identity.centerCode !== found.centerCode) return false;
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
