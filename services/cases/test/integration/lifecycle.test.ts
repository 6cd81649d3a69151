import { randomUUID } from "node:crypto";
import { casesEvents, catalogEvents, staffingEvents } from "@onestop/events";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { solveChallenge } from "../../../../test/support/challenge";
import { testEnvironment } from "../../../../test/support/environment";
import { CASE_MUTATIONS as M, citizen, errorOf, EventInjector, itemVersion, letter, ok, PROGRESS, READ, staff, subgraphCaller, type CaseView, type ItemPayload } from "./support";

// Jest takes the timeout from here, not from the project settings.
jest.setTimeout(60_000);

const environment = testEnvironment("cases_lifecycle");
const CENTER = "330110000000";
const OTHER_CENTER = "330111000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2 March 2026, 09:30 in the hall.
const clock = new ManualClock("2026-03-02T01:30:00Z");
const DAY = 86_400_000;
/** The Beijing day of an instant, as YYYY-MM-DD. */
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const departments = { zj: randomUUID(), sc: randomUUID() };
const windows = { zj: randomUUID(), zj2: randomUUID(), comprehensive: randomUUID(), sc: randomUUID() };
const people = { clerk: randomUUID(), clerk2: randomUUID(), chief: randomUUID(), principal: randomUUID(), unlettered: randomUUID(), scClerk: randomUUID(), comprehensiveClerk: randomUUID() };

const clerk = staff(people.clerk, CENTER, departments.zj, windows.zj);
const clerk2 = staff(people.clerk2, CENTER, departments.zj, windows.zj2);
const chief = staff(people.chief, CENTER, departments.zj, windows.zj, ["chief_representative"]);
/** 单位主要负责人: not at a window, no letter; the office alone lets them sign vetoes. */
const principal = staff(people.principal, CENTER, departments.zj, null, ["department_principal"]);
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

async function db<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await cases.infrastructure.dataSource.query(sql, params)) as T[];
}

async function outbox(subject: string, caseId: string): Promise<Array<Record<string, any>>> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.caseId === caseId);
}

async function submit(item: ItemPayload, extra: Record<string, unknown> = {}, who = applicant): Promise<CaseView> {
  return ok(await call<{ submitCase: CaseView }>(who, M.submit, { input: { itemId: item.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID(), ...extra } })).submitCase;
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
  await grant(people.chief, departments.zj, ["ACCEPT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_REPORTED", "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE_EXTENSION", "DELIVER"]);
  await grant(people.scClerk, departments.sc, ["ACCEPT", "PRE_REVIEW_PROMISED"]);
  await grant(people.comprehensiveClerk, departments.zj, ["ACCEPT"]);
  await events.publish(staffingEvents.chiefRepresentativeAppointed, { departmentId: departments.zj, centerCode: CENTER, staffId: people.chief, appointedAt: "2026-01-01T00:00:00Z", revision: 1 });
  await events.publish(staffingEvents.departmentPrincipalAppointed, { departmentId: departments.zj, centerCode: CENTER, staffId: people.principal, appointedAt: "2026-01-01T00:00:00Z", revision: 1 });
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
    const [{ n: principals }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM department_principal_replica");
    const [{ n: hall }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM window_replica");
    return Number(versions) === Object.keys(items).length && Number(letters) === 5 && Number(chiefs) === 1 && Number(principals) === 1 && Number(hall) === 4 ? true : null;
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
    const approved = await act(chief, "decide", { id: submitted.id, d: "APPROVE", o: "准予许可" });
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
    expect(changes.map((c) => [c.slipSeq, c.toStatus, c.concludes])).toEqual([
      [1, "SUBMITTED", false],
      [2, "ACCEPTED", false],
      [3, "REVIEWED", false],
      [4, "APPROVED", false],
      [5, "CONCLUDED", true],
      [6, "DELIVERED", false],
    ]);
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
    // The conclusion carries the step that concluded the case, exactly as that step's own event told it.
    const { slipSeq, action, fromStatus, toStatus, actorId, actorKind, actorWindowId, actorCenterCode, opinion, occurredAt } = changes[4];
    expect(concludedEvents[0].step).toEqual({ slipSeq, action, fromStatus, toStatus, actorId, actorKind, actorWindowId, actorCenterCode, opinion, occurredAt });
    expect(concludedEvents[0].step).toMatchObject({ slipSeq: 5, action: "CONCLUDE", toStatus: "CONCLUDED" });
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
    const denied = await act(chief, "decide", { id: reviewed.id, d: "DENY", o: "不符合规划条件" });
    expect(denied).toMatchObject({ status: "DENIED", outcome: "DENIED" });
    const concluded = await act(clerk, "conclude", { id: reviewed.id });
    expect(concluded).toMatchObject({ status: "CONCLUDED", outcome: "DENIED" });
  });
});

describe("the four kinds", () => {
  test("an instant case is accepted and decided at the window in one step", async () => {
    const submitted = await submit(items.instant);
    const decided = await act(clerk, "instant", { id: submitted.id, d: "APPROVE", o: "当场办结" });
    expect(decided).toMatchObject({ kind: "INSTANT", status: "CONCLUDED", outcome: "APPROVED", handler: { id: people.clerk } });
    expect(decided.routingSlip.map((e: CaseView) => e.action)).toEqual(["SUBMIT", "DECIDE_INSTANTLY"]);
    expect(await outbox(casesEvents.caseAccepted.subject, submitted.id)).toHaveLength(1);
    expect(await outbox(casesEvents.caseConcluded.subject, submitted.id)).toEqual([expect.objectContaining({ outcome: "APPROVED", kind: "INSTANT", promisedLimitDays: 0, onTime: true })]);
  });

  test("an instant decision needs a letter for instant decisions, and an instant case cannot be accepted on its own", async () => {
    const submitted = await submit(items.instant);
    expect(errorOf(await call(clerk2, M.instant, { id: submitted.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "NOT_AUTHORIZED", act: "DECIDE_INSTANT" });
    expect(errorOf(await call(clerk, M.accept, { id: submitted.id }))?.code).toBe("WRONG_KIND");
  });

  test("an instant approval that owes a fee waits for it before it concludes", async () => {
    const submitted = await submit(items.instantFee);
    const decided = await act(clerk, "instant", { id: submitted.id, d: "APPROVE", o: "准予" });
    expect(decided).toMatchObject({ status: "APPROVED", feeRequired: true, feeSettled: false });
    expect(errorOf(await call(clerk, M.conclude, { id: submitted.id }))).toMatchObject({ code: "FEE_NOT_SETTLED", reason: "NOTICE_NOT_YET_ISSUED" });
  });

  test("a reported case is forwarded to the higher authority and its result recorded when it comes back", async () => {
    const reviewed = await reviewedCase(items.reported);
    expect(errorOf(await call(clerk, M.decide, { id: reviewed.id, d: "APPROVE", o: "x" }))?.code).toBe("WRONG_KIND");
    const forwarded = await act(clerk, "forward", { id: reviewed.id, o: "报请市局审批" });
    expect(forwarded).toMatchObject({ status: "FORWARDED", forwardedTo: "市住房和城乡建设局" });
    const today = beijingDay(clock.now());
    const answer = { id: reviewed.id, d: "APPROVE", o: "市局批复同意", n: "市建复〔2026〕12号", day: today };
    expect(errorOf(await call(clerk, M.higher, answer))).toMatchObject({ code: "NOT_AUTHORIZED", act: "RECORD_HIGHER_AUTHORITY_RESULT", reason: "ACT_NOT_GRANTED" });
    const decided = await act(chief, "higher", answer);
    expect(decided).toMatchObject({ status: "APPROVED", higherAuthorityDocumentNo: "市建复〔2026〕12号", higherAuthorityDocumentDate: today });
    expect(decided.routingSlip.at(-1)).toMatchObject({ action: "RECORD_HIGHER_AUTHORITY_RESULT", actorId: people.chief, details: expect.stringContaining("市建复〔2026〕12号") });
    expect((await act(clerk, "conclude", { id: reviewed.id })).status).toBe("CONCLUDED");
  });

  test("the answer carries a real date, not in the future nor before the forwarding day, and is not recorded by whoever forwarded the case", async () => {
    const reviewed = await reviewedCase(items.reported);
    await act(clerk, "forward", { id: reviewed.id, o: "报请市局审批" });
    const answer = (id: string, day: string) => ({ id, d: "DENY", o: "市局不予批准", n: "市建复〔2026〕13号", day });
    const tomorrow = beijingDay(new Date(clock.now().getTime() + DAY));
    const yesterday = beijingDay(new Date(clock.now().getTime() - DAY));
    for (const [day, problem] of [["2026-02-30", "not a real date"], [tomorrow, "in the future"], [yesterday, "before the case was forwarded"]]) {
      const refused = errorOf(await call(chief, M.higher, answer(reviewed.id, day!)));
      expect(refused).toMatchObject({ code: "BAD_USER_INPUT", field: "documentDate", problems: [{ field: "documentDate", message: expect.stringContaining(problem!) }] });
    }
    expect(await db("SELECT status FROM service_case WHERE id = ?", [reviewed.id])).toEqual([{ status: "FORWARDED" }]);

    const forwardedByChief = await reviewedCase(items.reported);
    await act(chief, "forward", { id: forwardedByChief.id, o: "报请市局审批" });
    expect(errorOf(await call(chief, M.higher, answer(forwardedByChief.id, beijingDay(clock.now()))))).toMatchObject({ code: "FORWARDER_RECORDS_RESULT", forwarderId: people.chief });
    expect(await db("SELECT status FROM service_case WHERE id = ?", [forwardedByChief.id])).toEqual([{ status: "FORWARDED" }]);
  });

  test("a joint item is applied for through its joint approval, not on its own", async () => {
    const result = await call(applicant, M.submit, { input: { itemId: items.joint.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } });
    expect(errorOf(result)?.code).toBe("JOINT_APPROVAL_REQUIRED");
  });
});

describe("the one-time notice (一次性告知)", () => {
  test("lists everything missing at once, stops the clock while the applicant supplies it, and refuses a piecemeal second notice", async () => {
    clock.set("2026-03-02T01:30:00Z");
    const submitted = await submit(items.staged);
    expect(submitted.stageClock).toMatchObject({ stage: "ACCEPTANCE", deadline: "2026-03-03T16:00:00.000Z", deadlineDay: "2026-03-03" });
    const noticed = await act(clerk, "notice", { id: submitted.id, m: [{ code: "M01", problem: "WRONG" }, { code: "M03", problem: "MISSING" }] });
    expect(noticed).toMatchObject({ status: "MATERIALS_REQUESTED", handler: { id: people.clerk }, stageClock: { stage: "ACCEPTANCE", deadline: null, deadlineDay: null } });
    expect(noticed.materialRequests.map((r: CaseView) => [r.noticeSeq, r.code, r.problem])).toEqual([[1, "M01", "WRONG"], [1, "M03", "MISSING"]]);
    expect(noticed.suspensions).toEqual([expect.objectContaining({ reason: "SUPPLEMENTING_MATERIALS", endedAt: null })]);

    const progress = ok(await call(stranger, PROGRESS, { r: submitted.receiptNo, n: ID_NUMBER })).caseProgress as CaseView;
    expect(progress).toEqual({ receiptNo: submitted.receiptNo, stage: "MATERIALS_REQUESTED", stageLabel: "待补正材料", deadline: null, deadlineDay: null, onHold: true, missingMaterials: [
      { name: "申请表", problem: "WRONG", dueDay: null },
      { name: "场地平面图", problem: "MISSING", dueDay: null },
    ] });

    expect(errorOf(await call(clerk, M.accept, { id: submitted.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "MATERIALS_REQUESTED" });
    // Two working days later (Wed 4 March) the applicant hands in the first material, then the second.
    clock.set("2026-03-04T02:00:00Z");
    const half = await act(applicant, "supply", { id: submitted.id, m: [{ code: "M01", documentRef: "sha256:aa" }] });
    expect(half.status).toBe("MATERIALS_REQUESTED");
    const full = await act(applicant, "supply", { id: submitted.id, m: [{ code: "M03", documentRef: "sha256:bb" }] });
    expect(full.status).toBe("SUBMITTED");
    expect(full.suspensions[0].endedAt).toBe("2026-03-04T02:00:00.000Z");
    // The stage clock stood still from Mon to Wed: its one day now runs to the end of Thu 5 March.
    expect(full.stageClock).toMatchObject({ stage: "ACCEPTANCE", deadline: "2026-03-05T16:00:00.000Z", deadlineDay: "2026-03-05" });

    const piecemeal = await call(clerk, M.notice, { id: submitted.id, m: [{ code: "M02", problem: "MISSING" }] });
    expect(errorOf(piecemeal)).toMatchObject({ code: "ONE_TIME_NOTICE_VIOLATED", materials: ["M02"] });
    const wrongSupplied = await act(clerk, "notice", { id: submitted.id, m: [{ code: "M01", problem: "WRONG" }] });
    expect(wrongSupplied.materialRequests.map((r: CaseView) => [r.noticeSeq, r.code])).toEqual([[1, "M01"], [1, "M03"], [2, "M01"]]);
    const [{ n }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM case_material_request WHERE case_id = ?", [submitted.id]);
    expect(Number(n)).toBe(3);
  });

  test("a material the item version does not list cannot be asked for, and only what was asked for can be supplied", async () => {
    const submitted = await submit(items.promised);
    expect(errorOf(await call(clerk, M.notice, { id: submitted.id, m: [{ code: "M99", problem: "MISSING" }] }))?.code).toBe("UNKNOWN_MATERIAL");
    await act(clerk, "notice", { id: submitted.id, m: [{ code: "M02", problem: "MISSING" }] });
    expect(errorOf(await call(applicant, M.supply, { id: submitted.id, m: [{ code: "M01" }] }))?.code).toBe("MATERIAL_NOT_REQUESTED");
    expect(errorOf(await call(stranger, M.supply, { id: submitted.id, m: [{ code: "M02" }] }))?.code).toBe("FORBIDDEN");
  });
});

describe("acceptance with deficiencies (容缺) and approval on commitment (告知承诺)", () => {
  test("a deferred material that follows in time lets the case be approved", async () => {
    clock.set("2026-03-02T01:30:00Z");
    const submitted = await submit(items.lenient, { onCommitment: true });
    const refused = await call(clerk, M.accept, { id: submitted.id, d: { materialCodes: ["M01"], dueDay: "2026-03-05" } });
    expect(errorOf(refused)?.code).toBe("MATERIAL_NOT_DEFERRABLE");
    const late = await call(clerk, M.accept, { id: submitted.id, d: { materialCodes: ["M03"], dueDay: "2026-03-12" } });
    expect(errorOf(late)).toMatchObject({ code: "DEFICIENCY_DUE_AFTER_DEADLINE", deadlineDay: "2026-03-09" });
    const accepted = await act(clerk, "accept", { id: submitted.id, d: { materialCodes: ["M03"], dueDay: "2026-03-05" } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", onCommitment: true, materialRequests: [expect.objectContaining({ kind: "DEFERRED", code: "M03", dueDay: "2026-03-05" })] });
    await act(clerk, "review", { id: submitted.id, o: "容缺受理，待补场地平面图" });
    expect(errorOf(await call(chief, M.decide, { id: submitted.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "DEFICIENCIES_OUTSTANDING", materials: ["M03"] });
    await act(applicant, "supply", { id: submitted.id, m: [{ code: "M03", documentRef: "sha256:cc" }] });
    const approved = await act(chief, "decide", { id: submitted.id, d: "APPROVE", o: "告知承诺，准予许可" });
    expect(approved).toMatchObject({ status: "APPROVED", commitmentState: "PENDING" });
    await act(clerk, "conclude", { id: submitted.id });
    const verified = await act(clerk, "verify", { id: submitted.id, r: "VERIFIED", o: "现场核查属实" });
    expect(verified).toMatchObject({ status: "CONCLUDED", commitmentState: "VERIFIED" });
    expect(errorOf(await call(clerk, M.verify, { id: submitted.id, r: "BREACHED", o: "x" }))?.code).toBe("COMMITMENT_NOT_PENDING");
  });

  test("a breached commitment revokes the approval", async () => {
    const submitted = await submit(items.lenient, { onCommitment: true });
    await act(clerk, "accept", { id: submitted.id });
    await act(clerk, "review", { id: submitted.id, o: "承诺制审查" });
    await act(chief, "decide", { id: submitted.id, d: "APPROVE", o: "告知承诺，准予许可" });
    await act(clerk, "conclude", { id: submitted.id });
    const revoked = await act(clerk, "verify", { id: submitted.id, r: "BREACHED", o: "核查发现承诺不实" });
    expect(revoked).toMatchObject({ status: "REVOKED", commitmentState: "BREACHED" });
    expect((await outbox(casesEvents.caseStageChanged.subject, submitted.id)).at(-1)).toMatchObject({ action: "REVOKE_FOR_BREACHED_COMMITMENT", toStatus: "REVOKED" });
  });

  test("commitment where the item does not allow it, or deficiencies where it does not, are refused", async () => {
    const result = await call(applicant, M.submit, { input: { itemId: items.promised.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, onCommitment: true, idempotencyKey: randomUUID() } });
    expect(errorOf(result)?.code).toBe("COMMITMENT_NOT_ALLOWED");
    const submitted = await submit(items.promised);
    expect(errorOf(await call(clerk, M.accept, { id: submitted.id, d: { materialCodes: ["M03"], dueDay: "2026-03-05" } }))?.code).toBe("DEFICIENCIES_NOT_ALLOWED");
  });
});

describe("approval (批准) is its own act, by another person than the reviewer", () => {
  test("a clerk reviews; only a holder of APPROVE decides, and never the one who reviewed", async () => {
    const reviewed = await reviewedCase();
    expect(errorOf(await call(clerk, M.decide, { id: reviewed.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE", reason: "ACT_NOT_GRANTED" });
    const byChief = await act(chief, "review", { id: (await acceptedCase()).id, o: "材料齐全" });
    expect(errorOf(await call(chief, M.decide, { id: byChief.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "SAME_REVIEWER_AND_APPROVER", reviewerId: people.chief });
    expect(errorOf(await call(chief, M.decide, { id: byChief.id, d: "DENY", o: "x" }))?.code).toBe("SAME_REVIEWER_AND_APPROVER");
    expect((await db("SELECT status FROM service_case WHERE id = ?", [byChief.id]))).toEqual([{ status: "REVIEWED" }]);
    const approved = await act(chief, "decide", { id: reviewed.id, d: "APPROVE", o: "准予许可" });
    expect(approved.routingSlip.slice(-2).map((e: CaseView) => [e.action, e.actorId])).toEqual([["REVIEW", people.clerk], ["APPROVE", people.chief]]);
  });
});

describe("vetoes (否决)", () => {
  test("a denial is only a proposal; it takes effect when the department's principal signs it", async () => {
    const reviewed = await reviewedCase(items.vetoHead);
    const proposed = await act(chief, "decide", { id: reviewed.id, d: "DENY", o: "拟不予许可" });
    expect(proposed).toMatchObject({ status: "VETO_PROPOSED", outcome: null });
    expect(errorOf(await call(clerk, M.conclude, { id: reviewed.id }))?.code).toBe("INVALID_TRANSITION");
    for (const who of [clerk2, chief]) expect(errorOf(await call(who, M.signVeto, { id: reviewed.id, o: "x" }))?.code).toBe("NOT_DEPARTMENT_PRINCIPAL");
    expect(errorOf(await call(admin, M.signVeto, { id: reviewed.id, o: "x" }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call(staff(people.principal, CENTER, departments.zj, null, ["window_staff"]), M.signVeto, { id: reviewed.id, o: "x" }))?.code).toBe("NOT_DEPARTMENT_PRINCIPAL");
    const signed = await act(principal, "signVeto", { id: reviewed.id, o: "同意否决" });
    expect(signed).toMatchObject({ status: "DENIED", outcome: "DENIED" });
    expect(signed.routingSlip.slice(-2).map((e: CaseView) => [e.action, e.actorId])).toEqual([["PROPOSE_VETO", people.chief], ["SIGN_VETO", people.principal]]);
    expect((await act(clerk, "conclude", { id: reviewed.id })).outcome).toBe("DENIED");
  });

  test("a principal who does not sign sends the case back to review; the principal of another department cannot", async () => {
    const reviewed = await reviewedCase(items.vetoHead);
    await act(chief, "decide", { id: reviewed.id, d: "DENY", o: "拟不予许可" });
    expect(errorOf(await call(chief, M.declineVeto, { id: reviewed.id, o: "x" }))?.code).toBe("NOT_DEPARTMENT_PRINCIPAL");
    expect(errorOf(await call(staff(randomUUID(), CENTER, departments.sc, null, ["department_principal"]), M.declineVeto, { id: reviewed.id, o: "x" }))?.code).toBe("NOT_DEPARTMENT_PRINCIPAL");
    const back = await act(principal, "declineVeto", { id: reviewed.id, o: "理由不充分，重新审查" });
    expect(back.status).toBe("ACCEPTED");
  });

  test("a land veto waits for the county head meeting: upheld it concludes denied, overruled it returns to review", async () => {
    const upheld = await reviewedCase(items.vetoMeeting);
    await act(chief, "decide", { id: upheld.id, d: "DENY", o: "拟否决：占用基本农田" });
    expect((await act(principal, "signVeto", { id: upheld.id, o: "报县长办公会" })).status).toBe("AWAITING_COUNTY_MEETING");
    expect(errorOf(await call(chief, M.meeting, { id: upheld.id, d: "UPHOLD", n: "县长办公会纪要〔2026〕3号", o: "维持否决" }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call(foreignAdmin, M.meeting, { id: upheld.id, d: "UPHOLD", n: "x", o: "x" }))?.code).toBe("FORBIDDEN");
    const concluded = await act(admin, "meeting", { id: upheld.id, d: "UPHOLD", n: "县长办公会纪要〔2026〕3号", o: "维持否决" });
    expect(concluded).toMatchObject({ status: "CONCLUDED", outcome: "DENIED" });
    expect(await outbox(casesEvents.caseConcluded.subject, upheld.id)).toEqual([expect.objectContaining({ outcome: "DENIED" })]);

    const overruled = await reviewedCase(items.vetoMeeting);
    // The chief representative's own denial is a proposal like anyone's.
    expect((await act(chief, "decide", { id: overruled.id, d: "DENY", o: "否决" })).status).toBe("VETO_PROPOSED");
    expect((await act(principal, "signVeto", { id: overruled.id, o: "报县长办公会" })).status).toBe("AWAITING_COUNTY_MEETING");
    const back = await act(admin, "meeting", { id: overruled.id, d: "OVERRULE", n: "县长办公会纪要〔2026〕4号", o: "不予否决，重新审查" });
    expect(back.status).toBe("ACCEPTED");
  });
});

describe("authorization and bad input", () => {
  test("acting on another department's case is forbidden; a comprehensive window acting for it may accept", async () => {
    const submitted = await submit(items.promised);
    expect(errorOf(await call(scClerk, M.accept, { id: submitted.id }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call(staff(people.clerk, OTHER_CENTER, departments.zj), M.accept, { id: submitted.id }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call(clerk, READ, { id: (await submit(items.otherDepartment)).id }))?.code).toBe("FORBIDDEN");
    const accepted = await act(comprehensiveClerk, "accept", { id: submitted.id });
    expect(accepted).toMatchObject({ status: "ACCEPTED", window: { id: windows.comprehensive } });
  });

  test("deciding without an authorization letter is refused, and a revocation binds the very next act", async () => {
    const accepted = await acceptedCase();
    expect(errorOf(await call(unlettered, M.review, { id: accepted.id, o: "x" }))).toMatchObject({ code: "NOT_AUTHORIZED", reason: "NO_LETTER" });
    const temporary = letter(CENTER, people.unlettered, departments.zj, ["PRE_REVIEW_PROMISED", "APPROVE"]);
    await events.publish(staffingEvents.authorizationGranted, temporary);
    await eventually(async () => ((await db("SELECT 1 FROM authorization_letter_replica WHERE letter_id = ?", [temporary.letterId])).length ? true : null));
    expect((await act(unlettered, "review", { id: accepted.id, o: "审核通过" })).status).toBe("REVIEWED");
    const other = await reviewedCase();
    await events.publish(staffingEvents.authorizationRevoked, { ...temporary, revokedAt: clock.now().toISOString(), revision: 2 });
    await eventually(async () => ((await db("SELECT 1 FROM authorization_letter_replica WHERE letter_id = ? AND revision = 2", [temporary.letterId])).length ? true : null));
    expect(errorOf(await call(unlettered, M.decide, { id: other.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE", reason: "LETTER_NOT_IN_FORCE" });
  });

  test("skipping a stage is an invalid transition that names both ends, and writes nothing", async () => {
    const accepted = await acceptedCase();
    const before = await db("SELECT COUNT(*) AS n FROM case_routing_entry WHERE case_id = ?", [accepted.id]);
    expect(errorOf(await call(chief, M.decide, { id: accepted.id, d: "APPROVE", o: "x" }))).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "APPROVED" });
    expect(errorOf(await call(clerk, M.conclude, { id: accepted.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "CONCLUDED" });
    expect(errorOf(await call(clerk, M.deliver, { id: accepted.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "DELIVERED" });
    expect(await db("SELECT COUNT(*) AS n FROM case_routing_entry WHERE case_id = ?", [accepted.id])).toEqual(before);
  });

  test("applicants cannot act as staff, and anonymous callers are asked to sign in", async () => {
    const submitted = await submit(items.promised);
    expect(errorOf(await call(applicant, M.accept, { id: submitted.id }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call({ subject: "anonymous", roles: ["anonymous"], centerCode: null, departmentId: null, windowId: null }, M.accept, { id: submitted.id }))?.code).toBe("UNAUTHENTICATED");
    expect(errorOf(await call(applicant, M.submit, { input: { itemId: items.promised.itemId, applicantName: "张三", applicantIdNumber: "110105194912310021", idempotencyKey: randomUUID() } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.applicantIdNumber" });
  });

  test("a case is visible to its applicant, its department, its owner and the center's overseers, and to nobody else", async () => {
    const accepted = await acceptedCase();
    for (const who of [applicant, clerk, clerk2, chief, principal, admin, supervisor]) expect(ok(await call<{ case: CaseView }>(who, READ, { id: accepted.id })).case.id).toBe(accepted.id);
    for (const who of [stranger, scClerk, foreignAdmin]) expect(errorOf(await call(who, READ, { id: accepted.id }))?.code).toBe("FORBIDDEN");
  });
});

describe("a retried or doubled step is done once", () => {
  test("parallel identical acceptances with one idempotency key all return the case; one step, one event", async () => {
    const submitted = await submit(items.promised);
    const results = await Promise.all(Array.from({ length: 8 }, () => call<{ acceptCase: CaseView }>(clerk, M.accept, { id: submitted.id, key: `accept-${submitted.id}` })));
    for (const result of results) expect(ok(result).acceptCase).toMatchObject({ id: submitted.id, status: "ACCEPTED" });
    expect(await db("SELECT action FROM case_routing_entry WHERE case_id = ? ORDER BY seq", [submitted.id])).toEqual([{ action: "SUBMIT" }, { action: "ACCEPT" }]);
    expect(await outbox(casesEvents.caseAccepted.subject, submitted.id)).toHaveLength(1);
  });

  test("parallel identical acceptances without a key: one wins, the others are told it already happened", async () => {
    const submitted = await submit(items.promised);
    const results = await Promise.all(Array.from({ length: 8 }, () => call(clerk, M.accept, { id: submitted.id })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r)?.code === "INVALID_TRANSITION")).toHaveLength(7);
    expect(await outbox(casesEvents.caseAccepted.subject, submitted.id)).toHaveLength(1);
  });

  test("a key reused for another step is refused", async () => {
    const accepted = await acceptedCase();
    await act(clerk, "review", { id: accepted.id, o: "通过", key: "k-1" });
    expect(errorOf(await call(clerk, M.conclude, { id: accepted.id, key: "k-1" }))?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    // A step that would be allowed now is refused too, by the routing slip's unique key, and leaves nothing behind.
    expect(errorOf(await call(chief, M.decide, { id: accepted.id, d: "APPROVE", o: "同意", key: "k-1" }))?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db("SELECT action FROM case_routing_entry WHERE case_id = ? ORDER BY seq", [accepted.id])).toEqual([{ action: "SUBMIT" }, { action: "ACCEPT" }, { action: "REVIEW" }]);
    expect(await outbox(casesEvents.caseStageChanged.subject, accepted.id)).toHaveLength(3);
    expect((await act(clerk, "review", { id: accepted.id, o: "通过", key: "k-1" })).status).toBe("REVIEWED");
  });

  test("a resubmission with the same key returns the first case", async () => {
    const input = { itemId: items.promised.itemId, applicantName: "李四", applicantIdNumber: ID_NUMBER, idempotencyKey: `submit-${randomUUID()}` };
    const results = await Promise.all(Array.from({ length: 5 }, () => call<{ submitCase: CaseView }>(applicant, M.submit, { input })));
    const ids = new Set(results.map((r) => ok(r).submitCase.id));
    expect(ids.size).toBe(1);
    expect(await db("SELECT id FROM service_case WHERE submit_key = ?", [input.idempotencyKey])).toHaveLength(1);
    // Keys are compared exactly: the key in capitals is another submission.
    const other = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { ...input, idempotencyKey: input.idempotencyKey.toUpperCase() } })).submitCase;
    expect(ids.has(other.id)).toBe(false);
  });
});

describe("first-contact responsibility (首问负责)", () => {
  test("the first staff member owns the case; a referral to another window is recorded and ownership stays", async () => {
    const submitted = await submit(items.promised);
    expect(errorOf(await call(clerk, M.refer, { id: submitted.id, w: windows.sc, r: "转市场监管窗口" }))?.code).toBe("WINDOW_DOES_NOT_SERVE");
    const referred = await act(clerk, "refer", { id: submitted.id, w: windows.zj2, r: "请到A02窗口办理" });
    expect(referred).toMatchObject({ handler: { id: people.clerk }, window: { id: windows.zj2 }, status: "SUBMITTED" });
    expect(referred.routingSlip.at(-1)).toMatchObject({ action: "REFER", details: JSON.stringify({ fromWindowId: null, toWindowId: windows.zj2 }) });
    const accepted = await act(clerk2, "accept", { id: submitted.id });
    expect(accepted).toMatchObject({ handler: { id: people.clerk }, window: { id: windows.zj2 } });
    const open = ok(await call<{ _entities: Array<{ openCases: Array<{ id: string }> }> }>(clerk, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { openCases { id } } } }`, { r: [{ __typename: "Staff", id: people.clerk }] }));
    expect(open._entities[0]!.openCases.map((c) => c.id)).toContain(submitted.id);
  });
});

describe("the public progress lookup", () => {
  test("shows stage and deadline to anyone with receipt number and ID number, and nothing without both", async () => {
    const accepted = await acceptedCase();
    const anonymous = { subject: "anonymous", roles: ["anonymous" as const], centerCode: null, departmentId: null, windowId: null };
    // Anonymous, each look-up spends a solved challenge of the service's own.
    const c = async () => solveChallenge(ok(await call<{ progressLookupChallenge: { altcha: string } }>(anonymous, `{ progressLookupChallenge { altcha } }`)).progressLookupChallenge.altcha);
    expect(errorOf(await call(anonymous, PROGRESS, { r: accepted.receiptNo, n: ID_NUMBER }))).toMatchObject({ code: "CHALLENGE_REQUIRED", field: "challenge" });
    const found = ok(await call<{ caseProgress: CaseView }>(anonymous, PROGRESS, { r: accepted.receiptNo, n: ID_NUMBER.toLowerCase(), c: await c() })).caseProgress;
    expect(found).toEqual({ receiptNo: accepted.receiptNo, stage: "ACCEPTED", stageLabel: "已受理，审核中", deadline: accepted.clock.deadline, deadlineDay: accepted.clock.deadlineDay, onHold: false, missingMaterials: [] });
    expect(JSON.stringify(found)).not.toContain("张三");
    expect(ok(await call(anonymous, PROGRESS, { r: accepted.receiptNo, n: "440524188001010014", c: await c() })).caseProgress).toBeNull();
    expect(ok(await call(anonymous, PROGRESS, { r: "SL26030200000000", n: ID_NUMBER, c: await c() })).caseProgress).toBeNull();
  });
});
