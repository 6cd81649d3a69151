import { calendarDay, shanghaiDayOf, startOfShanghaiDay, endOfShanghaiDay } from "@onestop/calendar";
import { invalidInput, type Clock } from "@onestop/platform";
import type { DataSource } from "typeorm";
import type { DepartmentRow, FloorRepository, ItemRow, WindowRow } from "../floor/floor.repository";
import type { TicketsRepository } from "../tickets/tickets.repository";
import { departmentsServed } from "../tickets/tickets.rules";
import { windowShape, type TicketView, type TicketsService } from "../tickets/tickets.service";
import type { BoardRepository, BoardRow } from "./board.repository";

export interface ServiceView {
  department: DepartmentRow;
  waiting: number;
  windows: WindowRow[];
  items: ItemRow[];
}

export type WindowQueueView = Awaited<ReturnType<TicketsService["windowQueue"]>>;

const CENTER = /^\d{12}$/;

function checkCenter(centerCode: string): void {
  if (!CENTER.test(centerCode)) throw invalidInput([{ field: "centerCode", message: "a 12-digit administrative-division code" }]);
}

/** What the kiosk, the calling screen and the public board read: public, nothing personal. */
export class ScreensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly floor: FloorRepository,
    private readonly tickets: TicketsRepository,
    private readonly board: BoardRepository,
    private readonly clock: Clock,
  ) {}

  /** Every department some open window serves, with its items and how many wait. */
  async services(centerCode: string): Promise<ServiceView[]> {
    checkCenter(centerCode);
    const [departments, windows, items, waiting] = await Promise.all([
      this.floor.departments(this.dataSource, centerCode),
      this.floor.windows(this.dataSource, centerCode),
      this.floor.items(this.dataSource, centerCode),
      this.tickets.waitingByDepartment(this.dataSource, centerCode, shanghaiDayOf(this.clock.now())),
    ]);
    return departments
      .map((department) => ({
        department,
        waiting: waiting.get(department.id) ?? 0,
        windows: windows.filter((w) => w.open && departmentsServed(windowShape(w)).includes(department.id)),
        items: items.filter((i) => i.department_id === department.id),
      }))
      .filter((s) => s.windows.length > 0);
  }

  async screen(centerCode: string) {
    checkCenter(centerCode);
    const today = shanghaiDayOf(this.clock.now());
    const [calls, departments, waiting, windows] = await Promise.all([
      this.tickets.recentCalls(this.dataSource, centerCode, today, 12),
      this.floor.departments(this.dataSource, centerCode),
      this.tickets.waitingByDepartment(this.dataSource, centerCode, today),
      this.floor.windows(this.dataSource, centerCode),
    ]);
    const byId = new Map(windows.map((w) => [w.id, w]));
    return {
      centerCode,
      calls: calls.map((t) => ({
        ticketId: t.id,
        number: t.number,
        windowCode: byId.get(t.window_id ?? "")?.code ?? "",
        windowName: byId.get(t.window_id ?? "")?.name ?? "",
        calledAt: (t.called_at ?? t.issued_at).toISOString(),
        recall: t.recalls,
      })),
      waiting: departments.filter((d) => (waiting.get(d.id) ?? 0) > 0).map((d) => ({ departmentName: d.name, prefix: d.prefix, waiting: waiting.get(d.id) ?? 0 })),
    };
  }

  async boardOf(centerCode: string, day: string | null | undefined) {
    checkCenter(centerCode);
    let theDay;
    try {
      theDay = day ? calendarDay(day) : shanghaiDayOf(this.clock.now());
    } catch {
      throw invalidInput([{ field: "day", message: "a day YYYY-MM-DD" }]);
    }
    const from = startOfShanghaiDay(theDay);
    const until = endOfShanghaiDay(theDay);
    const view = (r: BoardRow) => ({
      receiptNo: r.receipt_no,
      itemName: r.item_name ?? "",
      departmentName: r.department_name ?? "",
      applicantMasked: r.applicant_masked,
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      concludedAt: r.concluded_at?.toISOString() ?? null,
      outcome: r.outcome,
    });
    const [accepted, concluded] = await Promise.all([this.board.day(centerCode, from, until, "accepted_at", 100), this.board.day(centerCode, from, until, "concluded_at", 100)]);
    return { centerCode, day: theDay, accepted: accepted.map(view), concluded: concluded.map(view) };
  }

  /** The windows that serve a ticket: the one it was transferred to, else its department's and the comprehensive ones acting for it. */
  async windowsFor(view: TicketView): Promise<WindowRow[]> {
    if (view.row.target_window_id) {
      const w = await this.floor.window(this.dataSource, view.row.target_window_id);
      return w ? [w] : [];
    }
    const windows = await this.floor.windows(this.dataSource, view.row.center_code);
    return windows.filter((w) => w.open && departmentsServed(windowShape(w)).includes(view.row.department_id));
  }

  async window(id: string | null): Promise<WindowRow | null> {
    return id ? this.floor.window(this.dataSource, id) : null;
  }

  async departmentName(id: string): Promise<string> {
    return (await this.floor.department(this.dataSource, id))?.name ?? "";
  }

  async itemName(id: string | null): Promise<string | null> {
    if (!id) return null;
    const rows = (await this.dataSource.query(`SELECT name FROM hall_item WHERE id = ?`, [id])) as Array<{ name: string }>;
    return rows[0]?.name ?? null;
  }
}
