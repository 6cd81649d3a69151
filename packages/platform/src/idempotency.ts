import { z } from "zod";

/**
 * The idempotency key a client sends with a mutation that creates something (submit a case,
 * open a joint approval, urge, ask for a refund): made once per user action — a UUID from
 * `crypto.randomUUID()` when the form is submitted — and sent again unchanged on every retry of
 * that action, so the retry answers what the first attempt created instead of creating a second.
 * 8–100 characters of letters, digits and `_ - : .`: a UUID fits, and so does a client's own
 * scheme (`portal:2026-12-07:42`); 100 is the width of the columns that keep the keys.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,100}$/;

export const idempotencyKeySchema = z.string().regex(IDEMPOTENCY_KEY_PATTERN, "8-100 characters of A-Z a-z 0-9 _ - : . (a UUID made once per action)");
