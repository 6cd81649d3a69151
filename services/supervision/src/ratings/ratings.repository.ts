import type { DataSource } from "typeorm";
import type { Queryable } from "../projection/projection.repository";

/** What a rating needs of its case, from the projection. */
export interface RatedCaseRow {
  case_id: string;
  receipt_no: string;
  center_code: string;
  department_id: string;
  window_id: string | null;
  handler_id: string | null;
  status: string;
  outcome: string | null;
  applicant_subject: string | null;
}

export interface RatingRow {
  case_id: string;
  rating_id: string;
  idempotency_key: string;
  receipt_no: string;
  center_code: string;
  department_id: string;
  window_id: string | null;
  handler_id: string | null;
  score: number;
  channel: "APPLICANT" | "HALL_DEVICE";
  comment: string;
  rated_by: string;
  rated_at: Date;
  follow_up_due: Date | null;
  answer: "CALLBACK" | "FIXED" | "EXPLAINED" | null;
  answer_note: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  appeal_reason: string | null;
  appealed_by: string | null;
  appealed_at: Date | null;
  appeal_decision: "UPHELD" | "REJECTED" | null;
  appeal_note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface AdditionRow {
  case_id: string;
  text: string;
  added_at: Date;
}

export type NewRating = Pick<
  RatingRow,
  "case_id" | "rating_id" | "idempotency_key" | "receipt_no" | "center_code" | "department_id" | "window_id" | "handler_id" | "score" | "channel" | "comment" | "rated_by" | "rated_at" | "follow_up_due"
>;

const CASE_COLUMNS = "case_id, receipt_no, center_code, department_id, window_id, handler_id, status, outcome, applicant_subject";

/** The ratings (好差评), their additions, follow-ups and appeals: supervision's own record. */
export class RatingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async caseById(q: Queryable, caseId: string): Promise<RatedCaseRow | null> {
    const rows = (await q.query(`SELECT ${CASE_COLUMNS} FROM supervision_case WHERE case_id = ?`, [caseId])) as RatedCaseRow[];
    return rows[0] ?? null;
  }

  async caseByReceipt(q: Queryable, receiptNo: string): Promise<RatedCaseRow | null> {
    const rows = (await q.query(`SELECT ${CASE_COLUMNS} FROM supervision_case WHERE receipt_no = ? LIMIT 1`, [receiptNo])) as RatedCaseRow[];
    return rows[0] ?? null;
  }

  /** The case's rating, locked for the change about to be made when `forUpdate`. */
  async rating(q: Queryable, caseId: string, forUpdate = false): Promise<RatingRow | null> {
    const rows = (await q.query(`SELECT * FROM supervision_rating WHERE case_id = ?${forUpdate ? " FOR UPDATE" : ""}`, [caseId])) as RatingRow[];
    return rows[0] ?? null;
  }

  /** By idempotency key; `latest` reads past the transaction's snapshot (a concurrent retry that just committed). */
  async ratingByKey(q: Queryable, idempotencyKey: string, latest = false): Promise<RatingRow | null> {
    const rows = (await q.query(`SELECT * FROM supervision_rating WHERE idempotency_key = ?${latest ? " LOCK IN SHARE MODE" : ""}`, [idempotencyKey])) as RatingRow[];
    return rows[0] ?? null;
  }

  /** Inserts the rating; false when the case has one already (the primary key) or the key was used. */
  async insert(q: Queryable, r: NewRating): Promise<boolean> {
    const result = (await q.query(
      `INSERT IGNORE INTO supervision_rating (case_id, rating_id, idempotency_key, receipt_no, center_code, department_id, window_id, handler_id, score, channel, comment, rated_by, rated_at, follow_up_due)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.case_id, r.rating_id, r.idempotency_key, r.receipt_no, r.center_code, r.department_id, r.window_id, r.handler_id, r.score, r.channel, r.comment, r.rated_by, r.rated_at, r.follow_up_due],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Appends an addition (追评); a retry with the same key adds nothing. */
  async addition(q: Queryable, idempotencyKey: string, caseId: string, text: string, at: Date): Promise<void> {
    await q.query("INSERT IGNORE INTO supervision_rating_addition (idempotency_key, case_id, text, added_at) VALUES (?, ?, ?, ?)", [idempotencyKey, caseId, text, at]);
  }

  async additions(caseId: string): Promise<AdditionRow[]> {
    return (await this.dataSource.query("SELECT case_id, text, added_at FROM supervision_rating_addition WHERE case_id = ? ORDER BY added_at, idempotency_key", [caseId])) as AdditionRow[];
  }

  async answer(q: Queryable, caseId: string, answer: string, note: string, by: string, at: Date): Promise<void> {
    await q.query("UPDATE supervision_rating SET answer = ?, answer_note = ?, answered_by = ?, answered_at = ? WHERE case_id = ?", [answer, note, by, at, caseId]);
  }

  async appeal(q: Queryable, caseId: string, reason: string, by: string, at: Date): Promise<void> {
    await q.query("UPDATE supervision_rating SET appeal_reason = ?, appealed_by = ?, appealed_at = ? WHERE case_id = ?", [reason, by, at, caseId]);
  }

  async decide(q: Queryable, caseId: string, decision: string, note: string, by: string, at: Date): Promise<void> {
    await q.query("UPDATE supervision_rating SET appeal_decision = ?, appeal_note = ?, decided_by = ?, decided_at = ? WHERE case_id = ?", [decision, note, by, at, caseId]);
  }

  /**
   * A page of the bad ratings of a center (a department's when given): unanswered first, then by
   * deadline and case, after the cursor (answered, due, case) of the previous page's last.
   */
  async followUps(filter: FollowUpFilter, limit: number, after: FollowUpCursor | null): Promise<RatingRow[]> {
    const { sql, params } = followUpWhere(filter);
    const cursor = after ? " AND ((answered_at IS NOT NULL) > ? OR ((answered_at IS NOT NULL) = ? AND (follow_up_due > ? OR (follow_up_due = ? AND case_id > ?))))" : "";
    return (await this.dataSource.query(`SELECT * FROM supervision_rating WHERE ${sql}${cursor} ORDER BY answered_at IS NOT NULL, follow_up_due, case_id LIMIT ?`, [
      ...params,
      ...(after ? [after.answered ? 1 : 0, after.answered ? 1 : 0, after.due, after.due, after.caseId] : []),
      limit,
    ])) as RatingRow[];
  }

  async countFollowUps(filter: FollowUpFilter): Promise<number> {
    const { sql, params } = followUpWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT COUNT(*) AS n FROM supervision_rating WHERE ${sql}`, params)) as Array<{ n: string | number }>;
    return Number(row.n);
  }
}

export interface FollowUpFilter {
  centerCode: string;
  departmentId: string | null;
  openOnly: boolean;
}

/** Where the previous page ended: its last rating's place in the order. */
export interface FollowUpCursor {
  answered: boolean;
  due: Date;
  caseId: string;
}

function followUpWhere(f: FollowUpFilter): { sql: string; params: unknown[] } {
  return {
    sql: `center_code = ? AND follow_up_due IS NOT NULL AND (? IS NULL OR department_id = ?)
      AND (? = 0 OR (answered_at IS NULL AND (appeal_decision IS NULL OR appeal_decision <> 'UPHELD')))`,
    params: [f.centerCode, f.departmentId, f.departmentId, f.openOnly ? 1 : 0],
  };
}
