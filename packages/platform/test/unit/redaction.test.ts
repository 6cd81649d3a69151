import fc from "fast-check";
import { REDACTED, redactPersonalText, redactPersonalValues } from "../../src/redaction";

/** What a person might put between groups of digits, and how digits come out of a Chinese input method. */
const separators = ["", " ", "  ", "-", " - ", "—", "\u3000", ".", "－"];
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const digitsOf = (text: string) => text.normalize("NFKC").replace(/[^0-9X]/gi, "").toUpperCase();

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(""));

const idNumber = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date("1920-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true }),
    sequence: digits(3),
    check: fc.constantFrom(..."0123456789Xx"),
  })
  .map(({ region, birth, sequence, check }) => `${region}${birth.toISOString().slice(0, 10).replace(/-/g, "")}${sequence}${check}`);

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);

/** The number cut into groups at random places, with a separator between them, maybe in full width. */
function spelled(number: fc.Arbitrary<string>, prefixes: readonly string[]) {
  return fc
    .record({
      number,
      cuts: fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }),
      separator: fc.constantFrom(...separators),
      prefix: fc.constantFrom(...prefixes),
      wide: fc.boolean(),
    })
    .map(({ number, cuts, separator, prefix, wide }) => {
      const at = [...new Set(cuts.filter((cut) => cut < number.length))].sort((a, b) => a - b);
      const groups = [0, ...at].map((start, index) => number.slice(start, at[index] ?? number.length));
      const typed = prefix + groups.join(separator);
      return { number, typed: wide ? fullWidth(typed) : typed };
    });
}

/** Text around the number without digits of its own: Chinese, letters, punctuation, spaces. */
const context = fc.string({ unit: fc.constantFrom(..."申请人身份证号码电话联系：:，, ()IDTelabc号+#\n"), maxLength: 12 });

describe("personal numbers in free text, as people type them", () => {
  test("an ID number with spaces, dashes, a prefix or full-width digits leaves no trace", () => {
    fc.assert(
      fc.property(context, spelled(idNumber, ["", "ID", "ID:", "身份证", "身份证号：", "No."]), context, (before, { number, typed }, after) => {
        const redacted = redactPersonalText(`${before}${typed}${after}`);
        expect(redacted).toContain(REDACTED);
        expect(digitsOf(redacted)).not.toContain(digitsOf(number).slice(0, 17));
      }),
      { numRuns: 2000 },
    );
  });

  test("a mobile number with +86, 0086, brackets, spaces, dashes or full-width digits leaves no trace", () => {
    fc.assert(
      fc.property(context, spelled(mobile, ["", "+86", "+86 ", "0086", "0086-", "86", "(+86)", "（+86）", "＋86 ", "tel:", "手机"]), context, (before, { number, typed }, after) => {
        const redacted = redactPersonalText(`${before}${typed}${after}`);
        expect(redacted).toContain(REDACTED);
        expect(digitsOf(redacted)).not.toContain(number.slice(3));
      }),
      { numRuns: 2000 },
    );
  });

  test("longer runs of digits (notice and receipt numbers, amounts) stay as they are", () => {
    fc.assert(
      fc.property(fc.integer({ min: 19, max: 30 }).chain((length) => digits(length)), context, (run, around) => {
        const text = `${around}${run}${around}`;
        expect(redactPersonalText(text)).toBe(text);
      }),
    );
    for (const kept of ["通知书号 33011000000000000001", "金额 ¥12345678901.50", "受理号 XH-20261205-000123", "0818-5222110", "项目代码 2611-330110-04-01-583921"]) {
      expect(redactPersonalText(kept)).toBe(kept);
    }
  });

  test("the examples of the security review", () => {
    expect(redactPersonalText("电话 +8613812345678，或 138-1234-5678，或 138 1234 5678")).toBe(`电话 ${REDACTED}，或 ${REDACTED}，或 ${REDACTED}`);
    expect(redactPersonalText("身份证 1101 0519 4912 3100 2X")).toBe(`身份证 ${REDACTED}`);
    expect(redactPersonalText("ID11010519491231002X")).toBe(`ID${REDACTED}`);
  });

  test("every string inside a value is redacted; other values are left alone", () => {
    expect(redactPersonalValues({ note: "回电 13800138000", count: 13800138000, nested: [{ remark: "１３８００１３８０００" }], at: null })).toEqual({
      note: `回电 ${REDACTED}`,
      count: 13800138000,
      nested: [{ remark: REDACTED }],
      at: null,
    });
  });
});
