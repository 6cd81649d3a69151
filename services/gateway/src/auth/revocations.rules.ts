/** What of a verified access token decides whether it was revoked. */
export interface TokenSession {
  /** The account (`sub`). */
  subject: string;
  /** The sign-in it belongs to (`sid`); null for machine clients and tokens signed before it existed. */
  sessionId: string | null;
  /** `iat`, seconds since the epoch. */
  issuedAt: number;
}

/** Staffing's `staffing.sessions.revoked`, as the gateway keeps it. */
export interface Revocation {
  accountId: string;
  /** One sign-in; null: every token of the account issued up to `revokedAt`. */
  sessionId: string | null;
  revokedAt: Date;
}

/**
 * The sign-ins and accounts whose access tokens are refused before they expire. An entry is
 * kept as long as a token it refuses can live (`ttlSeconds`, the longest an access token is
 * signed for, from the revocation), then forgotten: by then such a token has expired anyway.
 */
export class RevocationList {
  private readonly sessions = new Map<string, number>();
  private readonly accounts = new Map<string, { revokedAt: number; forgetAt: number }>();

  constructor(private readonly ttlSeconds: number) {}

  add(revocation: Revocation): void {
    const revokedAt = revocation.revokedAt.getTime();
    const forgetAt = revokedAt + this.ttlSeconds * 1000;
    if (revocation.sessionId !== null) {
      this.sessions.set(revocation.sessionId, Math.max(forgetAt, this.sessions.get(revocation.sessionId) ?? 0));
      return;
    }
    const known = this.accounts.get(revocation.accountId);
    if (!known || known.revokedAt < revokedAt) this.accounts.set(revocation.accountId, { revokedAt, forgetAt });
  }

  /**
   * Whether the token is revoked. For an account, every token issued in or before the second of
   * the revocation (`iat` has whole seconds): one signed in that same second just after it is
   * refused too, and its holder signs in again, rather than one signed just before slipping by.
   */
  refuses(token: TokenSession): boolean {
    if (token.sessionId !== null && this.sessions.has(token.sessionId)) return true;
    const account = this.accounts.get(token.subject);
    return account !== undefined && token.issuedAt * 1000 <= account.revokedAt;
  }

  /** Forgets what can no longer refuse a live token. */
  prune(now: Date): void {
    const at = now.getTime();
    for (const [id, forgetAt] of this.sessions) if (forgetAt <= at) this.sessions.delete(id);
    for (const [id, entry] of this.accounts) if (entry.forgetAt <= at) this.accounts.delete(id);
  }

  get size(): number {
    return this.sessions.size + this.accounts.size;
  }
}
