import type { DataSource } from "typeorm";

export interface FigureRow {
  windowId: string | null;
  itemId: string | null;
  itemName: string | null;
  hour: number | null;
  issued: number;
  served: number;
  noShows: number;
  meanWaitingSeconds: number | null;
  maxWaitingSeconds: number | null;
  meanHandlingSeconds: number | null;
}

export interface Figures {
  from: string;
  until: string;
  total: FigureRow;
  byWindow: FigureRow[];
  byItem: FigureRow[];
  byHour: FigureRow[];
  missedAppointments: number;
}

const MEASURES = `
  COUNT(*) AS issued,
  SUM(t.status = 'SERVED') AS served,
  SUM(t.status = 'NO_SHOW') AS no_shows,
  AVG(CASE WHEN t.first_called_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, t.issued_at, t.first_called_at) END) AS mean_wait,
  MAX(CASE WHEN t.first_called_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, t.issued_at, t.first_called_at) END) AS max_wait,
  AVG(CASE WHEN t.status = 'SERVED' AND t.first_called_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, t.first_called_at, t.finished_at) END) AS mean_handling`;

type Raw = { key: string | null; item_name?: string | null; issued: string | number; served: string | number | null; no_shows: string | number | null; mean_wait: string | number | null; max_wait: string | number | null; mean_handling: string | number | null };

const int = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));

function row(r: Raw, shape: Partial<FigureRow>): FigureRow {
  return {
    windowId: null,
    itemId: null,
    itemName: null,
    hour: null,
    issued: Number(r.issued),
    served: Number(r.served ?? 0),
    noShows: Number(r.no_shows ?? 0),
    meanWaitingSeconds: int(r.mean_wait),
    maxWaitingSeconds: int(r.max_wait),
    meanHandlingSeconds: int(r.mean_handling),
    ...shape,
  };
}

/** The hall floor's figures from its own tickets: waiting and handling time per window, item and hour of the day. */
export class FiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(centerCode: string, from: Date, until: Date): Promise<Figures> {
    const where = `t.center_code = ? AND t.issued_at >= ? AND t.issued_at < ?`;
    const args = [centerCode, from, until];
    const [total] = (await this.dataSource.query(`SELECT NULL AS \`key\`, ${MEASURES} FROM hall_ticket t WHERE ${where}`, args)) as Raw[];
    const byWindow = (await this.dataSource.query(`SELECT t.window_id AS \`key\`, ${MEASURES} FROM hall_ticket t WHERE ${where} AND t.window_id IS NOT NULL GROUP BY t.window_id ORDER BY t.window_id`, args)) as Raw[];
    const byItem = (await this.dataSource.query(
      `SELECT t.item_id AS \`key\`, MAX(i.name) AS item_name, ${MEASURES} FROM hall_ticket t LEFT JOIN hall_item i ON i.id = t.item_id WHERE ${where} AND t.item_id IS NOT NULL GROUP BY t.item_id ORDER BY issued DESC`,
      args,
    )) as Raw[];
    const byHour = (await this.dataSource.query(
      `SELECT HOUR(t.issued_at + INTERVAL 8 HOUR) AS \`key\`, ${MEASURES} FROM hall_ticket t WHERE ${where} GROUP BY \`key\` ORDER BY \`key\``,
      args,
    )) as Raw[];
    const [{ n }] = (await this.dataSource.query(`SELECT COUNT(*) AS n FROM hall_appointment WHERE center_code = ? AND status = 'MISSED' AND slot_start >= ? AND slot_start < ?`, args)) as Array<{ n: string | number }>;
    return {
      from: from.toISOString(),
      until: until.toISOString(),
      total: row(total!, {}),
      byWindow: byWindow.map((r) => row(r, { windowId: r.key })),
      byItem: byItem.map((r) => row(r, { itemId: r.key, itemName: r.item_name ?? null })),
      byHour: byHour.map((r) => row(r, { hour: Number(r.key) })),
      missedAppointments: Number(n),
    };
  }
}
