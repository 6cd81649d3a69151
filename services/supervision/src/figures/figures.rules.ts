import { addCalendarDays, startOfShanghaiDay, type CalendarDay } from "@onestop/calendar";
import type { RatingLevel } from "@onestop/events";
import { z } from "zod";
import { levelOf } from "../ratings/rating.rules";

export const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day, YYYY-MM-DD (Beijing)");
/** A period of Beijing days, both inclusive: the figures', the rankings' and the hall's. */
export const periodSchema = z.object({ from: day, to: day }).refine((p) => p.from <= p.to, { message: "the period ends before it starts", path: ["to"] });

/** What is counted for one center, department, window or staff member over a period. */
export interface Counts {
  accepted: number;
  /** Of the accepted: instant cases (即办件), for the national target on their share of volume. */
  acceptedInstant: number;
  /** Concluded (approved, denied, deemed approved) in the period. */
  concluded: number;
  /** Of the concluded with a clock: on time, and how many had one. */
  onTime: number;
  timed: number;
  /** Promised cases concluded, those finished early (fewer working days than promised), their days. */
  promisedConcluded: number;
  early: number;
  workingDaysUsed: number;
  promisedDays: number;
  /** Accepted cases whose slip shows a one-time notice (一次性告知). */
  notified: number;
  refused: number;
  deemedApprovals: number;
  warnings: number;
  redWarnings: number;
  /** Ratings given in the period, not voided on appeal. */
  ratings: number;
  ratingSum: number;
  badRatings: number;
}

export const noCounts: Counts = {
  accepted: 0, acceptedInstant: 0, concluded: 0, onTime: 0, timed: 0, promisedConcluded: 0, early: 0, workingDaysUsed: 0, promisedDays: 0,
  notified: 0, refused: 0, deemedApprovals: 0, warnings: 0, redWarnings: 0, ratings: 0, ratingSum: 0, badRatings: 0,
};

export interface Figures extends Counts {
  onTimeRate: number | null;
  earlyCompletionRate: number | null;
  averageWorkingDaysUsed: number | null;
  averagePromisedDays: number | null;
  oneTimeNoticeRate: number | null;
  instantShare: number | null;
  averageRating: number | null;
  /** Share of ratings at the top two levels (满意率). */
  satisfaction: number | null;
  goodRatings: number;
}

/** The national targets the figures are shown against: instant cases ≥ 80% of volume, promised cases finished early ≥ 90%. */
export const nationalTargets = { instantShare: 0.8, earlyCompletionRate: 0.9 } as const;

const ratio = (part: number, whole: number, digits = 4) => (whole > 0 ? Math.round((part / whole) * 10 ** digits) / 10 ** digits : null);

/** The rates from the counts; a rate with nothing to count is null, not 0 (no cases is not a bad record). */
export function figuresOf(counts: Counts, goodRatings = 0): Figures {
  return {
    ...counts,
    onTimeRate: ratio(counts.onTime, counts.timed),
    earlyCompletionRate: ratio(counts.early, counts.promisedConcluded),
    averageWorkingDaysUsed: ratio(counts.workingDaysUsed, counts.promisedConcluded, 2),
    averagePromisedDays: ratio(counts.promisedDays, counts.promisedConcluded, 2),
    oneTimeNoticeRate: ratio(counts.notified, counts.accepted),
    instantShare: ratio(counts.acceptedInstant, counts.accepted),
    averageRating: ratio(counts.ratingSum, counts.ratings, 2),
    satisfaction: ratio(goodRatings, counts.ratings),
    goodRatings,
  };
}

/** What the public sees of a group's ratings: the count at each level, the best first, and the rates. */
export interface RatingSummary {
  ratings: number;
  byLevel: Array<{ level: RatingLevel; count: number }>;
  satisfaction: number | null;
  averageRating: number | null;
}

/** From the ratings counted by score (index 0 is score 1 … index 4 score 5). */
export function ratingSummary(byScore: readonly number[]): RatingSummary {
  const ratings = byScore.reduce((sum, c) => sum + c, 0);
  const scoreSum = byScore.reduce((sum, c, i) => sum + c * (i + 1), 0);
  return {
    ratings,
    byLevel: [5, 4, 3, 2, 1].map((score) => ({ level: levelOf(score), count: byScore[score - 1] ?? 0 })),
    satisfaction: ratio((byScore[3] ?? 0) + (byScore[4] ?? 0), ratings),
    averageRating: ratio(scoreSum, ratings, 2),
  };
}

/**
 * The red-flag window rule (红旗窗口), explicit and configured (docs/supervision.md): a window is
 * ranked by its score; it may be flagged only with at least `minConcluded` concluded cases, an
 * on-time rate of at least `minOnTimeRate`, a satisfaction of at least `minSatisfaction` (when it
 * has ratings), no more than `maxRedWarnings` red warnings and no unanswered bad rating; the best
 * `flags` of those are the period's red-flag windows.
 */
export interface RedFlagRule {
  minConcluded: number;
  minOnTimeRate: number;
  minSatisfaction: number;
  maxRedWarnings: number;
  flags: number;
}

/**
 * Score out of 100: 50 on-time rate, 20 early-completion rate, 20 satisfaction, 10 one-time
 * notice rate taken inversely (fewer notices means clearer guidance). A part without data is left
 * out and the rest scaled up, so nobody gains or loses by lacking it.
 */
export function scoreOf(f: Figures): number | null {
  const parts: Array<[number, number | null]> = [
    [50, f.onTimeRate],
    [20, f.earlyCompletionRate],
    [20, f.satisfaction],
    [10, f.oneTimeNoticeRate === null ? null : 1 - f.oneTimeNoticeRate],
  ];
  const present = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = present.reduce((sum, [w]) => sum + w, 0);
  if (weight === 0) return null;
  return Math.round((present.reduce((sum, [w, v]) => sum + w * v, 0) / weight) * 10_000) / 100;
}

export interface RankedRow<K> {
  key: K;
  figures: Figures;
  score: number | null;
  rank: number | null;
  redFlag: boolean;
  /** Why a ranked row may not carry the flag; empty when it may. */
  notEligible: string[];
}

/** Why a row may not be a red-flag window under `rule`. */
export function redFlagObstacles(f: Figures, unansweredBad: number, rule: RedFlagRule): string[] {
  const out: string[] = [];
  if (f.concluded < rule.minConcluded) out.push(`fewer than ${rule.minConcluded} concluded`);
  if ((f.onTimeRate ?? 0) < rule.minOnTimeRate) out.push(`on-time rate below ${rule.minOnTimeRate}`);
  if (f.satisfaction !== null && f.satisfaction < rule.minSatisfaction) out.push(`satisfaction below ${rule.minSatisfaction}`);
  if (f.redWarnings > rule.maxRedWarnings) out.push(`more than ${rule.maxRedWarnings} red warnings`);
  if (unansweredBad > 0) out.push("a bad rating unanswered");
  return out;
}

/**
 * Ranks rows by score (then more concluded, then key); rows with nothing concluded are unranked
 * at the end. With `rule`, the best eligible `flags` rows are flagged (windows); without, none.
 */
export function rank<K extends string>(rows: ReadonlyArray<{ key: K; figures: Figures; unansweredBad: number }>, rule: RedFlagRule | null): Array<RankedRow<K>> {
  const scored = rows.map((r) => ({ ...r, score: scoreOf(r.figures), notEligible: rule ? redFlagObstacles(r.figures, r.unansweredBad, rule) : ["not a window"] }));
  const ranked = scored
    .filter((r) => r.score !== null && r.figures.concluded > 0)
    .sort((a, b) => b.score! - a.score! || b.figures.concluded - a.figures.concluded || a.key.localeCompare(b.key));
  let flagged = 0;
  const out: Array<RankedRow<K>> = ranked.map((r, i) => {
    const redFlag = rule !== null && r.notEligible.length === 0 && flagged < rule.flags;
    if (redFlag) flagged += 1;
    return { key: r.key, figures: r.figures, score: r.score, rank: i + 1, redFlag, notEligible: r.notEligible };
  });
  const rest = scored.filter((r) => !ranked.includes(r)).sort((a, b) => a.key.localeCompare(b.key));
  return [...out, ...rest.map((r) => ({ key: r.key, figures: r.figures, score: r.score, rank: null, redFlag: false, notEligible: r.notEligible }))];
}

/** A period of Beijing days, first and last inclusive, as the instants it starts and ends. */
export interface Period {
  from: CalendarDay;
  to: CalendarDay;
}

export function periodInstants(period: Period): { start: Date; end: Date } {
  return { start: startOfShanghaiDay(period.from), end: startOfShanghaiDay(addCalendarDays(period.to, 1)) };
}

/** A month (YYYY-MM) as a period; its monthly report is due on the 3rd of the next month. */
export function monthPeriod(month: string): Period & { dueOn: CalendarDay } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`Not a month: ${month}`);
  const from = `${m[1]}-${m[2]}-01` as CalendarDay;
  const next = Number(m[2]) === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, "0")}-01`;
  return { from, to: addCalendarDays(next as CalendarDay, -1), dueOn: addCalendarDays(next as CalendarDay, 2) };
}

/** A quarter (1-4) as a period; its notification (季度通报) is due with the monthly report of its last month. */
export function quarterPeriod(year: number, quarter: number): Period & { dueOn: CalendarDay } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new Error(`Not a quarter: ${quarter}`);
  const first = monthPeriod(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}`);
  const last = monthPeriod(`${year}-${String(quarter * 3).padStart(2, "0")}`);
  return { from: first.from, to: last.to, dueOn: last.dueOn };
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused (spreadsheet formulas). */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV for Excel in Chinese: UTF-8 with a byte-order mark, CRLF line ends. */
export function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
