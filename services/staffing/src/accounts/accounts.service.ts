import { z } from "zod";
import {
  DomainError,
  invalidInput,
  notFound,
  requireCenter,
  requireRole,
  unauthenticated,
  validate,
  type Clock,
  type Identity,
  type UnitOfWork,
} from "@onestop/platform";
import { StaffingError } from "../errors";
import type { StaffRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import type { AccessTokenSigner } from "./access-token";
import { isLocked, lockExpiry, passwordProblems, staffRoles, tokenRoles, tokenWindow, type LockoutPolicy } from "./accounts.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { StaffAccountRow } from "./entities";
import { decoyHash, hashPassword, verifyPassword } from "./password";

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3-64 letters, digits, '.', '_' or '-'");
const password = z.string().min(1).max(128);
const roles = z.array(z.enum(staffRoles)).min(1).transform((r) => [...new Set(r)]);

export const createStaffAccountInput = z.object({ staffId: z.string().min(1), username, password, roles });
export const resetStaffPasswordInput = z.object({ staffId: z.string().min(1), password });
export const changeMyPasswordInput = z.object({ currentPassword: password, newPassword: password });
export const setStaffRolesInput = z.object({ staffId: z.string().min(1), roles });
export const loginInput = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password });

export interface LoginResult {
  accessToken: string;
  expiresAt: Date;
  staff: StaffRow;
  roles: string[];
}

const invalidCredentials = () => new DomainError(StaffingError.InvalidCredentials, "Wrong username or password");

/** Accounts and login for staff: scrypt-hashed passwords, lockout after repeated failures, short-lived tokens. */
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly signer: AccessTokenSigner | null,
    private readonly lockout: LockoutPolicy,
  ) {}

  async createStaffAccount(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(createStaffAccountInput, rawInput);
    requireRole(identity, "center_admin");
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw invalidInput(problems);
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const now = this.clock.now();
    const account: StaffAccountRow = {
      staffId: staff.id,
      centerCode: staff.centerCode,
      username: input.username,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
      failedAttempts: 0,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: now,
      createdAt: now,
    };
    return this.unitOfWork.run(async (tx) => {
      const outcome = await this.repository.insert(tx, account);
      if (outcome === "account_exists") throw new DomainError(StaffingError.AccountExists, `${staff.name} already has an account`);
      if (outcome === "username_taken") throw new DomainError(StaffingError.UsernameTaken, `Username ${input.username} is taken`, { field: "username" });
      return account;
    });
  }

  /** The center sets a new password; it also lifts a lock. */
  async resetStaffPassword(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(resetStaffPasswordInput, rawInput);
    requireRole(identity, "center_admin");
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw invalidInput(problems);
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const account = await this.repository.findByStaff(staff.id);
    if (!account) throw notFound("Account of staff", staff.id);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    await this.unitOfWork.run((tx) => this.repository.setPassword(tx, staff.id, passwordHash, now));
    return { ...account, passwordHash, passwordChangedAt: now, failedAttempts: 0, lockedUntil: null };
  }

  async setStaffRoles(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(setStaffRolesInput, rawInput);
    requireRole(identity, "center_admin");
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const account = await this.repository.findByStaff(staff.id);
    if (!account) throw notFound("Account of staff", staff.id);
    await this.unitOfWork.run((tx) => this.repository.setRoles(tx, staff.id, input.roles));
    return { ...account, roles: input.roles };
  }

  async changeMyPassword(identity: Identity, rawInput: unknown): Promise<boolean> {
    const input = validate(changeMyPasswordInput, rawInput);
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    const problems = passwordProblems(input.newPassword);
    if (problems.length > 0) throw invalidInput(problems);
    const account = await this.repository.findByStaff(identity.subject);
    if (!account) throw notFound("Account of staff", identity.subject);
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw invalidCredentials();
    const passwordHash = await hashPassword(input.newPassword);
    await this.unitOfWork.run((tx) => this.repository.setPassword(tx, account.staffId, passwordHash, this.clock.now()));
    return true;
  }

  /**
   * 登录: anyone may try. An unknown name and a wrong password look the same and cost the
   * same; a locked account is refused before its password is checked; a success issues an
   * access token with the staff id, center, home department, window and roles.
   */
  async login(rawInput: unknown): Promise<LoginResult> {
    const input = validate(loginInput, rawInput);
    if (!this.signer) throw new DomainError(StaffingError.LoginUnavailable, "Login is not configured on this server (AUTH_SIGNING_KEY_FILE)");
    const account = await this.repository.findByUsername(input.username);
    if (!account) {
      await verifyPassword(input.password, await decoyHash());
      throw invalidCredentials();
    }
    const now = this.clock.now();
    if (isLocked(account, now)) {
      throw new DomainError(StaffingError.AccountLocked, `Too many failed attempts; try again after ${account.lockedUntil!.toISOString()}`, {
        lockedUntil: account.lockedUntil!.toISOString(),
      });
    }
    if (!(await verifyPassword(input.password, account.passwordHash))) {
      await this.repository.recordFailure(account.staffId, this.lockout.maxFailures, lockExpiry(now, this.lockout));
      throw invalidCredentials();
    }
    const staff = await this.organisation.findStaff(account.staffId);
    if (!staff) throw invalidCredentials();
    await this.repository.recordSuccess(account.staffId, now);
    const [posts, chiefOf] = await Promise.all([this.posts.postsOfStaff(staff.id), this.organisation.departmentsChiefedBy(staff.id)]);
    const tokenRoleList = tokenRoles(account.roles, chiefOf.length > 0);
    const { token, expiresAt } = this.signer.sign(
      {
        subject: staff.id,
        roles: tokenRoleList,
        centerCode: staff.centerCode,
        departmentId: staff.departmentId,
        windowId: tokenWindow(posts),
      },
      now,
    );
    return { accessToken: token, expiresAt, staff, roles: tokenRoleList };
  }

  async account(identity: Identity, staff: StaffRow): Promise<StaffAccountRow | null> {
    if (identity.subject !== staff.id) {
      requireRole(identity, "center_admin");
      requireCenter(identity, staff.centerCode);
    }
    return this.repository.findByStaff(staff.id);
  }

  private async requireStaffOfCenter(identity: Identity, staffId: string): Promise<StaffRow> {
    const staff = await this.organisation.findStaff(staffId);
    if (!staff) throw new DomainError(StaffingError.UnknownStaff, `Staff ${staffId} is not registered`, { staffId });
    requireCenter(identity, staff.centerCode);
    return staff;
  }
}
