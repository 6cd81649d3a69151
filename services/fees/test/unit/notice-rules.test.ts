import { assessFee, isWellFormedNoticeNumber, issueDay, luhnCheckDigit, noticeNumber, totalFen } from "../../src/notices/notice.rules";

describe("assessing a fee from its standard (integer fen)", () => {
  test("free items produce no lines", () => {
    expect(assessFee("户口迁移", { kind: "FREE" }, 1)).toEqual([]);
  });
  test("a fixed fee ignores the quantity", () => {
    expect(assessFee("证照工本费", { kind: "FIXED", amountFen: 1000 }, 3)).toEqual([{ description: "证照工本费", quantity: 1, amountFen: 1000 }]);
  });
  test("a per-unit fee multiplies", () => {
    const lines = assessFee("测绘费", { kind: "PER_UNIT", unitName: "㎡", unitPriceFen: 137 }, 250);
    expect(totalFen(lines)).toBe(34_250);
  });
  test("a tiered fee charges each band at its own price", () => {
    const standard = {
      kind: "TIERED" as const,
      unitName: "㎡",
      tiers: [
        { upTo: 100, unitPriceFen: 100 },
        { upTo: 500, unitPriceFen: 80 },
        { upTo: null, unitPriceFen: 50 },
      ],
    };
    expect(totalFen(assessFee("x", standard, 50))).toBe(5_000);
    expect(totalFen(assessFee("x", standard, 100))).toBe(10_000);
    expect(totalFen(assessFee("x", standard, 101))).toBe(10_080);
    expect(assessFee("x", standard, 700).map((line) => line.quantity)).toEqual([100, 400, 200]);
    expect(totalFen(assessFee("x", standard, 700))).toBe(10_000 + 32_000 + 10_000);
  });
});

describe("notice numbers", () => {
  test("Luhn check digits match the textbook examples", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(luhnCheckDigit("0")).toBe(0);
  });
  test("20 digits: county, Shanghai date, serial, check digit", () => {
    const number = noticeNumber("330110000000", new Date("2026-03-01T17:00:00Z"), 42);
    expect(number).toMatch(/^3301102603020000042\d$/);
    expect(isWellFormedNoticeNumber(number)).toBe(true);
  });
  test("a single mistyped digit is caught", () => {
    const number = noticeNumber("330110000000", new Date("2026-03-01T00:00:00Z"), 7);
    for (let i = 0; i < 19; i += 1) {
      const wrong = number.slice(0, i) + String((Number(number[i]) + 1) % 10) + number.slice(i + 1);
      expect(isWellFormedNoticeNumber(wrong)).toBe(false);
    }
  });
  test("serials stay within seven digits", () => {
    expect(() => noticeNumber("330110000000", new Date(), 0)).toThrow(RangeError);
    expect(() => noticeNumber("330110000000", new Date(), 10_000_000)).toThrow(RangeError);
  });
  test("the serial's day is the Shanghai day", () => {
    expect(issueDay(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
  });
});
