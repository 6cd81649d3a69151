import { servesAsAgent } from "@onestop/authorization";
import { hasRole, isApplicant, type Identity } from "@onestop/platform";

/** Whose a case's documents are: where the case was handled, who serves it as agent, and who applied. */
export interface DocumentOwner {
  centerCode: string;
  departmentId: string;
  /** 代办: the township serving the applicant for a county case, or null. */
  agentCenterCode: string | null;
  applicantSubject: string | null;
}

/** The center's administration and supervision see every document of their center. */
export function isOverseerOf(identity: Identity, centerCode: string): boolean {
  return hasRole(identity, "center_admin", "supervisor") && identity.centerCode === centerCode;
}

/** The department's staff in the hall: window staff, its chief representative, its principal. */
export function isStaffOf(identity: Identity, centerCode: string, departmentId: string): boolean {
  return (
    hasRole(identity, "window_staff", "chief_representative", "department_principal") &&
    identity.centerCode === centerCode &&
    identity.departmentId === departmentId
  );
}

/**
 * 代办: the staff and overseers of the township serving a county case, and of its village points,
 * as cases lets them see the case: they print its receipt and notices and hand over its result.
 */
export function isAgentOf(identity: Identity, owner: Pick<DocumentOwner, "agentCenterCode">): boolean {
  return servesAsAgent(identity.centerCode, owner.agentCenterCode) && hasRole(identity, "window_staff", "chief_representative", "department_principal", "center_admin", "supervisor");
}

/** The applicant (the account that applied, or the one it was opened for), the department's staff, the overseers, the agent. */
export function mayReadDocuments(identity: Identity, owner: DocumentOwner): boolean {
  return (
    (owner.applicantSubject !== null && owner.applicantSubject !== "" && isApplicant(identity, owner.applicantSubject)) ||
    isStaffOf(identity, owner.centerCode, owner.departmentId) ||
    isOverseerOf(identity, owner.centerCode) ||
    isAgentOf(identity, owner)
  );
}

/** 撤销 and 换发 are the issuing department's acts: its chief representative or its principal. */
export function mayChangeLicence(identity: Identity, owner: Pick<DocumentOwner, "centerCode" | "departmentId">): boolean {
  return hasRole(identity, "chief_representative", "department_principal") && identity.centerCode === owner.centerCode && identity.departmentId === owner.departmentId;
}

/** An item's templates: the center's administration, or the chief representative of the item's department. */
export function mayWriteTemplates(identity: Identity, centerCode: string, departmentId: string | null): boolean {
  if (identity.centerCode !== centerCode) return false;
  return hasRole(identity, "center_admin") || (hasRole(identity, "chief_representative") && departmentId !== null && identity.departmentId === departmentId);
}
