import { noticeNumber } from "../../src/notices/notice.rules";
import { bank, BANK_PAYMENT, CENTER, errorCode, FeesHarness, finance, fixedFee, ok, paidAt, person, supervisor, type NoticeRow } from "./support";

let harness: FeesHarness;
let zj: string;
let item: { itemId: string; version: number };
const ACCOUNT = "6222020200112233445";
const OTHER_ACCOUNT = "6222020200555566667";
const DAY = "2026-03-02";

const REPORT_FIELDS = `statementId statementDate accountNo reconciledAt
  matched { count bankTotalFen recordedTotalFen } paidAtBankUnknownHere { count bankTotalFen } recordedHereMissingAtBank { count recordedTotalFen }
  amountMismatch { count bankTotalFen recordedTotalFen } detailMismatch { count }
  totals { accountNo department { id } bankLineCount bankTotalFen recordedCount recordedTotalFen matchedCount matchedTotalFen differenceFen }
  discrepancies { category reason bankTxnId noticeNo bankAmountFen recordedAmountFen }`;
const RECONCILE = `mutation ($input: ReconcileBankStatementInput!) { reconcileBankStatement(input: $input) { ${REPORT_FIELDS} } }`;
const BEGIN = `mutation ($input: BeginBankStatementInput!) { beginBankStatement(input: $input) { id status lineCount totalFen receivedLines } }`;
const APPEND = `mutation ($input: AppendBankStatementLinesInput!) { appendBankStatementLines(input: $input) { id status receivedLines receivedTotalFen } }`;
const CLOSE = `mutation ($id: ID!) { closeBankStatement(statementId: $id) { ${REPORT_FIELDS} } }`;

interface Entry {
  bankTxnId: string;
  noticeNo: string;
  amountFen: number;
  paidAt: string;
}
type Report = Record<string, unknown> & {
  statementId: string;
  discrepancies: Array<Record<string, unknown>>;
  totals: Array<Record<string, number | string>>;
};

async function paidNotice(bankTxnId: string, department = zj): Promise<{ notice: NoticeRow; entry: Entry }> {
  const priced = department === zj ? item : await harness.item(department, [fixedFee("F01", 5000)]);
  const notice = await harness.noticeOf(await harness.accept(department, priced));
  const at = paidAt(harness, 30);
  ok(await harness.call(bank, BANK_PAYMENT, { input: { noticeNo: notice.notice_no, amountFen: 5000, bankTxnId, paidAt: at, channel: "COUNTER" } }));
  return { notice, entry: { bankTxnId, noticeNo: notice.notice_no, amountFen: 5000, paidAt: at } };
}

async function reconcile(entries: Entry[], accountNo = ACCOUNT, statementDate = DAY) {
  return harness.call<{ reconcileBankStatement: Report }>(bank, RECONCILE, { input: { statementDate, accountNo, entries } });
}

beforeAll(async () => {
  harness = await FeesHarness.start("fees_reconciliation");
  zj = await harness.department("ZJJ", "住房和城乡建设局");
  await harness.configureAccount(zj, ACCOUNT);
  item = await harness.item(zj, [fixedFee("F01", 5000)]);
  await harness.letter("staff-7", zj);
});

afterAll(async () => {
  await harness?.stop();
});

describe("a day's statement against the record (对账)", () => {
  let report: Report;
  let lines: Entry[];
  let missing: { notice: NoticeRow; entry: Entry };
  let cancelledNo: string;

  beforeAll(async () => {
    const matched = await paidNotice("M-1");
    const mismatched = await paidNotice("M-2");
    missing = await paidNotice("M-3");
    const wrongNotice = await paidNotice("M-4");
    const unpaid = await harness.noticeOf(await harness.accept(zj, item));
    const cancelled = await harness.noticeOf(await harness.accept(zj, item));
    ok(
      await harness.call(person("staff-7", ["window_staff"], CENTER, zj), `mutation ($id: ID!) { cancelPaymentNotice(noticeId: $id, reason: "作废") { id } }`, {
        id: cancelled.id,
      }),
    );
    cancelledNo = cancelled.notice_no;
    const at = paidAt(harness, 20);
    lines = [
      matched.entry,
      { ...mismatched.entry, amountFen: 4000 },
      { ...wrongNotice.entry, noticeNo: unpaid.notice_no },
      { bankTxnId: "B-UNKNOWN", noticeNo: noticeNumber(CENTER, harness.clock.now(), 9_999_998), amountFen: 700, paidAt: at },
      { bankTxnId: "B-UNPAID", noticeNo: unpaid.notice_no, amountFen: 5000, paidAt: at },
      { bankTxnId: "B-CANCELLED", noticeNo: cancelledNo, amountFen: 5000, paidAt: at },
    ];
    report = ok(await reconcile(lines)).reconcileBankStatement;
  });

  test("each line is matched or classified; what the center recorded and the bank did not list is reported", () => {
    expect(report).toMatchObject({
      statementDate: DAY,
      accountNo: ACCOUNT,
      matched: { count: 1, bankTotalFen: 5000, recordedTotalFen: 5000 },
      amountMismatch: { count: 1, bankTotalFen: 4000, recordedTotalFen: 5000 },
      detailMismatch: { count: 1 },
      paidAtBankUnknownHere: { count: 3, bankTotalFen: 700 + 5000 + 5000 },
      recordedHereMissingAtBank: { count: 1, recordedTotalFen: 5000 },
    });
    expect(report.discrepancies.map((d) => [d.category, d.reason, d.bankTxnId])).toEqual([
      ["AMOUNT_MISMATCH", null, "M-2"],
      ["DETAIL_MISMATCH", "NOTICE_DIFFERS", "M-4"],
      ["PAID_AT_BANK_UNKNOWN_HERE", "NOTICE_UNKNOWN", "B-UNKNOWN"],
      ["PAID_AT_BANK_UNKNOWN_HERE", "NOT_RECORDED", "B-UNPAID"],
      ["PAID_AT_BANK_UNKNOWN_HERE", "NOTICE_CANCELLED", "B-CANCELLED"],
      ["RECORDED_HERE_MISSING_AT_BANK", null, "M-3"],
    ]);
    expect(report.discrepancies.at(-1)).toMatchObject({ noticeNo: missing.notice.notice_no, bankAmountFen: null, recordedAmountFen: 5000 });
  });

  test("totals per department account: the bank's, the center's, and the difference to the fen", () => {
    expect(report.totals).toEqual([
      {
        accountNo: ACCOUNT,
        department: { id: zj },
        bankLineCount: 6,
        bankTotalFen: 5000 + 4000 + 5000 + 700 + 5000 + 5000,
        recordedCount: 4,
        recordedTotalFen: 20_000,
        matchedCount: 1,
        matchedTotalFen: 5000,
        differenceFen: 24_700 - 20_000,
      },
    ]);
  });

  test("money taken on an unknown notice and a wrong amount reach supervision, once each", async () => {
    const { feeIrregularities } = ok(
      await harness.call<{ feeIrregularities: Array<{ kind: string; source: string; bankTxnId: string }> }>(
        supervisor,
        `query ($c: String!) { feeIrregularities(centerCode: $c) { kind source bankTxnId } }`,
        { c: CENTER },
      ),
    );
    expect(feeIrregularities.filter((irregularity) => irregularity.source === "RECONCILIATION").map((i) => [i.kind, i.bankTxnId]).sort()).toEqual([
      ["AMOUNT_MISMATCH", "M-2"],
      ["PAYMENT_WITHOUT_NOTICE", "B-UNKNOWN"],
    ]);

    // The same list a page at a time: each page one, the count of all on every page, none twice.
    const PAGE = `query ($c: String!, $after: String) { feeIrregularityPage(centerCode: $c, first: 1, after: $after) { totalCount nextCursor nodes { id } } }`;
    type Page = { feeIrregularityPage: { totalCount: number; nextCursor: string | null; nodes: Array<{ id: string }> } };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { feeIrregularityPage: page }: Page = ok(await harness.call<Page>(supervisor, PAGE, { c: CENTER, after }));
      expect(page.totalCount).toBe(feeIrregularities.length);
      expect(page.nodes).toHaveLength(1);
      seen.push(page.nodes[0]!.id);
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(feeIrregularities.length);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await harness.call<Page>(supervisor, PAGE, { c: CENTER, after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the same statement again, in any order, gets the same report and changes nothing", async () => {
    const tables = ["bank_statement_line", "bank_statement_discrepancy", "fee_irregularity", "outbox_message", "bank_transaction", "payment_notice"];
    const before = await Promise.all(tables.map((table) => harness.count(table)));
    const again = ok(await reconcile([...lines].reverse())).reconcileBankStatement;
    expect(again).toEqual(report);
    expect(await Promise.all(tables.map((table) => harness.count(table)))).toEqual(before);
    expect(await harness.count("bank_statement")).toBe(1);
  });

  test("a corrected statement is reconciled afresh", async () => {
    const corrected = ok(await reconcile([...lines, missing.entry])).reconcileBankStatement;
    expect(corrected.statementId).not.toBe(report.statementId);
    expect(corrected).toMatchObject({ matched: { count: 2 }, recordedHereMissingAtBank: { count: 0 } });
  });
});

describe("large statements in parts", () => {
  test("begin, append parts (a part sent twice is harmless), close: the same report as in one call; closing twice changes nothing", async () => {
    const department = await harness.department("SCJ", "市场监督管理局");
    await harness.configureAccount(department, OTHER_ACCOUNT);
    const paid = [];
    for (let i = 0; i < 7; i += 1) paid.push((await paidNotice(`P-${i}`, department)).entry);
    const totalFen = paid.reduce((sum, entry) => sum + entry.amountFen, 0);
    const opened = ok(await harness.call<{ beginBankStatement: { id: string } }>(bank, BEGIN, {
      input: { statementDate: DAY, accountNo: OTHER_ACCOUNT, lineCount: 7, totalFen },
    })).beginBankStatement;
    expect(opened).toMatchObject({ status: "OPEN", lineCount: 7, totalFen: 35_000, receivedLines: 0 });

    expect(errorCode(await harness.call(bank, CLOSE, { id: opened.id }))).toBe("STATEMENT_INCOMPLETE");
    ok(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 1, entries: paid.slice(0, 3) } }));
    const resent = ok(await harness.call<{ appendBankStatementLines: unknown }>(bank, APPEND, { input: { statementId: opened.id, partNo: 1, entries: paid.slice(0, 3) } }));
    expect(resent.appendBankStatementLines).toMatchObject({ receivedLines: 3, receivedTotalFen: 15_000 });
    expect(errorCode(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 1, entries: paid.slice(3, 5) } }))).toBe("STATEMENT_PART_CONFLICT");
    expect(errorCode(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 2, entries: paid.slice(2, 4) } }))).toBe("STATEMENT_DUPLICATE_TXN");
    expect(errorCode(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 2, entries: paid } }))).toBe("STATEMENT_TOO_LARGE");
    ok(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 2, entries: paid.slice(3) } }));

    const closed = ok(await harness.call<{ closeBankStatement: Report }>(bank, CLOSE, { id: opened.id })).closeBankStatement;
    expect(closed).toMatchObject({ matched: { count: 7, bankTotalFen: 35_000 }, totals: [expect.objectContaining({ differenceFen: 0 })] });
    expect(closed.discrepancies).toEqual([]);
    const before = await harness.count("bank_statement_discrepancy");
    expect(ok(await harness.call(bank, CLOSE, { id: opened.id })).closeBankStatement).toEqual(closed);
    expect(errorCode(await harness.call(bank, APPEND, { input: { statementId: opened.id, partNo: 3, entries: paid.slice(0, 1) } }))).toBe("STATEMENT_CLOSED");

    const whole = ok(await reconcile(paid, OTHER_ACCOUNT)).reconcileBankStatement;
    expect(whole).toEqual(closed);
    expect(await harness.count("bank_statement_discrepancy")).toBe(before);
  });

  test("a statement of a day with no lines lists everything recorded as missing at the bank", async () => {
    const department = await harness.department("GTJ", "国土局");
    await harness.configureAccount(department, "6222020200777788889");
    const { entry } = await paidNotice("E-1", department);
    const report = ok(await reconcile([], "6222020200777788889")).reconcileBankStatement;
    expect(report).toMatchObject({ matched: { count: 0 }, recordedHereMissingAtBank: { count: 1, recordedTotalFen: 5000 } });
    expect(report.discrepancies).toEqual([expect.objectContaining({ bankTxnId: entry.bankTxnId, category: "RECORDED_HERE_MISSING_AT_BANK" })]);
  });
});

describe("bad statements are refused and write nothing", () => {
  const line = (bankTxnId: string): Entry => ({ bankTxnId, noticeNo: "51172226030200000011", amountFen: 100, paidAt: "2026-03-02T01:00:00Z" });

  test.each([
    ["an account that is no fee account here", { accountNo: "9999999999" }, "STATEMENT_ACCOUNT_UNKNOWN"],
    ["a day in the future", { statementDate: "2026-03-03" }, "BAD_USER_INPUT"],
    ["a day that does not exist", { statementDate: "2026-02-30" }, "BAD_USER_INPUT"],
    ["a transaction listed twice", { entries: [line("D-1"), line("D-1")] }, "STATEMENT_DUPLICATE_TXN"],
    ["a line of 0 fen", { entries: [{ ...line("Z-1"), amountFen: 0 }] }, "BAD_USER_INPUT"],
    ["a paidAt without offset", { entries: [{ ...line("Z-2"), paidAt: "2026-03-02T01:00:00" }] }, "BAD_USER_INPUT"],
    ["more lines than one call takes", { entries: Array.from({ length: 5001 }, (_, i) => line(`L-${i}`)) }, "STATEMENT_TOO_LARGE"],
  ])("%s", async (_label, change, code) => {
    const before = await harness.count("bank_statement");
    const result = await harness.call(bank, RECONCILE, { input: { statementDate: DAY, accountNo: ACCOUNT, entries: [line("OK-1")], ...change } });
    expect(errorCode(result)).toBe(code);
    expect(await harness.count("bank_statement")).toBe(before);
  });

  test("only the bank or finance reconciles, and only their own center's accounts", async () => {
    const input = { statementDate: DAY, accountNo: ACCOUNT, entries: [] };
    expect(errorCode(await harness.call(person("staff-7", ["window_staff"], CENTER, zj), RECONCILE, { input }))).toBe("FORBIDDEN");
    expect(errorCode(await harness.call(person("bank-x", ["bank"], "511721000000"), RECONCILE, { input }))).toBe("STATEMENT_ACCOUNT_UNKNOWN");
    expect(ok(await harness.call<{ reconcileBankStatement: Report }>(finance, RECONCILE, { input })).reconcileBankStatement.accountNo).toBe(ACCOUNT);
  });
});
