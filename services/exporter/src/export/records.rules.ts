import { casesEvents, jointEvents, provincialExport, supervisionEvents, type Envelope, type EventPayload, type ProvincialRecord, type ProvincialRecordFamily } from "@onestop/events";

/** One record for the province: its family (the topic), its key and the event it came from. */
export interface ExportRecord {
  family: ProvincialRecordFamily;
  /** The case id, or the joint approval id: Kafka keeps one key's records in order. */
  key: string;
  eventId: string;
  value: ProvincialRecord;
}

/** 北京日期: UTC+8 all year (China has no daylight saving time). */
export function beijingDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 实施编码 of an item version, when the catalog announced it. */
export type ItemCodeOf = (itemId: string, version: number) => string | null;

const base = (envelope: Envelope, centerCode: string, occurredAt: string) => ({
  schemaVersion: provincialExport.PROVINCIAL_EXPORT_SCHEMA_VERSION,
  eventId: envelope.id,
  centerCode,
  occurredAt,
  beijingDay: beijingDay(occurredAt),
});

type CaseIdentity = EventPayload<typeof casesEvents.caseConcluded>;
type CaseFieldsOf = Pick<CaseIdentity, "caseId" | "receiptNo" | "itemId" | "itemVersion" | "departmentId" | "itemCode" | "applicantKind" | "applicantIdMasked">;

const caseFields = (p: CaseFieldsOf, itemCode: ItemCodeOf) => ({
  caseId: p.caseId,
  receiptNo: p.receiptNo,
  itemId: p.itemId,
  itemVersion: p.itemVersion,
  // The code the case event carries; for an event published before it did, the catalog's announcement.
  itemCode: p.itemCode ?? itemCode(p.itemId, p.itemVersion),
  departmentCode: p.departmentId,
  // Masked by cases before publishing; null in events published before they carried it.
  applicantKind: p.applicantKind,
  applicantIdMasked: p.applicantIdMasked,
});

export function caseStageRecord(p: EventPayload<typeof casesEvents.caseStageChanged>, envelope: Envelope, itemCode: ItemCodeOf): ExportRecord {
  return {
    family: "case-stage",
    key: p.caseId,
    eventId: envelope.id,
    value: {
      ...base(envelope, p.centerCode, p.occurredAt),
      ...caseFields(p, itemCode),
      slipSeq: p.slipSeq,
      action: p.action,
      fromStatus: p.fromStatus,
      toStatus: p.toStatus,
      stage: p.stage,
      onHold: p.onHold,
      actorKind: p.actorKind,
      submittedAt: p.submittedAt,
      acceptedAt: p.acceptedAt,
      deadline: p.deadline,
      outcome: p.outcome,
      concludes: p.concludes,
    },
  };
}

export function caseConclusionRecord(p: EventPayload<typeof casesEvents.caseConcluded>, envelope: Envelope, itemCode: ItemCodeOf): ExportRecord {
  return {
    family: "case-conclusion",
    key: p.caseId,
    eventId: envelope.id,
    value: {
      ...base(envelope, p.centerCode, p.concludedAt),
      ...caseFields(p, itemCode),
      outcome: p.outcome,
      acceptedAt: p.acceptedAt,
      concludedAt: p.concludedAt,
      deadline: p.deadline,
      onTime: p.onTime,
      promisedWorkingDays: p.promisedLimitDays,
      usedWorkingDays: p.workingDaysUsed,
      decidedBySystem: p.decidedBySystem,
    },
  };
}

export function jointOutcomeRecord(p: EventPayload<typeof jointEvents.jointApprovalConcluded>, envelope: Envelope): ExportRecord {
  return {
    family: "joint-outcome",
    key: p.jointApprovalId,
    eventId: envelope.id,
    value: {
      ...base(envelope, p.centerCode, p.concludedAt),
      jointApprovalId: p.jointApprovalId,
      projectCode: p.projectCode,
      leadDepartmentCode: p.leadDepartmentId,
      outcome: p.outcome,
      reason: p.reason,
      openedAt: p.openedAt,
      concludedAt: p.concludedAt,
      participants: p.participants.map((part) => ({ participantId: part.participantId, departmentCode: part.departmentId, outcome: part.outcome })),
    },
  };
}

export function warningRecord(p: EventPayload<typeof supervisionEvents.supervisionWarningChanged>, envelope: Envelope): ExportRecord {
  return {
    family: "warning",
    // A warning about a case or a joint approval goes in order with that case's records; a window's by itself.
    key: p.caseId ?? p.jointApprovalId ?? p.warningId,
    eventId: envelope.id,
    value: {
      ...base(envelope, p.centerCode, p.changedAt),
      warningId: p.warningId,
      change: p.change,
      kind: p.kind,
      level: p.level,
      status: p.status,
      departmentCode: p.departmentId,
      caseId: p.caseId,
      jointApprovalId: p.jointApprovalId,
      deadline: p.deadline,
      raisedAt: p.raisedAt,
      closedAt: p.closedAt,
    },
  };
}

export function ratingRecord(p: EventPayload<typeof supervisionEvents.ratingSubmitted>, envelope: Envelope): ExportRecord {
  return {
    family: "rating",
    key: p.caseId,
    eventId: envelope.id,
    value: {
      ...base(envelope, p.centerCode, p.ratedAt),
      ratingId: p.ratingId,
      caseId: p.caseId,
      receiptNo: p.receiptNo,
      departmentCode: p.departmentId,
      score: p.score,
      channel: p.channel,
    },
  };
}
