import { afterFailure, retryDelayMs } from "../../src/delivery/backoff.rules";
import type { CauseDetails } from "../../src/notifications/causes";
import { beijingDay, clip, fitSms, maskedPhone, render, SMS_MAX_CHARS, smsLength, yuan } from "../../src/notifications/templates.rules";
import { smsCausesOf, smsDecision, smsOffFrom } from "../../src/preferences/preferences.rules";

const receiptNo = "SL26120612345678";
const longName = "一二三四五六七八九十一二三四五六七八九十";
const longText = "因申请人提交的房屋权属证明与不动产登记簿记载不一致，需要向不动产登记中心核实权属情况后再作决定".repeat(3);

/** Every cause with the longest values it can carry. */
const extremes: CauseDetails[] = [
  { cause: "ACCEPTED", receiptNo, deadline: "2026-12-31T16:00:00.000Z" },
  { cause: "ACCEPTED", receiptNo, deadline: null },
  { cause: "MATERIALS_REQUESTED", receiptNo, noticeSeq: 1, materials: [{ name: "身份证", problem: "MISSING", note: null }], windowName: "3号窗口" },
  { cause: "MATERIALS_REQUESTED", receiptNo, noticeSeq: 2, materials: Array.from({ length: 40 }, (_, i) => ({ name: `${longName}${i}`, problem: "WRONG", note: longText })), windowName: longName },
  { cause: "FEE_DUE", receiptNo, noticeNo: "51172200000000000019", amountFen: 12_000, expiresAt: "2026-12-31T16:00:00.000Z" },
  { cause: "FEE_DUE", receiptNo, noticeNo: "51172200000000000019", amountFen: 999_999_999, expiresAt: "2026-12-31T16:00:00.000Z" },
  { cause: "FEE_DUE", receiptNo, noticeNo: "51172200000000000019", amountFen: 0, expiresAt: null },
  { cause: "DEADLINE_EXTENDED", receiptNo, workingDays: 30, reason: longText, deadline: "2027-02-28T16:00:00.000Z" },
  { cause: "DEADLINE_EXTENDED", receiptNo, workingDays: 5, reason: "需现场勘查", deadline: null },
  ...(["APPROVED", "DEEMED_APPROVED", "DENIED", "REFUSED", "RETURNED"] as const).flatMap((outcome) => [
    { cause: "RESULT_READY" as const, receiptNo, outcome, opinion: longText, windowName: longName },
    { cause: "RESULT_READY" as const, receiptNo, outcome, opinion: null, windowName: null },
  ]),
  ...(["CALLBACK", "FIXED", "EXPLAINED"] as const).map((answer) => ({ cause: "FOLLOW_UP_ANSWERED" as const, receiptNo, answer })),
];

describe("SMS templates", () => {
  test.each(extremes.map((details) => [details.cause, details] as const))("%s fits one Chinese SMS (70 characters), signed with the center's name", (_, details) => {
    for (const center of ["宣汉县政务服务中心", "达州市通川区政务服务中心"]) {
      const sms = render(details, center).sms;
      expect(smsLength(sms)).toBeLessThanOrEqual(SMS_MAX_CHARS);
      expect(sms.startsWith(`【${center}】`)).toBe(true);
      expect(sms).toContain(details.cause === "FEE_DUE" ? details.noticeNo : receiptNo);
    }
  });

  test("the SMS carries what the applicant must know: deadline, materials, amount and notice number, reason", () => {
    const center = "宣汉县政务服务中心";
    expect(render(extremes[0]!, center).sms).toBe(`【${center}】您的办件${receiptNo}已受理，承诺于2026年12月31日前办结，进度可在政务服务网查询。`);
    expect(render(extremes[2]!, center).sms).toContain("需补正：身份证。");
    const fee = render(extremes[4]!, center);
    expect(fee.sms).toContain("¥120.00");
    expect(fee.sms).toContain("51172200000000000019");
    expect(fee.body).toContain("银行代收点");
    expect(render(extremes[6]!, center).sms).toContain("¥0.00");
    const extension = render(extremes[7]!, center).sms;
    expect(extension).toContain("延期30个工作日");
    expect(extension.endsWith("…")).toBe(true);
  });

  test("the inbox has the whole text: every material with its note, the whole reason, remedies for a refusal", () => {
    const many = render(extremes[3]!, "宣汉县政务服务中心");
    expect(many.body.split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(40);
    expect(many.sms).toContain("需补正40项");
    const refused = render({ cause: "RESULT_READY", receiptNo, outcome: "REFUSED", opinion: longText, windowName: null }, "宣汉县政务服务中心");
    expect(refused.body).toContain(longText);
    expect(refused.body).toContain("行政复议");
  });

  test("days are read in Beijing: a deadline at 24:00 names its own day", () => {
    expect(beijingDay("2026-12-31T16:00:00.000Z")).toBe("2026年12月31日");
    expect(beijingDay("2026-12-31T15:59:00.000Z")).toBe("2026年12月31日");
    expect(beijingDay("2026-12-31T16:00:00.001Z")).toBe("2027年1月1日");
  });

  test("money in fen is shown in yuan with two decimals; clip marks a cut", () => {
    expect(yuan(0)).toBe("¥0.00");
    expect(yuan(5)).toBe("¥0.05");
    expect(yuan(12_345)).toBe("¥123.45");
    expect(clip("一二三四五", 5)).toBe("一二三四五");
    expect(clip("一二三四五", 3)).toBe("一二…");
    expect(fitSms("【中心】", ["x".repeat(80), { before: "前", variable: "长".repeat(100), after: "后" }])).toHaveLength(SMS_MAX_CHARS);
  });

  test("phone numbers are masked to the carrier prefix and the last four", () => {
    expect(maskedPhone("13812341234")).toBe("138****1234");
    expect(maskedPhone(null)).toBeNull();
  });
});

describe("retries", () => {
  const policy = { baseMs: 5_000, maxMs: 3_600_000, maxAttempts: 8 };

  test("the delay doubles with each attempt, half of it random, up to the cap", () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(5_000);
    expect(retryDelayMs(2, policy, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, policy, () => 1)).toBe(40_000);
    expect(retryDelayMs(30, policy, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(30, policy, () => 0)).toBe(1_800_000);
    for (let attempts = 1; attempts < 12; attempts += 1) expect(retryDelayMs(attempts + 1, policy, () => 1)).toBeGreaterThanOrEqual(retryDelayMs(attempts, policy, () => 1));
  });

  test("a failure is retried later until the attempts are used up, then FAILED", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(afterFailure(1, now, policy, () => 1)).toEqual({ status: "PENDING", retryAt: new Date(now.getTime() + 5_000) });
    expect(afterFailure(7, now, policy).status).toBe("PENDING");
    expect(afterFailure(8, now, policy)).toEqual({ status: "FAILED" });
  });
});

describe("contact preferences", () => {
  test("an SMS goes to the number for every cause not turned off; none without a number", () => {
    expect(smsDecision(null, "ACCEPTED")).toEqual({ send: false, reason: "NO_PHONE" });
    expect(smsDecision({ phone: "13812341234", smsOff: [] }, "FEE_DUE")).toEqual({ send: true, phone: "13812341234" });
    expect(smsDecision({ phone: "13812341234", smsOff: ["FEE_DUE"] }, "FEE_DUE")).toEqual({ send: false, reason: "TURNED_OFF" });
    expect(smsDecision({ phone: null, smsOff: ["FEE_DUE"] }, "FEE_DUE")).toEqual({ send: false, reason: "TURNED_OFF" });
  });

  test("the causes wanted and the ones turned off are complements, so a cause added later is on", () => {
    expect(smsOffFrom(["ACCEPTED", "RESULT_READY"])).toEqual(["MATERIALS_REQUESTED", "FEE_DUE", "DEADLINE_EXTENDED", "FOLLOW_UP_ANSWERED"]);
    expect(smsCausesOf({ phone: null, smsOff: smsOffFrom(["ACCEPTED", "RESULT_READY"]) })).toEqual(["ACCEPTED", "RESULT_READY"]);
    expect(smsCausesOf({ phone: null, smsOff: [] })).toHaveLength(6);
  });
});
