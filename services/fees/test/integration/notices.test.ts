import { randomUUID } from "node:crypto";
import { eventually } from "@onestop/testkit";
import {
  admin,
  bank,
  BANK_PAYMENT,
  CENTER,
  errorCode,
  FEE_ACTS,
  FeesHarness,
  finance,
  fixedFee,
  NOTICE_BY_NO,
  ok,
  otherFinance,
  paidAt,
  linesOf,
  perUnitFee,
  person,
  supervisor,
} from "./support";

let harness: FeesHarness;
let zj: string;
let staff: ReturnType<typeof person>;

const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelPaymentNotice(noticeId: $id, reason: $reason) { id status cancelReason } }`;
const REISSUE = `mutation ($id: ID!, $reason: String!) { reissuePaymentNotice(noticeId: $id, reason: $reason) { id noticeNo status amountFen replaces { id status } } }`;
const REQUEST_REDUCTION = `mutation ($input: RequestFeeReductionInput!) { requestFeeReduction(input: $input) { id status percent } }`;
const DECIDE_REDUCTION = `mutation ($input: DecideFeeReductionInput!) {
  decideFeeReduction(input: $input) { id status decidedBy resultingNotice { noticeNo amountFen standardAmountFen status lineItems { standardAmountFen reductionFen amountFen } } } }`;
const IRREGULARITIES = `query ($c: String!, $k: FeeIrregularityKind) { feeIrregularities(centerCode: $c, kind: $k) { kind source feeCode caseId: case { id } noticeNo bankTxnId expectedFen actualFen } }`;

beforeAll(async () => {
  harness = await FeesHarness.start("fees_notices");
  zj = await harness.department("ZJJ", "住房和城乡建设局");
  await harness.configureAccount(zj, "6222020200112233445");
  staff = person("staff-7", ["window_staff"], CENTER, zj);
  await harness.letter(staff.subject, zj);
});

afterAll(async () => {
  await harness?.stop();
});

describe("assessment on acceptance (核定收费)", () => {
  test("the notice is computed from the version's fee items and the case's quantity, routed to the department's account", async () => {
    const item = await harness.item(zj, [perUnitFee("F01", 137)]);
    const caseId = await harness.accept(zj, item, { quantity: 250 });
    const row = await harness.noticeOf(caseId);
    const { paymentNotice } = ok(await harness.call<{ paymentNotice: Record<string, unknown> }>(bank, NOTICE_BY_NO, { no: row.notice_no }));
    expect(paymentNotice).toMatchObject({
      noticeNo: expect.stringMatching(/^\d{20}$/),
      status: "ISSUED",
      payable: true,
      payerName: "张三",
      amountFen: 34_250,
      standardAmountFen: 34_250,
      departmentName: "住房和城乡建设局",
      itemVersion: 1,
      account: { accountNo: "6222020200112233445", bankName: "中国工商银行宣汉支行" },
      lineItems: [{ feeCode: "F01", quantity: 250, standardAmountFen: 34_250, reductionFen: 0, amountFen: 34_250, legalBasis: "测绘收费标准" }],
      // Issued Monday 2 March 2026; the 10th working day after is Monday 16 March; payable until its end in Beijing time.
      issuedAt: "2026-03-02T02:00:00.000Z",
      expiresAt: "2026-03-16T16:00:00.000Z",
    });
    const [issued] = await harness.outbox("fees.notice.issued");
    expect(issued).toMatchObject({ caseId, amountFen: 34_250, accountNo: "6222020200112233445", replacesNoticeId: null });
  });

  test("fixed fees add up, one line each; a free item gets no notice", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000), fixedFee("F02", 2500, "登记费")]);
    const caseId = await harness.accept(zj, item, { quantity: 3 });
    const row = await harness.noticeOf(caseId);
    expect(Number(row.amount_fen)).toBe(3500);
    expect(linesOf(row).map((line) => line.feeCode)).toEqual(["F01", "F02"]);

    const free = await harness.item(zj, []);
    const freeCase = await harness.accept(zj, free);
    expect(await eventually(() => harness.caseAssessment(freeCase).then((a) => (a === "NOTHING_TO_CHARGE" ? a : null)))).toBe("NOTHING_TO_CHARGE");
    expect(await harness.notices(freeCase)).toEqual([]);
  });

  test("a version published before fee items had codes is charged by its whole-case standard", async () => {
    const item = await harness.item(zj, []);
    const legacy = await harness.item(zj, [], { itemId: item.itemId, version: 2 });
    await harness.query("UPDATE fee_standard_replica SET fee_standard = ?, fee_items = NULL WHERE item_id = ? AND version = 2", [
      JSON.stringify({ kind: "FIXED", amountFen: 800 }),
      item.itemId,
    ]);
    const caseId = await harness.accept(zj, legacy);
    const row = await harness.noticeOf(caseId);
    expect(linesOf(row)).toMatchObject([{ feeCode: "STANDARD", amountFen: 800 }]);
  });

  test("a fee the catalog cancelled is never charged again, even under the version the case was accepted under; supervision hears of it", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000), fixedFee("F02", 500, "登记费")]);
    await harness.item(zj, [fixedFee("F01", 1000)], { itemId: item.itemId, version: 2, cancelledFeeCodes: ["F02"] });
    const caseId = await harness.accept(zj, item);
    const row = await harness.noticeOf(caseId);
    expect(Number(row.amount_fen)).toBe(1000);
    const { feeIrregularities } = ok(
      await harness.call<{ feeIrregularities: Array<Record<string, unknown>> }>(supervisor, IRREGULARITIES, { c: CENTER, k: "FEE_NOT_IN_STANDARD" }),
    );
    expect(feeIrregularities).toContainEqual(
      expect.objectContaining({ kind: "FEE_NOT_IN_STANDARD", source: "ASSESSMENT", feeCode: "F02", caseId: { id: caseId }, actualFen: 500 }),
    );
    expect((await harness.outbox("fees.irregularity.detected")).filter((event) => event.caseId === caseId)).toHaveLength(1);

    // When every fee of the version is cancelled, nothing is charged, and cases hears so.
    await harness.item(zj, [], { itemId: item.itemId, version: 3, cancelledFeeCodes: ["F01", "F02"] });
    const nothingOwed = await harness.accept(zj, item);
    expect(await eventually(() => harness.caseAssessment(nothingOwed).then((a) => (a === "NOTHING_TO_CHARGE" ? a : null)))).toBe("NOTHING_TO_CHARGE");
    expect(await harness.notices(nothingOwed)).toEqual([]);
    expect((await harness.outbox("fees.case.fee-assessed")).filter((event) => event.caseId === nothingOwed)).toEqual([
      expect.objectContaining({ outcome: "NOTHING_TO_CHARGE", noticeId: null, uncharged: ["F01", "F02"] }),
    ]);
  });

  test("a redelivered acceptance issues nothing twice", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    const caseId = await harness.accept(zj, item);
    await harness.noticeOf(caseId);
    const before = await harness.count("outbox_message");
    await harness.accept(zj, item, { caseId });
    await harness.processed(harness.lastEventId);
    expect(await harness.notices(caseId)).toHaveLength(1);
    expect(await harness.count("outbox_message")).toBe(before);
  });
});

describe("a department without a fee account", () => {
  test("cannot be issued a notice: the case waits, and gets its notice when the account is configured", async () => {
    const qx = await harness.department("QXJ", "气象局");
    const item = await harness.item(qx, [fixedFee("F01", 2000)]);
    const caseId = await harness.accept(qx, item);
    expect(await eventually(() => harness.caseAssessment(caseId).then((a) => (a === "AWAITING_ACCOUNT" ? a : null)))).toBe("AWAITING_ACCOUNT");
    expect(await harness.notices(caseId)).toEqual([]);
    const reissue = await harness.call(person("staff-q", ["window_staff"], CENTER, qx), REISSUE, { id: "nope", reason: "x" });
    expect(errorCode(reissue)).toBe("NOT_FOUND");

    const ASSESSMENT = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { feeAssessment paymentNotices { amountFen } } } }`;
    const reps = [{ __typename: "Case", id: caseId }];
    const qxStaff = person("staff-q", ["window_staff"], CENTER, qx);
    expect(ok(await harness.call(qxStaff, ASSESSMENT, { reps }))).toEqual({ _entities: [{ feeAssessment: "AWAITING_ACCOUNT", paymentNotices: [] }] });
    expect(ok(await harness.call(person("citizen-9", ["citizen"], null), ASSESSMENT, { reps }))).toEqual({ _entities: [{ feeAssessment: null, paymentNotices: [] }] });

    await harness.configureAccount(qx, "6222020200999988887", finance);
    const [notice] = await harness.notices(caseId);
    expect(notice).toMatchObject({ status: "ISSUED", account_no: "6222020200999988887", amount_fen: "2000" });
    expect(ok(await harness.call(qxStaff, ASSESSMENT, { reps }))).toEqual({ _entities: [{ feeAssessment: "NOTICE_ISSUED", paymentNotices: [{ amountFen: 2000 }] }] });
    const assessed = (await harness.outbox("fees.case.fee-assessed")).filter((event) => event.caseId === caseId);
    expect(assessed.map((event) => [event.outcome, event.amountFen])).toEqual([
      ["AWAITING_ACCOUNT", null],
      ["NOTICE_ISSUED", 2000],
    ]);
  });

  test("an account belongs to one department; only administration or finance of the center set it; staffing must know the department", async () => {
    const other = await harness.department("SFJ", "司法局");
    const input = { departmentId: other, accountNo: "6222020200112233445", accountName: "x", bankName: "y" };
    const CONFIGURE = `mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id feeAccount { accountNo } } }`;
    expect(errorCode(await harness.call(admin, CONFIGURE, { input }))).toBe("ACCOUNT_IN_USE");
    expect(errorCode(await harness.call(staff, CONFIGURE, { input: { ...input, accountNo: "1234567890" } }))).toBe("FORBIDDEN");
    expect(errorCode(await harness.call(person("a", ["center_admin"], "511721000000"), CONFIGURE, { input: { ...input, accountNo: "1234567890" } }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await harness.call(admin, CONFIGURE, { input: { ...input, departmentId: "unknown" } }))).toBe("UNKNOWN_DEPARTMENT");
    expect(errorCode(await harness.call(admin, CONFIGURE, { input: { ...input, accountNo: "12-34" } }))).toBe("BAD_USER_INPUT");
    expect(await harness.count("fee_account", "department_id = ?", [other])).toBe(0);
  });
});

describe("cancellation", () => {
  test("a refused, withdrawn or returned case cancels its unpaid notice; an approved one does not", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    for (const outcome of ["REFUSED", "WITHDRAWN", "RETURNED"]) {
      const caseId = await harness.accept(zj, item);
      await harness.noticeOf(caseId);
      await harness.conclude(caseId, zj, item, outcome);
      await eventually(async () => ((await harness.notices(caseId))[0].status === "CANCELLED" ? true : null));
    }
    const approved = await harness.accept(zj, item);
    await harness.noticeOf(approved);
    await harness.conclude(approved, zj, item, "APPROVED");
    await eventually(async () => ((await harness.query("SELECT 1 FROM fee_case WHERE case_id = ? AND concluded_outcome = 'APPROVED'", [approved])).length ? true : null));
    expect((await harness.notices(approved))[0].status).toBe("ISSUED");
  });

  test("a conclusion that arrives before the acceptance means no notice is ever issued", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    const caseId = "case-withdrawn-early";
    await harness.conclude(caseId, zj, item, "WITHDRAWN");
    await eventually(async () => ((await harness.caseAssessment(caseId)) ? true : null));
    await harness.accept(zj, item, { caseId });
    expect(await eventually(() => harness.caseAssessment(caseId).then((a) => (a === "CLOSED" ? a : null)))).toBe("CLOSED");
    expect(await harness.notices(caseId)).toEqual([]);
  });

  test("staff of the department cancel an unpaid notice with a reason; the bank then refuses it; a paid one cannot be cancelled", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    const caseId = await harness.accept(zj, item);
    const notice = await harness.noticeOf(caseId);
    expect(errorCode(await harness.call(person("staff-x", ["window_staff"], CENTER, "other-dept"), CANCEL, { id: notice.id, reason: "x" }))).toBe("NOT_FOUND");
    expect(errorCode(await harness.call(staff, CANCEL, { id: notice.id, reason: " " }))).toBe("BAD_USER_INPUT");
    const cancelled = ok(await harness.call<{ cancelPaymentNotice: { status: string } }>(staff, CANCEL, { id: notice.id, reason: "申请人放弃" }));
    expect(cancelled.cancelPaymentNotice).toMatchObject({ status: "CANCELLED", cancelReason: "申请人放弃" });
    const payment = await harness.call(bank, BANK_PAYMENT, {
      input: { noticeNo: notice.notice_no, amountFen: 1000, bankTxnId: `TXN-C-${notice.id}`, paidAt: paidAt(harness), channel: "COUNTER" },
    });
    expect(errorCode(payment)).toBe("NOTICE_CANCELLED");
    expect(errorCode(await harness.call(staff, CANCEL, { id: notice.id, reason: "again" }))).toBe("NOTICE_CANCELLED");

    const paidCase = await harness.accept(zj, item);
    const paidNotice = await harness.noticeOf(paidCase);
    ok(
      await harness.call(bank, BANK_PAYMENT, {
        input: { noticeNo: paidNotice.notice_no, amountFen: 1000, bankTxnId: `TXN-P-${paidNotice.id}`, paidAt: paidAt(harness), channel: "POS" },
      }),
    );
    expect(errorCode(await harness.call(staff, CANCEL, { id: paidNotice.id, reason: "x" }))).toBe("NOTICE_ALREADY_PAID");
  });

  test("staff act on a notice only as their letter (授权书) allows: it covers the item, grants the act, is in force; a revocation binds the next act", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1200)]);
    const notice = await harness.noticeOf(await harness.accept(zj, item));
    const clerk = person(randomUUID(), ["window_staff"], CENTER, zj);
    const refusal = async (query: string, variables: Record<string, unknown>) => (await harness.call(clerk, query, variables)).errors?.[0]?.extensions;
    const cancel = { id: notice.id, reason: "开错" };
    expect(await refusal(CANCEL, cancel)).toMatchObject({ code: "NOT_AUTHORIZED", act: "CANCEL_FEE_NOTICE", reason: "NO_LETTER" });
    await harness.letter(clerk.subject, zj, [...FEE_ACTS], randomUUID());
    expect(await refusal(CANCEL, cancel)).toMatchObject({ code: "NOT_AUTHORIZED", reason: "NO_LETTER" });
    await harness.letter(clerk.subject, zj, ["REQUEST_FEE_REDUCTION"], item.itemId);
    expect(await refusal(CANCEL, cancel)).toMatchObject({ code: "NOT_AUTHORIZED", act: "CANCEL_FEE_NOTICE", reason: "ACT_NOT_GRANTED" });
    expect(await refusal(REISSUE, cancel)).toMatchObject({ code: "NOT_AUTHORIZED", act: "REISSUE_FEE_NOTICE", reason: "ACT_NOT_GRANTED" });
    const cancelling = await harness.letter(clerk.subject, zj, ["CANCEL_FEE_NOTICE"]);
    await harness.revokeLetter(cancelling);
    expect(await refusal(CANCEL, cancel)).toMatchObject({ code: "NOT_AUTHORIZED", act: "CANCEL_FEE_NOTICE", reason: "LETTER_NOT_IN_FORCE" });
    expect((await harness.notices(notice.case_id))[0]).toMatchObject({ status: "ISSUED" });
    const asked = await harness.call(clerk, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 50, policy: "小微企业减半", reason: "符合政策" } });
    expect(asked.errors).toBeUndefined();
  });
});

describe("expiry and reissue", () => {
  test("an expired notice is refused by the bank and reissued by staff as a new notice of the same case", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1200)]);
    const caseId = await harness.accept(zj, item);
    const notice = await harness.noticeOf(caseId);
    harness.clock.set(new Date(notice.expires_at.getTime() + 60 * 60 * 1000));
    try {
      const view = ok(await harness.call<{ paymentNotice: { status: string; payable: boolean } }>(bank, NOTICE_BY_NO, { no: notice.notice_no }));
      expect(view.paymentNotice).toMatchObject({ status: "EXPIRED", payable: false });
      const late = await harness.call(bank, BANK_PAYMENT, {
        input: { noticeNo: notice.notice_no, amountFen: 1200, bankTxnId: `TXN-E-${notice.id}`, paidAt: paidAt(harness), channel: "COUNTER" },
      });
      expect(errorCode(late)).toBe("NOTICE_EXPIRED");

      const reissued = ok(
        await harness.call<{ reissuePaymentNotice: { noticeNo: string; status: string; amountFen: number; replaces: { id: string; status: string } } }>(
          staff,
          REISSUE,
          { id: notice.id, reason: "逾期未缴" },
        ),
      ).reissuePaymentNotice;
      expect(reissued).toMatchObject({ status: "ISSUED", amountFen: 1200, replaces: { id: notice.id, status: "CANCELLED" } });
      expect(reissued.noticeNo).not.toBe(notice.notice_no);
      const issued = (await harness.outbox("fees.notice.issued")).filter((event) => event.caseId === caseId);
      expect(issued.map((event) => event.replacesNoticeId)).toEqual([null, notice.id]);
      expect((await harness.outbox("fees.notice.cancelled")).filter((event) => event.caseId === caseId)).toHaveLength(1);
    } finally {
      harness.clock.set("2026-03-02T02:00:00.000Z");
    }
  });
});

describe("reductions and waivers (减免)", () => {
  test("staff ask with the policy, finance approves: the notice is replaced by one reduced line by line; the asker cannot approve", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1001), fixedFee("F02", 3000, "登记费")]);
    const caseId = await harness.accept(zj, item);
    const notice = await harness.noticeOf(caseId);
    expect(errorCode(await harness.call(staff, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 0, policy: "x", reason: "y" } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await harness.call(bank, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 50, policy: "x", reason: "y" } }))).toBe("FORBIDDEN");
    const asked = ok(
      await harness.call<{ requestFeeReduction: { id: string } }>(staff, REQUEST_REDUCTION, {
        input: { noticeId: notice.id, percent: 50, policy: "小微企业减半收取", reason: "申请人为小微企业" },
      }),
    ).requestFeeReduction;
    expect(errorCode(await harness.call(staff, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 20, policy: "x", reason: "y" } }))).toBe("CONFLICT");

    expect(errorCode(await harness.call(staff, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: true } }))).toBe("FORBIDDEN");
    const financeAsker = person(staff.subject, ["finance"]);
    expect(errorCode(await harness.call(financeAsker, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: true } }))).toBe("SAME_REQUESTER_AND_APPROVER");

    const decided = ok(
      await harness.call<{ decideFeeReduction: Record<string, unknown> }>(finance, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: true } }),
    ).decideFeeReduction;
    expect(decided).toMatchObject({
      status: "APPROVED",
      decidedBy: "finance-1",
      resultingNotice: {
        status: "ISSUED",
        standardAmountFen: 4001,
        amountFen: 500 + 1500,
        lineItems: [
          { standardAmountFen: 1001, reductionFen: 501, amountFen: 500 },
          { standardAmountFen: 3000, reductionFen: 1500, amountFen: 1500 },
        ],
      },
    });
    expect((await harness.notices(caseId)).map((row) => row.status)).toEqual(["CANCELLED", "ISSUED"]);
    expect(errorCode(await harness.call(otherFinance, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: false } }))).toBe("INVALID_TRANSITION");
  });

  test("a full waiver settles the notice as WAIVED and tells cases", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    const caseId = await harness.accept(zj, item);
    const notice = await harness.noticeOf(caseId);
    const asked = ok(
      await harness.call<{ requestFeeReduction: { id: string } }>(staff, REQUEST_REDUCTION, {
        input: { noticeId: notice.id, percent: 100, policy: "低保户免收", reason: "持低保证" },
      }),
    ).requestFeeReduction;
    ok(await harness.call(finance, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: true, note: "核实无误" } }));
    expect((await harness.notices(caseId)).map((row) => [row.status, row.amount_fen])).toEqual([["WAIVED", "0"]]);
    const settled = (await harness.outbox("fees.notice.settled")).filter((event) => event.caseId === caseId);
    expect(settled).toEqual([expect.objectContaining({ settlement: "WAIVED", amountFen: 0, receiptNo: null })]);
    const pay = await harness.call(bank, BANK_PAYMENT, {
      input: { noticeNo: notice.notice_no, amountFen: 1000, bankTxnId: `TXN-W-${notice.id}`, paidAt: paidAt(harness), channel: "COUNTER" },
    });
    expect(errorCode(pay)).toBe("NOTICE_WAIVED");
  });

  test("a rejected request leaves the notice as it was", async () => {
    const item = await harness.item(zj, [fixedFee("F01", 1000)]);
    const caseId = await harness.accept(zj, item);
    const notice = await harness.noticeOf(caseId);
    const asked = ok(
      await harness.call<{ requestFeeReduction: { id: string } }>(staff, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 30, policy: "p", reason: "r" } }),
    ).requestFeeReduction;
    const rejected = ok(await harness.call<{ decideFeeReduction: { status: string } }>(finance, DECIDE_REDUCTION, { input: { reductionId: asked.id, approve: false } }));
    expect(rejected.decideFeeReduction.status).toBe("REJECTED");
    expect((await harness.notices(caseId)).map((row) => row.status)).toEqual(["ISSUED"]);
  });
});

describe("reductions in pages (feeReductionPage)", () => {
  const PAGE = `query ($c: String!, $s: FeeReductionStatus, $first: Int, $after: String) {
    feeReductionPage(centerCode: $c, status: $s, first: $first, after: $after) { totalCount nextCursor nodes { id status requestedAt } } }`;
  type Page = { feeReductionPage: { totalCount: number; nextCursor: string | null; nodes: Array<{ id: string; status: string; requestedAt: string }> } };
  const LIST = `query ($c: String!, $s: FeeReductionStatus) { feeReductions(centerCode: $c, status: $s) { id } }`;

  test("walk every reduction awaiting finance once, newest first, as feeReductions lists them", async () => {
    for (let index = 0; index < 5; index += 1) {
      const item = await harness.item(zj, [fixedFee("F01", 1000 + index)]);
      const notice = await harness.noticeOf(await harness.accept(zj, item));
      ok(await harness.call(staff, REQUEST_REDUCTION, { input: { noticeId: notice.id, percent: 10, policy: "p", reason: `r${index}` } }));
    }
    const whole = ok(await harness.call<{ feeReductions: Array<{ id: string }> }>(finance, LIST, { c: CENTER, s: "REQUESTED" })).feeReductions.map((row) => row.id);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = ok(await harness.call<Page>(finance, PAGE, { c: CENTER, s: "REQUESTED", first: 2, after }));
      expect(page.feeReductionPage.totalCount).toBe(whole.length);
      expect(page.feeReductionPage.nodes.length).toBeLessThanOrEqual(2);
      expect(page.feeReductionPage.nodes.every((node) => node.status === "REQUESTED")).toBe(true);
      walked.push(...page.feeReductionPage.nodes.map((node) => node.id));
      after = page.feeReductionPage.nextCursor;
      if (!after) break;
    }
    expect(walked).toEqual(whole);
    // The department's staff see their department's; the bank sees none; a cursor not from here names `after`.
    expect(ok(await harness.call<Page>(staff, PAGE, { c: CENTER, s: "REQUESTED", first: 100 })).feeReductionPage.totalCount).toBe(whole.length);
    expect(errorCode(await harness.call(bank, PAGE, { c: CENTER }))).toBe("FORBIDDEN");
    const bad = await harness.call(finance, PAGE, { c: CENTER, after: "not-a-cursor" });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.field).toBe("after");
    expect(errorCode(await harness.call(finance, PAGE, { c: CENTER, first: 101 }))).toBe("BAD_USER_INPUT");
  });
});
