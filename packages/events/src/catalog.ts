import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/** 即办件, 承诺件, 联办件 (joint, 并联审批), 上报件; a case has its item's kind. */
export const itemKinds = ["INSTANT", "PROMISED", "JOINT", "REPORTED"] as const;
export type ItemKind = (typeof itemKinds)[number];
export const itemKind = z.enum(itemKinds);

/** Fee standard as published with an item version; amounts are integer fen. */
export const feeStandardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("FREE") }),
  z.object({ kind: z.literal("FIXED"), amountFen: z.number().int().nonnegative() }),
  z.object({
    kind: z.literal("PER_UNIT"),
    unitName: z.string(),
    unitPriceFen: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal("TIERED"),
    unitName: z.string(),
    tiers: z.array(
      z.object({
        upTo: z.number().int().positive().nullable(),
        unitPriceFen: z.number().int().nonnegative(),
      }),
    ),
  }),
]);
export type FeeStandardPayload = z.infer<typeof feeStandardSchema>;

/**
 * One fee of an item (收费项目), identified by a code that is stable across versions: once a
 * version drops a code, that fee is cancelled for good and no later version may charge it.
 */
export const feeItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** How the amount is computed; never FREE (a free item has no fee items). */
  calculation: feeStandardSchema,
  /** 收费依据: the law, regulation or pricing document that allows the fee. */
  legalBasis: z.string(),
});
export type FeeItemPayload = z.infer<typeof feeItemSchema>;

/** How a material is handed in: 原件, 复印件, or both. */
export const materialForms = ["ORIGINAL", "COPY", "ORIGINAL_AND_COPY"] as const;
export type MaterialForm = (typeof materialForms)[number];
export const materialForm = z.enum(materialForms);

/** A required material (申请材料); its code is stable across versions of the item. */
export const materialSchema = z.object({
  code: z.string(),
  name: z.string(),
  form: materialForm,
  copies: z.number().int().positive(),
  mandatory: z.boolean(),
  notes: z.string().nullable(),
});
export type MaterialPayload = z.infer<typeof materialSchema>;

/** 否决 on investment items: who must consent before a veto stands. */
export const vetoEscalations = ["NONE", "DEPARTMENT_HEAD", "COUNTY_HEAD_MEETING"] as const;
export type VetoEscalation = (typeof vetoEscalations)[number];
export const vetoEscalation = z.enum(vetoEscalations);

/** Optional limits per supervised stage, in working days, each watched on its own. */
export const stageLimitsSchema = z.object({
  acceptanceDays: z.number().int().nonnegative().nullable(),
  reviewDays: z.number().int().nonnegative().nullable(),
  approvalDays: z.number().int().nonnegative().nullable(),
});

const noStageLimits = { acceptanceDays: null, reviewDays: null, approvalDays: null };

/**
 * A version of an item became the one cases are accepted under. Fields after `feeStandard`
 * were added with the full catalog; their defaults read events published before them.
 */
export const itemPublished = defineEvent(
  streams.catalog,
  "item.published",
  z.object({
    itemId: z.string(),
    version: z.number().int().positive(),
    centerCode,
    departmentId: z.string(),
    name: z.string(),
    kind: itemKind,
    legalLimitDays: z.number().int().nonnegative(),
    promisedLimitDays: z.number().int().nonnegative(),
    /** The whole fee of one case as one computation (the sum of `feeItems`); FREE when there are none. */
    feeStandard: feeStandardSchema,
    /** 事项编码: base code + 12-digit division code + the agency's unified credit code. */
    code: z.string().default(""),
    publishedAt: z.string().nullable().default(null),
    materials: z.array(materialSchema).default([]),
    stageLimits: stageLimitsSchema.default(noStageLimits),
    /** 超时默认: no decision by the deadline counts as approval. */
    deemedApproval: z.boolean().default(false),
    vetoEscalation: vetoEscalation.default("NONE"),
    /** 容缺受理: the case may be accepted while the materials named here follow later. */
    allowsDeficiencies: z.boolean().default(false),
    deferrableMaterialCodes: z.array(z.string()).default([]),
    /** 告知承诺: approval on the applicant's written commitment. */
    allowsCommitment: z.boolean().default(false),
    /** For a joint item (联办件): the other departments that take part. */
    jointDepartmentIds: z.array(z.string()).default([]),
    /** For a reported item (上报件): the higher authority that decides. */
    reportedTo: z.string().nullable().default(null),
    feeItems: z.array(feeItemSchema).default([]),
    /** Every fee code of this item that was ever cancelled: never to be charged again. */
    cancelledFeeCodes: z.array(z.string()).default([]),
    maxVisits: z.number().int().nonnegative().nullable().default(null),
  }),
);

/**
 * An item left the catalog: cancelled by reform, or merged into another item. No new case
 * may be accepted for it, and none of its fees may be charged again.
 */
export const itemCancelled = defineEvent(
  streams.catalog,
  "item.cancelled",
  z.object({
    itemId: z.string(),
    centerCode,
    departmentId: z.string(),
    /** The last published version, the one cases accepted before still refer to. */
    lastVersion: z.number().int().positive(),
    reason: z.string(),
    cancelledAt: z.string(),
    /** Set when the item was merged (合并) into another one, which applicants use instead. */
    mergedIntoItemId: z.string().nullable(),
    cancelledFeeCodes: z.array(z.string()),
  }),
);

/** 进驻: where the hall accepts an item, or why it does not. The latest one wins. */
export const itemEntryChanged = defineEvent(
  streams.catalog,
  "item.entry-changed",
  z.object({
    itemId: z.string(),
    centerCode,
    departmentId: z.string(),
    entered: z.boolean(),
    windowId: z.string().nullable(),
    notEnteredReason: z.string().nullable(),
    changedAt: z.string(),
  }),
);
