import { feeStandardProblems, speedUpRatio, timeLimitProblems } from "../../src/items/item.rules";

describe("time limits (法定时限 / 承诺时限)", () => {
  test("a promise within the law is fine; beyond it is refused", () => {
    expect(timeLimitProblems("PROMISED", 20, 7)).toEqual([]);
    expect(timeLimitProblems("PROMISED", 20, 20)).toEqual([]);
    expect(timeLimitProblems("PROMISED", 5, 9)).toEqual(["promisedLimitDays: 9 exceeds the legal limit of 5 working days"]);
  });
  test("an instant item is promised in 0 days", () => {
    expect(timeLimitProblems("INSTANT", 0, 0)).toEqual([]);
    expect(timeLimitProblems("INSTANT", 5, 1)).toHaveLength(1);
  });
  test("speed-up is 1 − promised/legal, and 0 when the law sets no days", () => {
    expect(speedUpRatio(20, 7)).toBeCloseTo(0.65);
    expect(speedUpRatio(20, 10)).toBe(0.5);
    expect(speedUpRatio(0, 0)).toBe(0);
  });
});

describe("tiered fee standards", () => {
  const tiered = (tiers: Array<{ upTo: number | null; unitPriceFen: number }>) => ({ kind: "TIERED" as const, unitName: "㎡", tiers });
  test("rising bounds ending in an open tier are fine", () => {
    expect(feeStandardProblems(tiered([{ upTo: 100, unitPriceFen: 50 }, { upTo: null, unitPriceFen: 30 }]))).toEqual([]);
  });
  test.each([
    ["no tiers", []],
    ["a bounded last tier", [{ upTo: 100, unitPriceFen: 50 }]],
    ["an open tier before the last", [{ upTo: null, unitPriceFen: 50 }, { upTo: null, unitPriceFen: 30 }]],
    ["bounds that do not rise", [{ upTo: 100, unitPriceFen: 50 }, { upTo: 100, unitPriceFen: 40 }, { upTo: null, unitPriceFen: 30 }]],
  ])("%s is refused", (_label, tiers) => {
    expect(feeStandardProblems(tiered(tiers)).length).toBeGreaterThan(0);
  });
  test("other kinds have nothing to check here", () => {
    expect(feeStandardProblems({ kind: "FIXED", amountFen: 100 })).toEqual([]);
  });
});
