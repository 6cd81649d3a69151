import type { DataSource } from "typeorm";
import type { HallCounts } from "./hall.rules";

export type HallDimension = "CENTER" | "DEPARTMENT" | "WINDOW" | "ITEM";

export interface HallGroup {
  /** The center code, department, window or item id; '' for a department's whole service group (no item). */
  key: string;
  departmentId: string | null;
  counts: HallCounts;
}

export interface HallHour {
  /** Hour of the day, Beijing time (0-23). */
  hour: number;
  issued: number;
  called: number;
  meanWaitingSeconds: number | null;
}

const MEASURES = `
  COUNT(*) AS issued,
  COUNT(t.first_called_at) AS called,
  SUM(t.status = 'SERVED') AS served,
  SUM(t.status = 'NO_SHOW') AS no_shows,
  SUM(t.transfers > 0) AS transferred,
  SUM(t.case_id IS NOT NULL) AS cases_started,
  SUM(t.waiting_seconds) AS waiting_sum,
  COUNT(t.waiting_seconds) AS waiting_count,
  MAX(t.waiting_seconds) AS waiting_max,
  SUM(CASE WHEN t.status = 'SERVED' THEN t.handling_seconds END) AS handling_sum,
  SUM(t.status = 'SERVED' AND t.handling_seconds IS NOT NULL) AS handling_count,
  COUNT(DISTINCT DATE_FORMAT(t.first_called_at + INTERVAL 8 HOUR, '%Y-%m-%d %H')) AS active_hours`;

const GROUPING: Record<HallDimension, { key: string; department: string; where: string }> = {
  CENTER: { key: "t.center_code", department: "NULL", where: "" },
  DEPARTMENT: { key: "t.department_id", department: "t.department_id", where: "" },
  // The window that called the ticket last (served it, marked it, or holds it); tickets still waiting have none.
  WINDOW: { key: "t.window_id", department: "NULL", where: "AND t.window_id IS NOT NULL" },
  ITEM: { key: "COALESCE(t.item_id, '')", department: "t.department_id", where: "" },
};

type Raw = Record<string, string | number | null>;
const n = (v: string | number | null | undefined) => Number(v ?? 0);

/** The hall figures, counted from the tickets the projection derived from the hall's events. */
export class HallRepository {
  constructor(private readonly dataSource: DataSource) {}

  async counts(centerCode: string, departmentId: string | null, dimension: HallDimension, start: Date, end: Date): Promise<HallGroup[]> {
    const g = GROUPING[dimension];
    const rows = (await this.dataSource.query(
      `SELECT ${g.key} AS k, ${g.department} AS department_id, ${MEASURES}
         FROM supervision_ticket t
        WHERE t.center_code = ? AND t.issued_at >= ? AND t.issued_at < ? AND (? IS NULL OR t.department_id = ?) ${g.where}
        GROUP BY ${g.key}${g.department === "NULL" ? "" : `, ${g.department}`}
        ORDER BY issued DESC, k`,
      [centerCode, start, end, departmentId, departmentId],
    )) as Raw[];
    return rows.map((r) => ({
      key: String(r.k ?? ""),
      departmentId: r.department_id === null ? null : String(r.department_id),
      counts: {
        issued: n(r.issued),
        called: n(r.called),
        served: n(r.served),
        noShows: n(r.no_shows),
        transferred: n(r.transferred),
        casesStarted: n(r.cases_started),
        waitingSecondsSum: n(r.waiting_sum),
        waitingCount: n(r.waiting_count),
        maxWaitingSeconds: r.waiting_max === null ? null : n(r.waiting_max),
        handlingSecondsSum: n(r.handling_sum),
        handlingCount: n(r.handling_count),
        activeHours: n(r.active_hours),
      },
    }));
  }

  /** Tickets by the hour of the day they were issued (Beijing), over the whole period. */
  async hours(centerCode: string, departmentId: string | null, start: Date, end: Date): Promise<HallHour[]> {
    const rows = (await this.dataSource.query(
      `SELECT HOUR(t.issued_at + INTERVAL 8 HOUR) AS h, COUNT(*) AS issued, COUNT(t.first_called_at) AS called, AVG(t.waiting_seconds) AS mean_wait
         FROM supervision_ticket t
        WHERE t.center_code = ? AND t.issued_at >= ? AND t.issued_at < ? AND (? IS NULL OR t.department_id = ?)
        GROUP BY h ORDER BY h`,
      [centerCode, start, end, departmentId, departmentId],
    )) as Raw[];
    return rows.map((r) => ({ hour: n(r.h), issued: n(r.issued), called: n(r.called), meanWaitingSeconds: r.mean_wait === null ? null : Math.round(Number(r.mean_wait) * 10) / 10 }));
  }

  /** 爽约: appointments whose slot, in the period, ended without the person checking in. */
  async missedAppointments(centerCode: string, departmentId: string | null, start: Date, end: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM supervision_booking WHERE center_code = ? AND status = 'MISSED' AND slot_start >= ? AND slot_start < ? AND (? IS NULL OR department_id = ?)`,
      [centerCode, start, end, departmentId, departmentId],
    )) as Raw[];
    return n(row?.n);
  }
}
