import type { PostPosition } from "@onestop/events";
import type { Role } from "@onestop/platform";

/**
 * Roles a staff account may carry; chief_representative and department_principal are offices,
 * added at login for whoever holds them now, whatever the account says. `bureau` is the
 * development bureau's staff (发改局), who lead joint approvals for their department.
 */
export const staffRoles = ["window_staff", "chief_representative", "department_principal", "center_admin", "supervisor", "finance", "bureau"] as const satisfies readonly Role[];

/** The offices a person holds now, as the organisation records them. */
export interface Offices {
  /** 首席代表 of a department. */
  chiefRepresentative: boolean;
  /** 单位主要负责人 of a department. */
  departmentPrincipal: boolean;
}

const officeRoles: readonly Role[] = ["chief_representative", "department_principal"];
export type StaffRole = (typeof staffRoles)[number];

export interface LockoutPolicy {
  /** Consecutive wrong passwords that lock the account. */
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(account: { lockedUntil: Date | null }, now: Date): boolean {
  return account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime();
}

/** Until when a lock holds that starts now. The count that triggers it is kept in the database (see the repository). */
export function lockExpiry(now: Date, policy: LockoutPolicy): Date {
  return new Date(now.getTime() + policy.lockMinutes * 60_000);
}

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push("password: at least 10 characters");
  if (password.length > 128) problems.push("password: at most 128 characters");
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push("password: letters and digits");
  return problems;
}

/** What the token says: the account's roles, plus the role of each office the person holds now. */
export function tokenRoles(accountRoles: readonly Role[], offices: Offices): Role[] {
  const roles: Role[] = [
    ...accountRoles.filter((role) => !officeRoles.includes(role)),
    ...(offices.chiefRepresentative ? (["chief_representative"] as const) : []),
    ...(offices.departmentPrincipal ? (["department_principal"] as const) : []),
  ];
  return roles.length > 0 ? roles : ["window_staff"];
}

/** The window a token names: the one whose A post the person holds, else a B post's. */
export function tokenWindow(posts: ReadonlyArray<{ windowId: string; position: PostPosition }>): string | null {
  return (posts.find((p) => p.position === "A") ?? posts.find((p) => p.position === "B"))?.windowId ?? null;
}

/** Citizens choose their own password: at least 8 characters and not only digits (not a birthday or a phone number). */
export function citizenPasswordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push("password: at least 8 characters");
  if (password.length > 128) problems.push("password: at most 128 characters");
  if (/^\d*$/.test(password)) problems.push("password: not only digits");
  return problems;
}

/** 刷新令牌: good for 30 days, once. */
export const refreshTokenDays = 30;

export function refreshExpiry(now: Date): Date {
  return new Date(now.getTime() + refreshTokenDays * 86_400_000);
}

/** What presenting a refresh token leads to. A spent one presented again means it was copied: the whole family goes. */
export type RefreshVerdict = "rotate" | "unknown" | "expired" | "revoked" | "reused";

export function refreshVerdict(
  token: { spentAt: Date | null; expiresAt: Date } | null,
  family: { revokedAt: Date | null } | null,
  now: Date,
): RefreshVerdict {
  if (!token || !family) return "unknown";
  if (family.revokedAt) return "revoked";
  if (token.spentAt) return "reused";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "rotate";
}
