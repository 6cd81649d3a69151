import {
  defaultTownshipPointsRule as rule,
  pointsOf,
  pointsRuleProblems,
  rankTownships,
  reportDueDay,
  timeliness,
  type TownshipMonth,
} from "../../src/townships/township-report.rules";

test("a month's report is due by the 3rd of the next month, also across the year's end; the day is the county's to set", () => {
  expect(reportDueDay("2026-03")).toBe("2026-04-03");
  expect(reportDueDay("2026-12")).toBe("2027-01-03");
  expect(reportDueDay("2026-01", { dueDayOfMonth: 5 })).toBe("2026-02-05");
  expect(() => reportDueDay("2026-13")).toThrow("Not a month");
});

test("on time until the end of the due day in Beijing, late after, missing once it passed with nothing", () => {
  const due = reportDueDay("2026-03");
  // 2026-04-03 23:59 Beijing is 15:59Z: still on time; 16:00Z is the 4th in Beijing.
  expect(timeliness(new Date("2026-04-03T15:59:00Z"), due, new Date("2026-04-10T00:00:00Z"))).toBe("ON_TIME");
  expect(timeliness(new Date("2026-04-03T16:00:00Z"), due, new Date("2026-04-10T00:00:00Z"))).toBe("LATE");
  expect(timeliness(new Date("2026-03-31T08:00:00Z"), due, new Date("2026-04-01T00:00:00Z"))).toBe("ON_TIME");
  expect(timeliness(null, due, new Date("2026-04-03T15:00:00Z"))).toBe("NOT_DUE");
  expect(timeliness(null, due, new Date("2026-04-03T16:00:00Z"))).toBe("MISSING");
});

const month = (code: string, overrides: Partial<TownshipMonth> = {}, figures: Partial<TownshipMonth["figures"]> = {}): TownshipMonth => ({
  code,
  timeliness: "ON_TIME",
  informationItems: 1,
  figures: { onTimeRate: 1, redWarnings: 0, accepted: 100, concluded: 90, ...figures },
  ...overrides,
});

test("points: the report by its day, each information item up to the cap, a month with none costs, the on-time rate, red warnings", () => {
  expect(pointsOf(month("a"))).toEqual({ report: 30, information: 10, onTime: 40, warnings: 0, total: 80 });
  expect(pointsOf(month("a", { informationItems: 7 })).information).toBe(30);
  expect(pointsOf(month("a", { informationItems: 0 })).information).toBe(-10);
  expect(pointsOf(month("a", { timeliness: "LATE" })).report).toBe(10);
  expect(pointsOf(month("a", { timeliness: "MISSING", informationItems: 0 })).total).toBe(0 - 10 + 40);
  expect(pointsOf(month("a", {}, { onTimeRate: 0.95, redWarnings: 3 }))).toEqual({ report: 30, information: 10, onTime: 38, warnings: -6, total: 72 });
  // Nothing with a deadline concluded: nothing was late.
  expect(pointsOf(month("a", {}, { onTimeRate: null })).onTime).toBe(40);
  // Not due yet: neither the report nor the missing information is counted yet.
  expect(pointsOf(month("a", { timeliness: "NOT_DUE", informationItems: 0 })).total).toBe(40);
});

test("the rule is the county's: other weights give other points", () => {
  const generous = { ...rule, perInformationItem: 20, informationCap: 5 };
  expect(pointsOf(month("a", { informationItems: 4 }), generous).information).toBe(80);
  expect(pointsRuleProblems(rule)).toEqual([]);
  expect(pointsRuleProblems({ ...rule, dueDayOfMonth: 31 })).toEqual([{ field: "dueDayOfMonth", message: "1 to 28: a day every month has" }]);
  expect(pointsRuleProblems({ ...rule, reportOnTime: 1.5 })[0]?.field).toBe("reportOnTime");
});

test("积分排位: most points first; ties by on-time rate, then volume, then code, sharing a rank", () => {
  const ranked = rankTownships([
    month("511722103000", { informationItems: 0 }),
    month("511722101000", { informationItems: 3 }),
    month("511722102000", { informationItems: 2 }, { accepted: 50 }),
    month("511722104000", { informationItems: 2 }, { accepted: 80 }),
    month("511722105000", { timeliness: "LATE", informationItems: 2 }),
  ]);
  expect(ranked.map((r) => [r.township.code, r.points.total, r.rank])).toEqual([
    ["511722101000", 100, 1],
    ["511722104000", 90, 2],
    ["511722102000", 90, 2],
    ["511722105000", 70, 4],
    ["511722103000", 60, 5],
  ]);
});

test("the rule comes from TOWNSHIP_POINTS_RULE over the defaults; a bad rule stops the start with what is wrong", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { townshipPointsRule } = require("../../src/townships/points-rule") as typeof import("../../src/townships/points-rule");
  expect(townshipPointsRule({ TOWNSHIP_POINTS_RULE: "{}" })).toEqual(rule);
  expect(townshipPointsRule({ TOWNSHIP_POINTS_RULE: '{"perInformationItem":5,"informationCap":6}' })).toMatchObject({ perInformationItem: 5, informationCap: 6, reportOnTime: 30 });
  expect(() => townshipPointsRule({ TOWNSHIP_POINTS_RULE: "nope" })).toThrow("not JSON");
  expect(() => townshipPointsRule({ TOWNSHIP_POINTS_RULE: '{"bonus":1}' })).toThrow("unknown fields bonus");
  expect(() => townshipPointsRule({ TOWNSHIP_POINTS_RULE: '{"dueDayOfMonth":30}' })).toThrow("dueDayOfMonth 1 to 28");
});
