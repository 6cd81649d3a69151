import { randomUUID } from "node:crypto";
import { casesSubgraph, type CasesEnv } from "@onestop/cases";
import { casesEvents, catalogEvents, feesEvents, staffingEvents } from "@onestop/events";
import { DurableTimers, ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { CASE_MUTATIONS as M, citizen, errorOf, EventInjector, itemVersion, letter, ok, READ, staff, subgraphCaller, type CaseView, type ItemPayload } from "./support";

// Jest takes the timeout from here, not from the project settings.
jest.setTimeout(60_000);

const environment = testEnvironment("cases_clocks");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2 March 2026, 09:30 in the hall.
const START = "2026-03-02T01:30:00Z";
const clock = new ManualClock(START);

const department = randomUUID();
const people = { clerk: randomUUID(), chief: randomUUID() };
const clerk = staff(people.clerk, CENTER, department, randomUUID());
const chief = staff(people.chief, CENTER, department, null, ["chief_representative"]);
const admin = staff("admin-1", CENTER, null, null, ["center_admin"]);
const applicant = citizen("citizen-1");

let cases: RunningSubgraph;
let events: EventInjector;
const call = subgraphCaller(() => cases, ensureDevelopmentKeys(environment.keysDir), clock);

const items: Record<string, ItemPayload> = {
  promised: itemVersion(CENTER, department),
  deemed: itemVersion(CENTER, department, { name: "超时默认事项", deemedApproval: true }),
  deemedFee: itemVersion(CENTER, department, { name: "超时默认收费事项", deemedApproval: true, feeStandard: { kind: "FIXED", amountFen: 800 } }),
  fee: itemVersion(CENTER, department, { name: "收费事项", feeStandard: { kind: "FIXED", amountFen: 5000 } }),
  lenient: itemVersion(CENTER, department, { name: "容缺事项", allowsDeficiencies: true, deferrableMaterialCodes: ["M03"] }),
  staged: itemVersion(CENTER, department, { name: "分阶段时限事项", stageLimits: { acceptanceDays: 1, reviewDays: 2, approvalDays: 1 } }),
};

async function db<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await cases.infrastructure.dataSource.query(sql, params)) as T[];
}

async function outbox(subject: string, caseId: string): Promise<Array<Record<string, any>>> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.caseId === caseId);
}

async function act(who: typeof clerk, mutation: keyof typeof M, variables: Record<string, unknown>): Promise<CaseView> {
  return Object.values(ok(await call<Record<string, CaseView>>(who, M[mutation], variables)))[0]!;
}

async function read(id: string): Promise<CaseView> {
  return ok(await call<{ case: CaseView }>(clerk, READ, { id })).case;
}

async function acceptedCase(item: ItemPayload, at = START): Promise<CaseView> {
  clock.set(at);
  const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: item.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
  return act(clerk, "accept", { id: submitted.id });
}

async function start(): Promise<void> {
  cases = await startOneSubgraph("cases", environment, { clock });
}

beforeAll(async () => {
  await resetEnvironment(environment);
  process.env.TIMER_POLL_MS = "100";
  await start();
  events = await EventInjector.connect(environment);
  for (const item of Object.values(items)) await events.publish(catalogEvents.itemPublished, item);
  await events.publish(staffingEvents.authorizationGranted, letter(CENTER, people.clerk, department, ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"]));
  await events.publish(staffingEvents.authorizationGranted, letter(CENTER, people.chief, department, ["ACCEPT", "PRE_REVIEW_PROMISED", "APPROVE", "APPROVE_EXTENSION"]));
  await events.publish(staffingEvents.chiefRepresentativeAppointed, { departmentId: department, centerCode: CENTER, staffId: people.chief, appointedAt: "2026-01-01T00:00:00Z", revision: 1 });
  await eventually(async () => {
    const [{ n: versions }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM item_version_replica");
    const [{ n: letters }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM authorization_letter_replica");
    const [{ n: chiefs }] = await db<{ n: string }>("SELECT COUNT(*) AS n FROM chief_representative_replica");
    return Number(versions) === Object.keys(items).length && Number(letters) === 2 && Number(chiefs) === 1 ? true : null;
  }, 20_000);
});

afterAll(async () => {
  delete process.env.TIMER_POLL_MS;
  await events?.close();
  await cases?.stop();
});

describe("suspensions and extensions", () => {
  test("a site inspection stops the clock; the days it covered are added to the deadline", async () => {
    const accepted = await acceptedCase(items.promised);
    expect(accepted.clock).toMatchObject({ deadlineDay: "2026-03-09" });
    clock.set("2026-03-04T02:00:00Z"); // Wed 10:00
    const stopped = await act(clerk, "suspend", { id: accepted.id, r: "SITE_INSPECTION" });
    expect(stopped.clock).toMatchObject({ onHold: true, deadline: null });
    expect(errorOf(await call(clerk, M.suspend, { id: accepted.id, r: "HEARING" }))?.code).toBe("CLOCK_ALREADY_SUSPENDED");
    expect(errorOf(await call(clerk, M.review, { id: accepted.id, o: "x" }))?.code).toBe("CLOCK_SUSPENDED");
    clock.set("2026-03-06T07:00:00Z"); // Fri 15:00
    const resumed = await act(clerk, "resume", { id: accepted.id });
    // Thu 5 and Fri 6 did not count: due the end of Wed 11 March.
    expect(resumed.clock).toMatchObject({ onHold: false, deadlineDay: "2026-03-11" });
    expect(resumed.suspensions).toEqual([expect.objectContaining({ reason: "SITE_INSPECTION", startedAt: "2026-03-04T02:00:00.000Z", endedAt: "2026-03-06T07:00:00.000Z" })]);
    expect((await outbox(casesEvents.caseStageChanged.subject, accepted.id)).at(-1)).toMatchObject({ action: "RESUME_CLOCK", deadline: "2026-03-11T16:00:00.000Z", onHold: false });
  });

  test("an extension needs the letter act, a reason and a notice to the applicant, and is refused once the deadline has passed", async () => {
    const accepted = await acceptedCase(items.promised);
    expect(errorOf(await call(clerk, M.extend, { id: accepted.id, n: 3, r: "需专家论证", a: "延期通知" }))).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE_EXTENSION" });
    expect(errorOf(await call(admin, M.extend, { id: accepted.id, n: 3, r: "需专家论证", a: "延期通知" }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await call(chief, M.extend, { id: accepted.id, n: 3, r: "", a: "延期通知" }))?.code).toBe("BAD_USER_INPUT");
    const extended = await act(chief, "extend", { id: accepted.id, n: 3, r: "情况复杂，需补充论证", a: "您的申请因情况复杂延期3个工作日办结" });
    expect(extended.clock).toMatchObject({ deadlineDay: "2026-03-12", promisedWorkingDays: 5 });
    expect(extended.extensions).toEqual([{ workingDays: 3, reason: "情况复杂，需补充论证", applicantNotice: "您的申请因情况复杂延期3个工作日办结", approvedBy: people.chief }]);
    const [event] = await outbox(casesEvents.caseDeadlineExtended.subject, accepted.id);
    expect(event).toMatchObject({ workingDays: 3, applicantSubject: applicant.subject, applicantNotice: "您的申请因情况复杂延期3个工作日办结", deadline: "2026-03-12T16:00:00.000Z" });
    expect((await act(chief, "extend", { id: accepted.id, n: 1, r: "再延", a: "再延期1日" })).clock.deadlineDay).toBe("2026-03-13");
    clock.set("2026-03-14T01:00:00Z");
    expect(errorOf(await call(chief, M.extend, { id: accepted.id, n: 1, r: "太晚", a: "x" }))?.code).toBe("DEADLINE_PASSED");
  });

  test("the legal limit (法定时限) binds: extensions may take the case to it, counted from acceptance without the suspensions, and no further", async () => {
    // Legal limit 20 working days, promised 5: 15 more at most, over any number of extensions.
    const accepted = await acceptedCase(items.promised);
    await act(clerk, "suspend", { id: accepted.id, r: "EXPERT_REVIEW" });
    clock.advance(2 * 86_400_000);
    await act(clerk, "resume", { id: accepted.id });
    await act(chief, "extend", { id: accepted.id, n: 10, r: "专家评审意见需复核", a: "延期10个工作日" });
    const refused = errorOf(await call(chief, M.extend, { id: accepted.id, n: 6, r: "再延", a: "再延期" }));
    expect(refused).toMatchObject({ code: "BEYOND_LEGAL_LIMIT", legalLimitDays: 20, allowedWorkingDays: 5 });
    expect(Number((await db<{ n: string }>("SELECT COUNT(*) AS n FROM case_extension WHERE case_id = ?", [accepted.id]))[0]!.n)).toBe(1);
    clock.advance(60_000); // extensions are listed in the order they were approved
    const atTheLimit = await act(chief, "extend", { id: accepted.id, n: 5, r: "再延", a: "再延期5个工作日" });
    expect(atTheLimit.extensions.map((e: CaseView) => e.workingDays)).toEqual([10, 5]);
    expect(atTheLimit.suspensions).toEqual([expect.objectContaining({ reason: "EXPERT_REVIEW" })]);
    expect(errorOf(await call(chief, M.extend, { id: accepted.id, n: 1, r: "再延", a: "x" }))).toMatchObject({ code: "BEYOND_LEGAL_LIMIT", allowedWorkingDays: 0 });
  });
});

describe("warnings from durable timers (红黄牌)", () => {
  test("yellow when one working day is left, red once the deadline passed, each raised once", async () => {
    const accepted = await acceptedCase(items.promised);
    clock.set("2026-03-05T16:00:01Z"); // Fri 6 March 00:00:01: one working day left after today
    const yellow = await eventually(async () => (await outbox(casesEvents.caseWarningRaised.subject, accepted.id)).find((w) => w.level === "YELLOW"));
    expect(yellow).toMatchObject({ clock: "CASE", deadline: "2026-03-09T16:00:00.000Z", remainingWorkingDays: 1, handlerId: people.clerk, status: "ACCEPTED" });
    clock.set("2026-03-09T16:00:01Z");
    const red = await eventually(async () => (await outbox(casesEvents.caseWarningRaised.subject, accepted.id)).find((w) => w.level === "RED"));
    expect(red).toMatchObject({ clock: "CASE", deadline: "2026-03-09T16:00:00.000Z" });
    expect((await read(accepted.id)).warnings.map((w: CaseView) => [w.clock, w.level])).toEqual([["CASE", "YELLOW"], ["CASE", "RED"]]);
    // 24:00 Beijing of Mon 9 March is 16:00Z that day: the warning's day is the 9th, not the 10th.
    expect((await read(accepted.id)).warnings.map((w: CaseView) => [w.deadline, w.deadlineDay])).toEqual([
      ["2026-03-09T16:00:00.000Z", "2026-03-09"],
      ["2026-03-09T16:00:00.000Z", "2026-03-09"],
    ]);
    expect((await read(accepted.id)).clock.level).toBe("RED");
  });

  test("a stage with its own limit warns on its own clock", async () => {
    clock.set(START);
    const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: items.staged.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
    clock.set("2026-03-03T16:00:01Z"); // past the end of Tue 3 March: one day for acceptance
    const red = await eventually(async () => (await outbox(casesEvents.caseWarningRaised.subject, submitted.id)).find((w) => w.level === "RED"));
    expect(red).toMatchObject({ clock: "ACCEPTANCE", status: "SUBMITTED", acceptedAt: null });
    expect((await read(submitted.id)).stageClock).toMatchObject({ stage: "ACCEPTANCE", deadline: "2026-03-03T16:00:00.000Z", deadlineDay: "2026-03-03" });
    expect((await read(submitted.id)).warnings).toContainEqual({ clock: "ACCEPTANCE", level: "RED", deadline: "2026-03-03T16:00:00.000Z", deadlineDay: "2026-03-03" });
  });
});

describe("deemed approval (超时默认)", () => {
  test("an undecided case of an item that enables it is approved by the system at its deadline, once, recorded as such", async () => {
    const accepted = await acceptedCase(items.deemed);
    clock.set("2026-03-09T15:59:00Z");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await read(accepted.id)).status).toBe("ACCEPTED");
    clock.set("2026-03-09T16:00:00Z");
    const concluded = await eventually(async () => {
      const view = await read(accepted.id);
      return view.status === "CONCLUDED" ? view : null;
    });
    expect(concluded).toMatchObject({ outcome: "DEEMED_APPROVED", decidedBySystem: true });
    expect(concluded.routingSlip.at(-1)).toMatchObject({ action: "DEEM_APPROVED", actorKind: "SYSTEM", actorId: "system", toStatus: "CONCLUDED", opinion: expect.stringContaining("超时默认") });
    expect(await outbox(casesEvents.caseConcluded.subject, accepted.id)).toEqual([expect.objectContaining({ outcome: "DEEMED_APPROVED", decidedBySystem: true, onTime: true, workingDaysUsed: 5 })]);
  });

  test("a restart never skips it or doubles it, even with a second instance firing at once", async () => {
    const accepted = await acceptedCase(items.deemed, "2026-03-16T01:30:00Z");
    expect(accepted.clock.deadlineDay).toBe("2026-03-23");
    await cases.stop();
    clock.set("2026-03-25T02:00:00Z");
    await start();
    // A second instance of the service on the same database, as a scaled-out deployment would run it.
    const second = casesSubgraph.wire(cases.infrastructure as RunningSubgraph<CasesEnv>["infrastructure"]);
    const secondTimers = second.workers![0] as DurableTimers;
    await Promise.all([secondTimers.fireDue(), secondTimers.fireDue()]);
    await eventually(async () => ((await read(accepted.id)).status === "CONCLUDED" ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const slip = (await read(accepted.id)).routingSlip.map((e: CaseView) => e.action);
    expect(slip.filter((a: string) => a === "DEEM_APPROVED")).toHaveLength(1);
    expect(await outbox(casesEvents.caseConcluded.subject, accepted.id)).toHaveLength(1);
    const fired = await db<{ n: string }>("SELECT COUNT(*) AS n FROM durable_timer WHERE timer_key LIKE ? AND kind = 'deemed-approval' AND fired_at IS NOT NULL", [`${accepted.id}:%`]);
    expect(Number(fired[0]!.n)).toBe(1);
  });

  test("a decision before the deadline stops it; a stopped clock holds it", async () => {
    const decided = await acceptedCase(items.deemed, "2026-04-01T01:30:00Z");
    await act(clerk, "review", { id: decided.id, o: "通过" });
    await act(chief, "decide", { id: decided.id, d: "DENY", o: "不予许可" });
    const held = await acceptedCase(items.deemed, "2026-04-01T01:30:00Z");
    await act(clerk, "suspend", { id: held.id, r: "EXPERT_REVIEW" });
    clock.set("2026-04-30T02:00:00Z");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await read(decided.id)).status).toBe("DENIED");
    expect((await read(held.id)).status).toBe("ACCEPTED");
    expect((await read(held.id)).routingSlip.map((e: CaseView) => e.action)).not.toContain("DEEM_APPROVED");
  });

  test("a deemed approval that owes a fee concludes when fees reports the notice settled", async () => {
    const accepted = await acceptedCase(items.deemedFee, "2026-05-06T01:30:00Z");
    clock.set("2026-05-20T02:00:00Z");
    const approved = await eventually(async () => {
      const view = await read(accepted.id);
      return view.status === "APPROVED" ? view : null;
    });
    expect(approved).toMatchObject({ outcome: "DEEMED_APPROVED", feeRequired: true, feeSettled: false });
    const notice = { noticeId: randomUUID(), noticeNo: "33011026052000000017", centerCode: CENTER, caseId: accepted.id, departmentId: department };
    await events.publish(feesEvents.paymentNoticeIssued, feesEvents.paymentNoticeIssued.schema.parse({ ...notice, amountFen: 800 }));
    await events.publish(
      feesEvents.paymentNoticeSettled,
      feesEvents.paymentNoticeSettled.schema.parse({ ...notice, amountFen: 800, settlement: "PAID", receiptNo: "PJ0001", settledAt: clock.now().toISOString() }),
    );
    const concluded = await eventually(async () => {
      const view = await read(accepted.id);
      return view.status === "CONCLUDED" ? view : null;
    });
    expect(concluded.routingSlip.slice(-2).map((e: CaseView) => [e.action, e.actorKind])).toEqual([["DEEM_APPROVED", "SYSTEM"], ["CONCLUDE", "SYSTEM"]]);
    expect(await outbox(casesEvents.caseConcluded.subject, accepted.id)).toEqual([expect.objectContaining({ outcome: "DEEMED_APPROVED" })]);
  });
});

describe("deferred materials (容缺) that never follow", () => {
  test("return the case once their day has ended; materials that came in time do not", async () => {
    clock.set(START);
    const submitted = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: items.lenient.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
    await act(clerk, "accept", { id: submitted.id, d: { materialCodes: ["M03"], dueDay: "2026-03-04" } });
    const kept = ok(await call<{ submitCase: CaseView }>(applicant, M.submit, { input: { itemId: items.lenient.itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } })).submitCase;
    await act(clerk, "accept", { id: kept.id, d: { materialCodes: ["M03"], dueDay: "2026-03-04" } });
    await act(applicant, "supply", { id: kept.id, m: [{ code: "M03", documentRef: "sha256:dd" }] });
    clock.set("2026-03-04T16:00:01Z");
    const returned = await eventually(async () => {
      const view = await read(submitted.id);
      return view.status === "RETURNED" ? view : null;
    });
    expect(returned.routingSlip.at(-1)).toMatchObject({ action: "RETURN", actorKind: "SYSTEM", details: JSON.stringify({ missing: ["M03"] }) });
    expect(await outbox(casesEvents.caseConcluded.subject, submitted.id)).toEqual([expect.objectContaining({ outcome: "RETURNED" })]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await read(kept.id)).status).toBe("ACCEPTED");
  });
});
