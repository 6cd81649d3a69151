import { forbidden, unauthenticated } from "./errors";
import type { Identity, Role } from "./identity";

export function hasRole(identity: Identity, ...wanted: Role[]): boolean {
  return identity.roles.some((role) => wanted.includes(role));
}

/** Refuses unless the caller holds one of the roles; anonymous callers are told to sign in. */
export function requireRole(identity: Identity, ...wanted: Role[]): void {
  if (hasRole(identity, ...wanted)) return;
  if (identity.roles.includes("anonymous")) throw unauthenticated();
  throw forbidden(`This needs one of the roles: ${wanted.join(", ")}`);
}

/** Every record belongs to one service center; a caller acts only inside its own. */
export function requireCenter(identity: Identity, centerCode: string): void {
  if (identity.centerCode !== centerCode) {
    throw forbidden(`Not authorized for service center ${centerCode}`);
  }
}

/**
 * Whether the caller is the applicant a record names (its applicant subject): a citizen or
 * enterprise account, either the account that applied itself (its subject) or the account
 * whose verified number the record was opened for (its applicant key).
 */
export function isApplicant(identity: Identity, applicantSubject: string): boolean {
  if (!hasRole(identity, "citizen")) return false;
  return identity.subject === applicantSubject || (Boolean(identity.applicantKey) && identity.applicantKey === applicantSubject);
}

/** Every applicant subject the caller answers to, for lists of "my" records; none for anyone but a citizen. */
export function applicantSubjectsOf(identity: Identity): string[] {
  if (!hasRole(identity, "citizen")) return [];
  return identity.applicantKey ? [identity.subject, identity.applicantKey] : [identity.subject];
}
