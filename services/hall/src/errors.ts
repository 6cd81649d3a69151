import { ErrorCode } from "@onestop/platform";

/** The stable codes the hall answers with (`extensions.code`); docs/hall.md lists each, so a code is never renamed or reused. */
export const HallErrorCode = {
  ...ErrorCode,
  /** Only the clerk on duty at the window (A, or B while A is away, or an approved cover) calls to it. */
  NotOnDuty: "NOT_ON_DUTY",
  /** No ticket the window may serve is waiting. */
  NoTicketWaiting: "NO_TICKET_WAITING",
  /** The ticket is not in a state that allows the act (recalling a served ticket, starting a case from a waiting one). */
  TicketNotActive: "TICKET_NOT_ACTIVE",
  /** Nobody serves the department's items in the hall now: no open window of it or acting for it. */
  NoWindowServes: "NO_WINDOW_SERVES",
  /** The citizen holds a waiting ticket already (remote tickets: one at a time). */
  TicketAlreadyHeld: "TICKET_ALREADY_HELD",
  /** 爽约: too many missed bookings; online booking and remote tickets are barred until `until`. */
  BookingBarred: "BOOKING_BARRED",
  /** The slot has no place left. */
  SlotFull: "SLOT_FULL",
  /** The slot is not one the hall offers (not a working day, outside hours, past, too far ahead). */
  SlotUnavailable: "SLOT_UNAVAILABLE",
  /** The appointment is cancelled, missed or already used for a ticket. */
  AppointmentNotBooked: "APPOINTMENT_NOT_BOOKED",
} as const;
