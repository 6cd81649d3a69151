import { oversees } from "@onestop/authorization";
import { DomainError, ErrorCode, forbidden, hasRole, unauthenticated, type Identity } from "@onestop/platform";

/**
 * Who sees what of supervision: the supervision office (监察) and the center's administration see
 * their whole center and every center under it (a county's: its townships' and village points'); a department's window staff and chief representative (首席代表) see their own
 * department's; nobody sees another center; the public sees nothing.
 */
export interface Scope {
  centerCode: string;
  /** null: the whole center. */
  departmentId: string | null;
}

const CENTER_WIDE = ["supervisor", "center_admin"] as const;
const DEPARTMENT = ["window_staff", "chief_representative"] as const;

/** The caller's scope for reading `centerCode` (narrowed to `departmentId` when asked), or why not. */
export function readScope(identity: Identity, centerCode: string, departmentId: string | null = null): Scope {
  if (identity.roles.includes("anonymous")) throw unauthenticated();
  if (hasRole(identity, ...CENTER_WIDE)) {
    // A county's supervision office and administration oversee every township and village point under it; a township's, its own (issue 22).
    if (!oversees(identity.centerCode, centerCode)) throw forbidden(`Not authorized for service center ${centerCode}`);
    return { centerCode, departmentId };
  }
  if (hasRole(identity, ...DEPARTMENT) && identity.departmentId) {
    if (identity.centerCode !== centerCode) throw forbidden(`Not authorized for service center ${centerCode}`);
    if (departmentId && departmentId !== identity.departmentId) throw forbidden("Department staff see their own department's supervision only");
    return { centerCode, departmentId: identity.departmentId };
  }
  throw forbidden(`This needs one of the roles: ${[...CENTER_WIDE, ...DEPARTMENT].join(", ")}`);
}

/** The scope of the caller's push stream: its own center, narrowed as `readScope` narrows. */
export function streamScope(identity: Identity): Scope {
  if (!identity.centerCode) {
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    throw forbidden("Supervision belongs to a service center");
  }
  return readScope(identity, identity.centerCode);
}

/** Whether something of `centerCode` and `departmentId` is inside the scope. */
export function inScope(scope: Scope, record: { centerCode: string; departmentId: string | null }): boolean {
  return record.centerCode === scope.centerCode && (scope.departmentId === null || record.departmentId === scope.departmentId);
}

/** Only the supervision office acknowledges warnings. */
export function requireSupervisor(identity: Identity, centerCode: string): void {
  if (identity.roles.includes("anonymous")) throw unauthenticated();
  if (!hasRole(identity, "supervisor")) throw forbidden("Only the supervision office acknowledges warnings");
  if (identity.centerCode !== centerCode) throw new DomainError(ErrorCode.Forbidden, `Not authorized for service center ${centerCode}`);
}
