import { randomUUID } from "node:crypto";
import { calendarDay, shanghaiDayOf, startOfShanghaiDay, type CalendarDay, type WorkingCalendar } from "@onestop/calendar";
import { hallEvents } from "@onestop/events";
import { DomainError, invalidInput, notFound, requireRole, type Clock, type Identity, type Logger, type Tx, type UnitOfWork, type Worker } from "@onestop/platform";
import { HallErrorCode } from "../errors";
import { dutyAt } from "@onestop/authorization";
import type { FloorRepository } from "../floor/floor.repository";
import type { TicketsRepository } from "../tickets/tickets.repository";
import { departmentsServed } from "../tickets/tickets.rules";
import { windowShape, type TicketsService, type TicketView } from "../tickets/tickets.service";
import type { AppointmentRow, AppointmentsRepository } from "./appointments.repository";
import { barredUntil, recentCount, slotCapacity, slotsOfDay, type Hours, type NoShowRule } from "./appointments.rules";

export interface AppointmentSettings extends Hours {
  perWindow: number;
  daysAhead: number;
  earlyMinutes: number;
  noShow: NoShowRule;
}

const CENTER = /^\d{12}$/;

/** 预约: slots per department (service group), booking and cancelling, the no-show rule, and checking in at the kiosk. */
export class AppointmentsService implements Worker {
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly floor: FloorRepository,
    private readonly ticketsRepository: TicketsRepository,
    private readonly tickets: TicketsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    private readonly settings: AppointmentSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.sweeper = setInterval(() => void this.sweep().catch((error) => this.logger.warn({ err: error }, "appointment sweep failed")), 60_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Bookings whose slot ended without a ticket become MISSED (爽约), each announced once. */
  async sweep(): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      const overdue = await this.appointments.overdue(tx.manager, now, 200);
      for (const a of overdue) {
        await this.appointments.update(tx.manager, a.id, "MISSED", now);
        await tx.publish(hallEvents.appointmentChanged, changed({ ...a, status: "MISSED" }, now));
      }
      return overdue.length;
    });
  }

  /** The no-show rule for the person: missed bookings and their no-show tickets in the window. */
  async standing(q: Tx["manager"] | AppointmentsRepository["source"], subject: string, now: Date) {
    const since = new Date(now.getTime() - this.settings.noShow.windowDays * 86_400_000);
    const noShows = [...(await this.appointments.missedOf(q, subject, since, now)), ...(await this.ticketsRepository.noShowsOf(q, subject, since))];
    return { noShows: recentCount(noShows, now, this.settings.noShow.windowDays), barredUntil: barredUntil(noShows, now, this.settings.noShow) };
  }

  async myStanding(identity: Identity) {
    requireRole(identity, "citizen");
    const s = await this.standing(this.appointments.source, identity.subject, this.clock.now());
    return { noShows: s.noShows, limit: this.settings.noShow.limit, windowDays: this.settings.noShow.windowDays, barredUntil: s.barredUntil?.toISOString() ?? null };
  }

  /** Refuses a barred person (the tickets service asks before a remote ticket). */
  async refuseIfBarred(tx: Tx, subject: string, now: Date): Promise<void> {
    const { barredUntil: until } = await this.standing(tx.manager, subject, now);
    if (until) throw new DomainError(HallErrorCode.BookingBarred, `Barred from booking until ${until.toISOString()} after missed appointments`, { until: until.toISOString() });
  }

  private bookableDay(day: CalendarDay, now: Date): boolean {
    if (!this.calendar.isWorkingDay(day)) return false;
    const today = shanghaiDayOf(now);
    if (day < today) return false;
    let last = today;
    for (let i = 0; i < this.settings.daysAhead; i += 1) last = this.calendar.nextWorkingDay(last);
    return day <= last;
  }

  /** How many windows serving the department have somebody on duty at the instant, as far as leave notices tell ahead. */
  private async windowsOnDuty(q: Tx["manager"] | AppointmentsRepository["source"], centerCode: string, departmentId: string, at: Date): Promise<number> {
    const windows = (await this.floor.windows(q, centerCode)).filter((w) => w.open && departmentsServed(windowShape(w)).includes(departmentId));
    let n = 0;
    for (const w of windows) {
      const people = [w.a_staff_id, w.b_staff_id].filter((s): s is string => s !== null);
      const facts = await this.floor.dutyFacts(q, w.id, people, at, at);
      if (dutyAt({ windowId: w.id, aPostStaffId: w.a_staff_id, bPostStaffId: w.b_staff_id }, facts.absences, at, facts.covers).staffId) n += 1;
    }
    return n;
  }

  async slots(centerCode: string, departmentId: string, day: string) {
    if (!CENTER.test(centerCode)) throw invalidInput([{ field: "centerCode", message: "a 12-digit administrative-division code" }]);
    let theDay: CalendarDay;
    try {
      theDay = calendarDay(day);
    } catch {
      throw invalidInput([{ field: "day", message: "a day YYYY-MM-DD" }]);
    }
    const department = await this.floor.department(this.appointments.source, departmentId);
    if (!department || department.center_code !== centerCode) throw invalidInput([{ field: "departmentId", message: `no department ${departmentId} in this hall` }]);
    const now = this.clock.now();
    if (!this.bookableDay(theDay, now)) return [];
    const dayStart = startOfShanghaiDay(theDay);
    const slots = slotsOfDay(dayStart, this.settings).filter((s) => s.start.getTime() > now.getTime());
    const booked = await this.appointments.booked(this.appointments.source, departmentId, dayStart, new Date(dayStart.getTime() + 86_400_000));
    const out = [];
    for (const slot of slots) {
      const capacity = slotCapacity(await this.windowsOnDuty(this.appointments.source, centerCode, departmentId, slot.start), this.settings.perWindow);
      const taken = booked.get(slot.start.getTime()) ?? 0;
      out.push({ start: slot.start.toISOString(), end: slot.end.toISOString(), capacity, booked: taken, available: Math.max(0, capacity - taken) });
    }
    return out;
  }

  async book(identity: Identity, input: { centerCode: string; departmentId?: string | null; itemId?: string | null; slotStart: string }): Promise<AppointmentRow> {
    requireRole(identity, "citizen");
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      if (!CENTER.test(input.centerCode)) throw invalidInput([{ field: "input.centerCode", message: "a 12-digit administrative-division code" }]);
      let departmentId = input.departmentId ?? null;
      if (input.itemId) {
        const item = await this.floor.item(tx.manager, input.itemId);
        if (!item || item.center_code !== input.centerCode) throw invalidInput([{ field: "input.itemId", message: `no item ${input.itemId} in this hall` }]);
        departmentId = item.department_id;
      }
      if (!departmentId) throw invalidInput([{ field: "input.departmentId", message: "name the item or the department (service group)" }]);
      const department = await this.floor.department(tx.manager, departmentId);
      if (!department || department.center_code !== input.centerCode) throw invalidInput([{ field: "input.departmentId", message: `no department ${departmentId} in this hall` }]);
      const start = new Date(input.slotStart);
      if (Number.isNaN(start.getTime())) throw invalidInput([{ field: "input.slotStart", message: "an ISO 8601 instant" }]);
      const day = shanghaiDayOf(start);
      const slot = slotsOfDay(startOfShanghaiDay(day), this.settings).find((s) => s.start.getTime() === start.getTime());
      if (!slot || !this.bookableDay(day, now) || slot.start.getTime() <= now.getTime()) {
        throw new DomainError(HallErrorCode.SlotUnavailable, `No bookable slot starts at ${input.slotStart}`, { field: "input.slotStart" });
      }
      await this.refuseIfBarred(tx, identity.subject, now);
      const mine = await this.appointments.ofHolder(tx.manager, identity.subject, startOfShanghaiDay(day));
      if (mine.some((a) => a.status === "BOOKED" && a.department_id === departmentId && shanghaiDayOf(a.slot_start) === day)) {
        throw new DomainError(HallErrorCode.Conflict, "You have a booking with this department on that day already", { field: "input.slotStart" });
      }
      const booked = await this.appointments.lockSlot(tx.manager, departmentId, slot.start);
      const capacity = slotCapacity(await this.windowsOnDuty(tx.manager, input.centerCode, departmentId, slot.start), this.settings.perWindow);
      if (booked >= capacity) throw new DomainError(HallErrorCode.SlotFull, "The slot is full", { capacity });
      await this.appointments.addToSlot(tx.manager, departmentId, slot.start, 1);
      const row: AppointmentRow = {
        id: randomUUID(),
        center_code: input.centerCode,
        department_id: departmentId,
        item_id: input.itemId ?? null,
        holder_subject: identity.subject,
        slot_start: slot.start,
        slot_end: slot.end,
        status: "BOOKED",
        booked_at: now,
        changed_at: now,
        ticket_id: null,
      };
      await this.appointments.insert(tx.manager, row);
      await tx.publish(hallEvents.appointmentChanged, changed(row, now));
      return row;
    });
  }

  async cancel(identity: Identity, id: string): Promise<AppointmentRow> {
    requireRole(identity, "citizen");
    return this.unitOfWork.run(async (tx) => {
      const a = await this.appointments.byId(tx.manager, id, true);
      if (!a || a.holder_subject !== identity.subject) throw notFound("Appointment", id);
      if (a.status !== "BOOKED") throw new DomainError(HallErrorCode.AppointmentNotBooked, `The appointment is ${a.status}`, { status: a.status });
      const now = this.clock.now();
      if (a.slot_start.getTime() <= now.getTime()) throw new DomainError(HallErrorCode.AppointmentNotBooked, "The slot has begun; it can no longer be cancelled", { status: a.status });
      await this.appointments.lockSlot(tx.manager, a.department_id, a.slot_start);
      await this.appointments.addToSlot(tx.manager, a.department_id, a.slot_start, -1);
      await this.appointments.update(tx.manager, a.id, "CANCELLED", now);
      const row = { ...a, status: "CANCELLED" as const, changed_at: now };
      await tx.publish(hallEvents.appointmentChanged, changed(row, now));
      return row;
    });
  }

  /** At the kiosk: the appointment's ticket, ahead of walk-ins from a little before the slot until its end. */
  async checkIn(id: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const a = await this.appointments.byId(tx.manager, id, true);
      if (!a) throw notFound("Appointment", id);
      const now = this.clock.now();
      if (a.status === "CHECKED_IN" && a.ticket_id) {
        const row = await this.ticketsRepository.byId(tx.manager, a.ticket_id);
        if (row) return { row, ahead: row.status === "WAITING" ? await this.ticketsRepository.aheadOf(tx.manager, row) : null };
      }
      if (a.status !== "BOOKED" || a.slot_end.getTime() <= now.getTime() || shanghaiDayOf(a.slot_start) !== shanghaiDayOf(now)) {
        throw new DomainError(HallErrorCode.AppointmentNotBooked, a.status === "BOOKED" ? "The appointment is not for now" : `The appointment is ${a.status}`, { status: a.status });
      }
      const row = await this.tickets.issue(tx, {
        centerCode: a.center_code,
        departmentId: a.department_id,
        itemId: a.item_id,
        channel: "APPOINTMENT",
        holder: a.holder_subject,
        appointmentId: a.id,
        aheadFrom: new Date(a.slot_start.getTime() - this.settings.earlyMinutes * 60_000),
        aheadUntil: a.slot_end,
      });
      await this.appointments.update(tx.manager, a.id, "CHECKED_IN", now, row.id);
      await tx.publish(hallEvents.appointmentChanged, changed({ ...a, status: "CHECKED_IN" }, now));
      return { row, ahead: await this.ticketsRepository.aheadOf(tx.manager, row) };
    });
  }

  async mine(identity: Identity): Promise<AppointmentRow[]> {
    requireRole(identity, "citizen");
    return this.appointments.ofHolder(this.appointments.source, identity.subject, new Date(this.clock.now().getTime() - 30 * 86_400_000));
  }

  async ticketOf(ticketId: string | null): Promise<TicketView | null> {
    if (!ticketId) return null;
    const row = await this.ticketsRepository.byId(this.appointments.source, ticketId);
    return row ? { row, ahead: row.status === "WAITING" ? await this.ticketsRepository.aheadOf(this.appointments.source, row) : null } : null;
  }
}

function changed(a: AppointmentRow, now: Date) {
  return {
    appointmentId: a.id,
    centerCode: a.center_code,
    departmentId: a.department_id,
    slotStart: a.slot_start.toISOString(),
    slotEnd: a.slot_end.toISOString(),
    status: a.status,
    changedAt: now.toISOString(),
  };
}
