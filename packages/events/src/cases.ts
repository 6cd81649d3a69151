import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const caseAccepted = defineEvent(
  streams.cases,
  "case.accepted",
  z.object({
    caseId: z.string(),
    receiptNo: z.string(),
    centerCode,
    itemId: z.string(),
    itemVersion: z.number().int().positive(),
    departmentId: z.string(),
    handlerId: z.string(),
    /** Who applied: the account that will pay and may see the case. */
    applicantSubject: z.string(),
    applicantName: z.string(),
    quantity: z.number().int().positive(),
    acceptedAt: z.string(),
  }),
);

/**
 * 办结: the case reached its decision. Published once per case; assessment and
 * supervision compute on-time and early-completion rates from it.
 */
export const caseConcluded = defineEvent(
  streams.cases,
  "case.concluded",
  z.object({
    caseId: z.string(),
    receiptNo: z.string(),
    centerCode,
    itemId: z.string(),
    itemVersion: z.number().int().positive(),
    departmentId: z.string(),
    windowId: z.string().nullable(),
    handlerId: z.string().nullable(),
    outcome: z.enum(["APPROVED", "DENIED", "DEEMED_APPROVED", "REFUSED", "WITHDRAWN"]),
    acceptedAt: z.string().nullable(),
    concludedAt: z.string(),
    /** The deadline in force at conclusion (after suspensions and extensions); null without a clock. */
    deadline: z.string().nullable(),
    onTime: z.boolean(),
    /** Working days used against the promised limit, for early-completion rates. */
    workingDaysUsed: z.number().int().nonnegative().nullable(),
    promisedLimitDays: z.number().int().nonnegative(),
  }),
);
