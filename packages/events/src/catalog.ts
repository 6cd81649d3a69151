import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const itemKind = z.enum(["INSTANT", "PROMISED", "JOINT", "REPORTED"]);

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
    feeStandard: feeStandardSchema,
  }),
);
