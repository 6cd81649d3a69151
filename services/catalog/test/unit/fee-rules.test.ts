import { combinedFeeStandard, droppedFeeCodes, feeItemProblems, feeStandardProblems, reintroducedFeeCodes } from "../../src/items/fee.rules";
import type { FeeItem } from "../../src/items/item.rules";

const fixed = (code: string, amountFen: number): FeeItem => ({ code, name: `费用${code}`, calculation: { kind: "FIXED", amountFen }, legalBasis: "《不动产登记收费标准》" });
const perUnit: FeeItem = { code: "F-AREA", name: "面积费", calculation: { kind: "PER_UNIT", unitName: "㎡", unitPriceFen: 30 }, legalBasis: "依据" };

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
    ["only free tiers", [{ upTo: 100, unitPriceFen: 0 }, { upTo: null, unitPriceFen: 0 }]],
  ])("%s is refused", (_label, tiers) => {
    expect(feeStandardProblems(tiered(tiers)).length).toBeGreaterThan(0);
  });
  test("other kinds have nothing to check here", () => {
    expect(feeStandardProblems({ kind: "FIXED", amountFen: 100 })).toEqual([]);
  });
});

describe("fee items (收费项目)", () => {
  test("fixed fees may stand together; their codes are unique", () => {
    expect(feeItemProblems([fixed("F1", 8000), fixed("F2", 1000)])).toEqual([]);
    expect(feeItemProblems([fixed("F1", 8000), fixed("F1", 1000)])).toEqual(["feeItems.1.code: F1 is used twice"]);
  });
  test("a fee charged per unit is the only fee, since a case carries one quantity", () => {
    expect(feeItemProblems([perUnit])).toEqual([]);
    expect(feeItemProblems([perUnit, fixed("F1", 1000)])).toHaveLength(1);
  });
  test("a free or zero fee is no fee", () => {
    expect(feeItemProblems([{ ...fixed("F1", 0) }])).toHaveLength(1);
    expect(feeItemProblems([{ code: "F0", name: "x", calculation: { kind: "FREE" }, legalBasis: "y" }])).toHaveLength(1);
  });
  test("the combined standard: free, the single fee, or the fixed fees added up", () => {
    expect(combinedFeeStandard([])).toEqual({ kind: "FREE" });
    expect(combinedFeeStandard([perUnit])).toEqual(perUnit.calculation);
    expect(combinedFeeStandard([fixed("F1", 8000), fixed("F2", 1000)])).toEqual({ kind: "FIXED", amountFen: 9000 });
  });
});

describe("a cancelled fee is never charged again", () => {
  test("the codes a version drops are cancelled", () => {
    expect(droppedFeeCodes([fixed("F1", 1), fixed("F2", 1)], [fixed("F2", 1)])).toEqual(["F1"]);
    expect(droppedFeeCodes([], [fixed("F2", 1)])).toEqual([]);
  });
  test("a later version bringing a cancelled code back is caught", () => {
    expect(reintroducedFeeCodes([fixed("F1", 1), fixed("F3", 1)], ["F1", "F2"])).toEqual(["F1"]);
    expect(reintroducedFeeCodes([fixed("F3", 1)], ["F1"])).toEqual([]);
  });
});
