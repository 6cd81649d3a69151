/** Sums over a set of cases in one period, as the database adds them up. */
export interface CaseCounts {
  accepted: number;
  concluded: number;
  onTime: number;
  /** Concluded cases that had a promised limit (instant cases have none). */
  withLimit: number;
  /** Of those, concluded in fewer working days than promised (提前办结). */
  early: number;
  handlingDaysSum: number;
  handlingDaysCount: number;
  ratingSum: number;
  ratingCount: number;
}

export interface Figures {
  accepted: number;
  concluded: number;
  onTime: number;
  overdue: number;
  /** 按时办结率; null without concluded cases. */
  onTimeRate: number | null;
  /** 提前办结率, of cases with a promised limit; null without any. */
  earlyCompletionRate: number | null;
  averageHandlingDays: number | null;
  /** 好差评: the average score (1-5); null until ratings arrive. */
  averageRating: number | null;
  ratingCount: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export const emptyCounts: CaseCounts = {
  accepted: 0,
  concluded: 0,
  onTime: 0,
  withLimit: 0,
  early: 0,
  handlingDaysSum: 0,
  handlingDaysCount: 0,
  ratingSum: 0,
  ratingCount: 0,
};

export function addCounts(x: CaseCounts, y: CaseCounts): CaseCounts {
  return Object.fromEntries(Object.keys(emptyCounts).map((k) => [k, x[k as keyof CaseCounts] + y[k as keyof CaseCounts]])) as unknown as CaseCounts;
}

export function figures(counts: CaseCounts): Figures {
  return {
    accepted: counts.accepted,
    concluded: counts.concluded,
    onTime: counts.onTime,
    overdue: counts.concluded - counts.onTime,
    onTimeRate: ratio(counts.onTime, counts.concluded),
    earlyCompletionRate: ratio(counts.early, counts.withLimit),
    averageHandlingDays: counts.handlingDaysCount > 0 ? Math.round((counts.handlingDaysSum / counts.handlingDaysCount) * 100) / 100 : null,
    averageRating: counts.ratingCount > 0 ? Math.round((counts.ratingSum / counts.ratingCount) * 100) / 100 : null,
    ratingCount: counts.ratingCount,
  };
}

/** The red-flag window rule (红旗窗口): who may be flagged, and how many. */
export interface RedFlagRule {
  /** A window needs at least this many concluded cases in the month to be ranked for a flag. */
  minConcluded: number;
  /** ...and at least this on-time rate. */
  minOnTimeRate: number;
  /** How many windows are flagged each month. */
  flags: number;
}

export const defaultRedFlagRule: RedFlagRule = { minConcluded: 10, minOnTimeRate: 0.95, flags: 3 };

/**
 * Score out of 100: 60 for the on-time rate, 25 for the early-completion rate, 15 for
 * satisfaction (average rating / 5). A part without data (no ratings yet, only instant
 * cases) is left out and the others are scaled up, so nobody gains or loses by it.
 */
export function windowScore(f: Figures): number | null {
  const parts: Array<[number, number | null]> = [
    [60, f.onTimeRate],
    [25, f.earlyCompletionRate],
    [15, f.averageRating === null ? null : f.averageRating / 5],
  ];
  const present = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = present.reduce((sum, [w]) => sum + w, 0);
  if (weight === 0) return null;
  return Math.round((present.reduce((sum, [w, v]) => sum + w * v, 0) / weight) * 100 * 100) / 100;
}

export interface Ranked<K> {
  key: K;
  code: string;
  figures: Figures;
  score: number | null;
  rank: number | null;
  eligible: boolean;
  redFlag: boolean;
}

/**
 * The monthly ranking: windows with concluded cases ordered by score (then by volume, then
 * code); the best `flags` of those meeting the minimums are the month's red-flag windows.
 */
export function rankWindows<K>(rows: ReadonlyArray<{ key: K; code: string; figures: Figures }>, rule: RedFlagRule = defaultRedFlagRule): Array<Ranked<K>> {
  const scored = rows.map((row) => {
    const score = windowScore(row.figures);
    const eligible =
      score !== null && row.figures.concluded >= rule.minConcluded && (row.figures.onTimeRate ?? 0) >= rule.minOnTimeRate;
    return { ...row, score, eligible };
  });
  const ranked = scored
    .filter((row) => row.score !== null && row.figures.concluded > 0)
    .sort((x, y) => (y.score ?? 0) - (x.score ?? 0) || y.figures.concluded - x.figures.concluded || x.code.localeCompare(y.code));
  let flagged = 0;
  const result = ranked.map((row, index) => {
    const redFlag = row.eligible && flagged < rule.flags;
    if (redFlag) flagged += 1;
    return { ...row, rank: index + 1, redFlag };
  });
  const unranked = scored
    .filter((row) => !ranked.includes(row))
    .sort((x, y) => x.code.localeCompare(y.code))
    .map((row) => ({ ...row, rank: null, redFlag: false }));
  return [...result, ...unranked];
}

/** A month as YYYY-MM, and the instants it starts and ends in Asia/Shanghai. */
export function monthRange(month: string): { from: Date; until: Date } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`Not a month: ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const offset = 8 * 3_600_000;
  return { from: new Date(Date.UTC(year, index, 1) - offset), until: new Date(Date.UTC(year, index + 1, 1) - offset) };
}

/** The three months (YYYY-MM) of a quarter (季度). */
export function quarterMonths(year: number, quarter: number): string[] {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new Error(`Not a quarter: ${quarter}`);
  return [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + i + 1).padStart(2, "0")}`);
}
