import {
  conclusionCancelsUnpaidNotices,
  isWellFormedNoticeNumber,
  issueDay,
  luhnCheckDigit,
  noticeActionRefusal,
  noticeExpiry,
  noticeNumber,
  shownStatus,
  type NoticeStatus,
} from "../../src/notices/notice.rules";

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

  test("a single mistyped digit is caught, and so is any other length", () => {
    const number = noticeNumber("330110000000", new Date("2026-03-01T00:00:00Z"), 7);
    for (let i = 0; i < 20; i += 1) {
      const wrong = number.slice(0, i) + String((Number(number[i]) + 1) % 10) + number.slice(i + 1);
      expect(isWellFormedNoticeNumber(wrong)).toBe(false);
    }
    expect(isWellFormedNoticeNumber(number.slice(1))).toBe(false);
    expect(isWellFormedNoticeNumber(`${number}0`)).toBe(false);
  });

  test("serials stay within seven digits", () => {
    expect(() => noticeNumber("330110000000", new Date(), 0)).toThrow(RangeError);
    expect(() => noticeNumber("330110000000", new Date(), 10_000_000)).toThrow(RangeError);
  });

  test("the serial's day is the Shanghai day", () => {
    expect(issueDay(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
  });
});

describe("expiry: the end of the 10th working day after the issue day (Asia/Shanghai)", () => {
  test("an ordinary fortnight", () => {
    // Monday 2 March 2026 → Tuesday 3 … Monday 16 March is the 10th working day.
    expect(noticeExpiry(new Date("2026-03-02T02:00:00Z")).toISOString()).toBe("2026-03-16T16:00:00.000Z");
  });

  test("the Spring Festival break does not eat the notice's days; the swapped Saturdays count", () => {
    // Friday 13 Feb 2026: Sat 14 (调休上班), the break to 23 Feb, then 24, 25, 26, 27, Sat 28 (调休上班), 2, 3, 4, 5 March.
    expect(noticeExpiry(new Date("2026-02-13T03:00:00Z")).toISOString()).toBe("2026-03-05T16:00:00.000Z");
  });

  test("late in the evening still counts as that day", () => {
    expect(noticeExpiry(new Date("2026-03-02T15:59:00Z")).toISOString()).toBe("2026-03-16T16:00:00.000Z");
  });

  test("a year without a holiday table counts weekends only rather than refuse to issue", () => {
    // Monday 7 January 2030 → Monday 21 January.
    expect(noticeExpiry(new Date("2030-01-07T02:00:00Z")).toISOString()).toBe("2030-01-21T16:00:00.000Z");
  });
});

describe("a notice's state", () => {
  const expiresAt = new Date("2026-03-16T16:00:00Z");

  test("an issued notice is shown expired from its expiry instant on; other states stay as they are", () => {
    expect(shownStatus({ status: "ISSUED", expiresAt }, new Date("2026-03-16T15:59:59.999Z"))).toBe("ISSUED");
    expect(shownStatus({ status: "ISSUED", expiresAt }, expiresAt)).toBe("EXPIRED");
    expect(shownStatus({ status: "PAID", expiresAt }, new Date("2027-01-01T00:00:00Z"))).toBe("PAID");
  });

  test("unpaid notices are cancelled, reissued and reduced; only a paid one is refunded", () => {
    const table = (["ISSUED", "PAID", "CANCELLED", "WAIVED", "REFUNDED"] as NoticeStatus[]).map((status) => [
      status,
      ...(["CANCEL", "REISSUE", "REDUCE", "REFUND"] as const).map((action) => noticeActionRefusal(status, action)?.code ?? "ok"),
    ]);
    expect(table).toEqual([
      ["ISSUED", "ok", "ok", "ok", "INVALID_TRANSITION"],
      ["PAID", "NOTICE_ALREADY_PAID", "NOTICE_ALREADY_PAID", "NOTICE_ALREADY_PAID", "ok"],
      ["CANCELLED", "NOTICE_CANCELLED", "NOTICE_CANCELLED", "NOTICE_CANCELLED", "INVALID_TRANSITION"],
      ["WAIVED", "NOTICE_WAIVED", "NOTICE_WAIVED", "NOTICE_WAIVED", "INVALID_TRANSITION"],
      ["REFUNDED", "NOTICE_ALREADY_PAID", "NOTICE_ALREADY_PAID", "NOTICE_ALREADY_PAID", "INVALID_TRANSITION"],
    ]);
  });

  test("a case refused, withdrawn or returned owes nothing any more; a decided one still does", () => {
    expect(["REFUSED", "WITHDRAWN", "RETURNED"].every(conclusionCancelsUnpaidNotices)).toBe(true);
    expect(["APPROVED", "DENIED", "DEEMED_APPROVED"].some(conclusionCancelsUnpaidNotices)).toBe(false);
  });
});
