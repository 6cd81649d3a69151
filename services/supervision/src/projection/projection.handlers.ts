import { onEvent, type EventHandler } from "@onestop/platform";
import { followedEvents } from "./journal.rules";
import type { Projector } from "./projector.service";

/**
 * One durable consumer per followed event. Events that come together are absorbed together:
 * one transaction files them and re-evaluates their subjects once each, up to `maxBatch` of them.
 */
export function projectionHandlers(projector: Projector, maxBatch: number): EventHandler[] {
  return followedEvents.map((event) =>
    onEvent(`projection_${event.subject}`, event, (tx, payload, envelope) => projector.absorb(tx, [{ event, payload, envelope }]), {
      maxBatch,
      handleBatch: async (tx, events) => {
        await projector.absorb(
          tx,
          events.map(({ payload, envelope }) => ({ event, payload, envelope })),
        );
        return [];
      },
    }),
  );
}
