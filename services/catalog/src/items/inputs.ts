import { z } from "zod";
import { catalogEvents, feeStandardSchema, itemKind } from "@onestop/events";
import { creditCodePattern, itemCategories, itemThemes, type ItemContent } from "./item.rules";

/** The center administration's input for items, validated once at the service edge. */

/** GraphQL sends optional fields it was given as null; these fields take null as "not set". */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const text = (max: number) => z.string().trim().min(1).max(max);
const workingDays = z.number().int().min(0).max(365);
const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, "upper-case letters, digits and -, at most 20");

const materialInput = z.object({
  code,
  name: text(200),
  form: catalogEvents.materialForm,
  copies: z.number().int().min(1).max(99).default(1),
  mandatory: z.boolean().default(true),
  notes: nullish(z.string().trim().max(500)),
});

const withoutNulls = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

/** A fee item as GraphQL sends it (the calculation's fields beside code and name), as the domain keeps it. */
const feeItemInput = z.preprocess(
  (value) => {
    if (!value || typeof value !== "object") return value;
    const { code: feeCode, name, legalBasis, ...calculation } = value as Record<string, unknown>;
    return { code: feeCode, name, legalBasis, calculation: withoutNulls(calculation) };
  },
  z.object({ code, name: text(200), legalBasis: text(1000), calculation: feeStandardSchema }),
);

const stageLimitsInput = z
  .object({
    acceptanceDays: nullish(workingDays),
    reviewDays: nullish(workingDays),
    approvalDays: nullish(workingDays),
  })
  .nullish()
  .transform((limits) => limits ?? { acceptanceDays: null, reviewDays: null, approvalDays: null });

const contentShape = {
  name: text(200),
  category: z.enum(itemCategories),
  kind: itemKind,
  themes: z.array(z.enum(itemThemes)).max(itemThemes.length).transform((themes) => [...new Set(themes)]),
  content: text(4000),
  legalBasis: text(4000),
  conditions: text(4000),
  procedure: text(4000),
  materials: z.array(materialInput).max(60),
  legalLimitDays: workingDays,
  promisedLimitDays: workingDays,
  stageLimits: stageLimitsInput,
  feeItems: z.array(feeItemInput).max(20),
  preferentialPolicies: nullish(z.string().trim().min(1).max(2000)),
  supervisionContact: text(200),
  maxVisits: z.number().int().min(0).max(10),
  deemedApproval: z.boolean(),
  vetoEscalation: catalogEvents.vetoEscalation,
  deferrableMaterialCodes: z.array(code).max(60),
  allowsCommitment: z.boolean(),
  jointDepartmentIds: z.array(z.string().min(1).max(64)).max(30),
  reportedTo: nullish(text(200)),
};

export const createItemInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code"),
  departmentId: z.string().min(1).max(64),
  baseCode: z.string().trim(),
  agencyCreditCode: z.string().trim().regex(creditCodePattern, "an 18-character unified social credit code (统一社会信用代码)"),
  ...contentShape,
  themes: contentShape.themes.default([]),
  feeItems: contentShape.feeItems.default([]),
  deemedApproval: contentShape.deemedApproval.default(false),
  vetoEscalation: contentShape.vetoEscalation.default("NONE"),
  deferrableMaterialCodes: contentShape.deferrableMaterialCodes.default([]),
  allowsCommitment: contentShape.allowsCommitment.default(false),
  jointDepartmentIds: contentShape.jointDepartmentIds.default([]),
});

/** A change to a draft: any content field; null clears an optional one and is refused for the others. */
export const draftInput = z.object(contentShape).partial();

/** The fields the caller sent: an absent field keeps the draft's value (parsing fills some in as null). */
export function onlySent(patch: z.infer<typeof draftInput>, raw: unknown): Partial<ItemContent> {
  const sent = raw && typeof raw === "object" ? raw : {};
  return Object.fromEntries(Object.entries(patch).filter(([field]) => field in sent));
}

export const reasonInput = text(500);
export const changeNoteInput = nullish(z.string().trim().min(1).max(500));
