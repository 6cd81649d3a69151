import { casesEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { NoticesService } from "./notices.service";

export function noticeHandlers(service: NoticesService) {
  return [
    onEvent("issue-notice-on-acceptance", casesEvents.caseAccepted, async (tx, accepted) => {
      await service.issueForAcceptedCase(tx, accepted);
    }),
  ];
}
