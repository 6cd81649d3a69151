import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { CaseCounts } from "./assessment.rules";
import type { CaseFactRow } from "./entities";

export type FigureGrouping = "window_id" | "handler_id" | "department_id" | "center_code";

interface CountsSqlRow {
  k: string | null;
  accepted: string | number | null;
  concluded: string | number | null;
  on_time: string | number | null;
  with_limit: string | number | null;
  early: string | number | null;
  days_sum: string | number | null;
  days_count: string | number | null;
  rating_sum: string | number | null;
  rating_count: string | number | null;
}

const n = (value: string | number | null) => Number(value ?? 0);

export class AssessmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** 受理: fills what acceptance knows; what a conclusion already wrote is kept. */
  async recordAcceptance(tx: Tx, fact: Pick<CaseFactRow, "caseId" | "centerCode" | "itemId" | "departmentId" | "windowId" | "handlerId" | "acceptedAt">) {
    await tx.manager.query(
      `INSERT INTO case_fact (case_id, center_code, item_id, department_id, window_id, handler_id, accepted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         window_id = COALESCE(window_id, VALUES(window_id)),
         handler_id = COALESCE(handler_id, VALUES(handler_id)),
         accepted_at = COALESCE(accepted_at, VALUES(accepted_at))`,
      [fact.caseId, fact.centerCode, fact.itemId, fact.departmentId, fact.windowId, fact.handlerId, fact.acceptedAt],
    );
  }

  /** 办结: the conclusion's window and handler are the authoritative ones. */
  async recordConclusion(
    tx: Tx,
    fact: Omit<CaseFactRow, "ratingScore" | "ratedAt" | "ratingVoided">,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO case_fact (case_id, center_code, item_id, department_id, window_id, handler_id, accepted_at,
                              concluded_at, outcome, on_time, working_days_used, promised_limit_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         window_id = COALESCE(VALUES(window_id), window_id),
         handler_id = COALESCE(VALUES(handler_id), handler_id),
         accepted_at = COALESCE(accepted_at, VALUES(accepted_at)),
         concluded_at = VALUES(concluded_at),
         outcome = VALUES(outcome),
         on_time = VALUES(on_time),
         working_days_used = VALUES(working_days_used),
         promised_limit_days = VALUES(promised_limit_days)`,
      [
        fact.caseId,
        fact.centerCode,
        fact.itemId,
        fact.departmentId,
        fact.windowId,
        fact.handlerId,
        fact.acceptedAt,
        fact.concludedAt,
        fact.outcome,
        fact.onTime,
        fact.workingDaysUsed,
        fact.promisedLimitDays,
      ],
    );
  }

  /** Attaches a rating to a known case; false while the case itself has not arrived. */
  async recordRating(tx: Tx, caseId: string, score: number, ratedAt: Date): Promise<boolean> {
    const result = (await tx.manager.query("UPDATE case_fact SET rating_score = ?, rated_at = ? WHERE case_id = ?", [score, ratedAt, caseId])) as {
      affectedRows?: number;
    };
    if ((result.affectedRows ?? 0) > 0) return true;
    const rows: unknown[] = await tx.manager.query("SELECT 1 FROM case_fact WHERE case_id = ?", [caseId]);
    return rows.length > 0;
  }

  /** Takes a rating out of every figure (an upheld appeal); false while the case itself has not arrived. */
  async voidRating(tx: Tx, caseId: string): Promise<boolean> {
    const result = (await tx.manager.query("UPDATE case_fact SET rating_voided = 1 WHERE case_id = ?", [caseId])) as { affectedRows?: number };
    if ((result.affectedRows ?? 0) > 0) return true;
    const rows: unknown[] = await tx.manager.query("SELECT 1 FROM case_fact WHERE case_id = ?", [caseId]);
    return rows.length > 0;
  }

  /**
   * The counts of the cases accepted or concluded in [from, until), grouped. Acceptance
   * counts by when it happened; everything else by when the case concluded. Withdrawn
   * cases count as neither concluded nor late.
   */
  async counts(centerCode: string, grouping: FigureGrouping, from: Date, until: Date): Promise<Map<string | null, CaseCounts>> {
    const accepted = "(accepted_at >= ? AND accepted_at < ?)";
    const concluded = "(concluded_at >= ? AND concluded_at < ? AND outcome <> 'WITHDRAWN')";
    const rows: CountsSqlRow[] = await this.dataSource.query(
      `SELECT ${grouping} AS k,
              SUM(${accepted}) AS accepted,
              SUM(${concluded}) AS concluded,
              SUM(${concluded} AND on_time = 1) AS on_time,
              SUM(${concluded} AND promised_limit_days > 0) AS with_limit,
              SUM(${concluded} AND promised_limit_days > 0 AND working_days_used < promised_limit_days) AS early,
              SUM(IF(${concluded}, working_days_used, NULL)) AS days_sum,
              COUNT(IF(${concluded} AND working_days_used IS NOT NULL, 1, NULL)) AS days_count,
              SUM(IF(${concluded} AND rating_voided = 0, rating_score, NULL)) AS rating_sum,
              COUNT(IF(${concluded} AND rating_voided = 0 AND rating_score IS NOT NULL, 1, NULL)) AS rating_count
         FROM case_fact
        WHERE center_code = ? AND (${accepted} OR (concluded_at >= ? AND concluded_at < ?))
        GROUP BY ${grouping}`,
      [
        from, until, // accepted
        from, until, // concluded
        from, until, // on_time
        from, until, // with_limit
        from, until, // early
        from, until, // days_sum
        from, until, // days_count
        from, until, // rating_sum
        from, until, // rating_count
        centerCode,
        from, until,
        from, until,
      ],
    );
    return new Map(
      rows.map((row) => [
        row.k,
        {
          accepted: n(row.accepted),
          concluded: n(row.concluded),
          onTime: n(row.on_time),
          withLimit: n(row.with_limit),
          early: n(row.early),
          handlingDaysSum: n(row.days_sum),
          handlingDaysCount: n(row.days_count),
          ratingSum: n(row.rating_sum),
          ratingCount: n(row.rating_count),
        },
      ]),
    );
  }
}
