import { staffingEvents } from "@onestop/events";
import { onEvent, type EventHandler } from "@onestop/platform";
import type { AuthorizationReplicaRepository } from "./replica.repository";

/**
 * The consumers that keep the replica: add them to the service's handlers. Each runs on its
 * own durable consumer named after the consuming service, so every service has its own copy.
 */
export function authorizationReplicaHandlers(repository: AuthorizationReplicaRepository): EventHandler[] {
  return [
    onEvent("authorization-replica-granted", staffingEvents.authorizationGranted, (tx, letter) => repository.upsertLetter(tx, letter)),
    onEvent("authorization-replica-revoked", staffingEvents.authorizationRevoked, (tx, letter) => repository.upsertLetter(tx, letter)),
    onEvent("authorization-replica-chief", staffingEvents.chiefRepresentativeAppointed, (tx, chief) =>
      repository.upsertChief(tx, chief),
    ),
    onEvent("authorization-replica-principal", staffingEvents.departmentPrincipalAppointed, (tx, principal) =>
      repository.upsertPrincipal(tx, principal),
    ),
  ];
}
