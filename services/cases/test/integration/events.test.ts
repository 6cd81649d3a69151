import { randomUUID } from "node:crypto";
import { casesEvents, catalogEvents, feesEvents, jointEvents, resultsEvents, staffingEvents } from "@onestop/events";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { CASE_MUTATIONS as M, citizen, errorOf, EventInjector, itemVersion, letter, ok, READ, staff, subgraphCaller, type CaseView, type ItemPayload } from "./support";

// Jest takes the timeout from here, not from the project settings.
jest.setTimeout(60_000);

const environment = testEnvironment("cases_events");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
/** 统一社会信用代码 of an enterprise applying in a joint approval. */
const CREDIT_CODE = "91350100M000100Y43";
const clock = new ManualClock("2026-03-02T01:30:00Z");

const department = randomUUID();
const entryWindow = randomUUID();
const people = { clerk: randomUUID(), approver: randomUUID() };
const clerk = staff(people.clerk, CENTER, department, entryWindow);
const approver = staff(people.approver, CENTER, department, entryWindow, ["chief_representative"]);
const applicant = citizen("citizen-1");

let cases: RunningSubgraph;
let events: EventInjector;
const call = subgraphCaller(() => cases, ensureDevelopmentKeys(environment.keysDir), clock);

const items: Record<string, ItemPayload> = {
  fee: itemVersion(CENTER, department, { name: "收费事项", feeStandard: { kind: "FIXED", amountFen: 5000 } }),
  free: itemVersion(CENTER, department, { name: "免费事项", code: "11330110MB00000001000000000000001" }),
  joint: itemVersion(CENTER, department, { name: "联办事项", kind: "JOINT", promisedLimitDays: 10, code: "11330110MB00000002000000000000002" }),
  retiring: itemVersion(CENTER, department, { name: "将取消事项" }),
};

async function db<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await cases.infrastructure.dataSource.query(sql, params)) as T[];
}

async function outbox(subject: string, caseId: string): Promise<Array<Record<string, any>>> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.caseId === caseId);
}

/** The envelopes of a case's events as they went to the bus, byte for byte. */
async function rawEnvelopes(caseId: string): Promise<string[]> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message ORDER BY seq");
  return rows.map((row) => row.envelope).filter((envelope) => envelope.includes(caseId));
}

async function act(mutation: keyof typeof M, variables: Record<string, unknown>): Promise<CaseView> {
  // 批准 is another person's than the clerk who reviewed.
  const who = mutation === "decide" ? approver : clerk;
  return Object.values(ok(await call<Record<string, CaseView>>(who, M[mutation], variables)))[0]!;
}

async function read(id: string): Promise<CaseView> {
  return ok(await call<{ case: CaseView }>(clerk, READ, { id })).case;
}

async function approvedCase(item: ItemPayload): Promise<CaseView> {
  const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: item.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
  await act("accept", { id: submitted.id });
  await act("review", { id: submitted.id, o: "通过" });
  return act("decide", { id: submitted.id, d: "APPROVE", o: "准予" });
}

function notice(caseId: string) {
  return { noticeId: randomUUID(), noticeNo: `3301102603020000${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`, centerCode: CENTER, caseId, departmentId: department };
}

const issued = (n: ReturnType<typeof notice>) => feesEvents.paymentNoticeIssued.schema.parse({ ...n, amountFen: 5000 });
const settled = (n: ReturnType<typeof notice>) =>
  feesEvents.paymentNoticeSettled.schema.parse({ ...n, amountFen: 5000, settlement: "PAID", receiptNo: "PJ1", settledAt: clock.now().toISOString() });
const cancelled = (n: ReturnType<typeof notice>) => feesEvents.paymentNoticeCancelled.schema.parse({ ...n, reason: "重开", cancelledAt: clock.now().toISOString() });

async function noticeStates(caseId: string): Promise<string[]> {
  return (await db<{ state: string }>("SELECT state FROM case_payment_notice WHERE case_id = ? ORDER BY notice_no", [caseId])).map((r) => r.state);
}

beforeAll(async () => {
  await resetEnvironment(environment);
  cases = await startOneSubgraph("cases", environment, { clock });
  events = await EventInjector.connect(environment);
  for (const item of Object.values(items)) await events.publish(catalogEvents.itemPublished, item);
  await events.publish(catalogEvents.itemEntryChanged, { itemId: items.free.itemId, centerCode: CENTER, departmentId: department, entered: true, windowId: entryWindow, notEnteredReason: null, changedAt: "2026-01-01T00:00:00Z" });
  await events.publish(staffingEvents.authorizationGranted, letter(CENTER, people.clerk, department, ["ACCEPT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_JOINT"]));
  await events.publish(staffingEvents.authorizationGranted, letter(CENTER, people.approver, department, ["APPROVE"]));
  await eventually(async () => {
    const [{ n: versions }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM item_version_replica");
    const [{ n: letters }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM authorization_letter_replica");
    const [{ n: entries }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM item_state_replica");
    return Number(versions) === Object.keys(items).length && Number(letters) === 2 && Number(entries) === 1 ? true : null;
  }, 20_000);
});

afterAll(async () => {
  await events?.close();
  await cases?.stop();
});

describe("the fee gate (统一收费)", () => {
  test("an approval that owes a fee cannot conclude before fees says the notice is settled", async () => {
    const approved = await approvedCase(items.fee);
    expect(approved).toMatchObject({ feeRequired: true, feeSettled: false });
    // Accepted, but fees' notice has not arrived yet: the item version's standard already says a fee is owed.
    expect(errorOf(await call(clerk, M.conclude, { id: approved.id }))).toMatchObject({ code: "FEE_NOT_SETTLED", reason: "NOTICE_NOT_YET_ISSUED" });
    const first = notice(approved.id);
    await events.publish(feesEvents.paymentNoticeIssued, issued(first));
    await eventually(async () => ((await noticeStates(approved.id)).length === 1 ? true : null));
    expect(errorOf(await call(clerk, M.conclude, { id: approved.id }))).toMatchObject({ code: "FEE_NOT_SETTLED", reason: "NOTICE_UNSETTLED" });
    await events.publish(feesEvents.paymentNoticeSettled, settled(first));
    await eventually(async () => ((await noticeStates(approved.id))[0] === "SETTLED" ? true : null));
    const concluded = await act("conclude", { id: approved.id });
    expect(concluded).toMatchObject({ status: "CONCLUDED", feeSettled: true });
  });

  test("a reissued notice: the cancelled one does not count, the settled replacement opens the gate; events out of order change nothing", async () => {
    const approved = await approvedCase(items.fee);
    const original = notice(approved.id);
    const replacement = notice(approved.id);
    // The settlement overtakes the issue on the bus; the late issue must not reopen the notice.
    await events.publish(feesEvents.paymentNoticeCancelled, cancelled(original));
    await events.publish(feesEvents.paymentNoticeSettled, settled(replacement));
    await events.publish(feesEvents.paymentNoticeIssued, issued(original));
    await events.publish(feesEvents.paymentNoticeIssued, issued(replacement));
    const expected = { [original.noticeId]: "CANCELLED", [replacement.noticeId]: "SETTLED" };
    const final = async () =>
      Object.fromEntries((await db<{ notice_id: string; state: string }>("SELECT notice_id, state FROM case_payment_notice WHERE case_id = ?", [approved.id])).map((r) => [r.notice_id, r.state]));
    await eventually(async () => {
      const states = await final();
      return states[original.noticeId] === "CANCELLED" && states[replacement.noticeId] === "SETTLED" ? true : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await final()).toEqual(expected);
    expect((await act("conclude", { id: approved.id })).status).toBe("CONCLUDED");
  });

  test("a fee the catalog cancelled is never charged: fees' NOTHING_TO_CHARGE opens the gate; an older one arriving late is kept out", async () => {
    const approved = await approvedCase(items.fee);
    expect(errorOf(await call(clerk, M.conclude, { id: approved.id }))).toMatchObject({ code: "FEE_NOT_SETTLED", reason: "NOTICE_NOT_YET_ISSUED" });
    const assessed = (at: string) =>
      feesEvents.caseFeeAssessed.schema.parse({
        caseId: approved.id,
        centerCode: CENTER,
        departmentId: department,
        outcome: "NOTHING_TO_CHARGE",
        noticeId: null,
        amountFen: null,
        uncharged: ["FEE-01"],
        assessedAt: at,
      });
    await events.publish(feesEvents.caseFeeAssessed, assessed("2026-03-02T02:00:00.000Z"));
    await events.publish(feesEvents.caseFeeAssessed, assessed("2026-03-02T01:00:00.000Z"));
    const kept = async () => (await db<{ assessed_at: Date }>("SELECT assessed_at FROM case_fee_assessment WHERE case_id = ?", [approved.id]))[0]?.assessed_at ?? null;
    await eventually(async () => ((await kept()) !== null ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await kept())?.toISOString()).toBe("2026-03-02T02:00:00.000Z");
    const concluded = await act("conclude", { id: approved.id });
    expect(concluded).toMatchObject({ status: "CONCLUDED", feeSettled: true });
  });

  test("a free item concludes without any notice", async () => {
    const approved = await approvedCase(items.free);
    expect(approved).toMatchObject({ feeRequired: false, feeSettled: true, window: { id: entryWindow } });
    expect((await act("conclude", { id: approved.id })).status).toBe("CONCLUDED");

    // What the provincial export needs travels in the stage and conclusion events, the number masked at the source.
    const published = [...(await outbox(casesEvents.caseStageChanged.subject, approved.id)), ...(await outbox(casesEvents.caseConcluded.subject, approved.id))];
    expect(published).toHaveLength(5 + 1);
    for (const payload of published) {
      expect(payload).toMatchObject({ itemCode: items.free.code, applicantKind: "PERSON", applicantIdMasked: "110105********002X" });
    }
    const raw = await rawEnvelopes(approved.id);
    expect(raw.length).toBeGreaterThanOrEqual(published.length);
    expect(raw.filter((envelope) => envelope.includes(ID_NUMBER))).toEqual([]);
  });

  test("a redelivered settlement (same envelope) is applied once", async () => {
    const approved = await approvedCase(items.fee);
    const n = notice(approved.id);
    await events.publish(feesEvents.paymentNoticeIssued, issued(n));
    const envelopeId = await events.publish(feesEvents.paymentNoticeSettled, settled(n));
    await events.publish(feesEvents.paymentNoticeSettled, settled(n), envelopeId);
    await eventually(async () => ((await noticeStates(approved.id))[0] === "SETTLED" ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inbox = await db<{ n: string }>("SELECT COUNT(*) AS n FROM inbox_message WHERE message_id = ?", [envelopeId]);
    expect(Number(inbox[0]!.n)).toBe(1);
  });
});

describe("the joint-approval saga's commands", () => {
  const command = (participantId: string) => ({
    jointApprovalId: randomUUID(),
    participantId,
    centerCode: CENTER,
    projectCode: "2603-330110-04-01-123456",
    projectName: "某某产业园建设项目",
    leadDepartmentId: randomUUID(),
    departmentId: department,
    itemId: items.joint.itemId,
    applicantSubject: "enterprise-1",
    applicantName: "某某科技有限公司",
    applicantIdNumber: ID_NUMBER,
    requestedAt: clock.now().toISOString(),
  });

  async function jointCase(participantId: string): Promise<CaseView> {
    const [row] = await eventually(async () => {
      const rows = await db<{ id: string }>("SELECT id FROM service_case WHERE participant_id = ?", [participantId]);
      return rows.length ? rows : null;
    });
    return read(row!.id);
  }

  test("a case opens once per participant, however often the command comes, and every event names the joint approval", async () => {
    // An enterprise applies: its credit code is masked in the case's events as a resident ID is.
    const requested = { ...command(randomUUID()), applicantIdNumber: CREDIT_CODE };
    const envelopeId = await events.publish(jointEvents.jointCaseRequested, requested);
    await events.publish(jointEvents.jointCaseRequested, requested, envelopeId);
    await events.publish(jointEvents.jointCaseRequested, requested);
    const opened = await jointCase(requested.participantId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db("SELECT id FROM service_case WHERE participant_id = ?", [requested.participantId])).toHaveLength(1);
    // The repeated commands were refused before anything of their case was written: no timer of a case that does not exist.
    expect(
      await db("SELECT t.timer_key FROM durable_timer t LEFT JOIN service_case c ON c.id = JSON_UNQUOTE(JSON_EXTRACT(t.payload, '$.caseId')) WHERE c.id IS NULL"),
    ).toEqual([]);
    expect(opened).toMatchObject({ kind: "JOINT", status: "SUBMITTED", jointApprovalId: requested.jointApprovalId, participantId: requested.participantId });
    expect(opened.routingSlip[0]).toMatchObject({ action: "SUBMIT", actorKind: "SYSTEM" });

    await act("accept", { id: opened.id });
    await act("review", { id: opened.id, o: "同意" });
    await act("decide", { id: opened.id, d: "APPROVE", o: "同意" });
    await act("conclude", { id: opened.id });
    const stageEvents = await outbox(casesEvents.caseStageChanged.subject, opened.id);
    expect(stageEvents.map((e) => e.toStatus)).toEqual(["SUBMITTED", "ACCEPTED", "REVIEWED", "APPROVED", "CONCLUDED"]);
    for (const payload of [...stageEvents, ...(await outbox(casesEvents.caseAccepted.subject, opened.id)), ...(await outbox(casesEvents.caseConcluded.subject, opened.id))]) {
      expect(payload).toMatchObject({ jointApprovalId: requested.jointApprovalId, participantId: requested.participantId });
    }
    for (const payload of [...stageEvents, ...(await outbox(casesEvents.caseConcluded.subject, opened.id))]) {
      expect(payload).toMatchObject({ itemCode: items.joint.code, applicantKind: "ENTERPRISE", applicantIdMasked: "913501********0Y43" });
    }
    expect((await rawEnvelopes(opened.id)).filter((envelope) => envelope.includes(CREDIT_CODE))).toEqual([]);
  });

  test("withdrawal closes an open joint case, and a repeated withdrawal changes nothing", async () => {
    const requested = command(randomUUID());
    await events.publish(jointEvents.jointCaseRequested, requested);
    const opened = await jointCase(requested.participantId);
    await act("accept", { id: opened.id });
    const withdrawal = { jointApprovalId: requested.jointApprovalId, participantId: requested.participantId, centerCode: CENTER, reason: "牵头部门撤回联审", requestedAt: clock.now().toISOString() };
    await events.publish(jointEvents.jointCaseWithdrawalRequested, withdrawal);
    await events.publish(jointEvents.jointCaseWithdrawalRequested, withdrawal);
    await eventually(async () => ((await read(opened.id)).status === "WITHDRAWN" ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const withdrawn = await read(opened.id);
    expect(withdrawn.routingSlip.map((e: CaseView) => e.action)).toEqual(["SUBMIT", "ACCEPT", "WITHDRAW_FOR_JOINT_APPROVAL"]);
    expect(await outbox(casesEvents.caseConcluded.subject, opened.id)).toEqual([expect.objectContaining({ outcome: "WITHDRAWN", participantId: requested.participantId })]);
  });

  test("deemed consent concludes an undecided joint case as approved, and leaves a decided one alone", async () => {
    const silent = command(randomUUID());
    const decided = command(randomUUID());
    await events.publish(jointEvents.jointCaseRequested, silent);
    await events.publish(jointEvents.jointCaseRequested, decided);
    const silentCase = await jointCase(silent.participantId);
    const decidedCase = await jointCase(decided.participantId);
    await act("accept", { id: silentCase.id });
    await act("accept", { id: decidedCase.id });
    await act("review", { id: decidedCase.id, o: "不同意" });
    await act("decide", { id: decidedCase.id, d: "DENY", o: "不符合条件" });
    for (const c of [silent, decided]) {
      await events.publish(jointEvents.jointDeemedConsentRequested, { jointApprovalId: c.jointApprovalId, participantId: c.participantId, centerCode: CENTER, deadline: "2026-03-16T16:00:00Z", requestedAt: clock.now().toISOString() });
    }
    const consented = await eventually(async () => {
      const view = await read(silentCase.id);
      return view.status === "CONCLUDED" ? view : null;
    });
    expect(consented).toMatchObject({ outcome: "DEEMED_APPROVED", decidedBySystem: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await read(decidedCase.id)).status).toBe("DENIED");
  });
});

describe("the catalog replica", () => {
  test("no new case for a retired item", async () => {
    await events.publish(catalogEvents.itemCancelled, { itemId: items.retiring.itemId, centerCode: CENTER, departmentId: department, lastVersion: 1, reason: "改革取消", cancelledAt: clock.now().toISOString(), mergedIntoItemId: null, cancelledFeeCodes: [] });
    await eventually(async () => ((await db("SELECT 1 FROM item_state_replica WHERE item_id = ? AND cancelled_at IS NOT NULL", [items.retiring.itemId])).length ? true : null));
    const result = await call(applicant, M.submit, { input: { itemId: items.retiring.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } });
    expect(errorOf(result)?.code).toBe("ITEM_CANCELLED");
  });

  test("a case is judged by the version it was accepted under", async () => {
    const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: items.free.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
    await events.publish(catalogEvents.itemPublished, { ...items.free, version: 2, promisedLimitDays: 3 });
    await eventually(async () => ((await db("SELECT 1 FROM item_version_replica WHERE item_id = ? AND version = 2", [items.free.itemId])).length ? true : null));
    const accepted = await act("accept", { id: submitted.id });
    expect(accepted).toMatchObject({ itemVersion: 2, clock: { promisedWorkingDays: 3 } });
  });
});

describe("results' documents on the routing slip (issue 19)", () => {
  const SLIP = `query ($id: ID!) { case(id: $id) { routingSlip { seq action documents { documentId kind documentNo sha256 sizeBytes issuedAt } } } }`;
  type SlipView = { seq: number; action: string; documents: Array<Record<string, unknown>> };
  const slipOf = async (id: string) => ok(await call<{ case: { routingSlip: SlipView[] } }>(clerk, SLIP, { id })).case.routingSlip;
  const issuedDocument = (caseId: string, kind: "RECEIPT" | "LICENCE", documentNo: string, issuedAt: string) =>
    resultsEvents.documentIssued.schema.parse({
      documentId: randomUUID(),
      caseId,
      receiptNo: "SL1",
      centerCode: CENTER,
      departmentId: department,
      kind,
      documentNo,
      sha256: randomUUID().replace(/-/g, "").repeat(2),
      sizeBytes: 146_000,
      issuedAt,
      licenceId: null,
    });

  test("each document is recorded once with its number and SHA-256 under the step it was issued for, however often its event comes", async () => {
    const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: items.free.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
    clock.advance(60_000);
    await act("accept", { id: submitted.id });
    clock.advance(60_000);
    await act("review", { id: submitted.id, o: "通过" });
    clock.advance(60_000);
    await act("decide", { id: submitted.id, d: "APPROVE", o: "准予" });
    const steps = await db<{ action: string; occurred_at: Date }>("SELECT action, occurred_at FROM case_routing_entry WHERE case_id = ? ORDER BY seq", [submitted.id]);
    const at = (action: string) => steps.find((s) => s.action === action)!.occurred_at.toISOString();

    const receipt = issuedDocument(submitted.id, "RECEIPT", "SL330110-2026-000001", at("ACCEPT"));
    const licence = issuedDocument(submitted.id, "LICENCE", "ZZ330110-2026-000001", at("APPROVE"));
    const envelopeId = await events.publish(resultsEvents.documentIssued, receipt);
    const licenceEnvelope = await events.publish(resultsEvents.documentIssued, licence);
    // The same envelope again, and the same document in another envelope (a stream replayed by results): nothing new.
    await events.publish(resultsEvents.documentIssued, receipt, envelopeId);
    const replayed = await events.publish(resultsEvents.documentIssued, receipt);
    for (const id of [envelopeId, licenceEnvelope, replayed]) await eventually(async () => ((await db("SELECT 1 FROM inbox_message WHERE message_id = ?", [id])).length ? true : null));
    // The envelope sent twice was published before the last one: give its redelivery time to be consumed too.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const slip = await slipOf(submitted.id);
    expect(slip.map((s) => s.action)).toEqual(["SUBMIT", "ACCEPT", "REVIEW", "APPROVE"]);
    expect(slip.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    expect(slip.find((s) => s.action === "ACCEPT")!.documents).toEqual([
      { documentId: receipt.documentId, kind: "RECEIPT", documentNo: receipt.documentNo, sha256: receipt.sha256, sizeBytes: 146_000, issuedAt: receipt.issuedAt },
    ]);
    expect(slip.find((s) => s.action === "APPROVE")!.documents).toEqual([expect.objectContaining({ kind: "LICENCE", documentNo: licence.documentNo, sha256: licence.sha256 })]);
    expect(slip.filter((s) => s.action === "SUBMIT" || s.action === "REVIEW").every((s) => s.documents.length === 0)).toBe(true);
    expect(await db("SELECT document_id FROM case_document WHERE case_id = ?", [submitted.id])).toHaveLength(2);
    // The slip's steps publish no event of their own for a document: the stage events keep their sequence.
    expect((await outbox(casesEvents.caseStageChanged.subject, submitted.id)).map((p) => p.slipSeq)).toEqual([1, 2, 3, 4]);
  });
});
