import { emptyCounts, figures, monthRange, quarterMonths, rankWindows, windowScore, addCounts, type CaseCounts } from "../../src/assessment/assessment.rules";

const counts = (c: Partial<CaseCounts>): CaseCounts => ({ ...emptyCounts, ...c });

test("figures: rates over concluded cases; early completion over cases with a promised limit", () => {
  const f = figures(counts({ accepted: 12, concluded: 10, onTime: 9, withLimit: 8, early: 6, handlingDaysSum: 25, handlingDaysCount: 10, ratingSum: 14, ratingCount: 3 }));
  expect(f).toEqual({
    accepted: 12,
    concluded: 10,
    onTime: 9,
    overdue: 1,
    onTimeRate: 0.9,
    earlyCompletionRate: 0.75,
    averageHandlingDays: 2.5,
    averageRating: 4.67,
    ratingCount: 3,
  });
  expect(figures(emptyCounts)).toMatchObject({ onTimeRate: null, earlyCompletionRate: null, averageHandlingDays: null, averageRating: null });
  expect(addCounts(counts({ accepted: 1, early: 2 }), counts({ accepted: 3 }))).toEqual(counts({ accepted: 4, early: 2 }));
});

test("the score weighs on-time 60, early 25, satisfaction 15, leaving out what has no data", () => {
  expect(windowScore(figures(counts({ concluded: 10, onTime: 10, withLimit: 10, early: 10, ratingSum: 50, ratingCount: 10 })))).toBe(100);
  expect(windowScore(figures(counts({ concluded: 10, onTime: 10, withLimit: 10, early: 0 })))).toBeCloseTo((60 / 85) * 100, 1);
  expect(windowScore(figures(emptyCounts))).toBeNull();
});

test("the red-flag ranking: best score first; flags go to the best windows meeting the minimums", () => {
  const row = (key: string, c: Partial<CaseCounts>) => ({ key, code: key, figures: figures(counts(c)) });
  const ranking = rankWindows(
    [
      row("W-3", { concluded: 20, onTime: 20, withLimit: 20, early: 5 }),
      row("W-1", { concluded: 20, onTime: 20, withLimit: 20, early: 15 }),
      row("W-2", { concluded: 3, onTime: 3, withLimit: 3, early: 3 }),
      row("W-4", { concluded: 20, onTime: 15, withLimit: 20, early: 20 }),
      row("W-5", {}),
    ],
    { minConcluded: 10, minOnTimeRate: 0.95, flags: 2 },
  );
  expect(ranking.map((r) => [r.key, r.rank, r.redFlag])).toEqual([
    ["W-2", 1, false],
    ["W-1", 2, true],
    ["W-4", 3, false],
    ["W-3", 4, true],
    ["W-5", null, false],
  ]);
});

test("months and quarters in Asia/Shanghai", () => {
  expect(monthRange("2026-01")).toEqual({ from: new Date("2025-12-31T16:00:00Z"), until: new Date("2026-01-31T16:00:00Z") });
  expect(monthRange("2026-12").until).toEqual(new Date("2026-12-31T16:00:00Z"));
  expect(quarterMonths(2026, 4)).toEqual(["2026-10", "2026-11", "2026-12"]);
  expect(() => quarterMonths(2026, 5)).toThrow();
});
