import { casesEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { onEvent, type EventHandler } from "@onestop/platform";
import type { AssessmentService, CaseRating } from "./assessment.service";

/** The case events assessment counts; each effect is an upsert keyed by case, so a redelivery changes nothing. */
export function assessmentHandlers(service: AssessmentService): EventHandler[] {
  return [
    onEvent("assessment-case-accepted", casesEvents.caseAccepted, (tx, accepted) => service.recordAcceptance(tx, accepted)),
    onEvent("assessment-case-concluded", casesEvents.caseConcluded, (tx, concluded) => service.recordConclusion(tx, concluded)),
  ];
}

/**
 * 好差评 hook: main.ts wires supervision's `rating.submitted` here; the monthly figures and the
 * ranking read the scores it records.
 */
export function ratingHandler<E extends EventDefinition>(
  service: AssessmentService,
  event: E,
  toRating: (payload: EventPayload<E>) => CaseRating,
): EventHandler {
  return onEvent("assessment-case-rated", event, (tx, payload) => service.recordRating(tx, toRating(payload)));
}

/**
 * The other half of the hook: main.ts wires supervision's `rating.appeal-decided` here, and an
 * appeal upheld takes the rating back out (the consumer's inbox applies each event once; setting
 * the flag twice would change nothing either, and it does not matter which event came first).
 */
export function ratingVoidedHandler<E extends EventDefinition>(
  service: AssessmentService,
  event: E,
  voided: (payload: EventPayload<E>) => string | null,
): EventHandler {
  return onEvent(
    "assessment-rating-voided",
    event,
    async (tx, payload) => {
      const caseId = voided(payload);
      if (caseId) await service.voidRating(tx, caseId);
    },
    { concerns: (payload) => voided(payload) !== null },
  );
}
