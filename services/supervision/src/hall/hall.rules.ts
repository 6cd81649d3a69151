import type { casesEvents, EventPayload, hallEvents } from "@onestop/events";

export type TicketIssued = EventPayload<typeof hallEvents.ticketIssued>;
export type TicketCalled = EventPayload<typeof hallEvents.ticketCalled>;
export type TicketServed = EventPayload<typeof hallEvents.ticketServed>;
export type TicketNoShow = EventPayload<typeof hallEvents.ticketNoShow>;
export type TicketTransferred = EventPayload<typeof hallEvents.ticketTransferred>;
export type AppointmentChanged = EventPayload<typeof hallEvents.appointmentChanged>;
type CaseAccepted = EventPayload<typeof casesEvents.caseAccepted>;

/** Everything the journal holds about one queue ticket (取号), in any order, each event at most once. */
export interface TicketFacts {
  issued: readonly TicketIssued[];
  called: readonly TicketCalled[];
  served: readonly TicketServed[];
  noShows: readonly TicketNoShow[];
  transferred: readonly TicketTransferred[];
  /** cases' `case.accepted` naming the ticket: a case started from it. */
  casesAccepted: readonly Pick<CaseAccepted, "caseId">[];
}

export type TicketStatus = "WAITING" | "CALLED" | "SERVED" | "NO_SHOW";

/** A ticket as supervision's hall figures count it (`supervision_ticket`). */
export interface TicketView {
  ticketId: string;
  centerCode: string;
  serviceDay: string;
  number: string;
  departmentId: string;
  itemId: string | null;
  channel: string;
  status: TicketStatus;
  /** The window that called it last (served or marked it, or holds it now); null while it waits. */
  windowId: string | null;
  staffId: string | null;
  issuedAt: Date;
  firstCalledAt: Date | null;
  finishedAt: Date | null;
  /** Issue to first call (the hall's measure, carried on its events). */
  waitingSeconds: number | null;
  /** First call to the end, for a served ticket. */
  handlingSeconds: number | null;
  recalls: number;
  transfers: number;
  caseId: string | null;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * A ticket's view from its events alone, whatever order they came in: the hall's consumers of
 * different event kinds run apart, so a call may be filed before its issue. The ticket's identity
 * is on every event; the issue instant, where the issue itself is not there yet, is the first call
 * less the waiting the call carries. The end (served, or no-show) is final; otherwise the later of
 * the last call and the last transfer says whether it is at a window or waiting again.
 */
export function evaluateTicket(facts: TicketFacts): TicketView | null {
  const identity = facts.issued[0] ?? facts.called[0] ?? facts.served[0] ?? facts.noShows[0] ?? facts.transferred[0];
  if (!identity) return null;
  const calls = [...facts.called].sort((a, b) => ms(a.calledAt) - ms(b.calledAt));
  const firstCall = calls[0] ?? null;
  const end = [
    ...facts.served.map((s) => ({ at: ms(s.servedAt), status: "SERVED" as const, windowId: s.windowId, staffId: s.staffId, firstCalledAt: s.calledAt, waiting: s.waitingSeconds, handling: s.handlingSeconds as number | null })),
    ...facts.noShows.map((n) => ({ at: ms(n.markedAt), status: "NO_SHOW" as const, windowId: n.windowId, staffId: n.staffId, firstCalledAt: n.calledAt, waiting: n.waitingSeconds, handling: null })),
  ].sort((a, b) => b.at - a.at)[0];
  const firstCalledAt = end ? ms(end.firstCalledAt) : firstCall ? ms(firstCall.calledAt) : null;
  const waitingSeconds = end ? end.waiting : firstCall ? firstCall.waitingSeconds : null;
  const issuedAt = facts.issued[0] ? ms(facts.issued[0].issuedAt) : firstCalledAt !== null && waitingSeconds !== null ? firstCalledAt - waitingSeconds * 1000 : null;
  if (issuedAt === null) return null;
  const lastCall = calls[calls.length - 1] ?? null;
  const lastTransfer = [...facts.transferred].sort((a, b) => ms(b.transferredAt) - ms(a.transferredAt))[0] ?? null;
  const atWindow = lastCall && (!lastTransfer || ms(lastCall.calledAt) > ms(lastTransfer.transferredAt)) ? lastCall : null;
  const status: TicketStatus = end ? end.status : atWindow ? "CALLED" : "WAITING";
  return {
    ticketId: identity.ticketId,
    centerCode: identity.centerCode,
    serviceDay: identity.serviceDay,
    number: identity.number,
    departmentId: identity.departmentId,
    itemId: identity.itemId,
    channel: identity.channel,
    status,
    windowId: end ? end.windowId : (atWindow?.windowId ?? null),
    staffId: end ? end.staffId || null : (atWindow?.staffId ?? null),
    issuedAt: new Date(issuedAt),
    firstCalledAt: firstCalledAt === null ? null : new Date(firstCalledAt),
    finishedAt: end ? new Date(end.at) : null,
    waitingSeconds,
    handlingSeconds: end?.handling ?? null,
    recalls: facts.called.filter((c) => c.recall > 0).length,
    transfers: facts.transferred.length,
    caseId: facts.served.find((s) => s.caseId)?.caseId ?? facts.casesAccepted[0]?.caseId ?? null,
  };
}

/** An appointment (预约) as the figures count it: its latest status; missed ones are 爽约. */
export interface BookingView {
  appointmentId: string;
  centerCode: string;
  departmentId: string;
  slotStart: Date;
  status: AppointmentChanged["status"];
}

/** Later changes win; at the same instant the further status (BOOKED before the others). */
export function evaluateBooking(changes: readonly AppointmentChanged[]): BookingView | null {
  const order = ["BOOKED", "CHECKED_IN", "CANCELLED", "MISSED"];
  const latest = [...changes].sort((a, b) => ms(b.changedAt) - ms(a.changedAt) || order.indexOf(b.status) - order.indexOf(a.status))[0];
  if (!latest) return null;
  return { appointmentId: latest.appointmentId, centerCode: latest.centerCode, departmentId: latest.departmentId, slotStart: new Date(latest.slotStart), status: latest.status };
}

/** What the figures query counts for one group of tickets. */
export interface HallCounts {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  transferred: number;
  casesStarted: number;
  waitingSecondsSum: number;
  waitingCount: number;
  maxWaitingSeconds: number | null;
  handlingSecondsSum: number;
  handlingCount: number;
  /** Distinct Beijing clock hours (a day and an hour) in which a ticket of the group was first called. */
  activeHours: number;
}

/** The hall figures of a group: times in seconds; rates null when there was nothing to count. */
export interface HallFigures {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  /** No-shows among the called. */
  noShowRate: number | null;
  transferred: number;
  casesStarted: number;
  meanWaitingSeconds: number | null;
  maxWaitingSeconds: number | null;
  meanHandlingSeconds: number | null;
  activeHours: number;
  /**
   * Tickets called per hour of work: the called tickets over the clock hours in which any of them
   * was called (a window that called 12 tickets between 9:00 and 11:00 on one day did 6 an hour).
   * Hours with no call are left out, so a window open all day but idle is not diluted, and a month
   * of figures is comparable with a day's.
   */
  ticketsPerHour: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function hallFiguresOf(c: HallCounts): HallFigures {
  return {
    issued: c.issued,
    called: c.called,
    served: c.served,
    noShows: c.noShows,
    noShowRate: c.called > 0 ? c.noShows / c.called : null,
    transferred: c.transferred,
    casesStarted: c.casesStarted,
    meanWaitingSeconds: c.waitingCount > 0 ? round1(c.waitingSecondsSum / c.waitingCount) : null,
    maxWaitingSeconds: c.maxWaitingSeconds,
    meanHandlingSeconds: c.handlingCount > 0 ? round1(c.handlingSecondsSum / c.handlingCount) : null,
    activeHours: c.activeHours,
    ticketsPerHour: c.activeHours > 0 ? round1(c.called / c.activeHours) : null,
  };
}

export const noHallCounts: HallCounts = {
  issued: 0,
  called: 0,
  served: 0,
  noShows: 0,
  transferred: 0,
  casesStarted: 0,
  waitingSecondsSum: 0,
  waitingCount: 0,
  maxWaitingSeconds: null,
  handlingSecondsSum: 0,
  handlingCount: 0,
  activeHours: 0,
};
