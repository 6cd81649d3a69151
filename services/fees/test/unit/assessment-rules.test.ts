import { applyReduction, assess, feeItemsOf, LEGACY_FEE_CODE, linesOfFee, readLine, standardTotalFen, totalFen } from "../../src/notices/assessment.rules";

const fixed = (code: string, amountFen: number) => ({ code, name: `费${code}`, calculation: { kind: "FIXED" as const, amountFen }, legalBasis: "依据" });
const tiered = {
  code: "T1",
  name: "测绘费",
  legalBasis: "测绘收费标准",
  calculation: {
    kind: "TIERED" as const,
    unitName: "㎡",
    tiers: [
      { upTo: 100, unitPriceFen: 100 },
      { upTo: 500, unitPriceFen: 80 },
      { upTo: null, unitPriceFen: 50 },
    ],
  },
};

describe("the lines one fee charges (integer fen)", () => {
  test("a fixed fee ignores the quantity", () => {
    expect(linesOfFee(fixed("F01", 1000), 3)).toEqual([
      { feeCode: "F01", description: "费F01", quantity: 1, standardAmountFen: 1000, reductionFen: 0, amountFen: 1000, legalBasis: "依据" },
    ]);
  });

  test("a per-unit fee multiplies", () => {
    const lines = linesOfFee({ code: "P", name: "测绘费", legalBasis: "", calculation: { kind: "PER_UNIT", unitName: "㎡", unitPriceFen: 137 } }, 250);
    expect(lines).toMatchObject([{ description: "测绘费 (㎡)", quantity: 250, amountFen: 34_250 }]);
  });

  test("a tiered fee charges each band at its own price, one line per band", () => {
    expect(totalFen(linesOfFee(tiered, 50))).toBe(5_000);
    expect(totalFen(linesOfFee(tiered, 100))).toBe(10_000);
    expect(totalFen(linesOfFee(tiered, 101))).toBe(10_080);
    const lines = linesOfFee(tiered, 700);
    expect(lines.map((line) => [line.description, line.quantity, line.amountFen])).toEqual([
      ["测绘费 (1-100 ㎡)", 100, 10_000],
      ["测绘费 (101-500 ㎡)", 400, 32_000],
      ["测绘费 (>500 ㎡)", 200, 10_000],
    ]);
  });

  test("a band priced at 0 and a free calculation charge nothing", () => {
    const freeFirstBand = { ...tiered, calculation: { ...tiered.calculation, tiers: [{ upTo: 10, unitPriceFen: 0 }, { upTo: null, unitPriceFen: 5 }] } };
    expect(linesOfFee(freeFirstBand, 12).map((line) => line.quantity)).toEqual([2]);
    expect(linesOfFee({ ...fixed("F", 0), calculation: { kind: "FREE" } }, 4)).toEqual([]);
  });
});

describe("assessing a case", () => {
  const standard = { itemName: "建设工程规划许可证核发", feeItems: [fixed("F01", 1000), fixed("F02", 250)], feeStandard: { kind: "FIXED" as const, amountFen: 1250 } };

  test("fee items add up; the whole-case standard is not charged beside them", () => {
    const { lines, outsideStandard } = assess(standard, new Set(), 1);
    expect(lines.map((line) => line.feeCode)).toEqual(["F01", "F02"]);
    expect(totalFen(lines)).toBe(1250);
    expect(outsideStandard).toEqual([]);
  });

  test("a fee code cancelled in the catalog is not charged, and is reported with what it would have cost", () => {
    const { lines, outsideStandard } = assess(standard, new Set(["F02"]), 1);
    expect(lines.map((line) => line.feeCode)).toEqual(["F01"]);
    expect(outsideStandard).toEqual([{ feeCode: "F02", name: "费F02", amountFen: 250 }]);
  });

  test("a version published before fee items is charged by its whole-case standard under the legacy code", () => {
    const legacy = { itemName: "旧事项", feeItems: [], feeStandard: { kind: "PER_UNIT" as const, unitName: "件", unitPriceFen: 300 } };
    expect(feeItemsOf(legacy)).toEqual([{ code: LEGACY_FEE_CODE, name: "旧事项", calculation: legacy.feeStandard, legalBasis: "" }]);
    expect(totalFen(assess(legacy, new Set(), 3).lines)).toBe(900);
    expect(assess({ ...legacy, feeStandard: { kind: "FREE" } }, new Set(), 3).lines).toEqual([]);
  });

  test("the quantity is a positive whole number", () => {
    expect(() => assess(standard, new Set(), 0)).toThrow(RangeError);
    expect(() => assess(standard, new Set(), 1.5)).toThrow(RangeError);
  });
});

describe("reductions (减免)", () => {
  const lines = assess({ itemName: "x", feeItems: [fixed("A", 1001), fixed("B", 3), fixed("C", 2000)], feeStandard: { kind: "FREE" } }, new Set(), 1).lines;

  test("each line is reduced by the share, rounded to the fen half up, never below zero", () => {
    const reduced = applyReduction(lines, 50);
    expect(reduced.map((line) => [line.standardAmountFen, line.reductionFen, line.amountFen])).toEqual([
      [1001, 501, 500],
      [3, 2, 1],
      [2000, 1000, 1000],
    ]);
    expect(standardTotalFen(reduced)).toBe(3004);
    expect(totalFen(reduced)).toBe(1501);
  });

  test("100% is a full waiver; a reduction is always of the standard amount, not of an earlier reduction", () => {
    expect(totalFen(applyReduction(lines, 100))).toBe(0);
    expect(totalFen(applyReduction(applyReduction(lines, 50), 20))).toBe(totalFen(applyReduction(lines, 20)));
  });

  test("shares outside 1-100 are refused", () => {
    expect(() => applyReduction(lines, 0)).toThrow(RangeError);
    expect(() => applyReduction(lines, 101)).toThrow(RangeError);
    expect(() => applyReduction(lines, 33.3)).toThrow(RangeError);
  });
});

test("lines stored before codes and reductions existed read as unreduced lines of the legacy fee", () => {
  expect(readLine({ description: "证照工本费", quantity: 1, amountFen: 500 })).toEqual({
    feeCode: LEGACY_FEE_CODE,
    description: "证照工本费",
    quantity: 1,
    standardAmountFen: 500,
    reductionFen: 0,
    amountFen: 500,
    legalBasis: "",
  });
});
