import { createHash, randomBytes, randomUUID } from "node:crypto";
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
  type Role,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { StaffingError } from "../errors";
import type { StaffRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import type { AccessClaims, AccessTokenSigner } from "./access-token";
import {
  citizenKindOf,
  citizenPasswordProblems,
  isLocked,
  lockExpiry,
  passwordProblems,
  refreshExpiry,
  refreshVerdict,
  staffRoles,
  tokenRoles,
  tokenWindow,
  type LockoutPolicy,
} from "./accounts.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { AccountKind, CitizenAccountRow, MachineClientRow, MachineClientSecretRow, PasswordSignInColumns, RefreshFamilyRow, StaffAccountRow } from "./entities";
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

export const registerCitizenInput = z.object({
  // Stored as typed and returned unchanged: text is never interpreted, only bound as a parameter and escaped by the reader.
  name: z.string().trim().min(1).max(100),
  idNumber: z.string().trim().toUpperCase().length(18, "18 characters"),
  phone: z.string().trim().regex(/^1\d{10}$/, "an 11-digit mobile number"),
  password,
});
export const loginCitizenInput = z.object({ idNumber: z.string().trim().toUpperCase().min(1).max(18), password });
export const refreshTokenInput = z.object({ refreshToken: z.string().min(1).max(200) });
const centerCode = z.string().regex(/^\d{12}$/, "12 digits");
export const createBankClientInput = z.object({ centerCode, name: z.string().trim().min(1).max(100) });
export const clientIdInput = z.object({ clientId: z.string().min(1).max(64) });
export const revokeSecretInput = z.object({ clientId: z.string().min(1).max(64), secretId: z.string().min(1).max(36) });
export const clientCredentialsInput = z.object({ clientId: z.string().min(1).max(64), clientSecret: z.string().min(1).max(200) });

interface RefreshPart {
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface SessionTokens extends RefreshPart {
  accessToken: string;
  expiresAt: Date;
}

export interface LoginResult extends SessionTokens {
  staff: StaffRow;
  roles: string[];
}

/** A citizen's account and whether the caller is its holder, who alone sees the ID number and phone unmasked. */
export interface CitizenAccountView {
  account: CitizenAccountRow;
  reveal: boolean;
}

export interface CitizenLoginResult extends SessionTokens {
  account: CitizenAccountView;
}

export interface IssuedSecret {
  client: MachineClientRow;
  secretId: string;
  clientSecret: string;
}

const refreshTokenHash = (token: string) => createHash("sha256").update(token, "utf8").digest();

const citizenClaims = (account: CitizenAccountRow): AccessClaims => ({
  subject: account.id,
  roles: ["citizen"],
  centerCode: null,
  departmentId: null,
  windowId: null,
});

async function newSecret(clientId: string, now: Date): Promise<{ secret: string; row: MachineClientSecretRow }> {
  const secret = randomBytes(32).toString("base64url");
  return { secret, row: { id: randomUUID(), clientId, secretHash: await hashPassword(secret), createdAt: now, revokedAt: null } };
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
    const signer = this.requireSigner();
    const now = this.clock.now();
    const account = await this.passwordChecked(await this.repository.findByUsername(input.username), input.password, now, (found, lockUntil) =>
      this.repository.recordFailure(found.staffId, this.lockout.maxFailures, lockUntil),
    );
    const staff = await this.organisation.findStaff(account.staffId);
    if (!staff) throw invalidCredentials();
    await this.repository.recordSuccess(account.staffId, now);
    const { claims, roles } = await this.staffClaims(account, staff);
    const { token, expiresAt } = signer.sign(claims, now);
    const refresh = await this.startRefreshFamily("STAFF", staff.id, now);
    return { accessToken: token, expiresAt, ...refresh, staff, roles };
  }

  async account(identity: Identity, staff: StaffRow): Promise<StaffAccountRow | null> {
    if (identity.subject !== staff.id) {
      requireRole(identity, "center_admin");
      requireCenter(identity, staff.centerCode);
    }
    return this.repository.findByStaff(staff.id);
  }

  // ---- Citizens and enterprises (群众/企业) --------------------------------------------------

  /**
   * 注册: anyone may call it. One account per ID number (the unique key decides between two at
   * once); the ID number's check character must be right; the password is the citizen's own.
   */
  async registerCitizen(rawInput: unknown): Promise<CitizenAccountView> {
    const input = validate(registerCitizenInput, rawInput);
    const kind = citizenKindOf(input.idNumber);
    if (!kind) throw invalidInput(["idNumber: not a resident ID number or unified social credit code (check character)"]);
    const problems = citizenPasswordProblems(input.password);
    if (problems.length > 0) throw invalidInput(problems);
    const account: CitizenAccountRow = {
      id: randomUUID(),
      kind,
      name: input.name,
      idNumber: input.idNumber,
      phone: input.phone,
      passwordHash: await hashPassword(input.password),
      failedAttempts: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: this.clock.now(),
    };
    const outcome = await this.unitOfWork.run((tx) => this.repository.insertCitizen(tx, account));
    if (outcome === "already_registered") {
      throw new DomainError(StaffingError.CitizenAlreadyRegistered, "An account with this ID number already exists", { field: "idNumber" });
    }
    // The caller has not signed in yet: they see what they typed only masked.
    return { account, reveal: false };
  }

  /** 群众登录 by ID number and password, with the same lockout as staff; the token's subject is the account's id. */
  async loginCitizen(rawInput: unknown): Promise<CitizenLoginResult> {
    const input = validate(loginCitizenInput, rawInput);
    const signer = this.requireSigner();
    const now = this.clock.now();
    const account = await this.passwordChecked(await this.repository.findCitizenByIdNumber(input.idNumber), input.password, now, (found, lockUntil) =>
      this.repository.recordCitizenFailure(found.id, this.lockout.maxFailures, lockUntil),
    );
    await this.repository.recordCitizenSuccess(account.id, now);
    const { token, expiresAt } = signer.sign(citizenClaims(account), now);
    const refresh = await this.startRefreshFamily("CITIZEN", account.id, now);
    return { accessToken: token, expiresAt, ...refresh, account: { account, reveal: true } };
  }

  /** The signed-in citizen's own account, unmasked. */
  async myCitizenAccount(identity: Identity): Promise<CitizenAccountView | null> {
    requireRole(identity, "citizen");
    const account = await this.repository.findCitizen(identity.subject);
    return account ? { account, reveal: true } : null;
  }

  // ---- Refresh tokens (刷新令牌) ---------------------------------------------------------------

  /**
   * Exchanges a refresh token for a new access token and a new refresh token of the same family.
   * The exchange spends the old one by compare-and-set under the family's row lock; a spent one
   * presented again was copied, so the whole family is revoked (the thief's and the owner's).
   */
  async refreshAccessToken(rawInput: unknown): Promise<SessionTokens> {
    const input = validate(refreshTokenInput, rawInput);
    const signer = this.requireSigner();
    const tokenHash = refreshTokenHash(input.refreshToken);
    const now = this.clock.now();
    const outcome = await this.unitOfWork.run(async (tx) => {
      const token = await this.repository.findRefreshToken(tx, tokenHash);
      const family = token ? await this.repository.lockRefreshFamily(tx, token.familyId) : null;
      let verdict = refreshVerdict(token, family, now);
      if (verdict === "rotate" && !(await this.repository.spendRefreshToken(tx, tokenHash, now))) verdict = "reused";
      if (verdict === "reused") await this.repository.revokeRefreshFamily(tx, family!.id, now);
      if (verdict !== "rotate") return { verdict } as const;
      const next = await this.issueRefreshToken(tx, family!.id, now);
      return { verdict, family: family!, next } as const;
    });
    if (outcome.verdict === "reused") {
      throw new DomainError(StaffingError.RefreshTokenReused, "This refresh token was already used; every session of this sign-in is ended. Sign in again");
    }
    if (outcome.verdict !== "rotate") throw new DomainError(StaffingError.InvalidRefreshToken, "The refresh token is not valid; sign in again");
    const claims = await this.claimsOf(outcome.family.accountKind, outcome.family.accountId);
    if (!claims) throw new DomainError(StaffingError.InvalidRefreshToken, "The refresh token is not valid; sign in again");
    const { token, expiresAt } = signer.sign(claims, now);
    return { accessToken: token, expiresAt, ...outcome.next };
  }

  /** 退出登录: ends the sign-in the refresh token belongs to. Unknown tokens change nothing. */
  async logout(rawInput: unknown): Promise<boolean> {
    const input = validate(refreshTokenInput, rawInput);
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      const token = await this.repository.findRefreshToken(tx, refreshTokenHash(input.refreshToken));
      if (token) await this.repository.revokeRefreshFamily(tx, token.familyId, now);
    });
    return true;
  }

  // ---- Machine clients: the bank (银行代收点) -------------------------------------------------

  /** The center's administration registers the bank's collection point; the secret is shown this once. */
  async createBankClient(identity: Identity, rawInput: unknown): Promise<IssuedSecret> {
    const input = validate(createBankClientInput, rawInput);
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const now = this.clock.now();
    const client: MachineClientRow = {
      id: `bank-${input.centerCode}-${randomBytes(6).toString("hex")}`,
      centerCode: input.centerCode,
      name: input.name,
      role: "bank",
      createdBy: identity.subject,
      createdAt: now,
    };
    const { secret, row } = await newSecret(client.id, now);
    await this.unitOfWork.run((tx) => this.repository.insertMachineClient(tx, client, row));
    return { client, secretId: row.id, clientSecret: secret };
  }

  /** A new secret beside the old ones, which keep working until revoked: the bank switches without downtime. */
  async rotateBankClientSecret(identity: Identity, rawInput: unknown): Promise<IssuedSecret> {
    const input = validate(clientIdInput, rawInput);
    const client = await this.requireMachineClientOfCenter(identity, input.clientId);
    const { secret, row } = await newSecret(client.id, this.clock.now());
    await this.unitOfWork.run((tx) => this.repository.insertSecret(tx, row));
    return { client, secretId: row.id, clientSecret: secret };
  }

  async revokeBankClientSecret(identity: Identity, rawInput: unknown): Promise<MachineClientRow> {
    const input = validate(revokeSecretInput, rawInput);
    const client = await this.requireMachineClientOfCenter(identity, input.clientId);
    const revoked = await this.unitOfWork.run((tx) => this.repository.revokeSecret(tx, client.id, input.secretId, this.clock.now()));
    if (!revoked) throw new DomainError(StaffingError.SecretAlreadyRevoked, "No live secret with this id", { secretId: input.secretId });
    return client;
  }

  async bankClients(identity: Identity, centerCode: string): Promise<MachineClientRow[]> {
    requireRole(identity, "center_admin", "supervisor");
    requireCenter(identity, centerCode);
    return this.repository.machineClientsOfCenter(centerCode);
  }

  async secretsOf(identity: Identity, client: MachineClientRow): Promise<MachineClientSecretRow[]> {
    requireRole(identity, "center_admin", "supervisor");
    requireCenter(identity, client.centerCode);
    return this.repository.secretsOf(client.id);
  }

  /** OAuth-style client credentials: any live secret of the client gives an access token with its role and center. */
  async clientCredentialsToken(rawInput: unknown): Promise<{ accessToken: string; expiresAt: Date }> {
    const input = validate(clientCredentialsInput, rawInput);
    const signer = this.requireSigner();
    const client = await this.repository.findMachineClient(input.clientId);
    const secrets = client ? (await this.repository.secretsOf(client.id)).filter((s) => s.revokedAt === null) : [];
    let matched = false;
    for (const secret of secrets) if (!matched && (await verifyPassword(input.clientSecret, secret.secretHash))) matched = true;
    if (secrets.length === 0) await verifyPassword(input.clientSecret, await decoyHash());
    if (!client || !matched) throw new DomainError(StaffingError.InvalidCredentials, "Wrong client id or secret");
    const { token, expiresAt } = signer.sign({ subject: client.id, roles: [client.role], centerCode: client.centerCode, departmentId: null, windowId: null }, this.clock.now());
    return { accessToken: token, expiresAt };
  }

  private async requireMachineClientOfCenter(identity: Identity, clientId: string): Promise<MachineClientRow> {
    requireRole(identity, "center_admin");
    const client = await this.repository.findMachineClient(clientId);
    if (!client) throw new DomainError(StaffingError.UnknownMachineClient, `No machine client ${clientId}`, { clientId });
    requireCenter(identity, client.centerCode);
    return client;
  }

  private requireSigner(): AccessTokenSigner {
    if (!this.signer) throw new DomainError(StaffingError.LoginUnavailable, "Login is not configured on this server (AUTH_SIGNING_KEY_FILE)");
    return this.signer;
  }

  /**
   * The account when the password is right. An unknown account is refused as a wrong password
   * is, after as long (a decoy hash is checked); a locked one before its password is checked; a
   * wrong password counts toward the lockout.
   */
  private async passwordChecked<A extends PasswordSignInColumns>(
    account: A | null,
    password: string,
    now: Date,
    recordFailure: (account: A, lockUntil: Date) => Promise<void>,
  ): Promise<A> {
    if (!account) {
      await verifyPassword(password, await decoyHash());
      throw invalidCredentials();
    }
    this.refuseWhileLocked(account, now);
    if (!(await verifyPassword(password, account.passwordHash))) {
      await recordFailure(account, lockExpiry(now, this.lockout));
      throw invalidCredentials();
    }
    return account;
  }

  private refuseWhileLocked(account: { lockedUntil: Date | null }, now: Date): void {
    if (isLocked(account, now)) {
      throw new DomainError(StaffingError.AccountLocked, `Too many failed attempts; try again after ${account.lockedUntil!.toISOString()}`, {
        lockedUntil: account.lockedUntil!.toISOString(),
      });
    }
  }

  private async startRefreshFamily(accountKind: AccountKind, accountId: string, now: Date): Promise<RefreshPart> {
    return this.unitOfWork.run(async (tx) => {
      const family: RefreshFamilyRow = { id: randomUUID(), accountKind, accountId, createdAt: now, revokedAt: null };
      await this.repository.insertRefreshFamily(tx, family);
      return this.issueRefreshToken(tx, family.id, now);
    });
  }

  private async issueRefreshToken(tx: Tx, familyId: string, now: Date): Promise<RefreshPart> {
    const refreshToken = randomBytes(32).toString("base64url");
    const refreshExpiresAt = refreshExpiry(now);
    await this.repository.insertRefreshToken(tx, { tokenHash: refreshTokenHash(refreshToken), familyId, issuedAt: now, expiresAt: refreshExpiresAt, spentAt: null });
    return { refreshToken, refreshExpiresAt };
  }

  /** What an access token says of the account now: roles, posts and chief representation may have changed since login. */
  private async claimsOf(kind: AccountKind, accountId: string): Promise<AccessClaims | null> {
    if (kind === "CITIZEN") {
      const account = await this.repository.findCitizen(accountId);
      return account ? citizenClaims(account) : null;
    }
    const [account, staff] = await Promise.all([this.repository.findByStaff(accountId), this.organisation.findStaff(accountId)]);
    return account && staff ? (await this.staffClaims(account, staff)).claims : null;
  }

  private async staffClaims(account: StaffAccountRow, staff: StaffRow): Promise<{ claims: AccessClaims; roles: Role[] }> {
    const [posts, chiefOf] = await Promise.all([this.posts.postsOfStaff(staff.id), this.organisation.departmentsChiefedBy(staff.id)]);
    const roles = tokenRoles(account.roles, chiefOf.length > 0);
    return {
      roles,
      claims: { subject: staff.id, roles, centerCode: staff.centerCode, departmentId: staff.departmentId, windowId: tokenWindow(posts) },
    };
  }

  private async requireStaffOfCenter(identity: Identity, staffId: string): Promise<StaffRow> {
    const staff = await this.organisation.findStaff(staffId);
    if (!staff) throw new DomainError(StaffingError.UnknownStaff, `Staff ${staffId} is not registered`, { staffId });
    requireCenter(identity, staff.centerCode);
    return staff;
  }
}
