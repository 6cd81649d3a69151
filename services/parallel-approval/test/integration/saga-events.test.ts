import { randomUUID } from "node:crypto";
import { casesEvents, catalogEvents, staffingEvents } from "@onestop/events";
import { ManualClock, type Identity, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { EventInjector, concluded, stageChanged, type JointCase } from "../support/events";
import { errorOf, ok, READ, START, subgraphCaller, WITHDRAW, type JointView } from "../support/joint-county";

/**
 * The saga against the real MariaDB and NATS, with cases' events injected as cases would
 * publish them, in whatever order and as often as the bus may deliver them.
 */

jest.setTimeout(60_000);

const environment = testEnvironment("joint_saga_events");
const CENTER = "330110000000";
// Monday 2 March 2026, 09:30 in Shanghai.
const clock = new ManualClock("2026-03-02T01:30:00Z");
const lead = randomUUID();
const departments = [lead, randomUUID(), randomUUID(), randomUUID()];
const items = departments.slice(1).map((departmentId, index) => ({ itemId: randomUUID(), departmentId, promisedLimitDays: 5 + index }));
const bureau: Identity = { subject: "bureau-fgj", roles: ["bureau"], centerCode: CENTER, departmentId: lead, windowId: null };

let saga: RunningSubgraph;
let events: EventInjector;
/** Envelopes whose handling "crashes" once after its commit, before the ack. */
const crashOnce = new Set<string>();
const deliveries = new Map<string, number>();
const call = subgraphCaller(() => saga.url, ensureDevelopmentKeys(environment.keysDir), clock);

async function db<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await saga.infrastructure.dataSource.query(sql, params)) as T[];
}

let projectNo = 0;
async function open(count = 2, deadlineWorkingDays = 10): Promise<JointView> {
  projectNo += 1;
  const input = {
    projectName: `智能装备产业园项目${projectNo}`,
    projectCode: `2603-330110-04-01-${String(200000 + projectNo)}`,
    applicant: { name: "某某智能装备有限公司", idNumber: "91350100M000100Y43" },
    leadDepartmentId: lead,
    participants: items.slice(0, count).map((i) => ({ departmentId: i.departmentId, itemId: i.itemId })),
    deadlineWorkingDays,
    idempotencyKey: randomUUID(),
  };
  return ok(await call<{ startJointApproval: JointView }>("parallel-approval", bureau, START, { input })).startJointApproval;
}

const detailsOf = (entry: JointView): { slipSeq?: number } => (entry.details ? JSON.parse(entry.details) : {});

async function read(id: string): Promise<JointView> {
  return ok(await call<{ jointApproval: JointView }>("parallel-approval", bureau, READ, { id })).jointApproval;
}

async function until(id: string, check: (joint: JointView) => boolean): Promise<JointView> {
  return eventually(async () => {
    const joint = await read(id);
    return check(joint) ? joint : null;
  }, 20_000);
}

function jointCase(joint: JointView, index: number): JointCase {
  const participant = joint.participants[index];
  return {
    caseId: randomUUID(),
    receiptNo: `SL26030200${String(index).padStart(6, "0")}`,
    centerCode: CENTER,
    itemId: participant.item.id,
    departmentId: participant.department.id,
    jointApprovalId: joint.id,
    participantId: participant.id,
  };
}

async function outbox(subject: string, jointApprovalId: string): Promise<Array<Record<string, any>>> {
  const rows = await db<{ envelope: string }>("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject]);
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.jointApprovalId === jointApprovalId);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

beforeAll(async () => {
  process.env.TIMER_POLL_MS = "100";
  await resetEnvironment(environment);
  saga = await startOneSubgraph("parallel-approval", environment, {
    clock,
    consumers: {
      beforeAck: (envelope) => {
        deliveries.set(envelope.id, (deliveries.get(envelope.id) ?? 0) + 1);
        if (crashOnce.delete(envelope.id)) throw new Error("crashed after the commit, before the ack");
      },
    },
  });
  events = await EventInjector.connect(environment);
  for (const [index, departmentId] of departments.entries()) {
    await events.publish(staffingEvents.departmentRegistered, { departmentId, centerCode: CENTER, code: `D${index}`, name: ["发展和改革局", "住房和城乡建设局", "自然资源局", "生态环境局"][index]! });
  }
  for (const item of items) {
    await events.publish(
      catalogEvents.itemPublished,
      catalogEvents.itemPublished.schema.parse({
        itemId: item.itemId,
        version: 1,
        centerCode: CENTER,
        departmentId: item.departmentId,
        name: "联办事项",
        kind: "JOINT",
        legalLimitDays: 20,
        promisedLimitDays: item.promisedLimitDays,
        feeStandard: { kind: "FREE" },
      }),
    );
  }
  await eventually(async () => {
    const [{ d }] = await db<{ d: string }>("SELECT COUNT(*) AS d FROM department_replica");
    const [{ i }] = await db<{ i: string }>("SELECT COUNT(*) AS i FROM item_replica");
    return Number(d) === departments.length && Number(i) === items.length ? true : null;
  }, 20_000);
});

afterAll(async () => {
  delete process.env.TIMER_POLL_MS;
  await events?.close();
  await saga?.stop();
});

beforeEach(() => clock.set("2026-03-02T01:30:00Z"));

test("a step that fails leaves nothing behind: no joint approval, no case requested", async () => {
  // Tuesday 1 June 2027: 250 working days run into 2028, whose holiday table is not loaded.
  clock.set("2027-06-01T02:00:00Z");
  const input = {
    projectName: "跨年度项目",
    projectCode: "2706-330110-04-01-999999",
    applicant: { name: "某某有限公司", idNumber: "91350100M000100Y43" },
    leadDepartmentId: lead,
    participants: items.slice(0, 2).map((i) => ({ departmentId: i.departmentId, itemId: i.itemId })),
    deadlineWorkingDays: 250,
    idempotencyKey: randomUUID(),
  };
  expect(errorOf(await call("parallel-approval", bureau, START, { input }))?.code).toBe("CALENDAR_YEAR_NOT_LOADED");
  expect(await db("SELECT id FROM joint_approval WHERE project_code = ?", [input.projectCode])).toEqual([]);
  expect(await db("SELECT seq FROM outbox_message WHERE envelope LIKE ?", [`%${input.projectCode}%`])).toEqual([]);
});

test("a conclusion that arrives before the case's steps counts once; the late steps do not move the case back", async () => {
  const joint = await open();
  const first = jointCase(joint, 0);
  const at = clock.now();
  await events.publish(casesEvents.caseConcluded, concluded(first, "APPROVED", at));
  await until(joint.id, (j) => j.participants[0].outcome === "APPROVED");
  const steps: Array<[number, string | null, string]> = [
    [5, "APPROVED", "CONCLUDED"],
    [4, "REVIEWED", "APPROVED"],
    [3, "ACCEPTED", "REVIEWED"],
    [2, "SUBMITTED", "ACCEPTED"],
    [1, null, "SUBMITTED"],
  ];
  for (const [seq, from, to] of steps) await events.publish(casesEvents.caseStageChanged, stageChanged(first, seq, from as never, to as never, at));
  // The same conclusion again under another envelope id: past the inbox, stopped by the compare-and-set.
  await events.publish(casesEvents.caseConcluded, concluded(first, "APPROVED", at));
  await eventually(async () => ((await db("SELECT id FROM joint_history WHERE joint_approval_id = ? AND kind = 'CASE_STEP'", [joint.id])).length === 5 ? true : null));
  await settle();
  const seen = await read(joint.id);
  expect(seen.participants[0]).toMatchObject({ status: "APPROVED", outcome: "APPROVED", caseStatus: "CONCLUDED", case: { id: first.caseId } });
  expect(seen).toMatchObject({ status: "OPEN", outcomesCounted: 1, approvalsCounted: 1 });
  expect(seen.history.filter((h: JointView) => h.kind === "OUTCOME_COUNTED")).toHaveLength(1);

  await events.publish(casesEvents.caseConcluded, concluded(jointCase(joint, 1), "DEEMED_APPROVED", at));
  const approved = await until(joint.id, (j) => j.status === "APPROVED");
  expect(approved).toMatchObject({ outcomesCounted: 2, approvalsCounted: 2 });
  expect(await outbox("joint.approval.concluded", joint.id)).toEqual([expect.objectContaining({ outcome: "APPROVED" })]);
  expect(await db("SELECT id FROM durable_timer WHERE timer_key LIKE ? AND fired_at IS NULL", [`${joint.id}:%`])).toEqual([]);
});

test("a conclusion that carries its concluding step is taken whole; that step's own event, marked as concluding, is left to it", async () => {
  const joint = await open();
  const first = jointCase(joint, 0);
  const at = clock.now();
  const steps: Array<[number, string | null, string]> = [
    [1, null, "SUBMITTED"],
    [2, "SUBMITTED", "ACCEPTED"],
    [3, "ACCEPTED", "REVIEWED"],
    [4, "REVIEWED", "APPROVED"],
  ];
  for (const [seq, from, to] of steps) await events.publish(casesEvents.caseStageChanged, stageChanged(first, seq, from as never, to as never, at));
  await eventually(async () => ((await db("SELECT id FROM joint_history WHERE joint_approval_id = ? AND kind = 'CASE_STEP'", [joint.id])).length === 4 ? true : null));
  const step = { slipSeq: 5, action: "CONCLUDE", fromStatus: "APPROVED" as const, toStatus: "CONCLUDED" as const, actorId: "staff-2", actorKind: "STAFF" as const, actorWindowId: null, opinion: "准予办结", occurredAt: at.toISOString() };
  const concludingStep = await events.publish(casesEvents.caseStageChanged, stageChanged(first, 5, "APPROVED", "CONCLUDED", at, { ...step, concludes: true }));
  await events.publish(casesEvents.caseConcluded, concluded(first, "APPROVED", at, { step }));
  await until(joint.id, (j) => j.participants[0].outcome === "APPROVED");
  await settle();
  const seen = await read(joint.id);
  expect(seen.participants[0]).toMatchObject({ status: "APPROVED", caseStatus: "CONCLUDED", opinion: "准予办结" });
  const history = seen.history.filter((h: JointView) => h.participantId === first.participantId);
  const slipSeqs = history.filter((h: JointView) => h.kind === "CASE_STEP").map((h: JointView) => detailsOf(h).slipSeq);
  expect(slipSeqs.sort()).toEqual([1, 2, 3, 4, 5]);
  // The concluding step and the outcome in one transaction: side by side, in that order.
  expect(history.slice(-2).map((h: JointView) => [h.kind, detailsOf(h).slipSeq ?? null])).toEqual([
    ["CASE_STEP", 5],
    ["OUTCOME_COUNTED", null],
  ]);
  // Acked without a transaction: no inbox row, nothing recorded twice.
  expect(await db("SELECT message_id FROM inbox_message WHERE message_id = ?", [concludingStep])).toEqual([]);
});

test("a burst of steps of many cases: routine ones taken together, a notice among them still stops its joint clock, each recorded once", async () => {
  const joints = [await open(), await open(), await open()];
  const cases = joints.flatMap((joint) => [jointCase(joint, 0), jointCase(joint, 1)]);
  const at = clock.now();
  const routine: Array<[number, string | null, string]> = [
    [1, null, "SUBMITTED"],
    [2, "SUBMITTED", "ACCEPTED"],
    [3, "ACCEPTED", "REVIEWED"],
  ];
  const noticeOn = cases[2]!;
  await Promise.all([
    ...cases.flatMap((c) => routine.map(([seq, from, to]) => events.publish(casesEvents.caseStageChanged, stageChanged(c, seq, from as never, to as never, at)))),
    events.publish(casesEvents.caseStageChanged, stageChanged(noticeOn, 4, "REVIEWED", "MATERIALS_REQUESTED", at)),
  ]);
  await eventually(async () => ((await db("SELECT id FROM joint_history WHERE kind = 'CASE_STEP' AND joint_approval_id IN (?)", [joints.map((j) => j.id)])).length === 19 ? true : null));
  await settle();
  const seen = await Promise.all(joints.map((j) => read(j.id)));
  expect(seen.map((j) => j.participants.map((p: JointView) => [p.caseStatus, p.case?.id]))).toEqual(
    joints.map((_, j) => [0, 1].map((i) => [cases[j * 2 + i] === noticeOn ? "MATERIALS_REQUESTED" : "REVIEWED", cases[j * 2 + i]!.caseId])),
  );
  expect(seen.map((j) => j.paused)).toEqual([false, true, false]);
  expect(await db("SELECT participant_id FROM joint_notice_step WHERE joint_approval_id = ?", [joints[1]!.id])).toEqual([{ participant_id: noticeOn.participantId }]);
  const steps = await db<{ participant_id: string; n: number }>(
    "SELECT participant_id, COUNT(*) AS n FROM joint_history WHERE kind = 'CASE_STEP' AND joint_approval_id IN (?) GROUP BY participant_id",
    [joints.map((j) => j.id)],
  );
  expect(Object.fromEntries(steps.map((row) => [row.participant_id, Number(row.n)]))).toEqual(Object.fromEntries(cases.map((c) => [c.participantId, c === noticeOn ? 4 : 3])));
});

test("an extension on a participant's case moves that participant's deadline once, however often it is delivered", async () => {
  const joint = await open();
  const first = jointCase(joint, 0);
  const before = joint.participants[0].deadline;
  const extension = casesEvents.caseDeadlineExtended.schema.parse({
    ...first,
    itemVersion: 1,
    kind: "JOINT",
    windowId: null,
    handlerId: "staff-1",
    applicantSubject: "citizen-1",
    workingDays: 3,
    reason: "需现场核查",
    applicantNotice: "办理期限延长3个工作日",
    approvedBy: "chief-1",
    approvedAt: clock.now().toISOString(),
    acceptedAt: clock.now().toISOString(),
    deadline: null,
  });
  const id = await events.publish(casesEvents.caseDeadlineExtended, extension);
  await events.publish(casesEvents.caseDeadlineExtended, extension, id);
  const extended = await until(joint.id, (j) => j.participants[0].deadline !== before);
  // Five working days counted from the day after Monday 2 March end on Monday 9 March; three more on Thursday 12 March.
  expect([before, extended.participants[0].deadline]).toEqual(["2026-03-09T16:00:00.000Z", "2026-03-12T16:00:00.000Z"]);
  expect(extended.participants[1].deadline).toBe(joint.participants[1].deadline);
  await settle();
  const seen = await read(joint.id);
  expect(seen.participants[0].deadline).toBe("2026-03-12T16:00:00.000Z");
  expect(seen.history.filter((h: JointView) => h.kind === "DEADLINE_EXTENDED")).toHaveLength(1);
  expect(await db("SELECT clock_facts FROM joint_approval WHERE id = ?", [joint.id])).toEqual([{ clock_facts: 1 }]);
});

test("a crash between the commit and the ack: the redelivery finds the inbox row and changes nothing", async () => {
  const joint = await open();
  const id = randomUUID();
  crashOnce.add(id);
  await events.publish(casesEvents.caseConcluded, concluded(jointCase(joint, 0), "APPROVED", clock.now()), id);
  await eventually(async () => ((deliveries.get(id) ?? 0) >= 2 ? true : null), 20_000);
  await settle();
  const seen = await read(joint.id);
  expect(seen).toMatchObject({ outcomesCounted: 1, approvalsCounted: 1 });
  expect(await db("SELECT message_id FROM inbox_message WHERE message_id = ?", [id])).toHaveLength(1);
});

test("notices stop the joint clock; the steps in any order give the same deadlines; the alarm follows under a new key", async () => {
  const inOrder = await open();
  const reversed = await open();
  const armedBefore = (await db<{ timer_key: string }>("SELECT timer_key FROM durable_timer WHERE timer_key LIKE ? AND fired_at IS NULL", [`${inOrder.id}:%`])).map((t) => t.timer_key);
  // One alarm per joint approval: its next instant (the first participant's yellow warning).
  expect(armedBefore).toEqual([`${inOrder.id}:${Date.parse("2026-03-05T16:00:00Z")}`]);
  const wednesday = new Date("2026-03-04T02:00:00Z");
  const friday = new Date("2026-03-06T02:00:00Z");
  const a = jointCase(inOrder, 0);
  clock.set(wednesday);
  await events.publish(casesEvents.caseStageChanged, stageChanged(a, 2, "SUBMITTED", "MATERIALS_REQUESTED", wednesday));
  const paused = await until(inOrder.id, (j) => j.status === "PAUSED");
  expect(paused.deadline).toBeNull();
  expect(await db("SELECT id FROM durable_timer WHERE timer_key LIKE ? AND fired_at IS NULL", [`${inOrder.id}:%`])).toEqual([]);
  clock.set(friday);
  await events.publish(casesEvents.caseStageChanged, stageChanged(a, 3, "MATERIALS_REQUESTED", "SUBMITTED", friday));
  const resumed = await until(inOrder.id, (j) => j.status === "OPEN");
  const armedAfter = (await db<{ timer_key: string }>("SELECT timer_key FROM durable_timer WHERE timer_key LIKE ? AND fired_at IS NULL", [`${inOrder.id}:%`])).map((t) => t.timer_key);
  expect(armedAfter).toEqual([`${inOrder.id}:${Date.parse("2026-03-09T16:00:00Z")}`]);

  const b = jointCase(reversed, 0);
  await events.publish(casesEvents.caseStageChanged, stageChanged(b, 3, "MATERIALS_REQUESTED", "SUBMITTED", friday));
  await events.publish(casesEvents.caseStageChanged, stageChanged(b, 2, "SUBMITTED", "MATERIALS_REQUESTED", wednesday));
  const late = await until(reversed.id, (j) => j.deadline === resumed.deadline);
  expect(late.participants.map((p: JointView) => p.deadline)).toEqual(resumed.participants.map((p: JointView) => p.deadline));
  expect(resumed.deadline).toBe("2026-03-18T16:00:00.000Z");
  expect((await outbox("joint.approval.paused", inOrder.id)).map((e) => e.participantId)).toEqual([a.participantId]);
  expect(await outbox("joint.approval.resumed", inOrder.id)).toHaveLength(1);
});

test("a proposed veto is not final; a concluded denial rejects and withdraws only the cases still open", async () => {
  const joint = await open(3);
  const [vetoed, approved, open2] = [0, 1, 2].map((i) => jointCase(joint, i));
  const at = clock.now();
  await events.publish(casesEvents.caseConcluded, concluded(approved!, "APPROVED", at));
  await events.publish(casesEvents.caseStageChanged, stageChanged(vetoed!, 4, "REVIEWED", "VETO_PROPOSED", at, { opinion: "拟不予批准" }));
  const proposed = await until(joint.id, (j) => j.participants[0].status === "VETO_PROPOSED" && j.participants[1].outcome === "APPROVED");
  expect(proposed.status).toBe("OPEN");
  expect(await outbox("joint.participant.case-withdrawal-requested", joint.id)).toEqual([]);
  await events.publish(casesEvents.caseConcluded, concluded(vetoed!, "DENIED", at));
  const rejected = await until(joint.id, (j) => j.status === "REJECTED");
  expect(rejected).toMatchObject({ conclusionReason: "住房和城乡建设局不予批准" });
  expect((await outbox("joint.participant.case-withdrawal-requested", joint.id)).map((c) => c.participantId)).toEqual([open2!.participantId]);
  await events.publish(casesEvents.caseConcluded, concluded(open2!, "WITHDRAWN", at));
  const settled = await until(joint.id, (j) => j.participants[2].outcome === "WITHDRAWN");
  expect(settled).toMatchObject({ status: "REJECTED", outcomesCounted: 3, approvalsCounted: 1 });
  expect(await outbox("joint.approval.concluded", joint.id)).toEqual([expect.objectContaining({ outcome: "REJECTED", decidingParticipantId: vetoed!.participantId })]);
});

test("a withdrawal that reached cases before the case was opened is asked again once the case shows up open", async () => {
  const joint = await open();
  ok(await call("parallel-approval", bureau, WITHDRAW, { id: joint.id, r: "项目取消" }));
  const late = jointCase(joint, 0);
  await events.publish(casesEvents.caseStageChanged, stageChanged(late, 1, null, "SUBMITTED", clock.now(), { actorKind: "SYSTEM", actorId: "system" }));
  await eventually(async () => ((await outbox("joint.participant.case-withdrawal-requested", joint.id)).filter((c) => c.participantId === late.participantId).length === 2 ? true : null));
  await events.publish(casesEvents.caseConcluded, concluded(late, "WITHDRAWN", clock.now()));
  const settled = await until(joint.id, (j) => j.participants[0].outcome === "WITHDRAWN");
  expect(settled).toMatchObject({ status: "WITHDRAWN", conclusionReason: "申请人撤回：项目取消" });
});

test("a case the applicant withdrew on its own withdraws the joint approval and compensates the others", async () => {
  const joint = await open();
  const own = jointCase(joint, 0);
  await events.publish(casesEvents.caseConcluded, concluded(own, "WITHDRAWN", clock.now()));
  const withdrawn = await until(joint.id, (j) => j.status === "WITHDRAWN");
  expect(withdrawn.conclusionReason).toBe("申请人撤回住房和城乡建设局的办件");
  expect((await outbox("joint.participant.case-withdrawal-requested", joint.id)).map((c) => c.participantId)).toEqual([joint.participants[1].id]);
});
