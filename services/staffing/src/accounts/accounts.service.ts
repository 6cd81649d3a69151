import { staffingEvents } from "@onestop/events";
import {
  DomainError,
  findingsAt,
  invalidInput,
  notFound,
  requireCenter,
  requireRole,
  unauthenticated,
  validate,
  type Clock,
  type FailureThrottle,
  type Identity,
  type UnitOfWork,
} from "@onestop/platform";
import { StaffingErrorCode } from "../errors";
import type { StaffRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import { passwordProblems, signInGroup } from "./accounts.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { StaffAccountRow } from "./entities";
import { changeMyPasswordInput, createStaffAccountInput, resetStaffPasswordInput, setStaffRolesInput } from "./inputs";
import type { PasswordHasher } from "./password";
import { invalidCredentials } from "./sign-in.service";

/** Staff accounts: the center's administration creates them and sets roles and passwords; staff change their own password. */
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly organisation: OrganisationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly throttle: FailureThrottle,
    private readonly passwords: PasswordHasher,
  ) {}

  async createStaffAccount(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(createStaffAccountInput, rawInput, "input");
    requireRole(identity, "center_admin");
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const now = this.clock.now();
    const account: StaffAccountRow = {
      staffId: staff.id,
      centerCode: staff.centerCode,
      username: input.username,
      passwordHash: await this.passwords.hash(input.password),
      roles: input.roles,
      lastLoginAt: null,
      passwordChangedAt: now,
      createdAt: now,
    };
    return this.unitOfWork.run(async (tx) => {
      const outcome = await this.repository.insert(tx, account);
      if (outcome === "account_exists") throw new DomainError(StaffingErrorCode.AccountExists, `${staff.name} already has an account`);
      if (outcome === "username_taken") throw new DomainError(StaffingErrorCode.UsernameTaken, `Username ${input.username} is taken`, { field: "username" });
      return account;
    });
  }

  /**
   * The center sets a new password; it also lifts the name's locks (from every client), and ends every sign-in of the
   * account: its refresh tokens here, its access tokens at the gateway (the event).
   */
  async resetStaffPassword(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(resetStaffPasswordInput, rawInput, "input");
    requireRole(identity, "center_admin");
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const account = await this.repository.findByStaff(staff.id);
    if (!account) throw notFound("Account of staff", staff.id);
    const passwordHash = await this.passwords.hash(input.password);
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      await this.repository.setPassword(tx, staff.id, passwordHash, now);
      await this.repository.revokeRefreshFamiliesOf(tx, "STAFF", staff.id, now);
      await tx.publish(staffingEvents.sessionsRevoked, { accountId: staff.id, sessionId: null, revokedAt: now.toISOString(), reason: "PASSWORD_RESET" }, { centerCode: staff.centerCode });
    });
    await this.throttle.clearGroup(signInGroup("STAFF", account.username));
    return { ...account, passwordHash, passwordChangedAt: now };
  }

  async setStaffRoles(identity: Identity, rawInput: unknown): Promise<StaffAccountRow> {
    const input = validate(setStaffRolesInput, rawInput, "input");
    requireRole(identity, "center_admin");
    const staff = await this.requireStaffOfCenter(identity, input.staffId);
    const account = await this.repository.findByStaff(staff.id);
    if (!account) throw notFound("Account of staff", staff.id);
    await this.unitOfWork.run((tx) => this.repository.setRoles(tx, staff.id, input.roles));
    return { ...account, roles: input.roles };
  }

  async changeMyPassword(identity: Identity, rawInput: unknown): Promise<boolean> {
    const input = validate(changeMyPasswordInput, rawInput, "input");
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    const problems = passwordProblems(input.newPassword);
    // The policy speaks of "password"; here the password checked is the new one.
    if (problems.length > 0) throw invalidInput(findingsAt(undefined, problems).map(({ message }) => ({ field: "input.newPassword", message })));
    const account = await this.repository.findByStaff(identity.subject);
    if (!account) throw notFound("Account of staff", identity.subject);
    if (!(await this.passwords.verify(input.currentPassword, account.passwordHash))) throw invalidCredentials();
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.unitOfWork.run((tx) => this.repository.setPassword(tx, account.staffId, passwordHash, this.clock.now()));
    return true;
  }

  /** Until when the account's name is locked for some client (the latest such lock), or null. */
  lockedUntil(account: StaffAccountRow): Promise<Date | null> {
    return this.throttle.groupLockedUntil(signInGroup("STAFF", account.username), this.clock.now());
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
    if (!staff) throw new DomainError(StaffingErrorCode.UnknownStaff, `Staff ${staffId} is not registered`, { staffId });
    requireCenter(identity, staff.centerCode);
    return staff;
  }
}
