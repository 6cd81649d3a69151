import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const paymentNoticeIssued = defineEvent(
  streams.fees,
  "notice.issued",
  z.object({
    noticeId: z.string(),
    noticeNo: z.string(),
    centerCode,
    caseId: z.string(),
    departmentId: z.string(),
    amountFen: z.number().int().nonnegative(),
  }),
);
