import { z } from "zod";
import { centerLevelOf, countyCodeOf, oversees } from "@onestop/authorization";
import { shanghaiDayOf, type CalendarDay } from "@onestop/calendar";
import { forbidden, invalidInput, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { readScope } from "../dashboard/access.rules";
import type { DirectoryRepository } from "../directory/directory.repository";
import type { FiguresRepository, GroupCounts } from "../figures/figures.repository";
import { csv, figuresOf, monthPeriod, noCounts, periodInstants, type Figures, type Period } from "../figures/figures.rules";
import { rankTownships, reportDueDay, timeliness, type PointsBreakdown, type ReportTimeliness, type TownshipPointsRule } from "./township-report.rules";
import type { InformationItem, TownshipReportRow, TownshipsRepository } from "./townships.repository";

const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day, YYYY-MM-DD (Beijing)");
const periodSchema = z.object({ from: day, to: day }).refine((p) => p.from <= p.to, { message: "the period ends before it starts", path: ["to"] });

export const submitTownshipReportInput = z.object({
  centerCode,
  month,
  /** 业务咨询: consultations the center answered in the month (not cases: the system counts those itself). */
  consultations: z.number().int().min(0).max(1_000_000),
  /** 工作信息: at least one a month is asked for; each scores points. */
  informationItems: z.array(z.object({ title: z.string().trim().min(1).max(200), summary: z.string().trim().min(1).max(2000) })).max(20),
  note: z.string().trim().max(2000).nullish().transform((v) => v ?? ""),
});

export interface CenterFigures {
  centerCode: string;
  level: string | null;
  name: string | null;
  figures: Figures;
}

export interface CountyFigures {
  countyCode: string;
  period: Period;
  /** Every case of every center of the county, each once. */
  county: Figures;
  /** The cases the county's departments decide: the hall's own and those the townships accepted as agent. */
  decidedByCounty: Figures;
  /** By the center serving the applicant: the hall (its own intake), each township (its own items and its agency cases). */
  centers: CenterFigures[];
}

export interface TownshipReportLine {
  rank: number;
  centerCode: string;
  name: string | null;
  timeliness: ReportTimeliness;
  report: TownshipReportRow | null;
  figures: Figures;
  points: PointsBreakdown;
}

export interface TownshipMonthlyReport {
  countyCode: string;
  month: string;
  period: Period;
  dueOn: CalendarDay;
  rule: TownshipPointsRule;
  rows: TownshipReportLine[];
}

const zero = (): GroupCounts => ({ key: "", departmentId: null, counts: { ...noCounts }, goodRatings: 0, unansweredBad: 0, ratingsByScore: [0, 0, 0, 0, 0] });

/**
 * Figures roll up (issue 22): per service center and for the county as a whole, and the
 * townships' monthly report (乡镇月报) with its points ranking (积分排位).
 */
export class TownshipsService {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly reports: TownshipsRepository,
    private readonly directory: DirectoryRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly rule: TownshipPointsRule,
  ) {}

  /** The county's figures, and each center's: the county's supervision office and administration. */
  async countyFigures(identity: Identity, input: { countyCode: string; period: unknown }): Promise<CountyFigures> {
    const args = validate(z.object({ countyCode: centerCode }), { countyCode: input.countyCode });
    const period = validate(periodSchema, input.period, "period") as Period;
    this.requireCountyOverseer(identity, args.countyCode);
    const { start, end } = periodInstants(period);
    const now = this.clock.now();
    const prefix = args.countyCode.slice(0, 6);
    const [county] = await this.figures.countsIn({ countyPrefix: prefix }, null, "COUNTY", start, end, now);
    const [decided] = await this.figures.countsIn({ centerCode: args.countyCode }, null, "CENTER", start, end, now);
    const serving = new Map((await this.figures.countsIn({ countyPrefix: prefix }, null, "SERVING_CENTER", start, end, now)).map((g) => [g.key, g]));
    const known = await this.directory.centersOfCounty(args.countyCode);
    const codes = [...new Set([args.countyCode, ...known.filter((c) => c.level !== "VILLAGE").map((c) => c.code), ...serving.keys()])].sort();
    const byCode = new Map(known.map((c) => [c.code, c]));
    return {
      countyCode: args.countyCode,
      period,
      county: this.of(county),
      decidedByCounty: this.of(decided),
      centers: codes.map((code) => ({
        centerCode: code,
        level: byCode.get(code)?.level ?? centerLevelOf(code),
        name: byCode.get(code)?.name ?? null,
        figures: this.of(serving.get(code)),
      })),
    };
  }

  /**
   * 乡镇月报: each township's month (its cases from the system, its consultations and work
   * information as reported), with the points and the ranking. The county's overseers see every
   * township; a township's own overseers see their own line with its rank.
   */
  async monthlyReport(identity: Identity, input: { countyCode: string; month: string }): Promise<TownshipMonthlyReport> {
    const args = validate(z.object({ countyCode: centerCode, month }), input);
    requireRole(identity, "center_admin", "supervisor");
    readScope(identity, identity.centerCode && oversees(args.countyCode, identity.centerCode) ? identity.centerCode : args.countyCode);
    if (centerLevelOf(args.countyCode) !== "COUNTY") throw invalidInput([{ field: "countyCode", message: "must be a county's code (xxxxxx000000)" }]);
    const period = monthPeriod(args.month);
    const dueOn = reportDueDay(args.month, this.rule);
    const { start, end } = periodInstants(period);
    const now = this.clock.now();
    const townships = (await this.directory.centersOfCounty(args.countyCode)).filter((c) => c.level === "TOWNSHIP");
    const serving = new Map((await this.figures.countsIn({ countyPrefix: args.countyCode.slice(0, 6) }, null, "SERVING_CENTER", start, end, now)).map((g) => [g.key, g]));
    const reports = new Map((await this.reports.ofMonth(args.countyCode, args.month)).map((r) => [r.centerCode, r]));
    const months = townships.map((t) => {
      const report = reports.get(t.code) ?? null;
      const figures = this.of(serving.get(t.code));
      return { code: t.code, name: t.name, report, timeliness: timeliness(report?.firstSubmittedAt ?? null, dueOn, now), informationItems: report?.informationItems.length ?? 0, figures };
    });
    const ranked = rankTownships(months, this.rule).map(
      (r): TownshipReportLine => ({ rank: r.rank, centerCode: r.township.code, name: r.township.name, timeliness: r.township.timeliness, report: r.township.report, figures: r.township.figures, points: r.points }),
    );
    const mine = identity.centerCode !== args.countyCode ? ranked.filter((r) => r.centerCode === identity.centerCode) : ranked;
    return { countyCode: args.countyCode, month: args.month, period, dueOn, rule: this.rule, rows: mine };
  }

  /** The report as CSV for Excel (UTF-8 with BOM): one line per township, in rank order. */
  reportCsv(report: TownshipMonthlyReport): string {
    const rate = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return csv([
      ["排位", "区划代码", "乡镇便民服务中心", "上报情况", "上报时间", "业务咨询", "工作信息条数", "受理", "办结", "按时办结率(%)", "红牌", "上报得分", "信息得分", "按时办结得分", "预警扣分", "积分"],
      ...report.rows.map((r) => [
        r.rank,
        r.centerCode,
        r.name,
        timelinessLabel[r.timeliness],
        r.report ? r.report.firstSubmittedAt.toISOString() : null,
        r.report?.consultations ?? null,
        r.report?.informationItems.length ?? 0,
        r.figures.accepted,
        r.figures.concluded,
        rate(r.figures.onTimeRate),
        r.figures.redWarnings,
        r.points.report,
        r.points.information,
        r.points.onTime,
        r.points.warnings,
        r.points.total,
      ]),
    ]);
  }

  /** A township's administration reports its month (after the month is over); a resubmission replaces it and keeps the first time. */
  async submitReport(identity: Identity, rawInput: unknown): Promise<TownshipReportRow> {
    const input = validate(submitTownshipReportInput, rawInput, "input");
    requireRole(identity, "center_admin");
    if (identity.centerCode !== input.centerCode || centerLevelOf(input.centerCode) !== "TOWNSHIP") {
      throw forbidden(`Only the administration of township center ${input.centerCode} reports its month`);
    }
    const now = this.clock.now();
    if (shanghaiDayOf(now) <= monthPeriod(input.month).to) throw invalidInput([{ field: "input.month", message: "the month is not over yet: report it from its next month on" }]);
    if (!countyCodeOf(input.centerCode)) throw invalidInput([{ field: "input.centerCode", message: "not a township code" }]);
    return this.unitOfWork.run(async (tx) => {
      const earlier = await this.reports.lock(tx.manager, input.centerCode, input.month);
      const row: TownshipReportRow = {
        centerCode: input.centerCode,
        month: input.month,
        consultations: input.consultations,
        informationItems: input.informationItems as InformationItem[],
        note: input.note,
        firstSubmittedAt: earlier?.firstSubmittedAt ?? now,
        submittedAt: now,
        submittedBy: identity.subject,
        revision: (earlier?.revision ?? 0) + 1,
      };
      await this.reports.save(tx.manager, row);
      return row;
    });
  }

  private requireCountyOverseer(identity: Identity, countyCode: string): void {
    requireRole(identity, "center_admin", "supervisor");
    readScope(identity, countyCode);
    if (identity.centerCode !== countyCode || centerLevelOf(countyCode) !== "COUNTY") throw forbidden("The county's figures are the county center's supervision office's and administration's");
  }

  private of(group: GroupCounts | undefined): Figures {
    const g = group ?? zero();
    return figuresOf(g.counts, g.goodRatings);
  }
}

const timelinessLabel: Record<ReportTimeliness, string> = { ON_TIME: "按时上报", LATE: "逾期上报", MISSING: "未上报", NOT_DUE: "未到期" };
