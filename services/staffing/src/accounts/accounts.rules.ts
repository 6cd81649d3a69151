import type { PostPosition } from "@onestop/events";
import type { Role, ThrottleEntry, ThrottlePolicy } from "@onestop/platform";

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

/** The sign-in lock-out's settings (LOGIN_* in env.ts). */
export interface LockoutPolicy {
  /** Wrong passwords from one client for one name that lock the name for that client. */
  maxFailures: number;
  /** The first lock; each further one lasts twice the last. */
  firstLockSeconds: number;
  /** No lock lasts longer: nobody can keep a person out for long. */
  lockMinutes: number;
  /** Wrong passwords for one name from any clients that lock it for every client (many addresses guessing one account). */
  accountMaxFailures: number;
  /** Wrong passwords from one client for any names that lock the client (one address trying many accounts). */
  clientMaxFailures: number;
}

/** Who signs in with the name: staff by username, citizens by ID number (the kinds keep a username and a number apart). */
export type SignInKind = "STAFF" | "CITIZEN";

/** The group of every key about one name: what an account's `lockedUntil` shows and a password reset lifts. */
export const signInGroup = (kind: SignInKind, name: string) => `sign-in:${kind}:${name}`;

/**
 * What one failed sign-in counts against. The keys are the name as given, registered or not,
 * so an unregistered number fails, counts and locks exactly as a registered one does and
 * nothing tells them apart. The name with the client: a stranger guessing from one address locks
 * the name for that address only, and the owner signs in from another; the name alone, with
 * a higher limit: many addresses guessing one account; the client alone: one address trying
 * many names. A client the gateway did not name (a direct call) counts under the name alone
 * with the lower limit.
 */
export function signInThrottle(kind: SignInKind, name: string, client: string | null, policy: LockoutPolicy): { checked: string[]; counted: ThrottleEntry[]; clearedOnSuccess: string[] } {
  const group = signInGroup(kind, name);
  const lockSeconds = policy.firstLockSeconds;
  const maxLockSeconds = policy.lockMinutes * 60;
  const guarded = (maxFailures: number): ThrottlePolicy => ({ maxFailures, lockSeconds, maxLockSeconds, windowSeconds: maxLockSeconds });
  const pair = { key: `${group}@${client ?? "-"}`, group, policy: guarded(policy.maxFailures) };
  if (client === null) return { checked: [pair.key], counted: [pair], clearedOnSuccess: [pair.key] };
  const account = { key: group, group, policy: guarded(policy.accountMaxFailures) };
  const fromClient = { key: `sign-in-client:${client}`, policy: { ...guarded(policy.clientMaxFailures), lockSeconds: maxLockSeconds } };
  return { checked: [pair.key, account.key, fromClient.key], counted: [pair, account, fromClient], clearedOnSuccess: [pair.key] };
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
