import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

/** Where a queue ticket (取号) came from: the hall's kiosk, a citizen's phone near the hall, or an appointment (预约) shown. */
export const ticketChannels = ["KIOSK", "REMOTE", "APPOINTMENT"] as const;
export type TicketChannel = (typeof ticketChannels)[number];
export const ticketChannel = z.enum(ticketChannels);

/** Which ticket, for whom: the first fields of every ticket event. */
const ticketIdentity = {
  ticketId: z.string(),
  centerCode,
  /** The number as printed and called: the department's prefix and the day's sequence (A012). */
  number: z.string(),
  /** The service day (Asia/Shanghai), YYYY-MM-DD. */
  serviceDay: z.string(),
  departmentId: z.string(),
  /** Null for a ticket of the department's whole service group. */
  itemId: z.string().nullable(),
  channel: ticketChannel,
};

/** 取号: a ticket was issued. */
export const ticketIssued = defineEvent(
  streams.hall,
  "ticket.issued",
  z.object({ ...ticketIdentity, issuedAt: z.string(), appointmentId: z.string().nullable() }),
);

/**
 * 叫号: a window called the ticket (or called it again: `recall` > 0). No personal data: the
 * calling screens show and speak exactly this.
 */
export const ticketCalled = defineEvent(
  streams.hall,
  "ticket.called",
  z.object({
    ...ticketIdentity,
    windowId: z.string(),
    windowCode: z.string(),
    windowName: z.string(),
    staffId: z.string(),
    calledAt: z.string(),
    /** 0 for the first call, then 1, 2… for each recall (重呼). */
    recall: z.number().int().nonnegative(),
    /** Seconds from issue to the first call. */
    waitingSeconds: z.number().int().nonnegative(),
  }),
);

/**
 * The person was served: the clerk finished with them (or called the next). Waiting is issue
 * to first call; handling is first call to the end.
 */
export const ticketServed = defineEvent(
  streams.hall,
  "ticket.served",
  z.object({
    ...ticketIdentity,
    windowId: z.string(),
    staffId: z.string(),
    calledAt: z.string(),
    servedAt: z.string(),
    waitingSeconds: z.number().int().nonnegative(),
    handlingSeconds: z.number().int().nonnegative(),
    /** The case started from the ticket, when one was. */
    caseId: z.string().nullable(),
  }),
);

/** 过号: called and not there. */
export const ticketNoShow = defineEvent(
  streams.hall,
  "ticket.no-show",
  z.object({
    ...ticketIdentity,
    windowId: z.string(),
    staffId: z.string(),
    calledAt: z.string(),
    markedAt: z.string(),
    waitingSeconds: z.number().int().nonnegative(),
    appointmentId: z.string().nullable(),
  }),
);

/** 转窗口: the clerk sent the ticket to another window, where it waits at the front. */
export const ticketTransferred = defineEvent(
  streams.hall,
  "ticket.transferred",
  z.object({ ...ticketIdentity, fromWindowId: z.string(), toWindowId: z.string(), staffId: z.string(), transferredAt: z.string() }),
);

/** 预约: a citizen booked a slot, or the booking was cancelled or missed. */
export const appointmentStatuses = ["BOOKED", "CHECKED_IN", "CANCELLED", "MISSED"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const appointmentChanged = defineEvent(
  streams.hall,
  "appointment.changed",
  z.object({
    appointmentId: z.string(),
    centerCode,
    departmentId: z.string(),
    slotStart: z.string(),
    slotEnd: z.string(),
    status: z.enum(appointmentStatuses),
    changedAt: z.string(),
  }),
);
