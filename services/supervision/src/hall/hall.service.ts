import { z } from "zod";
import { validate, type Identity } from "@onestop/platform";
import { readScope } from "../dashboard/access.rules";
import type { DirectoryRepository, NamedKind } from "../directory/directory.repository";
import { centerCode, periodInstants, periodSchema, type Period } from "../figures/figures.rules";
import type { HallDimension, HallHour, HallRepository } from "./hall.repository";
import { hallFiguresOf, noHallCounts, type HallFigures } from "./hall.rules";

export interface HallRow {
  dimension: HallDimension;
  key: string;
  departmentId: string | null;
  /** From staffing's and catalog's events; null for the center, a department's whole service group, or an id not heard of. */
  name: string | null;
  figures: HallFigures;
}

/** The hall floor over a period: the center's figures, per department, window and item, and by hour of the day. */
export interface HallSummary {
  period: Period;
  center: HallFigures;
  missedAppointments: number;
  departments: HallRow[];
  windows: HallRow[];
  items: HallRow[];
  hours: HallHour[];
}

const NAMED: Record<Exclude<HallDimension, "CENTER">, NamedKind> = { DEPARTMENT: "DEPARTMENT", WINDOW: "WINDOW", ITEM: "ITEM" };

/**
 * 大厅效能 (issue 21, point 5): waiting and handling time, tickets per hour and no-shows of the
 * hall floor, from supervision's own projection of the hall's events; for the dashboard and the
 * monthly report. Who reads what is the rest of supervision's rule (`readScope`).
 */
export class HallService {
  constructor(
    private readonly repository: HallRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async figures(identity: Identity, input: { centerCode: string; period: unknown; departmentId?: string | null }): Promise<HallSummary> {
    const args = validate(z.object({ centerCode, departmentId: z.string().min(1).max(64).nullish() }), { centerCode: input.centerCode, departmentId: input.departmentId });
    const period = validate(periodSchema, input.period, "period") as Period;
    const scope = readScope(identity, args.centerCode, args.departmentId ?? null);
    return this.summary(scope.centerCode, scope.departmentId, period);
  }

  /** For a scope already checked (the report's). */
  async summary(centerCode: string, departmentId: string | null, period: Period): Promise<HallSummary> {
    const { start, end } = periodInstants(period);
    const rows = async (dimension: HallDimension): Promise<HallRow[]> => {
      const groups = await this.repository.counts(centerCode, departmentId, dimension, start, end);
      const names = dimension === "CENTER" ? new Map<string, string>() : await this.directory.names(NAMED[dimension], groups.map((g) => g.key).filter((k) => k !== ""));
      return groups.map((g) => ({ dimension, key: g.key, departmentId: g.departmentId, name: names.get(g.key) ?? null, figures: hallFiguresOf(g.counts) }));
    };
    const [center] = await rows("CENTER");
    return {
      period: { from: period.from, to: period.to },
      center: center?.figures ?? hallFiguresOf(noHallCounts),
      missedAppointments: await this.repository.missedAppointments(centerCode, departmentId, start, end),
      departments: await rows("DEPARTMENT"),
      windows: await rows("WINDOW"),
      items: await rows("ITEM"),
      hours: await this.repository.hours(centerCode, departmentId, start, end),
    };
  }
}
