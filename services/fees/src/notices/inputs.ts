import { z } from "zod";
import { centerCodeSchema, requestPageArgs } from "../inputs";
import { feeReductionStatuses } from "./entities";

/** What staff and finance send about notices and reductions, validated once at the service edge. */

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const noticeChange = z.object({ noticeId: id, reason: text(500) });
export const reductionRequest = z.object({
  noticeId: id,
  /** A share, never an amount: staff do not enter money. */
  percent: z.number().int().min(1).max(100),
  policy: text(500),
  reason: text(500),
});
export const reductionDecision = z.object({
  reductionId: id,
  approve: z.boolean(),
  note: z.string().trim().max(500).nullish().transform((value) => value || null),
});
export const reductionQuery = z.object({
  centerCode: centerCodeSchema,
  status: z.enum(feeReductionStatuses).nullish().transform((value) => value ?? null),
});

export const reductionPageQuery = reductionQuery.extend(requestPageArgs);
