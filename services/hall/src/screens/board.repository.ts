import type { DataSource } from "typeorm";
import type { Queryable } from "../floor/floor.repository";

export interface BoardRow {
  case_id: string;
  receipt_no: string;
  item_name: string | null;
  department_name: string | null;
  applicant_masked: string;
  accepted_at: Date | null;
  concluded_at: Date | null;
  outcome: string | null;
}

/** 办件公示: the cases the public board shows, the applicant's name masked before it is stored. */
export class BoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async accepted(q: Queryable, c: { caseId: string; centerCode: string; receiptNo: string; itemId: string; departmentId: string; applicantMasked: string; acceptedAt: Date }): Promise<void> {
    await q.query(
      `INSERT INTO hall_board_case (case_id, center_code, receipt_no, item_id, department_id, applicant_masked, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE accepted_at = VALUES(accepted_at), applicant_masked = VALUES(applicant_masked)`,
      [c.caseId, c.centerCode, c.receiptNo, c.itemId, c.departmentId, c.applicantMasked, c.acceptedAt],
    );
  }

  /** A conclusion may come before the acceptance's event is handled; the row then waits for its name. */
  async concluded(q: Queryable, c: { caseId: string; centerCode: string; receiptNo: string; itemId: string; departmentId: string; concludedAt: Date; outcome: string }): Promise<void> {
    await q.query(
      `INSERT INTO hall_board_case (case_id, center_code, receipt_no, item_id, department_id, applicant_masked, concluded_at, outcome) VALUES (?, ?, ?, ?, ?, '', ?, ?)
       ON DUPLICATE KEY UPDATE concluded_at = VALUES(concluded_at), outcome = VALUES(outcome)`,
      [c.caseId, c.centerCode, c.receiptNo, c.itemId, c.departmentId, c.concludedAt, c.outcome],
    );
  }

  async day(centerCode: string, from: Date, until: Date, column: "accepted_at" | "concluded_at", limit: number): Promise<BoardRow[]> {
    return (await this.dataSource.query(
      `SELECT b.case_id, b.receipt_no, i.name AS item_name, d.name AS department_name, b.applicant_masked, b.accepted_at, b.concluded_at, b.outcome
         FROM hall_board_case b LEFT JOIN hall_item i ON i.id = b.item_id LEFT JOIN hall_department d ON d.id = b.department_id
        WHERE b.center_code = ? AND b.${column} >= ? AND b.${column} < ?
        ORDER BY b.${column} DESC LIMIT ${Math.floor(limit)}`,
      [centerCode, from, until],
    )) as BoardRow[];
  }
}
