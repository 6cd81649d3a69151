import { casesEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { NoticesService } from "./notices.service";

export function noticeHandlers(service: NoticesService) {
  return [
    onEvent("issue-notice-on-acceptance", casesEvents.caseAccepted, (tx, accepted) => service.onCaseAccepted(tx, accepted)),
    onEvent("cancel-notices-on-conclusion", casesEvents.caseConcluded, (tx, concluded) => service.onCaseConcluded(tx, concluded)),
  ];
}
