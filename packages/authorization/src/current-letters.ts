import { staffingEvents } from "@onestop/events";
import { DomainError, ErrorCode, namespacedSubject } from "@onestop/platform";
import type { AuthorizationLetter, AuthorizedAct } from "./authorization.rules";

/**
 * Request and reply on core NATS, not a stream: staffing answers with a staff member's letters
 * as they are now. Not under `staffing.>`, which staffing's stream captures.
 */
export const CURRENT_LETTERS_SUBJECT = "rpc.staffing.current-letters";

/** How long an act waits for staffing's answer before it is refused as unconfirmed. */
const CONFIRM_TIMEOUT_MS = 2_000;

/**
 * How long one answer of staffing's confirms further acts of the same staff member, counted
 * from the moment it was asked (before the request left). A clerk acting many times a second
 * asks once a second, not once an act.
 */
export const CONFIRMATION_LEASE_MS = 1_000;

/**
 * How long `revokeAuthorization` holds its answer after its commit. An answer that still showed
 * the letter in force was read before that commit, so asked before it: its lease has run out by
 * the time the revocation answers, and the next act asks staffing again. The margin covers
 * timers and clocks of two hosts running at slightly different rates.
 */
export const REVOCATION_HOLD_MS = CONFIRMATION_LEASE_MS + 250;

/** Past this many staff members remembered, the answers whose lease has run out are dropped. */
const REMEMBERED_STAFF = 1_000;

/** What an acting service needs of a NATS connection to ask (NatsConnection fits). */
export interface LettersRequester {
  request(subject: string, payload: string, options: { timeout: number }): Promise<{ string(): string }>;
}

/** What staffing needs of a NATS connection to answer (NatsConnection fits). */
export interface LettersResponder {
  subscribe(
    subject: string,
    options: { queue: string; callback: (error: Error | null, message: { string(): string; respond(data: string): boolean }) => void },
  ): { unsubscribe(): void };
}

/**
 * Staffing's letters of one staff member, whatever the event feed has delivered: as staffing
 * answered at most CONFIRMATION_LEASE_MS before the call, and, with `askedSince` (a
 * `performance.now()` moment), as it answered a question asked since then.
 */
export interface CurrentLetters {
  lettersOf(staffId: string, options?: { askedSince?: number }): Promise<AuthorizationLetter[]>;
}

export function letterFromSnapshot(snapshot: staffingEvents.AuthorizationLetterSnapshot): AuthorizationLetter {
  return {
    letterId: snapshot.letterId,
    centerCode: snapshot.centerCode,
    staffId: snapshot.staffId,
    departmentId: snapshot.departmentId,
    itemId: snapshot.itemId,
    acts: snapshot.acts as AuthorizedAct[],
    validFrom: new Date(snapshot.validFrom),
    validUntil: snapshot.validUntil ? new Date(snapshot.validUntil) : null,
    revokedAt: snapshot.revokedAt ? new Date(snapshot.revokedAt) : null,
  };
}

/** The act is refused, typed and retryable, not an internal error: staffing was slow or away, nothing changed. */
const unconfirmed = (reason: string) =>
  new DomainError(ErrorCode.Unavailable, `The authorization letter could not be confirmed with staffing (${reason}); nothing was changed, try again`);

/**
 * The acting service's side: asks staffing, fails (and so refuses the act) when staffing does not
 * answer. An answer, or a question still on its way, serves the staff member's acts for its lease;
 * a failed one serves nothing more.
 */
export class StaffingCurrentLetters implements CurrentLetters {
  private readonly answers = new Map<string, { askedAt: number; letters: Promise<AuthorizationLetter[]> }>();

  constructor(
    private readonly nats: LettersRequester,
    private readonly namespace: string,
  ) {}

  lettersOf(staffId: string, options: { askedSince?: number } = {}): Promise<AuthorizationLetter[]> {
    const now = performance.now();
    const held = this.answers.get(staffId);
    if (held && now - held.askedAt < CONFIRMATION_LEASE_MS && held.askedAt >= (options.askedSince ?? -Infinity)) return held.letters;
    if (this.answers.size >= REMEMBERED_STAFF) {
      for (const [id, answer] of this.answers) if (now - answer.askedAt >= CONFIRMATION_LEASE_MS) this.answers.delete(id);
    }
    const asked = { askedAt: now, letters: this.ask(staffId) };
    this.answers.set(staffId, asked);
    asked.letters.catch(() => {
      if (this.answers.get(staffId) === asked) this.answers.delete(staffId);
    });
    return asked.letters;
  }

  private async ask(staffId: string): Promise<AuthorizationLetter[]> {
    let reply: { string(): string };
    try {
      reply = await this.nats.request(namespacedSubject(this.namespace, CURRENT_LETTERS_SUBJECT), JSON.stringify({ staffId }), { timeout: CONFIRM_TIMEOUT_MS });
    } catch (error) {
      throw unconfirmed((error as Error).message);
    }
    const answer = JSON.parse(reply.string()) as { letters?: unknown[]; error?: string };
    if (!Array.isArray(answer.letters)) throw unconfirmed(answer.error ?? "no answer");
    return answer.letters.map((letter) => letterFromSnapshot(staffingEvents.authorizationRevoked.schema.parse(letter)));
  }
}

/**
 * Staffing's side: answers every request with the staff member's letters read from its own
 * database. One queue group, so each request is answered by one staffing instance.
 */
export function serveCurrentLetters(
  nats: LettersResponder,
  namespace: string,
  lettersOf: (staffId: string) => Promise<staffingEvents.AuthorizationLetterSnapshot[]>,
  onError: (error: unknown) => void,
): { stop(): void } {
  const subscription = nats.subscribe(namespacedSubject(namespace, CURRENT_LETTERS_SUBJECT), {
    queue: "staffing",
    callback: (error, message) => {
      if (error) return onError(error);
      void (async () => {
        try {
          const { staffId } = JSON.parse(message.string()) as { staffId?: unknown };
          if (typeof staffId !== "string") throw new Error("a staffId is needed");
          message.respond(JSON.stringify({ letters: await lettersOf(staffId) }));
        } catch (failure) {
          onError(failure);
          message.respond(JSON.stringify({ error: (failure as Error).message }));
        }
      })();
    },
  });
  return { stop: () => subscription.unsubscribe() };
}
