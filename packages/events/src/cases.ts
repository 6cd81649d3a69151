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
