import type { DataSource } from "typeorm";
import type { Queryable } from "../projection/projection.repository";

export interface InformationItem {
  title: string;
  summary: string;
}

export interface TownshipReportRow {
  centerCode: string;
  month: string;
  consultations: number;
  informationItems: InformationItem[];
  note: string;
  firstSubmittedAt: Date;
  submittedAt: Date;
  submittedBy: string;
  revision: number;
}

interface Raw {
  center_code: string;
  month: string;
  consultations: number;
  information_items: string;
  note: string;
  first_submitted_at: Date;
  submitted_at: Date;
  submitted_by: string;
  revision: number;
}

const fromRaw = (r: Raw): TownshipReportRow => ({
  centerCode: r.center_code,
  month: r.month,
  consultations: Number(r.consultations),
  informationItems: JSON.parse(r.information_items) as InformationItem[],
  note: r.note,
  firstSubmittedAt: r.first_submitted_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  revision: Number(r.revision),
});

/** The townships' monthly reports (乡镇月报), one row per township and month; a resubmission replaces it and keeps its first time. */
export class TownshipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lock(q: Queryable, centerCode: string, month: string): Promise<TownshipReportRow | null> {
    const rows = (await q.query("SELECT * FROM township_report WHERE center_code = ? AND month = ? FOR UPDATE", [centerCode, month])) as Raw[];
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  async save(q: Queryable, row: TownshipReportRow): Promise<void> {
    await q.query(
      `INSERT INTO township_report (center_code, month, consultations, information_items, note, first_submitted_at, submitted_at, submitted_by, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE consultations = VALUES(consultations), information_items = VALUES(information_items), note = VALUES(note),
         submitted_at = VALUES(submitted_at), submitted_by = VALUES(submitted_by), revision = VALUES(revision)`,
      [row.centerCode, row.month, row.consultations, JSON.stringify(row.informationItems), row.note, row.firstSubmittedAt, row.submittedAt, row.submittedBy, row.revision],
    );
  }

  async ofMonth(countyCode: string, month: string): Promise<TownshipReportRow[]> {
    const rows = (await this.dataSource.query("SELECT * FROM township_report WHERE month = ? AND center_code LIKE ? ORDER BY center_code", [month, `${countyCode.slice(0, 6)}%`])) as Raw[];
    return rows.map(fromRaw);
  }
}
