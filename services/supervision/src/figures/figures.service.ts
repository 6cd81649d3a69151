import { z } from "zod";
import { shanghaiDayOf, type CalendarDay } from "@onestop/calendar";
import { validate, type Clock, type Identity } from "@onestop/platform";
import { readScope } from "../dashboard/access.rules";
import type { DirectoryRepository, NamedKind } from "../directory/directory.repository";
import { centerCode, csv, figuresOf, periodSchema, monthPeriod, noCounts, nationalTargets, periodInstants, quarterPeriod, rank, ratingSummary, type Figures, type Period, type RankedRow, type RatingSummary, type RedFlagRule } from "./figures.rules";
import type { Dimension, FiguresRepository, GroupCounts } from "./figures.repository";
import type { HallService, HallSummary } from "../hall/hall.service";
import type { HallFigures } from "../hall/hall.rules";

export interface FiguresRow {
  dimension: Dimension;
  key: string;
  departmentId: string | null;
  /** From staffing's events; null for the center, or an id not heard of. */
  name: string | null;
  figures: Figures;
}

export type RankedView = RankedRow<string> & { of: "DEPARTMENT" | "WINDOW"; departmentId: string | null; name: string | null };

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
  /** Each staff member's figures as first-contact handler (首问负责人). */
  staff: FiguresRow[];
  redFlagRule: RedFlagRule;
  /** The hall floor (取号叫号) over the same period, cut to the same scope. */
  hall: HallSummary;
}

/** One department or window as the public sees it: place, score, flag and rating summary, nothing else. */
export interface PublishedRow {
  key: string;
  name: string | null;
  rank: number | null;
  score: number | null;
  redFlag: boolean;
  ratings: RatingSummary;
}

/** 公示: rankings of departments and windows and rating summaries; no staff member's figures, no case. */
export interface PublishedReport {
  title: string;
  month: string;
  period: Period;
  publishedOn: CalendarDay;
  center: RatingSummary;
  departments: PublishedRow[];
  windows: PublishedRow[];
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

function hallLine(kind: string, name: string | null, key: string, f: HallFigures): Array<string | number | null> {
  return [kind, name ?? "", key, f.issued, f.called, f.served, f.noShows, f.noShowRate, f.transferred, f.casesStarted, minutes(f.meanWaitingSeconds), minutes(f.maxWaitingSeconds), minutes(f.meanHandlingSeconds), f.ticketsPerHour];
}

const NAMED: Record<Exclude<Dimension, "CENTER">, NamedKind> = { DEPARTMENT: "DEPARTMENT", WINDOW: "WINDOW", STAFF: "STAFF" };

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM");
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
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
    private readonly redFlagRule: RedFlagRule,
    private readonly hall: HallService,
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
   * department and window rankings with their rating summaries. Its own type, not the report's:
   * no other figure, no staff member and no case is there to be asked for.
   */
  async published(input: { centerCode: string; month: string }): Promise<PublishedReport | null> {
    const args = validate(z.object({ centerCode, month }), input);
    const period = monthPeriod(args.month);
    if (shanghaiDayOf(this.clock.now()) < period.dueOn) return null;
    const { start, end } = periodInstants(period);
    const now = this.clock.now();
    const [center] = await this.repository.counts(args.centerCode, null, "CENTER", start, end, now);
    const publish = async (of: "DEPARTMENT" | "WINDOW"): Promise<PublishedRow[]> => {
      const groups = (await this.repository.counts(args.centerCode, null, of, start, end, now)).filter((g) => g.key !== "");
      const byKey = new Map(groups.map((g) => [g.key, g]));
      const names = await this.directory.names(NAMED[of], groups.map((g) => g.key));
      return this.ranked(groups, of).map((r) => ({
        key: r.key,
        name: names.get(r.key) ?? null,
        rank: r.rank,
        score: r.score,
        redFlag: r.redFlag,
        ratings: ratingSummary(byKey.get(r.key)!.ratingsByScore),
      }));
    };
    return {
      title: `${args.month.replace("-", "年")}月政务服务好差评及排名公示`,
      month: args.month,
      period: { from: period.from, to: period.to },
      publishedOn: period.dueOn,
      center: ratingSummary(center?.ratingsByScore ?? [0, 0, 0, 0, 0]),
      departments: await publish("DEPARTMENT"),
      windows: await publish("WINDOW"),
    };
  }

  /** The report as CSV: UTF-8 with a byte-order mark so Excel in Chinese opens it as written. */
  reportCsv(report: Report): string {
    const header = ["类别", "名称", "编号", "受理", "办结", "按时办结率", "提前办结率", "平均用时(工作日)", "平均承诺时限(工作日)", "一次性告知率", "即办件占比", "不予受理", "超时默认", "预警", "红牌", "评价数", "平均评分", "满意率", "差评", "得分", "排名", "红旗窗口"];
    const line = (kind: string, name: string | null, key: string, f: Figures, row?: RankedRow<string>) => [
      kind, name ?? "", key, f.accepted, f.concluded, f.onTimeRate, f.earlyCompletionRate, f.averageWorkingDaysUsed, f.averagePromisedDays, f.oneTimeNoticeRate, f.instantShare,
      f.refused, f.deemedApprovals, f.warnings, f.redWarnings, f.ratings, f.averageRating, f.satisfaction, f.badRatings, row?.score ?? null, row?.rank ?? null, row ? (row.redFlag ? "是" : "") : null,
    ];
    return csv([
      [report.title],
      ["期间", `${report.period.from} 至 ${report.period.to}`, "报送期限", report.dueOn],
      ["国家目标", `即办件占比 ≥ ${nationalTargets.instantShare}`, `承诺件提前办结率 ≥ ${nationalTargets.earlyCompletionRate}`],
      header,
      line("中心", "", "", report.center),
      ...report.departments.rows.map((r) => line("部门", r.name, r.key, r.figures, r)),
      ...report.windows.rows.map((r) => line("窗口", r.name, r.key, r.figures, r)),
      ...report.staff.map((r) => line("人员", r.name, r.key, r.figures)),
      [],
      // 大厅效能: the hall floor's figures, times in minutes as the office reads them.
      ["大厅取号叫号", `爽约预约 ${report.hall.missedAppointments}`],
      ["类别", "名称", "编号", "取号", "叫号", "办结", "过号", "过号率", "转窗口", "发起办件", "平均等候(分钟)", "最长等候(分钟)", "平均办理(分钟)", "每小时叫号"],
      hallLine("大厅", "", "", report.hall.center),
      ...report.hall.departments.map((r) => hallLine("部门", r.name, r.key, r.figures)),
      ...report.hall.windows.map((r) => hallLine("窗口", r.name, r.key, r.figures)),
      ...report.hall.items.map((r) => hallLine("事项", r.name ?? (r.key === "" ? "部门综合业务" : null), r.key, r.figures)),
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
      staff: (await this.rows(centerCode, departmentId, "STAFF", period)).filter((r) => r.key !== ""),
      redFlagRule: this.redFlagRule,
      hall: await this.hall.summary(centerCode, departmentId, period),
    };
  }

  private async rows(centerCode: string, departmentId: string | null, dimension: Dimension, period: Period): Promise<FiguresRow[]> {
    const { start, end } = periodInstants(period);
    const groups = await this.repository.counts(centerCode, departmentId, dimension, start, end, this.clock.now());
    const names = dimension === "CENTER" ? new Map<string, string>() : await this.directory.names(NAMED[dimension], groups.map((g) => g.key));
    return groups.map((g) => ({ dimension, key: g.key, departmentId: g.departmentId, name: names.get(g.key) ?? null, figures: figuresOf(g.counts, g.goodRatings) }));
  }

  private async rankingOf(centerCode: string, of: "DEPARTMENT" | "WINDOW", period: Period, departmentId: string | null): Promise<Ranking> {
    const { start, end } = periodInstants(period);
    const groups = (await this.repository.counts(centerCode, departmentId, of, start, end, this.clock.now())).filter((g) => g.key !== "");
    const departments = new Map(groups.map((g) => [g.key, g.departmentId]));
    const names = await this.directory.names(NAMED[of], groups.map((g) => g.key));
    return { of, rows: this.ranked(groups, of).map((r) => ({ ...r, of, departmentId: departments.get(r.key) ?? null, name: names.get(r.key) ?? null })) };
  }

  private ranked(groups: readonly GroupCounts[], of: "DEPARTMENT" | "WINDOW"): Array<RankedRow<string>> {
    return rank(
      groups.map((g) => ({ key: g.key, figures: figuresOf(g.counts, g.goodRatings), unansweredBad: g.unansweredBad })),
      of === "WINDOW" ? this.redFlagRule : null,
    );
  }
}
