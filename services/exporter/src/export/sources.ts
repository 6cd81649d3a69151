import { casesEvents, jointEvents, streams, supervisionEvents, type Envelope, type EventDefinition, type StreamDefinition } from "@onestop/events";
import { caseConclusionRecord, caseStageRecord, jointOutcomeRecord, ratingRecord, warningRecord, type ExportRecord, type ItemCodeOf } from "./records.rules";

/** An exported event and how it becomes a record. */
interface Exported {
  event: EventDefinition;
  toRecord(payload: never, envelope: Envelope, itemCode: ItemCodeOf): ExportRecord;
  /** Whether the record names an item whose 实施编码 it carries (looked up when the event does not carry it). */
  namesItem: boolean;
}

/**
 * One durable consumer per source stream, reading one subject filter (NATS 2.9 takes one
 * `filter_subject`, not a list): the events under it that are not exported are acked and skipped.
 */
export interface ExportSource {
  stream: StreamDefinition;
  /** Without the namespace. */
  filter: string;
  exported: readonly Exported[];
}

const exported = <E extends EventDefinition>(event: E, toRecord: (payload: never, envelope: Envelope, itemCode: ItemCodeOf) => ExportRecord, namesItem = false): Exported => ({
  event,
  toRecord,
  namesItem,
});

export const exportSources: readonly ExportSource[] = [
  {
    stream: streams.cases,
    filter: "cases.case.>",
    exported: [exported(casesEvents.caseStageChanged, caseStageRecord, true), exported(casesEvents.caseConcluded, caseConclusionRecord, true)],
  },
  { stream: streams.jointApproval, filter: jointEvents.jointApprovalConcluded.subject, exported: [exported(jointEvents.jointApprovalConcluded, jointOutcomeRecord)] },
  {
    stream: streams.supervision,
    filter: "supervision.>",
    exported: [exported(supervisionEvents.supervisionWarningChanged, warningRecord), exported(supervisionEvents.ratingSubmitted, ratingRecord)],
  },
];
