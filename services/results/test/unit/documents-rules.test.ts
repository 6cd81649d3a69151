import { beijingDay, chineseDate, documentIdOf, documentNo, formatCode, normalCode, verificationCode } from "../../src/documents/documents.rules";
import { licenceStatus, mayChange, validityOf } from "../../src/licences/licences.rules";
import { documentContent, remediesText, yuan, type DocumentFacts } from "../../src/rendering/templates.rules";
import { documentFor } from "../../src/facts/facts.handlers";

const KEY = "unit-test-verification-key";

describe("document ids and numbers", () => {
  test("the same cause names the same document; another cause another", () => {
    const a = documentIdOf("case-1", "LICENCE", "concluded");
    expect(documentIdOf("case-1", "LICENCE", "concluded")).toBe(a);
    expect(documentIdOf("case-1", "RECEIPT", "concluded")).not.toBe(a);
    expect(documentIdOf("case-2", "LICENCE", "concluded")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("文号: the kind's letters, the county, the year and six digits", () => {
    expect(documentNo("LICENCE", "511722000000", 2026, 42)).toBe("ZZ511722-2026-000042");
    expect(documentNo("RECEIPT", "511722000000", 2026, 1)).toBe("SL511722-2026-000001");
    expect(() => documentNo("RECEIPT", "511722000000", 2026, 0)).toThrow(RangeError);
    expect(() => documentNo("RECEIPT", "511722000000", 2026, 1_000_000)).toThrow(RangeError);
  });
});

describe("verification codes", () => {
  const code = verificationCode(KEY, documentIdOf("case-1", "LICENCE", "concluded"));

  test("16 symbols of Crockford's alphabet, derived from the key: another key, another code", () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}[0-9A-HJKMNP-TV-Z*~$=U]$/);
    expect(verificationCode(KEY, documentIdOf("case-1", "LICENCE", "concluded"))).toBe(code);
    expect(verificationCode("another-key-entirely", documentIdOf("case-1", "LICENCE", "concluded"))).not.toBe(code);
  });

  test("read back as printed, in lower case, with spaces, O for 0 and I or L for 1", () => {
    expect(normalCode(code)).toBe(code);
    expect(normalCode(formatCode(code))).toBe(code);
    expect(normalCode(formatCode(code).toLowerCase().replace(/-/g, " "))).toBe(code);
    const withZero = [...Array(200).keys()].map((i) => verificationCode(KEY, `doc-${i}`)).find((c) => c.slice(0, 15).includes("0"))!;
    expect(normalCode(withZero.replace("0", "O"))).toBe(withZero);
  });

  test("any one symbol changed, or two neighbours swapped, fails the check", () => {
    const symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let position = 0; position < 15; position += 1) {
      for (const symbol of symbols) {
        if (symbol === code[position]) continue;
        expect(normalCode(code.slice(0, position) + symbol + code.slice(position + 1))).toBeNull();
      }
      const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
      if (swapped !== code && position < 14) expect(normalCode(swapped)).toBeNull();
    }
    expect(normalCode(code.slice(0, 15))).toBeNull();
    expect(normalCode(`${code}0`)).toBeNull();
    expect(normalCode("x".repeat(100))).toBeNull();
  });
});

describe("licence validity and status", () => {
  test("from the Beijing day of issue to the day before the anniversary", () => {
    // 2026-03-04 20:00 UTC is 2026-03-05 04:00 in Beijing.
    expect(validityOf(new Date("2026-03-04T20:00:00Z"), 5)).toEqual({ validFrom: "2026-03-05", validUntil: "2031-03-04" });
    expect(validityOf(new Date("2028-02-29T02:00:00Z"), 1)).toEqual({ validFrom: "2028-02-29", validUntil: "2029-02-28" });
    expect(validityOf(new Date("2026-01-01T02:00:00Z"), null)).toEqual({ validFrom: "2026-01-01", validUntil: null });
  });

  test("revoked and replaced outrank expiry; expired from the day after the last valid day, Beijing time", () => {
    const base = { revokedAt: null, replacedById: null, validUntil: "2031-03-04" };
    expect(licenceStatus(base, new Date("2031-03-04T15:59:59Z"))).toBe("VALID");
    expect(licenceStatus(base, new Date("2031-03-04T16:00:00Z"))).toBe("EXPIRED");
    expect(licenceStatus({ ...base, validUntil: null }, new Date("2099-01-01T00:00:00Z"))).toBe("VALID");
    expect(licenceStatus({ ...base, revokedAt: new Date() }, new Date("2040-01-01T00:00:00Z"))).toBe("REVOKED");
    expect(licenceStatus({ ...base, replacedById: "x" }, new Date("2040-01-01T00:00:00Z"))).toBe("REPLACED");
    expect(mayChange("VALID")).toBe(true);
    for (const status of ["REVOKED", "EXPIRED", "REPLACED"] as const) expect(mayChange(status)).toBe(false);
  });
});

describe("wording", () => {
  const facts: DocumentFacts = {
    kind: "DENIAL_DECISION",
    centerName: "宣汉县政务服务中心",
    documentNo: "BX511722-2026-000001",
    issuedAt: new Date("2026-03-05T02:00:00Z"),
    verificationCode: "0123456789ABCDEF",
    receiptNo: "R20260305001",
    applicantName: "张三",
    itemName: "建设工程规划许可证核发",
    itemCode: null,
    departmentName: "住房和城乡建设局",
    acceptedAt: new Date("2026-03-02T02:00:00Z"),
    deadline: null,
    promisedLimitDays: 7,
    materials: [],
    reasons: "不符合控制性详细规划",
    payment: null,
    licence: null,
  };

  test("a denial or refusal gives its reasons and the remedies: reconsideration in 60 days, a suit in 6 months", () => {
    for (const kind of ["DENIAL_DECISION", "REFUSAL_DECISION"] as const) {
      const content = documentContent({ ...facts, kind });
      expect(content.paragraphs).toContain("理由：不符合控制性详细规划");
      expect(content.paragraphs).toContain(remediesText);
    }
    expect(remediesText).toContain("六十日内依法申请行政复议");
    expect(remediesText).toContain("六个月内依法向人民法院提起行政诉讼");
    expect(documentContent({ ...facts, kind: "LICENCE" }).paragraphs.join()).not.toContain("行政复议");
  });

  test("the one-time notice lists every material at once", () => {
    const content = documentContent({ ...facts, kind: "MATERIAL_NOTICE", materials: [{ name: "申请表", problem: "未提交" }, { name: "身份证明", problem: null }] });
    expect(content.title).toBe("一次性告知书");
    expect(content.paragraphs).toEqual(expect.arrayContaining(["1. 申请表（未提交）", "2. 身份证明"]));
  });

  test("an item's template replaces the title and the body, filled in; the reasons and remedies stay", () => {
    const content = documentContent(facts, { title: "不予规划许可决定书", body: "{applicant}：你申请的{item}（{receiptNo}）不予许可。", validityYears: null });
    expect(content.title).toBe("不予规划许可决定书");
    expect(content.paragraphs[0]).toBe("张三：你申请的建设工程规划许可证核发（R20260305001）不予许可。");
    expect(content.paragraphs).toContain(remediesText);
  });

  test("a licence states its number and validity; long-term when it has no end", () => {
    const content = documentContent({ ...facts, kind: "LICENCE", licence: { licenceNo: "ZZ511722-2026-000001", validFrom: "2026-03-05", validUntil: null } });
    expect(content.fields).toContainEqual({ label: "有效期", value: "2026年3月5日 至 长期" });
  });

  test("money in yuan from fen; dates in Chinese", () => {
    expect(yuan(1234567)).toBe("12,345.67 元");
    expect(yuan(5)).toBe("0.05 元");
    expect(chineseDate(beijingDay(new Date("2026-12-31T16:30:00Z")))).toBe("2027年1月1日");
  });
});

describe("what a routing-slip step writes", () => {
  const step = (over: Record<string, unknown>) => ({ action: "REVIEW", concludes: false, outcome: null, slipSeq: 3, details: null, ...over }) as never;
  test("acceptance a receipt, a notice its list, a conclusion its result; nothing else", () => {
    expect(documentFor(step({ action: "ACCEPT" }))).toEqual({ kind: "RECEIPT", cause: "accepted" });
    expect(documentFor(step({ action: "ISSUE_MATERIAL_NOTICE", details: { materials: [{ code: "M01", problem: "MISSING" }] } }))).toEqual({
      kind: "MATERIAL_NOTICE",
      cause: "notice:3",
      materials: [{ code: "M01", problem: "未提交" }],
    });
    expect(documentFor(step({ action: "CONCLUDE", concludes: true, outcome: "APPROVED" }))?.kind).toBe("LICENCE");
    expect(documentFor(step({ action: "DEEM_APPROVED", concludes: true, outcome: "DEEMED_APPROVED" }))?.kind).toBe("LICENCE");
    expect(documentFor(step({ action: "CONCLUDE", concludes: true, outcome: "DENIED" }))?.kind).toBe("DENIAL_DECISION");
    expect(documentFor(step({ action: "REFUSE", concludes: true, outcome: "REFUSED" }))?.kind).toBe("REFUSAL_DECISION");
    expect(documentFor(step({ action: "WITHDRAW", concludes: true, outcome: "WITHDRAWN" }))).toBeNull();
    expect(documentFor(step({ action: "REVIEW" }))).toBeNull();
  });
});
