import { addCalendarDays, shanghaiDayOf, type CalendarDay } from "@onestop/calendar";
import type { Figures } from "../figures/figures.rules";

/**
 * 乡镇月报与积分排位 (seeds/004): every township's convenience center reports to the county
 * center by the 3rd of each month the last month's consultations and cases (每月3日前统计上报上月
 * 业务咨询、办件情况), and sends at least one piece of work information a month (每月…至少上报一条
 * 工作信息); the county ranks the townships by points (积分排位), which count in the year-end
 * assessment. The case figures come from the system itself (supervision's projection); the
 * township reports the consultations and its information items. How the points are given is the
 * county's rule (`TownshipPointsRule`, configurable: `TOWNSHIP_POINTS_RULE`).
 */
export interface TownshipPointsRule {
  /** The day of the next month by which the report is due (end of that Beijing day). */
  dueDayOfMonth: number;
  /** Points for the report in by its due day, after it, or not at all. */
  reportOnTime: number;
  reportLate: number;
  reportMissing: number;
  /** Points per information item (工作信息), up to the cap of items counted. */
  perInformationItem: number;
  informationCap: number;
  /** Points (usually negative) for a month without a single information item: the seeds ask for at least one. */
  noInformation: number;
  /** Points for the on-time rate of the cases concluded (× the rate); full when no case with a deadline concluded (nothing was late). */
  onTimeRate: number;
  /** Points (usually negative) per red warning (超时) raised on the township's cases in the month. */
  perRedWarning: number;
}

export const defaultTownshipPointsRule: TownshipPointsRule = {
  dueDayOfMonth: 3,
  reportOnTime: 30,
  reportLate: 10,
  reportMissing: 0,
  perInformationItem: 10,
  informationCap: 3,
  noInformation: -10,
  onTimeRate: 40,
  perRedWarning: -2,
};

export type RuleProblem = { field: string; message: string };

/** A rule the county configures: whole numbers, a due day that every month has, a cap ≥ 0. */
export function pointsRuleProblems(rule: TownshipPointsRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [field, value] of Object.entries(rule)) {
    if (!Number.isInteger(value)) problems.push({ field, message: "must be a whole number" });
  }
  if (!(rule.dueDayOfMonth >= 1 && rule.dueDayOfMonth <= 28)) problems.push({ field: "dueDayOfMonth", message: "1 to 28: a day every month has" });
  if (rule.informationCap < 0) problems.push({ field: "informationCap", message: "must not be negative" });
  return problems;
}

/** The Beijing day a month's report is due: the rule's day of the next month (by default the 3rd). */
export function reportDueDay(month: string, rule: Pick<TownshipPointsRule, "dueDayOfMonth"> = defaultTownshipPointsRule): CalendarDay {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`Not a month: ${month}`);
  const next = Number(m[2]) === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, "0")}-01`;
  return addCalendarDays(next as CalendarDay, rule.dueDayOfMonth - 1);
}

export type ReportTimeliness = "ON_TIME" | "LATE" | "MISSING" | "NOT_DUE";

/**
 * On time when first submitted by the end of the due day (Beijing); late after it; missing when
 * nothing came and the due day is over; not due yet before that. A report sent before the month
 * is over still counts from its first submission.
 */
export function timeliness(firstSubmittedAt: Date | null, dueDay: CalendarDay, now: Date): ReportTimeliness {
  if (firstSubmittedAt) return shanghaiDayOf(firstSubmittedAt) <= dueDay ? "ON_TIME" : "LATE";
  return shanghaiDayOf(now) > dueDay ? "MISSING" : "NOT_DUE";
}

export interface TownshipMonth {
  code: string;
  timeliness: ReportTimeliness;
  informationItems: number;
  figures: Pick<Figures, "onTimeRate" | "redWarnings" | "accepted" | "concluded">;
}

export interface PointsBreakdown {
  report: number;
  information: number;
  onTime: number;
  warnings: number;
  total: number;
}

/** The month's points of one township, part by part. A report not yet due scores as if on time is still possible: nothing for it yet. */
export function pointsOf(month: TownshipMonth, rule: TownshipPointsRule = defaultTownshipPointsRule): PointsBreakdown {
  const report = month.timeliness === "ON_TIME" ? rule.reportOnTime : month.timeliness === "LATE" ? rule.reportLate : month.timeliness === "MISSING" ? rule.reportMissing : 0;
  const items = Math.max(0, month.informationItems);
  const information = items === 0 ? (month.timeliness === "NOT_DUE" ? 0 : rule.noInformation) : Math.min(items, rule.informationCap) * rule.perInformationItem;
  const onTime = Math.round(rule.onTimeRate * (month.figures.onTimeRate ?? 1) * 100) / 100;
  const warnings = month.figures.redWarnings === 0 ? 0 : month.figures.redWarnings * rule.perRedWarning;
  return { report, information, onTime, warnings, total: Math.round((report + information + onTime + warnings) * 100) / 100 };
}

export interface RankedTownship<T extends TownshipMonth> {
  township: T;
  points: PointsBreakdown;
  /** 1 for the most points; equal points share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * 积分排位: most points first; equal points are ordered by on-time rate, then by cases accepted,
 * then by code (so the order is stable) and share a rank.
 */
export function rankTownships<T extends TownshipMonth>(months: readonly T[], rule: TownshipPointsRule = defaultTownshipPointsRule): Array<RankedTownship<T>> {
  const scored = months.map((township) => ({ township, points: pointsOf(township, rule) }));
  scored.sort(
    (a, b) =>
      b.points.total - a.points.total ||
      (b.township.figures.onTimeRate ?? 1) - (a.township.figures.onTimeRate ?? 1) ||
      b.township.figures.accepted - a.township.figures.accepted ||
      a.township.code.localeCompare(b.township.code),
  );
  let rank = 0;
  return scored.map((row, i) => {
    if (i === 0 || row.points.total !== scored[i - 1]!.points.total) rank = i + 1;
    return { ...row, rank };
  });
}
