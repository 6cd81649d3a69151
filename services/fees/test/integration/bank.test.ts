import { randomUUID } from "node:crypto";
import { eventually } from "@onestop/testkit";
import { noticeNumber } from "../../src/notices/notice.rules";
import {
  BANK_PAYMENT,
  bank,
  CENTER,
  errorCode,
  FeesHarness,
  finance,
  fixedFee,
  NOTICE_BY_NO,
  ok,
  OTHER_CENTER,
  paidAt,
  person,
  supervisor,
  type NoticeRow,
} from "./support";

let harness: FeesHarness;
let zj: string;
let item: { itemId: string; version: number };
let staff: ReturnType<typeof person>;
const ACCOUNT = "6222020200112233445";

const REQUEST_REFUND = `mutation ($input: RequestRefundInput!) { requestRefund(input: $input) { id status amountFen accountNo paymentBankTxnId } }`;
const DECIDE_REFUND = `mutation ($input: DecideRefundInput!) { decideRefund(input: $input) { id status decidedBy } }`;
const BANK_REFUND = `mutation ($input: RecordBankRefundInput!) { recordBankRefund(input: $input) { id status bankTxnId refundedAt notice { status } } }`;
const COLLECTED = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Department { feeAccount { accountNo } collectedToday { day accountNo paymentCount collectedFen refundCount refundedFen netFen } } } }`;
const IRREGULARITIES = `query ($c: String!) { feeIrregularities(centerCode: $c) { kind source noticeNo bankTxnId expectedFen actualFen } }`;

async function freshNotice(amountFen = 5000): Promise<NoticeRow> {
  const priced = amountFen === 5000 ? item : await harness.item(zj, [fixedFee("F01", amountFen)]);
  return harness.noticeOf(await harness.accept(zj, priced));
}

function payment(notice: NoticeRow, bankTxnId: string, overrides: Record<string, unknown> = {}) {
  return { noticeNo: notice.notice_no, amountFen: Number(notice.amount_fen), bankTxnId, paidAt: paidAt(harness), channel: "COUNTER", ...overrides };
}

async function pay(notice: NoticeRow, bankTxnId: string, overrides: Record<string, unknown> = {}) {
  return harness.call<{ recordBankPayment: Record<string, unknown> }>(bank, BANK_PAYMENT, { input: payment(notice, bankTxnId, overrides) });
}

beforeAll(async () => {
  harness = await FeesHarness.start("fees_bank");
  zj = await harness.department("ZJJ", "住房和城乡建设局");
  await harness.configureAccount(zj, ACCOUNT);
  item = await harness.item(zj, [fixedFee("F01", 5000)]);
  staff = person("staff-7", ["window_staff"], CENTER, zj);
  await harness.letter(staff.subject, zj);
});

afterAll(async () => {
  await harness?.stop();
});

describe("looking up a notice (paymentNotice)", () => {
  test("the bank of the center sees what to collect; a mistyped number is refused; other centers see nothing", async () => {
    const notice = await freshNotice();
    const seen = ok(await harness.call<{ paymentNotice: Record<string, unknown> }>(bank, NOTICE_BY_NO, { no: notice.notice_no }));
    expect(seen.paymentNotice).toMatchObject({ amountFen: 5000, payable: true, account: { accountNo: ACCOUNT } });
    const typo = notice.notice_no.slice(0, 5) + String((Number(notice.notice_no[5]) + 1) % 10) + notice.notice_no.slice(6);
    expect(ok(await harness.call(bank, NOTICE_BY_NO, { no: typo }))).toEqual({ paymentNotice: null });
    expect(ok(await harness.call(person("bank-x", ["bank"], OTHER_CENTER), NOTICE_BY_NO, { no: notice.notice_no }))).toEqual({ paymentNotice: null });
    expect(ok(await harness.call(person("citizen-9", ["citizen"], null), NOTICE_BY_NO, { no: notice.notice_no }))).toEqual({ paymentNotice: null });
    expect(ok(await harness.call<{ paymentNotice: unknown }>(person("citizen-1", ["citizen"], null), NOTICE_BY_NO, { no: notice.notice_no })).paymentNotice).not.toBeNull();
  });
});

describe("recording a payment (recordBankPayment)", () => {
  test("settles the notice: receipt number, paid status, an event for cases, the day's totals", async () => {
    const notice = await freshNotice();
    const result = ok(await pay(notice, "ICBC-0001", { channel: "POS" })).recordBankPayment;
    expect(result).toMatchObject({
      bankTxnId: "ICBC-0001",
      noticeNo: notice.notice_no,
      amountFen: 5000,
      channel: "POS",
      receiptNo: expect.stringMatching(/^E511722\d{13}$/),
      notice: { status: "PAID" },
    });
    expect((result.notice as { receiptNo: string }).receiptNo).toBe(result.receiptNo);
    const settled = (await harness.outbox("fees.notice.settled")).filter((event) => event.noticeId === notice.id);
    expect(settled).toEqual([expect.objectContaining({ settlement: "PAID", amountFen: 5000, receiptNo: result.receiptNo, caseId: notice.case_id })]);

    const { _entities } = ok(await harness.call<{ _entities: Array<Record<string, unknown>> }>(finance, COLLECTED, { reps: [{ __typename: "Department", id: zj }] }));
    expect(_entities[0]).toMatchObject({ feeAccount: { accountNo: ACCOUNT }, collectedToday: { day: "2026-03-02", accountNo: ACCOUNT } });
    expect((_entities[0].collectedToday as { collectedFen: number }).collectedFen).toBeGreaterThanOrEqual(5000);
    expect(errorCode(await harness.call(person("citizen-1", ["citizen"], null), COLLECTED, { reps: [{ __typename: "Department", id: zj }] }))).toBe("FORBIDDEN");
  });

  test("a retry with the same content gets the same answer; the same bankTxnId with other content is a conflict and changes nothing", async () => {
    const notice = await freshNotice();
    const input = payment(notice, "ICBC-0002");
    const first = ok(await harness.call<{ recordBankPayment: unknown }>(bank, BANK_PAYMENT, { input }));
    const again = ok(await harness.call<{ recordBankPayment: unknown }>(bank, BANK_PAYMENT, { input }));
    expect(again).toEqual(first);
    const before = await harness.count("bank_transaction");
    for (const change of [{ amountFen: 4999 }, { channel: "POS" }, { paidAt: paidAt(harness, 120) }]) {
      const conflict = await harness.call(bank, BANK_PAYMENT, { input: { ...input, ...change } });
      expect(errorCode(conflict)).toBe("BANK_TXN_CONFLICT");
    }
    const other = await freshNotice();
    expect(errorCode(await harness.call(bank, BANK_PAYMENT, { input: { ...input, noticeNo: other.notice_no } }))).toBe("BANK_TXN_CONFLICT");
    expect(await harness.count("bank_transaction")).toBe(before);
    expect((await harness.notices(other.case_id))[0].status).toBe("ISSUED");
  });

  test.each([
    ["an amount that differs", (n: NoticeRow) => ({ amountFen: Number(n.amount_fen) + 1 }), "AMOUNT_DIFFERS"],
    ["an unknown notice", () => ({ noticeNo: noticeNumber(CENTER, new Date("2026-03-02T02:00:00Z"), 9_999_999) }), "NOTICE_UNKNOWN"],
  ])("%s is refused with a stable code, recorded once, and raises a supervision event once", async (_label, change, code) => {
    const notice = await freshNotice();
    const bankTxnId = `ICBC-${code}`;
    const input = { ...payment(notice, bankTxnId), ...change(notice) };
    const refused = await harness.call(bank, BANK_PAYMENT, { input });
    expect(errorCode(refused)).toBe(code);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ bankTxnId });
    expect(errorCode(await harness.call(bank, BANK_PAYMENT, { input }))).toBe(code);
    expect((await harness.notices(notice.case_id))[0].status).toBe("ISSUED");
    const { feeIrregularities } = ok(await harness.call<{ feeIrregularities: Array<{ bankTxnId: string }> }>(supervisor, IRREGULARITIES, { c: CENTER }));
    expect(feeIrregularities.filter((irregularity) => irregularity.bankTxnId === bankTxnId)).toEqual([
      expect.objectContaining({ kind: code === "AMOUNT_DIFFERS" ? "AMOUNT_MISMATCH" : "PAYMENT_WITHOUT_NOTICE", source: "BANK_PAYMENT" }),
    ]);
    expect((await harness.outbox("fees.irregularity.detected")).filter((event) => event.bankTxnId === bankTxnId)).toHaveLength(1);
  });

  test("bad input is refused before anything is written", async () => {
    const notice = await freshNotice();
    const before = await harness.count("bank_transaction");
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ noticeNo: `${notice.notice_no.slice(0, 19)}${(Number(notice.notice_no[19]) + 1) % 10}` }, "NOTICE_NO_INVALID"],
      [{ amountFen: 0 }, "BAD_USER_INPUT"],
      [{ amountFen: -5000 }, "BAD_USER_INPUT"],
      [{ bankTxnId: "" }, "BAD_USER_INPUT"],
      [{ bankTxnId: "has space" }, "BAD_USER_INPUT"],
      [{ bankTxnId: "x".repeat(65) }, "BAD_USER_INPUT"],
      [{ paidAt: "2026-03-02 10:00" }, "BAD_USER_INPUT"],
      [{ paidAt: "2026-03-02T10:00:00" }, "BAD_USER_INPUT"],
      [{ paidAt: new Date(harness.clock.now().getTime() + 3_600_000).toISOString() }, "BAD_USER_INPUT"],
    ];
    for (const [change, code] of cases) expect([change, errorCode(await pay(notice, "ICBC-BAD", change))]).toEqual([change, code]);
    const wrongType = await harness.call(bank, BANK_PAYMENT, { input: { ...payment(notice, "ICBC-BAD"), amountFen: 50.5 } });
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
    expect(await harness.count("bank_transaction")).toBe(before);
  });

  test("only the bank records payments (票款分离), and only in its own center", async () => {
    const notice = await freshNotice();
    for (const caller of [staff, finance, person("admin", ["center_admin"]), person("citizen-1", ["citizen"], null)]) {
      expect(errorCode(await harness.call(caller, BANK_PAYMENT, { input: payment(notice, "ICBC-X1") }))).toBe("FORBIDDEN");
    }
    expect(errorCode(await harness.call(person("anonymous", ["anonymous"], null), BANK_PAYMENT, { input: payment(notice, "ICBC-X1") }))).toBe(
      "UNAUTHENTICATED",
    );
    const foreignBank = person("bank-x", ["bank"], OTHER_CENTER);
    expect(errorCode(await harness.call(foreignBank, BANK_PAYMENT, { input: payment(notice, "ICBC-X2") }))).toBe("NOTICE_UNKNOWN");
    expect((await harness.notices(notice.case_id))[0].status).toBe("ISSUED");
  });
});

describe("1,000 concurrent payments of one notice, half retries of one transaction, half other transactions", () => {
  test("exactly one payment; every retry of the winner gets its answer; every other gets NOTICE_ALREADY_PAID; the day reconciles to the fen", async () => {
    const notice = await freshNotice(12_345);
    const winner = payment(notice, "WIN-0001");
    const calls = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? { kind: "retry", input: winner } : { kind: "other", input: { ...winner, bankTxnId: `OTHER-${String(i).padStart(4, "0")}` } },
    );
    // The first call of the winner's id may lose to another transaction: then the winner is that one.
    const answers = await Promise.all(calls.map(async (call) => ({ ...call, response: await harness.call<{ recordBankPayment: Record<string, unknown> }>(bank, BANK_PAYMENT, { input: call.input }) })));

    const successes = answers.filter((answer) => !answer.response.errors);
    const paidBy = new Set(successes.map((answer) => answer.input.bankTxnId));
    expect(paidBy.size).toBe(1);
    const [winnerId] = paidBy;
    // Almost always the first call sent (a retry of WIN-0001) takes the lock first; if another transaction does, it is the winner.
    const winnerAnswers = answers.filter((answer) => answer.input.bankTxnId === winnerId);
    expect(winnerAnswers).toHaveLength(winnerId === "WIN-0001" ? 500 : 1);
    expect(winnerAnswers.map((answer) => errorCode(answer.response)).filter(Boolean)).toEqual([]);
    expect(new Set(winnerAnswers.map((answer) => JSON.stringify(answer.response.data))).size).toBe(1);
    const losers = answers.filter((answer) => answer.input.bankTxnId !== winnerId);
    expect(losers.map((answer) => errorCode(answer.response)).filter((code) => code !== "NOTICE_ALREADY_PAID")).toEqual([]);

    expect(await harness.count("bank_transaction", "notice_id = ? AND outcome = 'ACCEPTED'", [notice.id])).toBe(1);
    expect(await harness.count("bank_transaction", "notice_id = ? AND outcome = 'NOTICE_ALREADY_PAID'", [notice.id])).toBe(500);
    expect((await harness.outbox("fees.notice.settled")).filter((event) => event.noticeId === notice.id)).toHaveLength(1);

    // The bank's statement of the day lists the one payment it made: it matches to the fen.
    const statement = (await harness.query<{ bank_txn_id: string; notice_no: string; amount_fen: string; paid_at: Date }>(
      "SELECT bank_txn_id, notice_no, amount_fen, paid_at FROM bank_transaction WHERE account_no = ? AND paid_day = '2026-03-02' AND outcome = 'ACCEPTED'",
      [ACCOUNT],
    )).map((row) => ({ bankTxnId: row.bank_txn_id, noticeNo: row.notice_no, amountFen: Number(row.amount_fen), paidAt: row.paid_at.toISOString() }));
    const report = ok(
      await harness.call<{ reconcileBankStatement: Record<string, { count: number; bankTotalFen: number }> & { totals: Array<{ differenceFen: number }> } }>(
        bank,
        `mutation ($input: ReconcileBankStatementInput!) { reconcileBankStatement(input: $input) {
          matched { count bankTotalFen } paidAtBankUnknownHere { count } recordedHereMissingAtBank { count } amountMismatch { count } detailMismatch { count }
          totals { recordedTotalFen bankTotalFen differenceFen } } }`,
        { input: { statementDate: "2026-03-02", accountNo: ACCOUNT, entries: statement } },
      ),
    ).reconcileBankStatement;
    expect(statement.some((line) => line.bankTxnId === winnerId && line.amountFen === 12_345)).toBe(true);
    expect(report.matched.count).toBe(statement.length);
    expect([report.paidAtBankUnknownHere.count, report.recordedHereMissingAtBank.count, report.amountMismatch.count, report.detailMismatch.count]).toEqual([0, 0, 0, 0]);
    expect(report.totals[0].differenceFen).toBe(0);
  }, 120_000);
});

describe("refunds (退费)", () => {
  test("staff ask, finance (not the asker) approves, the bank pays back once; the notice ends REFUNDED and the day's net drops", async () => {
    const notice = await freshNotice(8000);
    expect(errorCode(await harness.call(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "重复缴费", idempotencyKey: randomUUID() } }))).toBe("INVALID_TRANSITION");
    ok(await pay(notice, "ICBC-R-PAY"));
    expect(errorCode(await harness.call(bank, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "x", idempotencyKey: randomUUID() } }))).toBe("FORBIDDEN");
    const refund = ok(await harness.call<{ requestRefund: { id: string } }>(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "案件撤回，申请退费", idempotencyKey: randomUUID() } })).requestRefund;
    expect(refund).toMatchObject({ status: "REQUESTED", amountFen: 8000, accountNo: ACCOUNT, paymentBankTxnId: "ICBC-R-PAY" });
    expect(errorCode(await harness.call(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "again", idempotencyKey: randomUUID() } }))).toBe("CONFLICT");

    const execution = { refundId: refund.id, amountFen: 8000, bankTxnId: "ICBC-R-BACK", refundedAt: paidAt(harness, 10) };
    expect(errorCode(await harness.call(bank, BANK_REFUND, { input: execution }))).toBe("REFUND_NOT_APPROVED");
    expect(errorCode(await harness.call(staff, DECIDE_REFUND, { input: { refundId: refund.id, approve: true } }))).toBe("FORBIDDEN");
    expect(errorCode(await harness.call(supervisor, DECIDE_REFUND, { input: { refundId: refund.id, approve: true } }))).toBe("FORBIDDEN");
    expect(errorCode(await harness.call(person("staff-7", ["finance"]), DECIDE_REFUND, { input: { refundId: refund.id, approve: true } }))).toBe(
      "SAME_REQUESTER_AND_APPROVER",
    );
    expect(ok(await harness.call<{ decideRefund: unknown }>(finance, DECIDE_REFUND, { input: { refundId: refund.id, approve: true } })).decideRefund).toMatchObject({
      status: "APPROVED",
      decidedBy: "finance-1",
    });

    const second = { ...execution, bankTxnId: "ICBC-R-BACK-2" };
    expect(errorCode(await harness.call(bank, BANK_REFUND, { input: { ...second, amountFen: 7999 } }))).toBe("AMOUNT_DIFFERS");
    const done = ok(await harness.call<{ recordBankRefund: unknown }>(bank, BANK_REFUND, { input: { ...execution, bankTxnId: "ICBC-R-BACK-3" } })).recordBankRefund;
    expect(done).toMatchObject({ status: "EXECUTED", bankTxnId: "ICBC-R-BACK-3", notice: { status: "REFUNDED" } });
    expect(ok(await harness.call(bank, BANK_REFUND, { input: { ...execution, bankTxnId: "ICBC-R-BACK-3" } }))).toEqual({ recordBankRefund: done });
    expect(errorCode(await harness.call(bank, BANK_REFUND, { input: { ...execution, bankTxnId: "ICBC-R-BACK-4" } }))).toBe("REFUND_ALREADY_PAID");
    expect((await harness.outbox("fees.notice.refunded")).filter((event) => event.noticeId === notice.id)).toEqual([
      expect.objectContaining({ amountFen: 8000, approvedBy: "finance-1", bankTxnId: "ICBC-R-BACK-3" }),
    ]);
    const [refunded] = await harness.query<{ ledger_fen: string; paid_day: string }>(
      "SELECT ledger_fen, DATE_FORMAT(paid_day, '%Y-%m-%d') AS paid_day FROM bank_transaction WHERE bank_txn_id = 'ICBC-R-BACK-3'",
    );
    expect(refunded).toEqual({ ledger_fen: "-8000", paid_day: "2026-03-02" });
    const { feeCollections } = ok(
      await harness.call<{ feeCollections: Array<{ accountNo: string; refundCount: number; refundedFen: number; netFen: number; collectedFen: number }> }>(
        finance,
        `query { feeCollections(centerCode: "${CENTER}") { accountNo refundCount refundedFen netFen collectedFen } }`,
      ),
    );
    const mine = feeCollections.find((collection) => collection.accountNo === ACCOUNT)!;
    expect(mine.refundedFen).toBe(8000);
    expect(mine.netFen).toBe(mine.collectedFen - 8000);
  });

  test("a rejected refund leaves the notice paid and can be asked for again", async () => {
    const notice = await freshNotice(3000);
    ok(await pay(notice, "ICBC-RJ-PAY"));
    const refund = ok(await harness.call<{ requestRefund: { id: string } }>(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "x", idempotencyKey: randomUUID() } })).requestRefund;
    ok(await harness.call(finance, DECIDE_REFUND, { input: { refundId: refund.id, approve: false, note: "不符合退费条件" } }));
    expect((await harness.notices(notice.case_id))[0].status).toBe("PAID");
    const again = randomUUID();
    await eventually(async () => ok(await harness.call(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: "补充材料后再申请", idempotencyKey: again } })));
  });
});

describe("refunds in pages (refundPage)", () => {
  const PAGE = `query ($c: String!, $s: RefundStatus, $first: Int, $after: String) {
    refundPage(centerCode: $c, status: $s, first: $first, after: $after) { totalCount nextCursor nodes { id status } } }`;
  type Page = { refundPage: { totalCount: number; nextCursor: string | null; nodes: Array<{ id: string; status: string }> } };

  test("walk the center's refunds once, newest first, as refunds lists them; the bank sees only those to pay back and paid", async () => {
    for (let index = 0; index < 3; index += 1) {
      const notice = await freshNotice(1000 + index);
      ok(await pay(notice, `ICBC-RP-${index}-${notice.id.slice(0, 8)}`));
      ok(await harness.call(staff, REQUEST_REFUND, { input: { noticeId: notice.id, reason: `退费 ${index}`, idempotencyKey: randomUUID() } }));
    }
    const whole = ok(await harness.call<{ refunds: Array<{ id: string }> }>(finance, `query ($c: String!) { refunds(centerCode: $c) { id } }`, { c: CENTER })).refunds.map((row) => row.id);
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = ok(await harness.call<Page>(finance, PAGE, { c: CENTER, first: 2, after }));
      expect(page.refundPage.totalCount).toBe(whole.length);
      walked.push(...page.refundPage.nodes.map((node) => node.id));
      after = page.refundPage.nextCursor;
      if (!after) break;
    }
    expect(walked).toEqual(whole);
    const requested = ok(await harness.call<Page>(finance, PAGE, { c: CENTER, s: "REQUESTED", first: 100 })).refundPage;
    expect(requested.nodes.length).toBeGreaterThanOrEqual(3);
    expect(requested.nodes.every((node) => node.status === "REQUESTED")).toBe(true);
    const banks = ok(await harness.call<Page>(bank, PAGE, { c: CENTER, first: 100 })).refundPage;
    expect(banks.nodes.every((node) => node.status === "APPROVED" || node.status === "EXECUTED")).toBe(true);
    expect(errorCode(await harness.call(finance, PAGE, { c: CENTER, after: "x" }))).toBe("BAD_USER_INPUT");
  });
});
