import { casesEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { JointCaseEvents } from "./joint-case-events.service";

/** Most cases are no participant's: their events are acked without a transaction. */
const ofJointCase = (event: { jointApprovalId: string | null; participantId: string | null }) => Boolean(event.jointApprovalId && event.participantId);

/** What cases tells the saga about the participants' joint cases. */
export function jointSagaHandlers(caseEvents: JointCaseEvents) {
  return [
    // A step that concluded the case comes again with its conclusion, which the saga takes whole.
    onEvent("joint-case-stage", casesEvents.caseStageChanged, (tx, event) => caseEvents.onCaseStageChanged(tx, event), {
      concerns: (event) => ofJointCase(event) && !event.concludes,
      handleBatch: (tx, events) => caseEvents.onRoutineStepsTogether(tx, events),
    }),
    onEvent("joint-case-concluded", casesEvents.caseConcluded, (tx, event) => caseEvents.onCaseConcluded(tx, event), { concerns: ofJointCase }),
    onEvent("joint-case-extended", casesEvents.caseDeadlineExtended, (tx, event, envelope) => caseEvents.onCaseDeadlineExtended(tx, event, envelope.id), {
      concerns: ofJointCase,
    }),
  ];
}
