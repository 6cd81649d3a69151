import { casesEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { NoticeIssuingService } from "./notice-issuing.service";

export function noticeHandlers(service: NoticeIssuingService) {
  return [
    onEvent("issue-notice-on-acceptance", casesEvents.caseAccepted, (tx, accepted) => service.onCaseAccepted(tx, accepted)),
    onEvent("cancel-notices-on-conclusion", casesEvents.caseConcluded, (tx, concluded) => service.onCaseConcluded(tx, concluded)),
  ];
}
