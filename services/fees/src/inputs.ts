import { z } from "zod";
import { calendarDay } from "@onestop/calendar";
import { decodeRequestCursor, MAX_REQUEST_PAGE } from "./request-paging.rules";

/** Input shapes the bank's operations share, validated once at the service edge. */

export const bankTxnIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "1-64 characters of A-Z a-z 0-9 _ -");

/** An instant with its offset, as banks send them: 2026-03-02T10:15:00+08:00. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** A calendar day, yyyy-MM-dd (Asia/Shanghai days throughout). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "yyyy-MM-dd")
  .refine((value) => {
    try {
      calendarDay(value);
      return true;
    } catch {
      return false;
    }
  }, "not a calendar day");

export const centerCodeSchema = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");

/** first/after of a page of requests (reductions, refunds): at most MAX_REQUEST_PAGE, after a cursor of a previous page. */
export const requestPageArgs = {
  first: z.number().int().min(1).max(MAX_REQUEST_PAGE).nullish().transform((value) => value ?? 20),
  after: z
    .string()
    .max(200)
    .nullish()
    .transform((value, context) => {
      if (!value) return null;
      const position = decodeRequestCursor(value);
      if (!position) context.addIssue({ code: "custom", message: "the nextCursor of a previous page" });
      return position;
    }),
};
