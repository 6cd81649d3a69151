import { staffingEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { HallRepository } from "./hall.repository";

export function hallReplicaHandlers(repository: HallRepository) {
  return [onEvent("window-replica", staffingEvents.windowPublished, (tx, window) => repository.upsertWindow(tx, window))];
}
