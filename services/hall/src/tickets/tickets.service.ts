import { randomUUID } from "node:crypto";
import { shanghaiDayOf, startOfShanghaiDay } from "@onestop/calendar";
import { hallEvents, type TicketChannel } from "@onestop/events";
import { DomainError, hasRole, invalidInput, notFound, requireCenter, requireRole, type Clock, type Identity, type Tx, type UnitOfWork } from "@onestop/platform";
import { HallErrorCode } from "../errors";
import { absencesFromPunches, dutyAt } from "@onestop/authorization";
import { actsForOf, type FloorRepository, type Queryable, type WindowRow } from "../floor/floor.repository";
import type { TicketRow, TicketsRepository } from "./tickets.repository";
import { departmentsServed, secondsBetween, ticketNumber } from "./tickets.rules";

const CENTER = /^\d{12}$/;
/** How many candidates one claim round reads; another round follows when all were taken by other clerks. */
const CANDIDATES = 8;

export interface TicketView {
  row: TicketRow;
  /** How many wait before it (WAITING only). */
  ahead: number | null;
}

export interface IssueRequest {
  centerCode: string;
  departmentId?: string | null;
  itemId?: string | null;
  channel: TicketChannel;
  holder: string | null;
  appointmentId?: string | null;
  aheadFrom?: Date | null;
  aheadUntil?: Date | null;
}

/** Taking tickets (取号) and calling them to windows (叫号). */
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly floor: FloorRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly gate: { canTakeRemote(tx: Tx, subject: string, now: Date): Promise<void> },
  ) {}

  private today(): string {
    return shanghaiDayOf(this.clock.now());
  }

  /** The kiosk (anonymous) or a signed-in citizen near the hall (REMOTE) takes a ticket for an item or a department's service group. */
  async take(identity: Identity, input: { centerCode: string; departmentId?: string | null; itemId?: string | null }): Promise<TicketView> {
    const remote = hasRole(identity, "citizen");
    if (!remote && !identity.roles.includes("anonymous") && !hasRole(identity, "window_staff", "center_admin")) requireRole(identity, "citizen");
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      if (remote) {
        const held = (await this.tickets.heldBy(tx.manager, identity.subject, startOfShanghaiDay(shanghaiDayOf(now)))).filter((t) => t.status === "WAITING" || t.status === "CALLED");
        if (held.length > 0) throw new DomainError(HallErrorCode.TicketAlreadyHeld, `You hold ticket ${held[0]!.number} already`, { ticketId: held[0]!.id, number: held[0]!.number });
        await this.gate.canTakeRemote(tx, identity.subject, now);
      }
      const row = await this.issue(tx, { ...input, channel: remote ? "REMOTE" : "KIOSK", holder: remote ? identity.subject : null });
      return { row, ahead: await this.tickets.aheadOf(tx.manager, row) };
    });
  }

  /** Issues a ticket inside the caller's transaction (appointments check in through it too). */
  async issue(tx: Tx, request: IssueRequest): Promise<TicketRow> {
    const problems = [];
    if (!CENTER.test(request.centerCode)) problems.push({ field: "input.centerCode", message: "a 12-digit administrative-division code" });
    if (!request.departmentId && !request.itemId) problems.push({ field: "input.departmentId", message: "name the item or the department (service group)" });
    if (problems.length > 0) throw invalidInput(problems);
    let departmentId = request.departmentId ?? null;
    if (request.itemId) {
      const item = await this.floor.item(tx.manager, request.itemId);
      if (!item || item.center_code !== request.centerCode) throw invalidInput([{ field: "input.itemId", message: `no item ${request.itemId} in the hall of ${request.centerCode}` }]);
      if (departmentId && departmentId !== item.department_id) throw invalidInput([{ field: "input.departmentId", message: "the item belongs to another department" }]);
      departmentId = item.department_id;
    }
    const department = await this.floor.department(tx.manager, departmentId!);
    if (!department || department.center_code !== request.centerCode) throw invalidInput([{ field: "input.departmentId", message: `no department ${departmentId} in the hall of ${request.centerCode}` }]);
    const serving = (await this.floor.windows(tx.manager, request.centerCode)).filter((w) => w.open && departmentsServed(windowShape(w)).includes(department.id));
    if (serving.length === 0) throw new DomainError(HallErrorCode.NoWindowServes, `No open window serves ${department.name}`, { departmentId: department.id });
    const now = this.clock.now();
    const serviceDay = shanghaiDayOf(now);
    const seq = await this.tickets.nextSeq(tx.manager, request.centerCode, serviceDay, department.prefix);
    const row: TicketRow = {
      id: randomUUID(),
      center_code: request.centerCode,
      service_day: serviceDay,
      prefix: department.prefix,
      seq,
      number: ticketNumber(department.prefix, seq),
      department_id: department.id,
      item_id: request.itemId ?? null,
      channel: request.channel,
      holder_subject: request.holder,
      appointment_id: request.appointmentId ?? null,
      ahead_from: request.aheadFrom ?? null,
      ahead_until: request.aheadUntil ?? null,
      status: "WAITING",
      target_window_id: null,
      window_id: null,
      staff_id: null,
      issued_at: now,
      first_called_at: null,
      called_at: null,
      recalls: 0,
      finished_at: null,
      case_id: null,
    };
    await this.tickets.insert(tx.manager, row);
    await tx.publish(hallEvents.ticketIssued, { ...identityOf(row), issuedAt: now.toISOString(), appointmentId: row.appointment_id });
    return row;
  }

  /**
   * 叫号: the clerk on duty at the window calls the next ticket it may serve. The ticket in hand
   * (called or being served) is finished first. The window's row is locked, so one window calls
   * one at a time; candidates are claimed with SKIP LOCKED, so clerks of different windows
   * calling at the same instant never get the same ticket. Null when nobody waits.
   */
  async callNext(identity: Identity, windowId: string): Promise<TicketView | null> {
    return this.unitOfWork.run(async (tx) => {
      const window = await this.onDutyAt(tx.manager, identity, windowId, true);
      const now = this.clock.now();
      for (const held of await this.tickets.activeAt(tx.manager, window.id)) await this.serve(tx, held, now);
      const departments = departmentsServed(windowShape(window));
      const tried: string[] = [];
      for (let round = 0; round < 50; round += 1) {
        const candidates = await this.tickets.candidates(tx.manager, window.center_code, this.today(), window.id, departments, now, CANDIDATES, tried);
        if (candidates.length === 0) return null;
        for (const id of candidates) {
          const ticket = await this.tickets.claim(tx.manager, id);
          if (!ticket) {
            tried.push(id);
            continue;
          }
          await this.tickets.update(tx.manager, ticket.id, { status: "CALLED", window_id: window.id, staff_id: identity.subject, first_called_at: ticket.first_called_at ?? now, called_at: now, target_window_id: null });
          const called = { ...ticket, status: "CALLED" as const, window_id: window.id, staff_id: identity.subject, first_called_at: ticket.first_called_at ?? now, called_at: now, target_window_id: null };
          await tx.publish(hallEvents.ticketCalled, {
            ...identityOf(called),
            windowId: window.id,
            windowCode: window.code,
            windowName: window.name,
            staffId: identity.subject,
            calledAt: now.toISOString(),
            recall: 0,
            waitingSeconds: secondsBetween(called.issued_at, called.first_called_at!),
          });
          return { row: called, ahead: null };
        }
      }
      return null;
    });
  }

  /** 重呼: the ticket in hand is called again (the screens show and speak it once more). */
  async recall(identity: Identity, ticketId: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const { ticket, window } = await this.inHand(tx.manager, identity, ticketId, ["CALLED"]);
      const now = this.clock.now();
      await this.tickets.update(tx.manager, ticket.id, { recalls: ticket.recalls + 1, called_at: now });
      const row = { ...ticket, recalls: ticket.recalls + 1, called_at: now };
      await tx.publish(hallEvents.ticketCalled, {
        ...identityOf(row),
        windowId: window.id,
        windowCode: window.code,
        windowName: window.name,
        staffId: identity.subject,
        calledAt: now.toISOString(),
        recall: row.recalls,
        waitingSeconds: secondsBetween(row.issued_at, row.first_called_at ?? now),
      });
      return { row, ahead: null };
    });
  }

  /** 过号: called and not there. */
  async noShow(identity: Identity, ticketId: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const { ticket, window } = await this.inHand(tx.manager, identity, ticketId, ["CALLED"]);
      const now = this.clock.now();
      await this.tickets.update(tx.manager, ticket.id, { status: "NO_SHOW", finished_at: now });
      const row = { ...ticket, status: "NO_SHOW" as const, finished_at: now };
      await tx.publish(hallEvents.ticketNoShow, {
        ...identityOf(row),
        windowId: window.id,
        staffId: identity.subject,
        calledAt: (row.first_called_at ?? now).toISOString(),
        markedAt: now.toISOString(),
        waitingSeconds: secondsBetween(row.issued_at, row.first_called_at ?? now),
        appointmentId: row.appointment_id,
      });
      return { row, ahead: null };
    });
  }

  /** 转窗口: the ticket waits again, at the front, for one other window of the center. */
  async transfer(identity: Identity, ticketId: string, toWindowId: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const { ticket, window } = await this.inHand(tx.manager, identity, ticketId, ["CALLED", "SERVING"]);
      const target = await this.floor.window(tx.manager, toWindowId);
      if (!target || target.center_code !== window.center_code || !target.open) throw invalidInput([{ field: "toWindowId", message: `no open window ${toWindowId} in this hall` }]);
      if (target.id === window.id) throw invalidInput([{ field: "toWindowId", message: "the ticket is at this window already" }]);
      const now = this.clock.now();
      await this.tickets.update(tx.manager, ticket.id, { status: "WAITING", target_window_id: target.id, window_id: null, staff_id: null, called_at: null });
      const row = { ...ticket, status: "WAITING" as const, target_window_id: target.id, window_id: null, staff_id: null, called_at: null };
      await tx.publish(hallEvents.ticketTransferred, { ...identityOf(row), fromWindowId: window.id, toWindowId: target.id, staffId: identity.subject, transferredAt: now.toISOString() });
      return { row, ahead: 0 };
    });
  }

  /** The clerk starts a case from the ticket: it is being served; the case registered with its id remembers it. */
  async startCase(identity: Identity, ticketId: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const { ticket } = await this.inHand(tx.manager, identity, ticketId, ["CALLED", "SERVING"]);
      if (ticket.status === "SERVING") return { row: ticket, ahead: null };
      await this.tickets.update(tx.manager, ticket.id, { status: "SERVING" });
      return { row: { ...ticket, status: "SERVING" }, ahead: null };
    });
  }

  /** The clerk is done with the person. */
  async finish(identity: Identity, ticketId: string): Promise<TicketView> {
    return this.unitOfWork.run(async (tx) => {
      const { ticket } = await this.inHand(tx.manager, identity, ticketId, ["CALLED", "SERVING"]);
      return { row: await this.serve(tx, ticket, this.clock.now()), ahead: null };
    });
  }

  /** A case accepted from a ticket: the ticket remembers the case (cases' event names the ticket). */
  async caseStarted(tx: Tx, ticketId: string, caseId: string): Promise<void> {
    await this.tickets.setCase(tx.manager, ticketId, caseId);
  }

  private async serve(tx: Tx, ticket: TicketRow, now: Date): Promise<TicketRow> {
    await this.tickets.update(tx.manager, ticket.id, { status: "SERVED", finished_at: now });
    const calledAt = ticket.first_called_at ?? ticket.called_at ?? now;
    await tx.publish(hallEvents.ticketServed, {
      ...identityOf(ticket),
      windowId: ticket.window_id!,
      staffId: ticket.staff_id ?? "",
      calledAt: calledAt.toISOString(),
      servedAt: now.toISOString(),
      waitingSeconds: secondsBetween(ticket.issued_at, calledAt),
      handlingSeconds: secondsBetween(calledAt, now),
      caseId: ticket.case_id,
    });
    return { ...ticket, status: "SERVED", finished_at: now };
  }

  /** The ticket the caller's window has in hand, locked; the caller must be on duty there. */
  private async inHand(q: Queryable, identity: Identity, ticketId: string, statuses: readonly string[]): Promise<{ ticket: TicketRow; window: WindowRow }> {
    const ticket = await this.tickets.byId(q, ticketId, true);
    if (!ticket) throw notFound("Ticket", ticketId);
    if (!ticket.window_id || !statuses.includes(ticket.status)) {
      throw new DomainError(HallErrorCode.TicketNotActive, `Ticket ${ticket.number} is ${ticket.status}`, { status: ticket.status });
    }
    const window = await this.onDutyAt(q, identity, ticket.window_id, false);
    return { ticket, window };
  }

  /** Only the clerk on duty at the window acts for it: A, or an approved cover or B while A is away. */
  async onDutyAt(q: Queryable, identity: Identity, windowId: string, lock: boolean): Promise<WindowRow> {
    requireRole(identity, "window_staff", "chief_representative");
    const window = await this.floor.window(q, windowId, lock);
    if (!window) throw notFound("Window", windowId);
    requireCenter(identity, window.center_code);
    if (!window.open) throw new DomainError(HallErrorCode.NotOnDuty, `Window ${window.code} is closed`, { windowId });
    const now = this.clock.now();
    const facts = await this.floor.dutyFacts(q, window.id, [window.a_staff_id, window.b_staff_id].filter((s): s is string => s !== null), now, startOfShanghaiDay(shanghaiDayOf(now)));
    const duty = dutyAt({ windowId: window.id, aPostStaffId: window.a_staff_id, bPostStaffId: window.b_staff_id }, [...facts.absences, ...absencesFromPunches(facts.punches)], now, facts.covers);
    if (duty.staffId !== identity.subject) {
      throw new DomainError(HallErrorCode.NotOnDuty, `You are not on duty at window ${window.code}`, { windowId, onDuty: duty.staffId });
    }
    return window;
  }

  async ticket(id: string): Promise<TicketView | null> {
    const row = await this.tickets.byId(this.tickets.source, id);
    if (!row) return null;
    return { row, ahead: row.status === "WAITING" ? await this.tickets.aheadOf(this.tickets.source, row) : null };
  }

  async myTickets(identity: Identity): Promise<TicketView[]> {
    requireRole(identity, "citizen");
    const from = new Date(this.clock.now().getTime() - 7 * 86_400_000);
    const rows = await this.tickets.heldBy(this.tickets.source, identity.subject, from);
    return Promise.all(rows.map(async (row) => ({ row, ahead: row.status === "WAITING" ? await this.tickets.aheadOf(this.tickets.source, row) : null })));
  }

  /** The clerk's view of the window: who is on duty, the ticket in hand, how many wait, the day's tickets. */
  async windowQueue(identity: Identity, windowId: string) {
    requireRole(identity, "window_staff", "chief_representative", "center_admin", "supervisor");
    const q = this.tickets.source;
    const window = await this.floor.window(q, windowId);
    if (!window) throw notFound("Window", windowId);
    requireCenter(identity, window.center_code);
    const today = shanghaiDayOf(this.clock.now());
    const now = this.clock.now();
    const facts = await this.floor.dutyFacts(q, window.id, [window.a_staff_id, window.b_staff_id].filter((s): s is string => s !== null), now, startOfShanghaiDay(today));
    const duty = dutyAt({ windowId: window.id, aPostStaffId: window.a_staff_id, bPostStaffId: window.b_staff_id }, [...facts.absences, ...absencesFromPunches(facts.punches)], now, facts.covers);
    const day = await this.tickets.windowDay(q, window.id, today, 50);
    const current = day.find((t) => t.status === "CALLED" || t.status === "SERVING") ?? null;
    return {
      window,
      onDutyStaffId: duty.staffId,
      post: duty.post,
      current: current ? { row: current, ahead: null } : null,
      waiting: await this.tickets.waitingFor(q, window.center_code, today, window.id, departmentsServed(windowShape(window))),
      today: day.map((row) => ({ row, ahead: null })),
    };
  }
}

export function windowShape(w: WindowRow) {
  return { kind: w.kind, departmentId: w.department_id, actsFor: actsForOf(w) };
}

function identityOf(t: TicketRow) {
  return { ticketId: t.id, centerCode: t.center_code, number: t.number, serviceDay: t.service_day, departmentId: t.department_id, itemId: t.item_id, channel: t.channel };
}
