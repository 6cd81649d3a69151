import { jointEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { ReactionsService } from "../cases/reactions.service";

/**
 * The joint-approval saga's commands to cases (并联审批). Each is idempotent on the
 * participant: a redelivered or repeated command finds the case already as it asks.
 */
export function jointCommandHandlers(cases: ReactionsService) {
  return [
    onEvent("joint-case-requested", jointEvents.jointCaseRequested, (tx, command) => cases.openJointCase(tx, command)),
    onEvent("joint-case-withdrawal-requested", jointEvents.jointCaseWithdrawalRequested, (tx, command) => cases.withdrawJointCase(tx, command)),
    onEvent("joint-deemed-consent-requested", jointEvents.jointDeemedConsentRequested, (tx, command) => cases.deemJointConsent(tx, command)),
  ];
}
