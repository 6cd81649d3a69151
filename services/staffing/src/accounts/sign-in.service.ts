import { createHash, randomBytes, randomUUID } from "node:crypto";
import { staffingEvents } from "@onestop/events";
import { applicantKey, DomainError, validate, type Clock, type FailureThrottle, type ProofOfWork, type Role, type Tx, type UnitOfWork } from "@onestop/platform";
import { StaffingErrorCode } from "../errors";
import type { StaffRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import type { AccessClaims, AccessTokenSigner } from "./access-token";
import { refreshExpiry, refreshVerdict, signInThrottle, tokenRoles, tokenWindow, type LockoutPolicy, type SignInKind } from "./accounts.rules";
import type { AccountsRepository } from "./accounts.repository";
import type { CitizenAccountView } from "./citizen-accounts.service";
import type { AccountKind, CitizenAccountRow, PasswordSignInColumns, RefreshFamilyRow, StaffAccountRow } from "./entities";
import { clientCredentialsInput, loginCitizenInput, loginInput, refreshTokenInput } from "./inputs";
import type { PasswordHasher } from "./password";

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

export interface CitizenLoginResult extends SessionTokens {
  account: CitizenAccountView;
}

const refreshTokenHash = (token: string) => createHash("sha256").update(token, "utf8").digest();

/** The account is the applicant of whatever is opened for its verified number: its token carries that number's key. */
const citizenClaims = (account: CitizenAccountRow, sessionId: string): AccessClaims => ({
  subject: account.id,
  roles: ["citizen"],
  centerCode: null,
  departmentId: null,
  windowId: null,
  applicantKey: applicantKey(account.kind, account.idNumber),
  sessionId,
});

export const invalidCredentials = () => new DomainError(StaffingErrorCode.InvalidCredentials, "Wrong username or password");

/**
 * 登录 and its tokens, for staff, citizens and machine clients: scrypt-checked passwords and
 * secrets, lockout after repeated failures, short-lived access tokens, refresh tokens that
 * rotate and give a copied one away.
 */
export class SignInService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly signer: AccessTokenSigner | null,
    private readonly lockout: LockoutPolicy,
    private readonly throttle: FailureThrottle,
    private readonly challenges: ProofOfWork,
    private readonly passwords: PasswordHasher,
  ) {}

  /** A challenge for the next sign-in, which needs one once its name or client has failed. */
  signInChallenge() {
    return this.challenges.issue();
  }

  /**
   * 登录: anyone may try. An unknown name and a wrong password look the same and cost the
   * same, and lock the same way; a locked name is refused before its password is checked; a
   * success issues an access token with the staff id, center, home department, window and roles.
   */
  async login(rawInput: unknown, client: string | null): Promise<LoginResult> {
    const input = validate(loginInput, rawInput, "input");
    const signer = this.requireSigner();
    const now = this.clock.now();
    const account = await this.passwordChecked("STAFF", input.username, client, input.password, input.challenge, now, () => this.repository.findByUsername(input.username));
    const staff = await this.organisation.findStaff(account.staffId);
    if (!staff) throw invalidCredentials();
    await this.repository.recordSuccess(account.staffId, now);
    const refresh = await this.startRefreshFamily("STAFF", staff.id, now);
    const { claims, roles } = await this.staffClaims(account, staff, refresh.sessionId);
    const { token, expiresAt } = signer.sign(claims, now);
    return { accessToken: token, expiresAt, ...refresh, staff, roles };
  }

  /** 群众登录 by ID number and password, with the same lockout as staff; the token's subject is the account's id. */
  async loginCitizen(rawInput: unknown, client: string | null): Promise<CitizenLoginResult> {
    const input = validate(loginCitizenInput, rawInput, "input");
    const signer = this.requireSigner();
    const now = this.clock.now();
    const account = await this.passwordChecked("CITIZEN", input.idNumber, client, input.password, input.challenge, now, () => this.repository.findCitizenByIdNumber(input.idNumber));
    await this.repository.recordCitizenSuccess(account.id, now);
    const refresh = await this.startRefreshFamily("CITIZEN", account.id, now);
    const { token, expiresAt } = signer.sign(citizenClaims(account, refresh.sessionId), now);
    return { accessToken: token, expiresAt, ...refresh, account: { account, reveal: true } };
  }

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
      if (verdict === "reused") await this.revokeSession(tx, family!, "REFRESH_TOKEN_REUSED", now);
      if (verdict !== "rotate") return { verdict } as const;
      const next = await this.issueRefreshToken(tx, family!.id, now);
      return { verdict, family: family!, next } as const;
    });
    if (outcome.verdict === "reused") {
      throw new DomainError(StaffingErrorCode.RefreshTokenReused, "This refresh token was already used; every session of this sign-in is ended. Sign in again");
    }
    if (outcome.verdict !== "rotate") throw new DomainError(StaffingErrorCode.InvalidRefreshToken, "The refresh token is not valid; sign in again");
    const claims = await this.claimsOf(outcome.family);
    if (!claims) throw new DomainError(StaffingErrorCode.InvalidRefreshToken, "The refresh token is not valid; sign in again");
    const { token, expiresAt } = signer.sign(claims, now);
    return { accessToken: token, expiresAt, ...outcome.next };
  }

  /**
   * 退出登录: ends the sign-in the refresh token belongs to, its access tokens with it (the
   * gateway hears of it and refuses them). Unknown tokens change nothing.
   */
  async logout(rawInput: unknown): Promise<boolean> {
    const input = validate(refreshTokenInput, rawInput);
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      const token = await this.repository.findRefreshToken(tx, refreshTokenHash(input.refreshToken));
      const family = token ? await this.repository.lockRefreshFamily(tx, token.familyId) : null;
      if (family && !family.revokedAt) await this.revokeSession(tx, family, "LOGOUT", now);
    });
    return true;
  }

  /** OAuth-style client credentials: any live secret of the client gives an access token with its role and center. */
  async clientCredentialsToken(rawInput: unknown): Promise<{ accessToken: string; expiresAt: Date }> {
    const input = validate(clientCredentialsInput, rawInput);
    const signer = this.requireSigner();
    const client = await this.repository.findMachineClient(input.clientId);
    const secrets = client ? (await this.repository.secretsOf(client.id)).filter((s) => s.revokedAt === null) : [];
    let matched = false;
    for (const secret of secrets) if (!matched && (await this.passwords.verify(input.clientSecret, secret.secretHash))) matched = true;
    if (secrets.length === 0) await this.passwords.verify(input.clientSecret, await this.passwords.decoyHash());
    if (!client || !matched) throw new DomainError(StaffingErrorCode.InvalidCredentials, "Wrong client id or secret");
    const { token, expiresAt } = signer.sign({ subject: client.id, roles: [client.role], centerCode: client.centerCode, departmentId: null, windowId: null, applicantKey: null, sessionId: null }, this.clock.now());
    return { accessToken: token, expiresAt };
  }

  private requireSigner(): AccessTokenSigner {
    if (!this.signer) throw new DomainError(StaffingErrorCode.LoginUnavailable, "Login is not configured on this server (AUTH_SIGNING_KEY_FILE)");
    return this.signer;
  }

  /**
   * The account when the password is right. The lock-out is the name's as given, whether an
   * account has it or not (accounts.rules.ts, `signInThrottle`): a locked name is refused
   * before anything is looked up; an unknown name is refused as a wrong password is, after as
   * long (a decoy hash is checked), and both count toward the lock-out. Once the name (from
   * this client or any) or the client has failed, the next tries need a solved challenge each,
   * spent before anything else: a guesser pays a second of work per password after the first,
   * the owner who mistyped solves one in the browser. Whether one is needed depends on the name
   * as given, so it says nothing about who is registered either.
   */
  private async passwordChecked<A extends PasswordSignInColumns>(
    kind: SignInKind,
    name: string,
    client: string | null,
    password: string,
    challenge: string | null | undefined,
    now: Date,
    find: () => Promise<A | null>,
  ): Promise<A> {
    const throttle = signInThrottle(kind, name, client, this.lockout);
    if (challenge || (await this.throttle.anyRecorded(throttle.checked, now))) await this.challenges.spend(challenge, "input.challenge");
    const lockedUntil = await this.throttle.lockedUntil(throttle.checked, now);
    if (lockedUntil) {
      throw new DomainError(StaffingErrorCode.AccountLocked, `Too many failed attempts; try again after ${lockedUntil.toISOString()}`, {
        lockedUntil: lockedUntil.toISOString(),
      });
    }
    const account = await find();
    if (!(await this.passwords.verify(password, account?.passwordHash ?? (await this.passwords.decoyHash()))) || !account) {
      await this.throttle.recordFailure(throttle.counted, now);
      throw invalidCredentials();
    }
    await this.throttle.clear(throttle.clearedOnSuccess);
    return account;
  }

  private async startRefreshFamily(accountKind: AccountKind, accountId: string, now: Date): Promise<RefreshPart & { sessionId: string }> {
    return this.unitOfWork.run(async (tx) => {
      const family: RefreshFamilyRow = { id: randomUUID(), accountKind, accountId, createdAt: now, revokedAt: null };
      await this.repository.insertRefreshFamily(tx, family);
      return { ...(await this.issueRefreshToken(tx, family.id, now)), sessionId: family.id };
    });
  }

  /** Ends one sign-in: its refresh tokens here, its access tokens at the gateway (the event). */
  private async revokeSession(tx: Tx, family: RefreshFamilyRow, reason: "LOGOUT" | "REFRESH_TOKEN_REUSED", now: Date): Promise<void> {
    await this.repository.revokeRefreshFamily(tx, family.id, now);
    await tx.publish(staffingEvents.sessionsRevoked, { accountId: family.accountId, sessionId: family.id, revokedAt: now.toISOString(), reason });
  }

  private async issueRefreshToken(tx: Tx, familyId: string, now: Date): Promise<RefreshPart> {
    const refreshToken = randomBytes(32).toString("base64url");
    const refreshExpiresAt = refreshExpiry(now);
    await this.repository.insertRefreshToken(tx, { tokenHash: refreshTokenHash(refreshToken), familyId, issuedAt: now, expiresAt: refreshExpiresAt, spentAt: null });
    return { refreshToken, refreshExpiresAt };
  }

  /** What an access token says of the account now: roles, posts and offices may have changed since login. */
  private async claimsOf(family: RefreshFamilyRow): Promise<AccessClaims | null> {
    const { accountKind: kind, accountId, id: sessionId } = family;
    if (kind === "CITIZEN") {
      const account = await this.repository.findCitizen(accountId);
      return account ? citizenClaims(account, sessionId) : null;
    }
    const [account, staff] = await Promise.all([this.repository.findByStaff(accountId), this.organisation.findStaff(accountId)]);
    return account && staff ? (await this.staffClaims(account, staff, sessionId)).claims : null;
  }

  private async staffClaims(account: StaffAccountRow, staff: StaffRow, sessionId: string): Promise<{ claims: AccessClaims; roles: Role[] }> {
    const [posts, chiefOf, principalOf] = await Promise.all([
      this.posts.postsOfStaff(staff.id),
      this.organisation.departmentsChiefedBy(staff.id),
      this.organisation.departmentsHeadedBy(staff.id),
    ]);
    const roles = tokenRoles(account.roles, { chiefRepresentative: chiefOf.length > 0, departmentPrincipal: principalOf.length > 0 });
    return {
      roles,
      claims: { subject: staff.id, roles, centerCode: staff.centerCode, departmentId: staff.departmentId, windowId: tokenWindow(posts), applicantKey: null, sessionId },
    };
  }
}
