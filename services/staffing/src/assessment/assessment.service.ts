import { z } from "zod";
import { shanghaiDayOf } from "@onestop/calendar";
import type { casesEvents, EventPayload } from "@onestop/events";
import { RetryLater, validate, type Identity, type Tx } from "@onestop/platform";
import { overseerRoles, requireCenterRole } from "../access";
import type { AttendanceRepository } from "../attendance/attendance.repository";
import type { WindowRow } from "../organisation/entities";
import type { OrganisationRepository } from "../organisation/organisation.repository";
import type { PostsRepository } from "../posts/posts.repository";
import {
  addCounts,
  defaultRedFlagRule,
  emptyCounts,
  figures,
  monthRange,
  quarterMonths,
  rankWindows,
  type CaseCounts,
  type Figures,
  type Ranked,
  type RedFlagRule,
} from "./assessment.rules";
import type { AssessmentRepository, FigureGrouping } from "./assessment.repository";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

export const redFlagRuleInput = z.object({
  minConcluded: z.number().int().min(1).max(100_000).nullish(),
  minOnTimeRate: z.number().min(0).max(1).nullish(),
  flags: z.number().int().min(1).max(100).nullish(),
});

export const quarterInput = z.object({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) });

/** A rating (好差评) of one case, as the hook receives it. */
export interface CaseRating {
  caseId: string;
  /** 1 (很不满意) to 5 (非常满意). */
  score: number;
  ratedAt: string;
}

export interface WindowFigures {
  windowId: string;
  figures: Figures;
}

export interface StaffFigures {
  staffId: string;
  figures: Figures;
}

export interface DepartmentFigures {
  departmentId: string;
  figures: Figures;
}

export interface MonthlyFigures {
  centerCode: string;
  month: string;
  center: Figures;
  windows: WindowFigures[];
  staff: StaffFigures[];
}

export interface WindowRanking extends Ranked<string> {
  window: WindowRow;
}

export interface LateStaff {
  staffId: string;
  overdue: number;
  concluded: number;
}

export interface WindowWarningCount {
  windowId: string;
  count: number;
}

export interface StaffAttendance {
  staffId: string;
  daysClockedIn: number;
  leaveNotices: number;
}

export interface QuarterlyReport {
  centerCode: string;
  year: number;
  quarter: number;
  months: string[];
  center: Figures;
  departments: DepartmentFigures[];
  windows: WindowRanking[];
  redFlagsByMonth: Array<{ month: string; windows: WindowRanking[] }>;
  /** Staff with cases concluded late: named in the notification (通报). */
  lateStaff: LateStaff[];
  dutyWarnings: WindowWarningCount[];
  attendance: StaffAttendance[];
  summary: string;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

/**
 * Assessment (考核): monthly figures per staff member and window from the case events, the
 * red-flag window ranking (红旗窗口), and the quarterly notification (季度通报).
 */
export class AssessmentService {
  constructor(
    private readonly repository: AssessmentRepository,
    private readonly organisation: OrganisationRepository,
    private readonly posts: PostsRepository,
    private readonly attendance: AttendanceRepository,
  ) {}

  /** The accepting window; when the event names none, the one whose post the handler held then, A first. */
  async recordAcceptance(tx: Tx, accepted: EventPayload<typeof casesEvents.caseAccepted>): Promise<void> {
    const acceptedAt = new Date(accepted.acceptedAt);
    const windowId = accepted.windowId ?? (await this.posts.tenuresOfStaffAt([accepted.handlerId], acceptedAt, tx))[0]?.windowId ?? null;
    await this.repository.recordAcceptance(tx, {
      caseId: accepted.caseId,
      centerCode: accepted.centerCode,
      itemId: accepted.itemId,
      departmentId: accepted.departmentId,
      windowId,
      handlerId: accepted.handlerId,
      acceptedAt,
    });
  }

  async recordConclusion(tx: Tx, concluded: EventPayload<typeof casesEvents.caseConcluded>): Promise<void> {
    await this.repository.recordConclusion(tx, {
      caseId: concluded.caseId,
      centerCode: concluded.centerCode,
      itemId: concluded.itemId,
      departmentId: concluded.departmentId,
      windowId: concluded.windowId,
      handlerId: concluded.handlerId,
      acceptedAt: concluded.acceptedAt ? new Date(concluded.acceptedAt) : null,
      concludedAt: new Date(concluded.concludedAt),
      outcome: concluded.outcome,
      onTime: concluded.onTime,
      workingDaysUsed: concluded.workingDaysUsed,
      promisedLimitDays: concluded.promisedLimitDays,
    });
  }

  /** The rating hook: a rating that arrives before its case is retried until the case is known. */
  async recordRating(tx: Tx, rating: CaseRating): Promise<void> {
    if (!Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) throw new Error(`A rating is 1 to 5, not ${rating.score}`);
    if (!(await this.repository.recordRating(tx, rating.caseId, rating.score, new Date(rating.ratedAt)))) {
      throw new RetryLater(`Case ${rating.caseId} not yet known to assessment`, 2000);
    }
  }

  /** An appeal upheld against the rating (恶意差评): it leaves the monthly figures; a redelivery finds it gone already. */
  async voidRating(tx: Tx, caseId: string): Promise<void> {
    if (!(await this.repository.voidRating(tx, caseId))) throw new RetryLater(`Case ${caseId} not yet known to assessment`, 2000);
  }

  private async grouped(centerCode: string, grouping: FigureGrouping, months: readonly string[]): Promise<Map<string | null, CaseCounts>> {
    const total = new Map<string | null, CaseCounts>();
    for (const m of months) {
      const { from, until } = monthRange(m);
      for (const [key, counts] of await this.repository.counts(centerCode, grouping, from, until)) {
        total.set(key, addCounts(total.get(key) ?? emptyCounts, counts));
      }
    }
    return total;
  }

  private static keyed<K extends string>(counts: Map<string | null, CaseCounts>, name: K) {
    return [...counts]
      .filter((entry): entry is [string, CaseCounts] => entry[0] !== null)
      .map(([key, c]) => ({ [name]: key, figures: figures(c) }) as { [P in K]: string } & { figures: Figures });
  }

  async monthlyFigures(identity: Identity, centerCode: string, rawMonth: string): Promise<MonthlyFigures> {
    const m = validate(month, rawMonth, "month");
    requireCenterRole(identity, centerCode, ...overseerRoles, "chief_representative");
    const [center, windows, staff] = await Promise.all([
      this.grouped(centerCode, "center_code", [m]),
      this.grouped(centerCode, "window_id", [m]),
      this.grouped(centerCode, "handler_id", [m]),
    ]);
    return {
      centerCode,
      month: m,
      center: figures(center.get(centerCode) ?? emptyCounts),
      windows: AssessmentService.keyed(windows, "windowId"),
      staff: AssessmentService.keyed(staff, "staffId"),
    };
  }

  private async ranking(centerCode: string, months: readonly string[], rule: RedFlagRule): Promise<WindowRanking[]> {
    const [counts, windows] = await Promise.all([this.grouped(centerCode, "window_id", months), this.organisation.windowsOfCenter(centerCode)]);
    const byId = new Map(windows.map((w) => [w.id, w]));
    return rankWindows(
      windows.map((w) => ({ key: w.id, code: w.code, figures: figures(counts.get(w.id) ?? emptyCounts) })),
      rule,
    ).map((ranked) => ({ ...ranked, window: byId.get(ranked.key)! }));
  }

  /** 红旗窗口: every window of the center ranked for the month; the flagged ones first among equals. */
  async redFlagRanking(identity: Identity, centerCode: string, rawMonth: string, rawRule: unknown = {}): Promise<WindowRanking[]> {
    const m = validate(month, rawMonth, "month");
    const rule = validate(redFlagRuleInput, rawRule ?? {}, "rule");
    requireCenterRole(identity, centerCode, ...overseerRoles, "chief_representative");
    return this.ranking(centerCode, [m], {
      minConcluded: rule.minConcluded ?? defaultRedFlagRule.minConcluded,
      minOnTimeRate: rule.minOnTimeRate ?? defaultRedFlagRule.minOnTimeRate,
      flags: rule.flags ?? defaultRedFlagRule.flags,
    });
  }

  /** 季度通报: the quarter's figures, each month's red-flag windows, late cases by staff, warnings and attendance. */
  async quarterlyReport(identity: Identity, centerCode: string, rawInput: unknown, rawRule: unknown = {}): Promise<QuarterlyReport> {
    const { year, quarter } = validate(quarterInput, rawInput);
    const ruleInput = validate(redFlagRuleInput, rawRule ?? {}, "rule");
    requireCenterRole(identity, centerCode, ...overseerRoles);
    const rule: RedFlagRule = {
      minConcluded: ruleInput.minConcluded ?? defaultRedFlagRule.minConcluded,
      minOnTimeRate: ruleInput.minOnTimeRate ?? defaultRedFlagRule.minOnTimeRate,
      flags: ruleInput.flags ?? defaultRedFlagRule.flags,
    };
    const months = quarterMonths(year, quarter);
    const from = monthRange(months[0]).from;
    const until = monthRange(months[2]).until;
    const [center, departments, staff, windows, warnings, punches, leaves] = await Promise.all([
      this.grouped(centerCode, "center_code", months),
      this.grouped(centerCode, "department_id", months),
      this.grouped(centerCode, "handler_id", months),
      this.ranking(centerCode, months, rule),
      this.attendance.warningsOfCenter(centerCode, from, until),
      this.attendance.punchesOfCenterBetween(centerCode, shanghaiDayOf(from), shanghaiDayOf(until)),
      this.attendance.standingLeavesOfCenter(centerCode, from, until),
    ]);
    const redFlagsByMonth = await Promise.all(
      months.map(async (m) => ({ month: m, windows: (await this.ranking(centerCode, [m], rule)).filter((r) => r.redFlag) })),
    );
    const lateStaff = AssessmentService.keyed(staff, "staffId")
      .filter((s) => s.figures.overdue > 0)
      .map((s) => ({ staffId: s.staffId, overdue: s.figures.overdue, concluded: s.figures.concluded }))
      .sort((x, y) => y.overdue - x.overdue);
    const warningCounts = new Map<string, number>();
    for (const w of warnings) warningCounts.set(w.windowId, (warningCounts.get(w.windowId) ?? 0) + 1);
    const days = new Map<string, Set<string>>();
    for (const p of punches.filter((p) => p.kind === "IN")) days.set(p.staffId, (days.get(p.staffId) ?? new Set()).add(p.workDate));
    const leaveCounts = new Map<string, number>();
    for (const l of leaves) leaveCounts.set(l.staffId, (leaveCounts.get(l.staffId) ?? 0) + 1);
    const centerFigures = figures(center.get(centerCode) ?? emptyCounts);
    const codes = new Map(windows.map((w) => [w.key, w.window.name]));
    const flagsText = redFlagsByMonth
      .map((r) => `${Number(r.month.slice(5))}月：${r.windows.length ? r.windows.map((w) => codes.get(w.key)).join("、") : "无"}`)
      .join("；");
    const summary =
      `${year}年第${quarter}季度，服务中心（${centerCode}）共受理办件${centerFigures.accepted}件，办结${centerFigures.concluded}件，` +
      `按时办结率${percent(centerFigures.onTimeRate)}，提前办结率${percent(centerFigures.earlyCompletionRate)}。` +
      `红旗窗口——${flagsText}。超时办结${centerFigures.overdue}件，涉及工作人员${lateStaff.length}名；` +
      `窗口无人值守预警${warnings.length}次。`;
    return {
      centerCode,
      year,
      quarter,
      months,
      center: centerFigures,
      departments: AssessmentService.keyed(departments, "departmentId"),
      windows,
      redFlagsByMonth,
      lateStaff,
      dutyWarnings: [...warningCounts].map(([windowId, count]) => ({ windowId, count })),
      attendance: [...new Set([...days.keys(), ...leaveCounts.keys()])].map((staffId) => ({
        staffId,
        daysClockedIn: days.get(staffId)?.size ?? 0,
        leaveNotices: leaveCounts.get(staffId) ?? 0,
      })),
      summary,
    };
  }
}
