import { z } from "zod";
import { shanghaiDayOf, type CalendarDay } from "@onestop/calendar";
import { validate, type Clock, type Identity } from "@onestop/platform";
import { readScope } from "../dashboard/access.rules";
import { csv, figuresOf, monthPeriod, noCounts, nationalTargets, periodInstants, quarterPeriod, rank, type Figures, type Period, type RankedRow, type RedFlagRule } from "./figures.rules";
import type { Dimension, FiguresRepository } from "./figures.repository";

export interface FiguresRow {
  dimension: Dimension;
  key: string;
  departmentId: string | null;
  figures: Figures;
}

export type RankedView = RankedRow<string> & { of: "DEPARTMENT" | "WINDOW"; departmentId: string | null };

export interface Ranking {
  of: "DEPARTMENT" | "WINDOW";
  rows: RankedView[];
}

export interface Report {
  kind: "MONTHLY" | "QUARTERLY";
  title: string;
  period: Period;
  dueOn: CalendarDay;
  center: Figures;
  departments: Ranking;
  windows: Ranking;
  redFlagRule: RedFlagRule;
}

const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day, YYYY-MM-DD (Beijing)");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM");
const periodSchema = z.object({ from: day, to: day }).refine((p) => p.from <= p.to, { message: "the period ends before it starts", path: ["to"] });
const reportSchema = z
  .object({ centerCode, month: month.nullish(), year: z.number().int().min(2000).max(2100).nullish(), quarter: z.number().int().min(1, "1 to 4").max(4, "1 to 4").nullish() })
  .refine((v) => Boolean(v.month) !== (v.year != null && v.quarter != null), { message: "give a month, or a year and a quarter", path: ["month"] });

/**
 * 统计与排名 (issue 16, point 3): figures per center, department, window and staff member for any
 * period of Beijing days; rankings with the red-flag rule; the monthly report and the quarterly
 * notification, also as CSV; and what the public sees once a month's report is due.
 */
export class FiguresService {
  constructor(
    private readonly repository: FiguresRepository,
    private readonly clock: Clock,
    private readonly redFlagRule: RedFlagRule,
  ) {}

  async figures(identity: Identity, input: { centerCode: string; period: unknown; groupBy: Dimension; departmentId?: string | null }): Promise<FiguresRow[]> {
    const args = validate(z.object({ centerCode, departmentId: z.string().min(1).max(64).nullish() }), input);
    const period = validate(periodSchema, input.period, "period") as Period;
    const scope = readScope(identity, args.centerCode, args.departmentId ?? null);
    return this.rows(scope.centerCode, scope.departmentId, input.groupBy, period);
  }

  async ranking(identity: Identity, input: { centerCode: string; period: unknown; of: "DEPARTMENT" | "WINDOW" }): Promise<Ranking> {
    const args = validate(z.object({ centerCode }), { centerCode: input.centerCode });
    const period = validate(periodSchema, input.period, "period") as Period;
    // Department staff rank within their own department only: the others' figures are not theirs to see.
    const scope = readScope(identity, args.centerCode);
    return this.rankingOf(scope.centerCode, input.of, period, scope.departmentId);
  }

  async report(identity: Identity, input: { centerCode: string; month?: string | null; year?: number | null; quarter?: number | null }): Promise<Report> {
    const args = validate(reportSchema, input);
    const scope = readScope(identity, args.centerCode);
    return this.build(scope.centerCode, scope.departmentId, args);
  }

  /**
   * 公示: once a month's report is due (the 3rd of the next month), anyone sees the month's
   * department and window rankings with their rating summaries; never a staff member's figures.
   */
  async published(input: { centerCode: string; month: string }): Promise<Report | null> {
    const args = validate(z.object({ centerCode, month }), input);
    const { dueOn } = monthPeriod(args.month);
    if (shanghaiDayOf(this.clock.now()) < dueOn) return null;
    return this.build(args.centerCode, null, { month: args.month });
  }

  /** The report as CSV: UTF-8 with a byte-order mark so Excel in Chinese opens it as written. */
  reportCsv(report: Report): string {
    const header = ["类别", "编号", "受理", "办结", "按时办结率", "提前办结率", "平均用时(工作日)", "平均承诺时限(工作日)", "一次性告知率", "即办件占比", "不予受理", "超时默认", "预警", "红牌", "评价数", "平均评分", "满意率", "差评", "得分", "排名", "红旗窗口"];
    const line = (kind: string, key: string, f: Figures, row?: RankedRow<string>) => [
      kind, key, f.accepted, f.concluded, f.onTimeRate, f.earlyCompletionRate, f.averageWorkingDaysUsed, f.averagePromisedDays, f.oneTimeNoticeRate, f.instantShare,
      f.refused, f.deemedApprovals, f.warnings, f.redWarnings, f.ratings, f.averageRating, f.satisfaction, f.badRatings, row?.score ?? null, row?.rank ?? null, row ? (row.redFlag ? "是" : "") : null,
    ];
    return csv([
      [report.title],
      ["期间", `${report.period.from} 至 ${report.period.to}`, "报送期限", report.dueOn],
      ["国家目标", `即办件占比 ≥ ${nationalTargets.instantShare}`, `承诺件提前办结率 ≥ ${nationalTargets.earlyCompletionRate}`],
      header,
      line("中心", "", report.center),
      ...report.departments.rows.map((r) => line("部门", r.key, r.figures, r)),
      ...report.windows.rows.map((r) => line("窗口", r.key, r.figures, r)),
    ]);
  }

  private async build(centerCode: string, departmentId: string | null, args: { month?: string | null; year?: number | null; quarter?: number | null }): Promise<Report> {
    const quarterly = !args.month;
    const period = quarterly ? quarterPeriod(args.year!, args.quarter!) : monthPeriod(args.month!);
    const [center] = await this.rows(centerCode, departmentId, "CENTER", period);
    return {
      kind: quarterly ? "QUARTERLY" : "MONTHLY",
      title: quarterly ? `${args.year}年第${args.quarter}季度政务服务效能通报` : `${args.month!.replace("-", "年")}月政务服务统计月报`,
      period: { from: period.from, to: period.to },
      dueOn: period.dueOn,
      center: center?.figures ?? figuresOf(noCounts),
      departments: await this.rankingOf(centerCode, "DEPARTMENT", period, departmentId),
      windows: await this.rankingOf(centerCode, "WINDOW", period, departmentId),
      redFlagRule: this.redFlagRule,
    };
  }

  private async rows(centerCode: string, departmentId: string | null, dimension: Dimension, period: Period): Promise<FiguresRow[]> {
    const { start, end } = periodInstants(period);
    const groups = await this.repository.counts(centerCode, departmentId, dimension, start, end, this.clock.now());
    return groups.map((g) => ({ dimension, key: g.key, departmentId: g.departmentId, figures: figuresOf(g.counts, g.goodRatings) }));
  }

  private async rankingOf(centerCode: string, of: "DEPARTMENT" | "WINDOW", period: Period, departmentId: string | null): Promise<Ranking> {
    const { start, end } = periodInstants(period);
    const groups = (await this.repository.counts(centerCode, departmentId, of, start, end, this.clock.now())).filter((g) => g.key !== "");
    const departments = new Map(groups.map((g) => [g.key, g.departmentId]));
    const ranked = rank(
      groups.map((g) => ({ key: g.key, figures: figuresOf(g.counts, g.goodRatings), unansweredBad: g.unansweredBad })),
      of === "WINDOW" ? this.redFlagRule : null,
    );
    return { of, rows: ranked.map((r) => ({ ...r, of, departmentId: departments.get(r.key) ?? null })) };
  }
}
