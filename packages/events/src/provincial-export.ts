import { z } from "zod";
import { applicantKinds, caseOutcome, caseStages, caseStatus } from "./cases";
import { centerCode } from "./define";
import { jointOutcomes } from "./joint";
import { ratingChannels, supervisionWarningChanges, supervisionWarningKinds, supervisionWarningStatuses } from "./supervision";

/**
 * 省电子监察平台数据交换: the records the county exports to the provincial e-supervision platform
 * over Kafka, one topic per family, keyed so one case's (or joint approval's) records stay in
 * order. docs/provincial-export.md describes them; `schemas/provincial-export.v<N>.json` is the
 * same in JSON Schema for the province. Its objects are closed (no properties beyond those listed),
 * so any change of a record's fields, an added one too, is a new version. Version 2 added the
 * applicant's kind and masked ID number to the case records.
 */
export const PROVINCIAL_EXPORT_SCHEMA_VERSION = 2 as const;

const instant = z.string().describe("UTC, ISO 8601");
/** 北京日期: the calendar day in Beijing (UTC+8) of the record's time, as the province counts its statistics. */
const beijingDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("the day in Beijing time (UTC+8), YYYY-MM-DD");

/** What every record starts with. */
const recordBase = {
  schemaVersion: z.literal(PROVINCIAL_EXPORT_SCHEMA_VERSION),
  /** The event the record was made from; the same in the `event-id` header, for dropping a redelivery. */
  eventId: z.string().min(1),
  centerCode,
  occurredAt: instant,
  beijingDay,
};

/** The case (办件) a record is about. */
const caseFields = {
  caseId: z.string(),
  /** 办件编号 */
  receiptNo: z.string(),
  itemId: z.string(),
  itemVersion: z.number().int().positive(),
  /**
   * 实施编码 of the item version, as the case event carries it; null only for an event published
   * before the cases' events carried it whose item's announcement is no longer in the catalog stream.
   */
  itemCode: z.string().nullable(),
  departmentCode: z.string(),
  /** 申请人类别; null for an event published before cases carried it. */
  applicantKind: z
    .enum(applicantKinds)
    .nullable()
    .describe("申请人类别: PERSON (居民身份证号) or ENTERPRISE (统一社会信用代码); null when made from a case event published before cases carried it"),
  /** Masked at the source: the pattern lets no full number through (at most ten characters in clear). */
  applicantIdMasked: z
    .string()
    .regex(/^[^*]{0,6}\*+[^*]{0,4}$/)
    .nullable()
    .describe("the applicant's ID number masked: the region (first 6) and the last 4 stay, 110105********002X; never the full number; null as applicantKind"),
};

/** A step on a case's routing slip (流转单): submission, acceptance, each stage, the end. */
export const caseStageRecord = z.object({
  ...recordBase,
  ...caseFields,
  slipSeq: z.number().int().positive(),
  action: z.string(),
  fromStatus: caseStatus.nullable(),
  toStatus: caseStatus,
  /** The supervised stage (受理, 审查, 审批) now running under its own limit, if any. */
  stage: z.enum(caseStages).nullable(),
  onHold: z.boolean(),
  actorKind: z.enum(["APPLICANT", "STAFF", "SYSTEM"]),
  submittedAt: instant,
  acceptedAt: instant.nullable(),
  deadline: instant.nullable(),
  outcome: caseOutcome.nullable(),
  concludes: z.boolean(),
});

/** 办结: once per case. */
export const caseConclusionRecord = z.object({
  ...recordBase,
  ...caseFields,
  outcome: caseOutcome,
  acceptedAt: instant.nullable(),
  concludedAt: instant,
  deadline: instant.nullable(),
  onTime: z.boolean(),
  /** 承诺时限 in working days. */
  promisedWorkingDays: z.number().int().nonnegative(),
  /** 实际用时 in working days; null for a case that never ran a clock. */
  usedWorkingDays: z.number().int().nonnegative().nullable(),
  /** 超时默认: the system decided it. */
  decidedBySystem: z.boolean(),
});

/** 并联审批 concluded: once per joint approval, keyed by its id. */
export const jointOutcomeRecord = z.object({
  ...recordBase,
  jointApprovalId: z.string(),
  projectCode: z.string(),
  leadDepartmentCode: z.string(),
  outcome: z.enum(jointOutcomes),
  reason: z.string(),
  openedAt: instant,
  concludedAt: instant,
  participants: z.array(z.object({ participantId: z.string(), departmentCode: z.string(), outcome: caseOutcome.nullable() })),
});

/** 预警: a supervision warning raised, acknowledged, closed or withdrawn; keyed by its case or joint approval. */
export const warningRecord = z.object({
  ...recordBase,
  warningId: z.string(),
  change: z.enum(supervisionWarningChanges),
  kind: z.enum(supervisionWarningKinds),
  level: z.enum(["YELLOW", "RED"]),
  status: z.enum(supervisionWarningStatuses),
  departmentCode: z.string().nullable(),
  caseId: z.string().nullable(),
  jointApprovalId: z.string().nullable(),
  deadline: instant.nullable(),
  raisedAt: instant,
  closedAt: instant.nullable(),
});

/** 好差评: a concluded case's rating, keyed by the case. */
export const ratingRecord = z.object({
  ...recordBase,
  ratingId: z.string(),
  caseId: z.string(),
  receiptNo: z.string(),
  departmentCode: z.string(),
  /** 5 very satisfied … 1 very dissatisfied. */
  score: z.number().int().min(1).max(5),
  channel: z.enum(ratingChannels),
});

/** The record families, each its own topic (`<prefix><family>`). */
export const provincialRecordSchemas = {
  "case-stage": caseStageRecord,
  "case-conclusion": caseConclusionRecord,
  "joint-outcome": jointOutcomeRecord,
  warning: warningRecord,
  rating: ratingRecord,
} as const;
export type ProvincialRecordFamily = keyof typeof provincialRecordSchemas;
export type ProvincialRecord<F extends ProvincialRecordFamily = ProvincialRecordFamily> = z.infer<(typeof provincialRecordSchemas)[F]>;

/** The JSON Schema (draft 2020-12) of every family, as checked in under packages/events/schemas. */
export function provincialExportJsonSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://onestop.example/provincial-export/v${PROVINCIAL_EXPORT_SCHEMA_VERSION}.json`,
    title: "One-stop county export to the provincial e-supervision platform",
    version: PROVINCIAL_EXPORT_SCHEMA_VERSION,
    $defs: Object.fromEntries(
      Object.entries(provincialRecordSchemas).map(([family, schema]) => {
        const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
        return [family, rest];
      }),
    ),
  };
}
