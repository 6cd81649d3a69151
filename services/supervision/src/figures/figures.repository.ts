import type { DataSource } from "typeorm";
import { noCounts, type Counts } from "./figures.rules";

/** What the figures are grouped by. */
export type Dimension = "CENTER" | "DEPARTMENT" | "WINDOW" | "STAFF";
/**
 * Also, across a county (issue 22): the center that serves each case — the township for a case
 * it took in as agent (代办), else the case's own center — or the county as one row.
 */
export type RollupDimension = Dimension | "SERVING_CENTER" | "COUNTY";

/** A case, warning or rating belongs to this key of each dimension ('' where it has none, e.g. no window). */
const SERVING = (own: string) => `COALESCE(c.agent_center_code, ${own})`;
const CASE_KEY: Record<RollupDimension, string> = { CENTER: "c.center_code", DEPARTMENT: "c.department_id", WINDOW: "c.window_id", STAFF: "c.handler_id", SERVING_CENTER: SERVING("c.center_code"), COUNTY: "LEFT(c.center_code, 6)" };
const WARNING_KEY: Record<RollupDimension, string> = { CENTER: "w.center_code", DEPARTMENT: "w.department_id", WINDOW: "w.window_id", STAFF: "c.handler_id", SERVING_CENTER: SERVING("w.center_code"), COUNTY: "LEFT(w.center_code, 6)" };
const RATING_KEY: Record<RollupDimension, string> = { CENTER: "r.center_code", DEPARTMENT: "r.department_id", WINDOW: "r.window_id", STAFF: "r.handler_id", SERVING_CENTER: SERVING("r.center_code"), COUNTY: "LEFT(r.center_code, 6)" };

/**
 * Whose figures: one center's — its own cases and, for a township, the county's cases it serves
 * as agent (代办) — or every center of a county (its code's first 6 digits).
 */
export type FiguresScope = { centerCode: string } | { countyPrefix: string };

function scopeWhere(alias: "c" | "w" | "r", scope: FiguresScope): { sql: string; params: string[] } {
  if ("countyPrefix" in scope) return { sql: `${alias}.center_code LIKE ?`, params: [`${scope.countyPrefix}%`] };
  return { sql: `(${alias}.center_code = ? OR c.agent_center_code = ?)`, params: [scope.centerCode, scope.centerCode] };
}

export interface GroupCounts {
  key: string;
  /** The department the key belongs to (for windows and staff: the department of their cases); null for the center. */
  departmentId: string | null;
  counts: Counts;
  goodRatings: number;
  /** Bad ratings whose follow-up deadline passed unanswered. */
  unansweredBad: number;
  /** Ratings not voided, by score: index 0 is score 1 (very dissatisfied) … index 4 score 5. */
  ratingsByScore: number[];
}

const CONCLUDED = "c.outcome IN ('APPROVED', 'DENIED', 'DEEMED_APPROVED')";
const n = (v: unknown) => Number(v ?? 0);

/** Figures from the projection alone (never another service's database), in three grouped statements. */
export class FiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  counts(centerCode: string, departmentId: string | null, dimension: Dimension, start: Date, end: Date, now: Date): Promise<GroupCounts[]> {
    return this.countsIn({ centerCode }, departmentId, dimension, start, end, now);
  }

  async countsIn(scope: FiguresScope, departmentId: string | null, dimension: RollupDimension, start: Date, end: Date, now: Date): Promise<GroupCounts[]> {
    const caseScope = scopeWhere("c", scope);
    const warningScope = scopeWhere("w", scope);
    const ratingScope = scopeWhere("r", scope);
    const inAccepted = "c.accepted_at >= ? AND c.accepted_at < ?";
    const inEnded = "c.ended_at >= ? AND c.ended_at < ?";
    const concluded = `(${inEnded} AND ${CONCLUDED})`;
    const period = [start, end];
    const cases = (await this.dataSource.query(
      `SELECT COALESCE(${CASE_KEY[dimension]}, '') AS k, MIN(c.department_id) AS department_id,
              SUM(${inAccepted}) AS accepted,
              SUM(${inAccepted} AND c.kind = 'INSTANT') AS accepted_instant,
              SUM(${concluded}) AS concluded,
              SUM(${concluded} AND c.deadline IS NOT NULL) AS timed,
              SUM(${concluded} AND c.deadline IS NOT NULL AND c.on_time = 1) AS on_time,
              SUM(${concluded} AND c.kind = 'PROMISED' AND c.working_days_used IS NOT NULL) AS promised_concluded,
              SUM(${concluded} AND c.kind = 'PROMISED' AND c.working_days_used < c.promised_limit_days) AS early,
              SUM(IF(${concluded} AND c.kind = 'PROMISED', c.working_days_used, 0)) AS working_days_used,
              SUM(IF(${concluded} AND c.kind = 'PROMISED' AND c.working_days_used IS NOT NULL, c.promised_limit_days, 0)) AS promised_days,
              SUM(${inAccepted} AND c.notified = 1) AS notified,
              SUM(${inEnded} AND c.outcome = 'REFUSED') AS refused,
              SUM(${concluded} AND c.deemed_approval = 1) AS deemed
         FROM supervision_case c
        WHERE ${caseScope.sql} AND (? IS NULL OR c.department_id = ?) AND ((${inAccepted}) OR (${inEnded}))
        GROUP BY k`,
      [
        ...period, ...period, ...period, ...period, ...period, ...period, ...period, ...period, ...period, ...period, ...period, ...period,
        ...caseScope.params, departmentId, departmentId, ...period, ...period,
      ],
    )) as Array<Record<string, unknown>>;
    const warnings = (await this.dataSource.query(
      `SELECT COALESCE(${WARNING_KEY[dimension]}, '') AS k, MIN(w.department_id) AS department_id, COUNT(*) AS warnings, SUM(w.level = 'RED') AS red
         FROM supervision_warning w LEFT JOIN supervision_case c ON c.case_id = w.case_id
        WHERE ${warningScope.sql} AND (? IS NULL OR w.department_id = ?) AND w.raised_at >= ? AND w.raised_at < ?
        GROUP BY k`,
      [...warningScope.params, departmentId, departmentId, start, end],
    )) as Array<Record<string, unknown>>;
    // A rating voided on appeal (恶意差评, upheld) counts nowhere.
    const ratings = (await this.dataSource.query(
      `SELECT COALESCE(${RATING_KEY[dimension]}, '') AS k, MIN(r.department_id) AS department_id, COUNT(*) AS ratings, SUM(r.score) AS score_sum,
              SUM(r.score <= 2) AS bad, SUM(r.score >= 4) AS good,
              SUM(r.score = 1) AS s1, SUM(r.score = 2) AS s2, SUM(r.score = 3) AS s3, SUM(r.score = 4) AS s4, SUM(r.score = 5) AS s5,
              SUM(r.follow_up_due IS NOT NULL AND r.follow_up_due <= ? AND (r.answered_at IS NULL OR r.answered_at > r.follow_up_due)) AS unanswered
         FROM supervision_rating r LEFT JOIN supervision_case c ON c.case_id = r.case_id
        WHERE ${ratingScope.sql} AND (? IS NULL OR r.department_id = ?) AND r.rated_at >= ? AND r.rated_at < ?
          AND (r.appeal_decision IS NULL OR r.appeal_decision <> 'UPHELD')
        GROUP BY k`,
      [now, ...ratingScope.params, departmentId, departmentId, start, end],
    )) as Array<Record<string, unknown>>;
    const groups = new Map<string, GroupCounts>();
    const group = (row: Record<string, unknown>) => {
      const key = String(row.k);
      let g = groups.get(key);
      if (!g) {
        g = { key, departmentId: dimension === "CENTER" || dimension === "SERVING_CENTER" || dimension === "COUNTY" ? null : ((row.department_id as string | null) ?? null), counts: { ...noCounts }, goodRatings: 0, unansweredBad: 0, ratingsByScore: [0, 0, 0, 0, 0] };
        groups.set(key, g);
      }
      return g;
    };
    for (const row of cases) {
      const g = group(row);
      Object.assign(g.counts, {
        accepted: n(row.accepted), acceptedInstant: n(row.accepted_instant), concluded: n(row.concluded), timed: n(row.timed), onTime: n(row.on_time),
        promisedConcluded: n(row.promised_concluded), early: n(row.early), workingDaysUsed: n(row.working_days_used), promisedDays: n(row.promised_days),
        notified: n(row.notified), refused: n(row.refused), deemedApprovals: n(row.deemed),
      });
    }
    for (const row of warnings) Object.assign(group(row).counts, { warnings: n(row.warnings), redWarnings: n(row.red) });
    for (const row of ratings) {
      const g = group(row);
      Object.assign(g.counts, { ratings: n(row.ratings), ratingSum: n(row.score_sum), badRatings: n(row.bad) });
      g.goodRatings = n(row.good);
      g.unansweredBad = n(row.unanswered);
      g.ratingsByScore = [n(row.s1), n(row.s2), n(row.s3), n(row.s4), n(row.s5)];
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  }
}
