import {
  classifyLine,
  closeRefusal,
  duplicateTxnIds,
  partDigest,
  statementDigest,
  summarize,
  type NamedNotice,
  type RecordedTransaction,
  type StatementLine,
} from "../../src/reconciliation/reconciliation.rules";

const scope = { accountNo: "6222020200112233445", statementDate: "2026-03-02" };
const line: StatementLine = { bankTxnId: "T1", noticeNo: "N1", amountFen: 5000, paidAt: new Date("2026-03-02T02:00:00Z") };
const recorded: RecordedTransaction = { kind: "PAYMENT", noticeNo: "N1", ledgerFen: 5000, accountNo: scope.accountNo, paidDay: "2026-03-02" };
const notice: NamedNotice = { status: "ISSUED", expiresAt: new Date("2026-03-16T16:00:00Z"), accountNo: scope.accountNo };

describe("a line of the bank's statement", () => {
  test("matches the record of the same transaction on the same notice, account, day and amount", () => {
    expect(classifyLine(line, recorded, notice, scope)).toEqual({ category: "MATCHED", reason: null, recordedFen: 5000, irregularity: null });
  });

  test("a refund line (negative) matches the refund recorded under its transaction", () => {
    const refund = { ...recorded, kind: "REFUND" as const, ledgerFen: -5000 };
    expect(classifyLine({ ...line, amountFen: -5000 }, refund, notice, scope).category).toBe("MATCHED");
  });

  test("a known transaction with another amount is an amount mismatch and reaches supervision", () => {
    expect(classifyLine({ ...line, amountFen: 4000 }, recorded, notice, scope)).toEqual({
      category: "AMOUNT_MISMATCH",
      reason: null,
      recordedFen: 5000,
      irregularity: "AMOUNT_MISMATCH",
    });
  });

  test.each([
    ["NOTICE_DIFFERS", { noticeNo: "N2" }],
    ["ACCOUNT_DIFFERS", { accountNo: "6222020200000000000" }],
    ["DAY_DIFFERS", { paidDay: "2026-03-01" }],
  ])("a known transaction with another detail: %s", (reason, change) => {
    expect(classifyLine(line, { ...recorded, ...change }, notice, scope)).toMatchObject({ category: "DETAIL_MISMATCH", reason, irregularity: null });
  });

  test.each([
    ["NOTICE_UNKNOWN", null, line],
    ["WRONG_ACCOUNT", { ...notice, accountNo: "6222020200000000000" }, line],
    ["NOTICE_CANCELLED", { ...notice, status: "CANCELLED" as const }, line],
    ["NOTICE_WAIVED", { ...notice, status: "WAIVED" as const }, line],
    ["NOTICE_PAID_BY_OTHER_TXN", { ...notice, status: "PAID" as const }, line],
    ["NOTICE_EXPIRED", notice, { ...line, paidAt: notice.expiresAt }],
    ["NOT_RECORDED", notice, line],
    ["NOT_RECORDED", { ...notice, status: "PAID" as const }, { ...line, amountFen: -5000 }],
  ])("paid at the bank, unknown here: %s", (reason, named, bankLine) => {
    const verdict = classifyLine(bankLine, null, named, scope);
    expect(verdict).toMatchObject({ category: "PAID_AT_BANK_UNKNOWN_HERE", reason, recordedFen: null });
    expect(verdict.irregularity).toBe(reason === "NOTICE_UNKNOWN" ? "PAYMENT_WITHOUT_NOTICE" : null);
  });
});

describe("the report's figures", () => {
  test("buckets and the account's totals add up to the fen", () => {
    const judged = [
      { amountFen: 5000, verdict: classifyLine(line, recorded, notice, scope) },
      { amountFen: 4000, verdict: classifyLine({ ...line, amountFen: 4000 }, recorded, notice, scope) },
      { amountFen: 700, verdict: classifyLine(line, null, null, scope) },
      { amountFen: -300, verdict: classifyLine({ ...line, amountFen: -300 }, { ...recorded, kind: "REFUND", ledgerFen: -300 }, notice, scope) },
    ];
    const summary = summarize(scope, judged, { count: 4, totalFen: 5000 + 5000 - 300 + 1200 }, [{ ledgerFen: 1200 }]);
    expect(summary.matched).toEqual({ count: 2, bankTotalFen: 4700, recordedTotalFen: 4700 });
    expect(summary.amountMismatch).toEqual({ count: 1, bankTotalFen: 4000, recordedTotalFen: 5000 });
    expect(summary.paidAtBankUnknownHere).toEqual({ count: 1, bankTotalFen: 700, recordedTotalFen: 0 });
    expect(summary.recordedHereMissingAtBank).toEqual({ count: 1, bankTotalFen: 0, recordedTotalFen: 1200 });
    expect(summary.totals).toEqual([
      {
        accountNo: scope.accountNo,
        bankLineCount: 4,
        bankTotalFen: 9400,
        recordedCount: 4,
        recordedTotalFen: 10_900,
        matchedCount: 2,
        matchedTotalFen: 4700,
        differenceFen: -1500,
      },
    ]);
  });
});

describe("recognising a statement sent again", () => {
  const lines: StatementLine[] = [line, { ...line, bankTxnId: "T2", amountFen: 10 }, { ...line, bankTxnId: "T3", noticeNo: "N3" }];

  test("the same lines in any order are the same statement; any change, or another account or day, is not", () => {
    const digest = statementDigest(scope, lines);
    expect(statementDigest(scope, [...lines].reverse())).toBe(digest);
    expect(statementDigest(scope, [lines[0], lines[1]])).not.toBe(digest);
    expect(statementDigest(scope, [lines[0], lines[1], { ...lines[2], amountFen: 5001 }])).not.toBe(digest);
    expect(statementDigest(scope, [lines[0], lines[1], { ...lines[2], paidAt: new Date("2026-03-02T02:00:01Z") }])).not.toBe(digest);
    expect(statementDigest({ ...scope, statementDate: "2026-03-03" }, lines)).not.toBe(digest);
  });

  test("a part is the same part only with the same lines in the same order", () => {
    expect(partDigest(lines)).toBe(partDigest([...lines]));
    expect(partDigest([...lines].reverse())).not.toBe(partDigest(lines));
  });

  test("a transaction listed twice is found", () => {
    expect(duplicateTxnIds([...lines, lines[1], lines[1]])).toEqual(["T2"]);
    expect(duplicateTxnIds(lines)).toEqual([]);
  });

  test("a statement closes only with every declared line and the declared total", () => {
    expect(closeRefusal({ lineCount: 3, totalFen: 100 }, { lineCount: 3, totalFen: 100 })).toBeNull();
    expect(closeRefusal({ lineCount: 3, totalFen: 100 }, { lineCount: 2, totalFen: 100 })).toMatch(/3 lines and 2 arrived/);
    expect(closeRefusal({ lineCount: 3, totalFen: 100 }, { lineCount: 3, totalFen: 99 })).toMatch(/total of 100/);
  });
});
