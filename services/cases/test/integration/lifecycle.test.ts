import { randomUUID } from "node:crypto";
import { casesEvents, catalogEvents, feesEvents, jointEvents, staffingEvents } from "@onestop/events";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { citizen, errorOf, EventInjector, itemVersion, letter, ok, staff, subgraphCaller, type ItemPayload } from "./support";

const environment = testEnvironment("cases_lifecycle");
const CENTER = "330110000000";
const OTHER_CENTER = "330111000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2 March 2026, 09:30 in the hall.
const clock = new ManualClock("2026-03-02T01:30:00Z");
const DAY = 86_400_000;

const departments = { zj: randomUUID(), sc: randomUUID() };
const windows = { zj: randomUUID(), zj2: randomUUID(), comprehensive: randomUUID(), sc: randomUUID() };
const people = { clerk: randomUUID(), clerk2: randomUUID(), chief: randomUUID(), unlettered: randomUUID(), scClerk: randomUUID(), comprehensiveClerk: randomUUID() };

const clerk = staff(people.clerk, CENTER, departments.zj, windows.zj);
const clerk2 = staff(people.clerk2, CENTER, departments.zj, windows.zj2);
const chief = staff(people.chief, CENTER, departments.zj, windows.zj, ["chief_representative"]);
const unlettered = staff(people.unlettered, CENTER, departments.zj, windows.zj);
const scClerk = staff(people.scClerk, CENTER, departments.sc, windows.sc);
const comprehensiveClerk = staff(people.comprehensiveClerk, CENTER, null, windows.comprehensive);
const admin = staff("admin-1", CENTER, null, null, ["center_admin"]);
const foreignAdmin = staff("admin-9", OTHER_CENTER, null, null, ["center_admin"]);
const supervisor = staff("supervisor-1", CENTER, null, null, ["supervisor"]);
const applicant = citizen("citizen-1");
const stranger = citizen("citizen-2");

let cases: RunningSubgraph;
let events: EventInjector;
const call = subgraphCaller(() => cases, ensureDevelopmentKeys(environment.keysDir), clock);

const items: Record<string, ItemPayload> = {
  promised: itemVersion(CENTER, departments.zj),
  fee: itemVersion(CENTER, departments.zj, { name: "有收费事项", feeStandard: { kind: "FIXED", amountFen: 5000 } }),
  deemed: itemVersion(CENTER, departments.zj, { name: "超时默认事项", deemedApproval: true }),
  deemedFee: itemVersion(CENTER, departments.zj, { name: "超时默认收费事项", deemedApproval: true, feeStandard: { kind: "FIXED", amountFen: 800 } }),
  vetoHead: itemVersion(CENTER, departments.zj, { name: "投资项目（部门否决）", vetoEscalation: "DEPARTMENT_HEAD" }),
  vetoMeeting: itemVersion(CENTER, departments.zj, { name: "用地项目（县长办公会）", vetoEscalation: "COUNTY_HEAD_MEETING" }),
  instant: itemVersion(CENTER, departments.zj, { name: "即办事项", kind: "INSTANT", promisedLimitDays: 0 }),
  instantFee: itemVersion(CENTER, departments.zj, { name: "即办收费事项", kind: "INSTANT", promisedLimitDays: 0, feeStandard: { kind: "FIXED", amountFen: 1000 } }),
  reported: itemVersion(CENTER, departments.zj, { name: "上报事项", kind: "REPORTED", reportedTo: "市住房和城乡建设局" }),
  lenient: itemVersion(CENTER, departments.zj, { name: "容缺承诺事项", allowsDeficiencies: true, deferrableMaterialCodes: ["M03"], allowsCommitment: true }),
  staged: itemVersion(CENTER, departments.zj, { name: "分阶段时限事项", stageLimits: { acceptanceDays: 1, reviewDays: 2, approvalDays: 1 } }),
  joint: itemVersion(CENTER, departments.zj, { name: "联办事项", kind: "JOINT" }),
  otherDepartment: itemVersion(CENTER, departments.sc, { name: "市场监管事项" }),
};

const CASE = `
  id receiptNo kind status outcome itemVersion applicantName onCommitment commitmentState
  handler { id } window { id } submittedAt acceptedAt decidedAt decidedBySystem concludedAt deliveredAt
  feeRequired feeSettled forwardedTo jointApprovalId participantId
  clock { promisedWorkingDays deadline deadlineDay onHold usedWorkingDays remainingWorkingDays level }
  stageClock { stage startedAt deadline }
  routingSlip { seq action fromStatus toStatus actorKind actorId window { id } opinion occurredAt tookMs tookWorkingDays details }
  materialRequests { kind noticeSeq code name problem dueDay suppliedAt }
  suspensions { reason startedAt endedAt }
  extensions { workingDays reason applicantNotice approvedBy }
  warnings { clock level deadline }
`;
type CaseView = Record<string, any>;

const M = {
  submit: `mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { ${CASE} } }`,
  accept: `mutation ($id: ID!, $d: DeficienciesInput, $key: String) { acceptCase(caseId: $id, deficiencies: $d, idempotencyKey: $key) { ${CASE} } }`,
  refuse: `mutation ($id: ID!, $reason: String!) { refuseCase(caseId: $id, reason: $reason) { ${CASE} } }`,
  notice: `mutation ($id: ID!, $m: [NoticeLineInput!]!) { issueMaterialNotice(caseId: $id, materials: $m) { ${CASE} } }`,
  supply: `mutation ($id: ID!, $m: [SuppliedMaterialInput!]!) { supplyMaterials(caseId: $id, materials: $m) { ${CASE} } }`,
  instant: `mutation ($id: ID!, $d: Decision!, $o: String!) { decideInstantly(caseId: $id, decision: $d, opinion: $o) { ${CASE} } }`,
  review: `mutation ($id: ID!, $o: String!, $key: String) { reviewCase(caseId: $id, opinion: $o, idempotencyKey: $key) { ${CASE} } }`,
  decide: `mutation ($id: ID!, $d: Decision!, $o: String!, $key: String) { decideCase(caseId: $id, decision: $d, opinion: $o, idempotencyKey: $key) { ${CASE} } }`,
  signVeto: `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { ${CASE} } }`,
  declineVeto: `mutation ($id: ID!, $o: String!) { declineVeto(caseId: $id, opinion: $o) { ${CASE} } }`,
  meeting: `mutation ($id: ID!, $d: CountyMeetingDecision!, $n: String!, $o: String!) { recordCountyMeetingDecision(caseId: $id, decision: $d, minutesNo: $n, opinion: $o) { ${CASE} } }`,
  forward: `mutation ($id: ID!, $o: String!) { forwardCase(caseId: $id, opinion: $o) { ${CASE} } }`,
  higher: `mutation ($id: ID!, $d: Decision!, $o: String!, $n: String!) { recordHigherAuthorityResult(caseId: $id, decision: $d, opinion: $o, documentNo: $n) { ${CASE} } }`,
  conclude: `mutation ($id: ID!, $key: String) { concludeCase(caseId: $id, idempotencyKey: $key) { ${CASE} } }`,
  deliver: `mutation ($id: ID!) { deliverResult(caseId: $id, method: AT_WINDOW) { ${CASE} } }`,
  withdraw: `mutation ($id: ID!, $r: String!) { withdrawCase(caseId: $id, reason: $r) { ${CASE} } }`,
  refer: `mutation ($id: ID!, $w: ID!, $r: String!) { referCase(caseId: $id, toWindowId: $w, reason: $r) { ${CASE} } }`,
  suspend: `mutation ($id: ID!, $r: SuspensionReason!) { suspendClock(caseId: $id, reason: $r) { ${CASE} } }`,
  resume: `mutation ($id: ID!) { resumeClock(caseId: $id) { ${CASE} } }`,
  extend: `mutation ($id: ID!, $n: Int!, $r: String!, $a: String!) { extendDeadline(caseId: $id, workingDays: $n, reason: $r, applicantNotice: $a) { ${CASE} } }`,
  verify: `mutation ($id: ID!, $r: CommitmentVerification!, $o: String!) { verifyCommitment(caseId: $id, result: $r, opinion: $o) { ${CASE} } }`,
};
const READ = `query ($id: ID!) { case(id: $id) { ${CASE} } }`;
const PROGRESS = `query ($r: String!, $n: String!) { caseProgress(receiptNo: $r, idNumber: $n) { receiptNo stage stageLabel deadline deadlineDay onHold missingMaterials { name problem dueDay } } }`;

async function db<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await cases.infrastructure.dataSource.query(sql, params)) as T[];
}

async function outbox(subject: string, caseId: string): Promise<Array<Record<string, any>>> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.caseId === caseId);
}

async function submit(item: ItemPayload, extra: Record<string, unknown> = {}, who = applicant): Promise<CaseView> {
  return ok(await call<{ submitCase: CaseView }>(who, M.submit, { input: { itemId: item.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, ...extra } })).submitCase;
}

async function act(who: typeof clerk, mutation: keyof typeof M, variables: Record<string, unknown>): Promise<CaseView> {
  const data = ok(await call<Record<string, CaseView>>(who, M[mutation], variables));
  return Object.values(data)[0]!;
}

async function acceptedCase(item: ItemPayload = items.promised): Promise<CaseView> {
  const submitted = await submit(item);
  return act(clerk, "accept", { id: submitted.id });
}

async function reviewedCase(item: ItemPayload = items.promised): Promise<CaseView> {
  const accepted = await acceptedCase(item);
  return act(clerk, "review", { id: accepted.id, o: "材料齐全，符合条件" });
}

beforeAll(async () => {
  await resetEnvironment(environment);
  process.env.TIMER_POLL_MS = "100";
  cases = await startOneSubgraph("cases", environment, { clock });
  events = await EventInjector.connect(environment);
  for (const item of Object.values(items)) await events.publish(catalogEvents.itemPublished, item);
  const grant = (who: string, department: string, acts: Parameters<typeof letter>[3]) => events.publish(staffingEvents.authorizationGranted, letter(CENTER, who, department, acts));
  await grant(people.clerk, departments.zj, ["ACCEPT", "DECIDE_INSTANT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_JOINT", "PRE_REVIEW_REPORTED", "DELIVER"]);
  await grant(people.clerk2, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED"]);
  await grant(people.chief, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED", "SIGN_VETO"]);
  await grant(people.scClerk, departments.sc, ["ACCEPT", "PRE_REVIEW_PROMISED"]);
  await grant(people.comprehensiveClerk, departments.zj, ["ACCEPT"]);
  await events.publish(staffingEvents.chiefRepresentativeAppointed, { departmentId: departments.zj, centerCode: CENTER, staffId: people.chief, appointedAt: "2026-01-01T00:00:00Z", revision: 1 });
  const window = (windowId: string, code: string, kind: "RESIDENT" | "COMPREHENSIVE", departmentId: string | null, actsFor: string[] = []) =>
    events.publish(staffingEvents.windowPublished, {
      windowId, centerCode: CENTER, code, name: code, kind, departmentId, actsForDepartmentIds: actsFor, open: true, hallId: null, aPostStaffId: null, bPostStaffId: null, revision: 1,
    });
  await window(windows.zj, "A01", "RESIDENT", departments.zj);
  await window(windows.zj2, "A02", "RESIDENT", departments.zj);
  await window(windows.comprehensive, "Z01", "COMPREHENSIVE", null, [departments.zj]);
  await window(windows.sc, "B01", "RESIDENT", departments.sc);
  await eventually(async () => {
    const [{ n: versions }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM item_version_replica");
    const [{ n: letters }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM authorization_letter_replica");
    const [{ n: chiefs }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM chief_representative_replica");
    const [{ n: hall }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM window_replica");
    return Number(versions) === Object.keys(items).length && Number(letters) === 5 && Number(chiefs) === 1 && Number(hall) === 4 ? true : null;
  }, 20_000);
});

afterAll(async () => {
  delete process.env.TIMER_POLL_MS;
  await events?.close();
  await cases?.stop();
});

describe("a promised case from application to delivery", () => {
  test("every stage is on the routing slip in order, with who, when, from which window, the opinion and the time taken", async () => {
    clock.set("2026-03-02T01:30:00Z");
    const submitted = await submit(items.promised);
    expect(submitted).toMatchObject({ status: "SUBMITTED", kind: "PROMISED", receiptNo: expect.stringMatching(/^SL260302\d{8}$/), handler: null, clock: null });
    clock.advance(30 * 60_000);
    const accepted = await act(clerk, "accept", { id: submitted.id });
    expect(accepted).toMatchObject({
      status: "ACCEPTED",
      handler: { id: people.clerk },
      window: { id: windows.zj },
      clock: { promisedWorkingDays: 5, deadlineDay: "2026-03-09", deadline: "2026-03-09T16:00:00.000Z", onHold: false, level: "GREEN" },
    });
    clock.advance(DAY);
    const reviewed = await act(clerk, "review", { id: submitted.id, o: "材料齐全，符合条件" });
    clock.advance(2 * 60 * 60_000);
    const approved = await act(clerk, "decide", { id: submitted.id, d: "APPROVE", o: "准予许可" });
    expect(approved).toMatchObject({ status: "APPROVED", outcome: "APPROVED", decidedBySystem: false });
    const concluded = await act(clerk, "conclude", { id: submitted.id });
    expect(concluded).toMatchObject({ status: "CONCLUDED", outcome: "APPROVED", feeRequired: false, feeSettled: true });
    const delivered = await act(clerk, "deliver", { id: submitted.id });
    expect(delivered.status).toBe("DELIVERED");
    expect(reviewed.status).toBe("REVIEWED");

    expect(delivered.routingSlip.map((e: CaseView) => [e.seq, e.action, e.fromStatus, e.toStatus, e.actorKind])).toEqual([
      [1, "SUBMIT", null, "SUBMITTED", "APPLICANT"],
      [2, "ACCEPT", "SUBMITTED", "ACCEPTED", "STAFF"],
      [3, "REVIEW", "ACCEPTED", "REVIEWED", "STAFF"],
      [4, "APPROVE", "REVIEWED", "APPROVED", "STAFF"],
      [5, "CONCLUDE", "APPROVED", "CONCLUDED", "STAFF"],
      [6, "DELIVER", "CONCLUDED", "DELIVERED", "STAFF"],
    ]);
    expect(delivered.routingSlip[1]).toMatchObject({ actorId: people.clerk, window: { id: windows.zj }, tookMs: 30 * 60_000, tookWorkingDays: 0 });
    expect(delivered.routingSlip[2]).toMatchObject({ opinion: "材料齐全，符合条件", tookMs: DAY, tookWorkingDays: 1 });
    expect(delivered.routingSlip[3]).toMatchObject({ opinion: "准予许可" });

    const changes = await outbox(casesEvents.caseStageChanged.subject, submitted.id);
    expect(changes.map((c) => [c.slipSeq, c.toStatus])).toEqual([[1, "SUBMITTED"], [2, "ACCEPTED"], [3, "REVIEWED"], [4, "APPROVED"], [5, "CONCLUDED"], [6, "DELIVERED"]]);
    expect(changes[1]).toMatchObject({
      itemVersion: 1, departmentId: departments.zj, windowId: windows.zj, handlerId: people.clerk, actorId: people.clerk, actorWindowId: windows.zj,
      deadline: "2026-03-09T16:00:00.000Z", jointApprovalId: null, participantId: null, kind: "PROMISED",
    });
    const [acceptedEvent] = await outbox(casesEvents.caseAccepted.subject, submitted.id);
    expect(acceptedEvent).toMatchObject({ handlerId: people.clerk, windowId: windows.zj, applicantSubject: applicant.subject, deadline: "2026-03-09T16:00:00.000Z", quantity: 1 });
    const concludedEvents = await outbox(casesEvents.caseConcluded.subject, submitted.id);
    expect(concludedEvents).toEqual([
      expect.objectContaining({ outcome: "APPROVED", onTime: true, workingDaysUsed: 1, promisedLimitDays: 5, deadline: "2026-03-09T16:00:00.000Z", handlerId: people.clerk, windowId: windows.zj, decidedBySystem: false }),
    ]);
  });

  test("refusal (不予受理) needs a reason and ends the case", async () => {
    const submitted = await submit(items.promised);
    const missing = await call(clerk, `mutation ($id: ID!) { refuseCase(caseId: $id, reason: "") { id } }`, { id: submitted.id });
    expect(errorOf(missing)?.code).toBe("BAD_USER_INPUT");
    const refused = await act(clerk, "refuse", { id: submitted.id, reason: "不属于本部门职权范围" });
    expect(refused).toMatchObject({ status: "REFUSED", outcome: "REFUSED", handler: { id: people.clerk } });
    expect(refused.routingSlip.at(-1)).toMatchObject({ action: "REFUSE", opinion: "不属于本部门职权范围" });
    expect(await outbox(casesEvents.caseConcluded.subject, submitted.id)).toEqual([expect.objectContaining({ outcome: "REFUSED", acceptedAt: null, workingDaysUsed: null })]);
  });

  test("the applicant may withdraw before the decision, and only the applicant", async () => {
    const accepted = await acceptedCase();
    expect(errorOf(await call(stranger, M.withdraw, { id: accepted.id, r: "不办了" }))?.code).toBe("FORBIDDEN");
    const withdrawn = await act(applicant, "withdraw", { id: accepted.id, r: "项目暂缓" });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", outcome: "WITHDRAWN" });
    expect(errorOf(await call(clerk, M.review, { id: accepted.id, o: "x" }))).toMatchObject({ code: "INVALID_TRANSITION", from: "WITHDRAWN", to: "REVIEWED" });
  });

  test("a denial is given with its opinion and concludes denied", async () => {
    const reviewed = await reviewedCase();
    const denied = await act(clerk, "decide", { id: reviewed.id, d: "DENY", o: "不符合规划条件" });
    expect(denied).toMatchObject({ status: "DENIED", outcome: "DENIED" });
    const concluded = await act(clerk, "conclude", { id: reviewed.id });
    expect(concluded).toMatchObject({ status: "CONCLUDED", outcome: "DENIED" });
  });
});
