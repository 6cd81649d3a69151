import type { Role } from "@onestop/platform";

/** Roles a staff account may carry; chief_representative is added at login for the department's current one. */
export const staffRoles = ["window_staff", "chief_representative", "center_admin", "supervisor", "finance"] as const satisfies readonly Role[];
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

/** What the token says: the account's roles, plus chief_representative while the person is one. */
export function tokenRoles(accountRoles: readonly Role[], isChiefRepresentative: boolean): Role[] {
  const roles = accountRoles.filter((role) => role !== "chief_representative");
  return isChiefRepresentative ? [...roles, "chief_representative"] : roles.length > 0 ? roles : ["window_staff"];
}

/** The window a token names: the one whose A post the person holds, else a B post's. */
export function tokenWindow(posts: ReadonlyArray<{ windowId: string; position: "A" | "B" }>): string | null {
  return (posts.find((p) => p.position === "A") ?? posts.find((p) => p.position === "B"))?.windowId ?? null;
}
