import type { DataSource } from "typeorm";
import { DomainError, ErrorCode, systemClock, type Clock, type EventHandler, type Tx } from "@onestop/platform";
import { decideAuthorization, isDepartmentPrincipal, type AuthorizationDecision, type AuthorizedAct } from "./authorization.rules";
import { authorizationReplicaHandlers } from "./replica.handlers";
import { AuthorizationReplicaRepository } from "./replica.repository";
import type { CurrentLetters } from "./current-letters";

export interface CheckOptions {
  /** The moment of the act; the clock's now by default. */
  at?: Date;
  /** Refuse letters of another service center. */
  centerCode?: string;
  /** Read inside the transaction that performs the act. */
  tx?: Tx;
}

/** The stable code of an act refused for want of an authorization letter. */
export const NOT_AUTHORIZED = "NOT_AUTHORIZED";

/**
 * Whether a staff member may perform an act. The service's own replica of the letters answers
 * first: a refusal needs nothing more. An act the replica allows is confirmed with staffing's
 * letters as they were at most a lease ago (CONFIRMATION_LEASE_MS), and `revokeAuthorization`
 * answers only once every lease given before it has run out, so a revocation binds the very
 * next act once it has answered, however late its event reaches the replica (a stalled
 * consumer, a slow relay); when staffing cannot be asked, the act fails rather than trusting a
 * replica that may be behind.
 */
export class AuthorizationReplica {
  private readonly repository: AuthorizationReplicaRepository;

  constructor(
    dataSource: DataSource,
    private readonly current: CurrentLetters,
    private readonly clock: Clock = systemClock,
  ) {
    this.repository = new AuthorizationReplicaRepository(dataSource);
  }

  /** The consumers that keep this replica up to date; add them to the service's handlers. */
  handlers(): EventHandler[] {
    return authorizationReplicaHandlers(this.repository);
  }

  async decide(staffId: string, act: AuthorizedAct, itemId: string, departmentId: string, options: CheckOptions = {}): Promise<AuthorizationDecision> {
    const request = this.request(staffId, itemId, departmentId, options);
    const replicated = await this.replicated(act, request, options.tx);
    if (!replicated.allowed) return replicated;
    const asking = performance.now();
    const confirmed = decideAuthorization(await this.current.lettersOf(staffId), act, request);
    if (confirmed.allowed) return confirmed;
    // An answer within its lease may predate a grant the replica already holds: refuse on a newer one only.
    return decideAuthorization(await this.current.lettersOf(staffId, { askedSince: asking }), act, request);
  }

  /** Whether the staff member is the department's principal (单位主要负责人) now, as the replica last heard. */
  async isPrincipal(staffId: string, departmentId: string, tx?: Tx): Promise<boolean> {
    const principal = await this.repository.principalOf(departmentId, tx);
    return isDepartmentPrincipal(principal ? [principal] : [], staffId, departmentId);
  }

  /**
   * Whether a screen offers the act (the workbench's allowedActs): decided as the act is, but when
   * staffing cannot confirm in time, as the replica last heard. The act is confirmed when it is
   * taken; the screen should not fail for want of a confirmation it does not need.
   */
  async mayOffer(staffId: string, act: AuthorizedAct, itemId: string, departmentId: string, options: CheckOptions = {}): Promise<boolean> {
    try {
      return (await this.decide(staffId, act, itemId, departmentId, options)).allowed;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.Unavailable)) throw error;
      return (await this.replicated(act, this.request(staffId, itemId, departmentId, options), options.tx)).allowed;
    }
  }

  private request(staffId: string, itemId: string, departmentId: string, options: CheckOptions) {
    return { staffId, departmentId, itemId, at: options.at ?? this.clock.now(), centerCode: options.centerCode };
  }

  private async replicated(act: AuthorizedAct, request: ReturnType<AuthorizationReplica["request"]>, tx?: Tx): Promise<AuthorizationDecision> {
    return decideAuthorization(await this.repository.lettersCovering(request.staffId, request.departmentId, request.itemId, tx), act, request);
  }

  /** Throws NOT_AUTHORIZED (with the act and the reason) unless the act is allowed. */
  async require(staffId: string, act: AuthorizedAct, itemId: string, departmentId: string, options: CheckOptions = {}): Promise<void> {
    const decision = await this.decide(staffId, act, itemId, departmentId, options);
    if (!decision.allowed) {
      throw new DomainError(NOT_AUTHORIZED, `No authorization letter allows ${act} on item ${itemId} (${decision.reason})`, {
        act,
        reason: decision.reason,
      });
    }
  }
}
