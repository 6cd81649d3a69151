import type { NatsConnection } from "@nats-io/transport-node";
import { serveCurrentLetters } from "@onestop/authorization";
import { staffingEvents, type Envelope } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";

/**
 * Staffing's answer to "this staff member's letters now", for tests that run cases or fees
 * without staffing and publish its letter events themselves: it answers from every letter event
 * published on the namespace (the highest revision of each letter), as staffing answers from
 * its table. Subscribe before publishing.
 */
export function staffingLettersStandIn(nats: NatsConnection, namespace: string): { stop(): void } {
  const letters = new Map<string, staffingEvents.AuthorizationLetterSnapshot>();
  const feeds = [staffingEvents.authorizationGranted, staffingEvents.authorizationRevoked].map((event) =>
    nats.subscribe(namespacedSubject(namespace, event.subject), {
      callback: (_error, message) => {
        const letter = (message.json() as Envelope).payload as staffingEvents.AuthorizationLetterSnapshot;
        if ((letters.get(letter.letterId)?.revision ?? 0) < letter.revision) letters.set(letter.letterId, letter);
      },
    }),
  );
  const answering = serveCurrentLetters(nats, namespace, async (staffId) => [...letters.values()].filter((letter) => letter.staffId === staffId), () => undefined);
  return {
    stop: () => {
      answering.stop();
      for (const feed of feeds) feed.unsubscribe();
    },
  };
}
