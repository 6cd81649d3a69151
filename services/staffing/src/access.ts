import { hasRole, requireCenter, requireRole, type Identity, type Role } from "@onestop/platform";

/** The center's administration and supervision office see everything of their center. */
export const overseerRoles: Role[] = ["center_admin", "supervisor"];
export const windowRoles: Role[] = ["window_staff", "chief_representative"];

/** One of the roles, inside the record's own service center. */
export function requireCenterRole(identity: Identity, centerCode: string, ...roles: Role[]): void {
  requireRole(identity, ...roles);
  requireCenter(identity, centerCode);
}

/** Overseers of the center, or the person themself. */
export function isSelfOrOverseer(identity: Identity, centerCode: string, staffId: string): boolean {
  if (identity.centerCode !== centerCode) return false;
  return identity.subject === staffId || hasRole(identity, ...overseerRoles);
}
