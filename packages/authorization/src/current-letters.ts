import { staffingEvents } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import type { AuthorizationLetter, AuthorizedAct } from "./authorization.rules";

/**
 * Request and reply on core NATS, not a stream: staffing answers with a staff member's letters
 * as they are now. Not under `staffing.>`, which staffing's stream captures.
 */
export const CURRENT_LETTERS_SUBJECT = "rpc.staffing.current-letters";

/** How long an act waits for staffing's answer before it is refused as unconfirmed. */
const CONFIRM_TIMEOUT_MS = 2_000;

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

/** Staffing's letters of one staff member at this moment, whatever the event feed has delivered. */
export interface CurrentLetters {
  lettersOf(staffId: string): Promise<AuthorizationLetter[]>;
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

/** The acting service's side: asks staffing, fails (and so refuses the act) when staffing does not answer. */
export class StaffingCurrentLetters implements CurrentLetters {
  constructor(
    private readonly nats: LettersRequester,
    private readonly namespace: string,
  ) {}

  async lettersOf(staffId: string): Promise<AuthorizationLetter[]> {
    let reply: { string(): string };
    try {
      reply = await this.nats.request(namespacedSubject(this.namespace, CURRENT_LETTERS_SUBJECT), JSON.stringify({ staffId }), { timeout: CONFIRM_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`The authorization letter could not be confirmed with staffing: ${(error as Error).message}`, { cause: error });
    }
    const answer = JSON.parse(reply.string()) as { letters?: unknown[]; error?: string };
    if (!Array.isArray(answer.letters)) throw new Error(`The authorization letter could not be confirmed with staffing: ${answer.error ?? "no answer"}`);
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
