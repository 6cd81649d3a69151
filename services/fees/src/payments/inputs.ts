import { z } from "zod";
import { idempotencyKeySchema } from "@onestop/platform";
import { bankTxnIdSchema, centerCodeSchema, daySchema, instantSchema, requestPageArgs } from "../inputs";
import { bankChannels, refundStatuses } from "./payment.rules";

// What the bank, the departments and finance send to the collecting side, checked before anything is read.
const fen = z.number().int().positive().max(2_147_483_647);
const id = z.string().trim().min(1).max(64);

export const paymentInput = z.object({
  noticeNo: z.string().max(32),
  amountFen: fen,
  bankTxnId: bankTxnIdSchema,
  paidAt: instantSchema,
  channel: z.enum(bankChannels),
});
export const refundExecutionInput = z.object({ refundId: z.string().trim().min(1).max(36), amountFen: fen, bankTxnId: bankTxnIdSchema, refundedAt: instantSchema });
export const refundRequest = z.object({ noticeId: id, reason: z.string().trim().min(1).max(500), idempotencyKey: idempotencyKeySchema });
export const refundDecision = z.object({
  refundId: id,
  approve: z.boolean(),
  note: z.string().trim().max(500).nullish().transform((value) => value || null),
});
export const refundQuery = z.object({
  centerCode: centerCodeSchema,
  status: z.enum(refundStatuses).nullish().transform((value) => value ?? null),
});

export const refundPageQuery = refundQuery.extend(requestPageArgs);

export const transactionQuery = z.object({ centerCode: centerCodeSchema, bankTxnId: bankTxnIdSchema });
/** A page of the bank's day: at most 500 transactions; the cursor is the last one's sequence. */
export const MAX_TRANSACTIONS_PAGE = 500;
export const transactionsQuery = z.object({
  centerCode: centerCodeSchema,
  day: daySchema,
  first: z.number().int().min(1).max(MAX_TRANSACTIONS_PAGE).nullish().transform((value) => value ?? 100),
  after: z
    .string()
    .regex(/^\d{1,15}$/, "the nextCursor of a previous page")
    .nullish()
    .transform((value) => value ?? null),
});

