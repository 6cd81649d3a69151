import {
  ACCEPTED,
  decidePayment,
  decideRefundExecution,
  receiptNumber,
  refusalMessage,
  sameAttempt,
  type BankAttempt,
  type PayableNotice,
} from "../../src/payments/payment.rules";
import { luhnCheckDigit } from "../../src/notices/notice.rules";

const expiresAt = new Date("2026-03-16T16:00:00Z");
const issued: PayableNotice = { status: "ISSUED", amountFen: 5000, expiresAt };
const before = new Date("2026-03-10T02:00:00Z");

describe("whether a bank payment settles a notice", () => {
  test("the exact amount before expiry is accepted", () => {
    expect(decidePayment(issued, { amountFen: 5000, paidAt: before })).toEqual({ outcome: ACCEPTED, irregularity: null });
  });

  test("no notice: refused, and supervision hears of money taken without a notice", () => {
    expect(decidePayment(null, { amountFen: 5000, paidAt: before })).toEqual({ outcome: "NOTICE_UNKNOWN", irregularity: "PAYMENT_WITHOUT_NOTICE" });
  });

  test("the notice's state is judged before the amount: a paid notice is 'already paid' whatever was sent", () => {
    for (const amountFen of [5000, 1]) {
      expect(decidePayment({ ...issued, status: "PAID" }, { amountFen, paidAt: before }).outcome).toBe("NOTICE_ALREADY_PAID");
      expect(decidePayment({ ...issued, status: "REFUNDED" }, { amountFen, paidAt: before }).outcome).toBe("NOTICE_ALREADY_PAID");
    }
    expect(decidePayment({ ...issued, status: "CANCELLED" }, { amountFen: 5000, paidAt: before }).outcome).toBe("NOTICE_CANCELLED");
    expect(decidePayment({ ...issued, status: "WAIVED" }, { amountFen: 5000, paidAt: before }).outcome).toBe("NOTICE_WAIVED");
  });

  test("expiry is judged at the moment the bank took the money; the expiry instant itself is too late", () => {
    expect(decidePayment(issued, { amountFen: 5000, paidAt: new Date(expiresAt.getTime() - 1) }).outcome).toBe(ACCEPTED);
    expect(decidePayment(issued, { amountFen: 5000, paidAt: expiresAt }).outcome).toBe("NOTICE_EXPIRED");
    expect(decidePayment(issued, { amountFen: 4000, paidAt: expiresAt }).outcome).toBe("NOTICE_EXPIRED");
  });

  test("any other amount is refused and is an irregularity, more or less", () => {
    for (const amountFen of [4999, 5001, 50_000]) {
      expect(decidePayment(issued, { amountFen, paidAt: before })).toEqual({ outcome: "AMOUNT_DIFFERS", irregularity: "AMOUNT_MISMATCH" });
    }
  });

  test("every refusal has a message for people", () => {
    for (const code of ["NOTICE_UNKNOWN", "NOTICE_ALREADY_PAID", "NOTICE_CANCELLED", "NOTICE_WAIVED", "NOTICE_EXPIRED", "AMOUNT_DIFFERS", "REFUND_NOT_APPROVED"]) {
      expect(refusalMessage(code)).not.toBe(code);
    }
  });
});

describe("the bank paying a refund back", () => {
  test("only an approved refund, exactly its amount, once", () => {
    expect(decideRefundExecution({ status: "APPROVED", amountFen: 800 }, { amountFen: 800 }).outcome).toBe(ACCEPTED);
    expect(decideRefundExecution({ status: "APPROVED", amountFen: 800 }, { amountFen: 799 }).outcome).toBe("AMOUNT_DIFFERS");
    expect(decideRefundExecution({ status: "REQUESTED", amountFen: 800 }, { amountFen: 800 }).outcome).toBe("REFUND_NOT_APPROVED");
    expect(decideRefundExecution({ status: "REJECTED", amountFen: 800 }, { amountFen: 800 }).outcome).toBe("REFUND_NOT_APPROVED");
    expect(decideRefundExecution({ status: "EXECUTED", amountFen: 800 }, { amountFen: 800 }).outcome).toBe("REFUND_ALREADY_PAID");
    expect(decideRefundExecution(null, { amountFen: 800 }).outcome).toBe("REFUND_UNKNOWN");
  });
});

describe("a bankTxnId means one transaction for good", () => {
  const attempt: BankAttempt = {
    kind: "PAYMENT",
    bankTxnId: "T1",
    noticeNo: "51172226030200000011",
    refundId: null,
    amountFen: 5000,
    paidAt: new Date("2026-03-02T02:00:00.000Z"),
    channel: "COUNTER",
  };

  test("the same content, however the instant was written, is the same attempt", () => {
    expect(sameAttempt(attempt, { ...attempt, paidAt: new Date("2026-03-02T10:00:00+08:00") })).toBe(true);
  });

  test.each([
    ["notice", { noticeNo: "51172226030200000029" }],
    ["amount", { amountFen: 5001 }],
    ["instant", { paidAt: new Date("2026-03-02T02:00:00.001Z") }],
    ["channel", { channel: "POS" as const }],
    ["kind", { kind: "REFUND" as const }],
    ["refund", { refundId: "r-1" }],
  ])("any other %s is a different transaction", (_label, change) => {
    expect(sameAttempt(attempt, { ...attempt, ...change })).toBe(false);
  });
});

describe("electronic receipt numbers (电子票据号)", () => {
  test("E, the county, a 12-digit sequence and a check digit", () => {
    const receipt = receiptNumber("511722000000", 42);
    expect(receipt).toBe(`E511722000000000042${luhnCheckDigit("511722000000000042")}`);
    expect(receipt).toHaveLength(20);
  });

  test("sequences outside 1 to 12 digits are refused", () => {
    expect(() => receiptNumber("511722000000", 0)).toThrow(RangeError);
    expect(() => receiptNumber("511722000000", 1_000_000_000_000)).toThrow(RangeError);
  });
});
