import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { applicantKey, ManualClock, type Identity } from "@onestop/platform";
import { eventually, graphql, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import {
  buildJointCounty,
  caseActs,
  errorOf,
  gatewayCaller,
  LIST,
  ok,
  READ,
  START,
  URGE,
  WITHDRAW,
  type Call,
  type JointCounty,
  type JointView,
} from "../../services/parallel-approval/test/support/joint-county";
import { testEnvironment } from "../support/environment";

/**
 * 并联审批 through the gateway, with the real cases, fees, staffing and catalog: the bureau's
 * contract, the saga's outcomes, the joint clock with its notices, vetoes and deadlines.
 * Time is a manual clock the tests move; nothing sleeps through a deadline.
 */

jest.setTimeout(60_000);

const environment = testEnvironment("e2e_joint_approval");
const CENTER = "330110000000";
// Monday 2 March 2026, 09:30 in Shanghai.
const clock = new ManualClock("2026-03-02T01:30:00Z");
let system: RunningSystem;
let county: JointCounty;
let callThrough: Call;
let acts: ReturnType<typeof caseActs>;
let bureau: Identity;

const departments = [
  { code: "FGJ", name: "发展和改革局" },
  { code: "ZJJ", name: "住房和城乡建设局" },
  { code: "ZRZYJ", name: "自然资源局" },
  { code: "HBJ", name: "生态环境局" },
  { code: "SLJ", name: "水利局" },
];
const items = [
  { key: "zjj", department: "ZJJ", name: "建设工程规划许可证核发", promisedLimitDays: 5 },
  { key: "land", department: "ZRZYJ", name: "建设项目用地预审与选址意见书核发", promisedLimitDays: 5, vetoEscalation: "COUNTY_HEAD_MEETING" as const },
  { key: "hbj", department: "HBJ", name: "建设项目环境影响评价文件审批", promisedLimitDays: 3, deemedApproval: true },
  { key: "slj", department: "SLJ", name: "生产建设项目水土保持方案审批", promisedLimitDays: 4, feeFen: 5000 },
  { key: "promised", department: "ZJJ", name: "建筑工程施工许可证核发", kind: "PROMISED" as const, promisedLimitDays: 5 },
];

let projectNo = 0;
function startInput(parts: string[], overrides: Record<string, unknown> = {}) {
  projectNo += 1;
  return {
    projectName: `年产十万吨饲料加工项目${projectNo}`,
    projectCode: `2603-330110-04-01-${String(100000 + projectNo)}`,
    applicant: { name: "某某饲料有限公司", idNumber: "91350100M000100Y43" },
    leadDepartmentId: county.departments.FGJ!.id,
    participants: parts.map((key) => ({ departmentId: county.items[key]!.departmentId, itemId: county.items[key]!.id })),
    deadlineWorkingDays: 10,
    greenChannel: false,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function start(parts: string[], overrides: Record<string, unknown> = {}): Promise<JointView> {
  return ok(await callThrough<{ startJointApproval: JointView }>("parallel-approval", bureau, START, { input: startInput(parts, overrides) })).startJointApproval;
}

async function read(id: string, as: Identity = bureau): Promise<JointView> {
  return ok(await callThrough<{ jointApproval: JointView }>("parallel-approval", as, READ, { id })).jointApproval;
}

async function until(id: string, check: (joint: JointView) => boolean, timeoutMs = 20_000): Promise<JointView> {
  return eventually(async () => {
    const joint = await read(id);
    return check(joint) ? joint : null;
  }, timeoutMs);
}

const participantOf = (joint: JointView, key: string) => joint.participants.find((p: JointView) => p.item.id === county.items[key]!.id);
const departmentOf = (key: string) => Object.values(county.departments).find((d) => d.id === county.items[key]!.departmentId)!;

/** The case cases opened for the participant, once the saga has heard of it. */
async function caseOf(jointId: string, key: string): Promise<string> {
  const joint = await until(jointId, (j) => Boolean(participantOf(j, key)?.case));
  return participantOf(joint, key).case.id;
}

async function sagaEvents(subject: string, jointApprovalId: string): Promise<Array<Record<string, any>>> {
  const rows = (await system.subgraphs["parallel-approval"].infrastructure.dataSource.query("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject])) as Array<{ envelope: string }>;
  return rows.map((row) => JSON.parse(row.envelope).payload).filter((payload) => payload.jointApprovalId === jointApprovalId);
}

beforeAll(async () => {
  process.env.TIMER_POLL_MS = "100";
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  callThrough = gatewayCaller(() => system.gatewayUrl, system.keys);
  acts = caseActs(callThrough);
  county = await buildJointCounty(callThrough, { centerCode: CENTER, departments, items, leadDepartment: "FGJ" });
  bureau = county.bureauOf("FGJ");
}, 120_000);

afterAll(async () => {
  delete process.env.TIMER_POLL_MS;
  await system?.stop();
});

beforeEach(() => clock.set("2026-03-02T01:30:00Z"));

describe("the bureau's contract", () => {
  test("bad input is a typed error and starts nothing", async () => {
    const attempt = async (input: Record<string, unknown>, as: Identity = bureau) => errorOf(await callThrough("parallel-approval", as, START, { input }));
    const zjj = county.items.zjj!;
    const hbj = county.items.hbj!;
    const cases = [
      [startInput(["zjj", "hbj"], { participants: [{ departmentId: "00000000-0000-0000-0000-000000000000", itemId: zjj.id }, { departmentId: hbj.departmentId, itemId: hbj.id }] }), "UNKNOWN_DEPARTMENT"],
      [startInput(["zjj", "hbj"], { participants: [{ departmentId: zjj.departmentId, itemId: "no-such-item" }, { departmentId: hbj.departmentId, itemId: hbj.id }] }), "UNKNOWN_ITEM"],
      [startInput(["promised", "hbj"]), "ITEM_NOT_JOINT"],
      [startInput(["zjj", "zjj"]), "DUPLICATE_PARTICIPANT"],
      [startInput(["zjj", "hbj"], { deadlineWorkingDays: 4 }), "DEADLINE_TOO_SHORT"],
      [startInput(["zjj", "hbj"], { participants: [{ departmentId: zjj.departmentId, itemId: hbj.id }, { departmentId: hbj.departmentId, itemId: hbj.id }] }), "ITEM_NOT_OF_DEPARTMENT"],
      [startInput(["zjj", "hbj"], { applicant: { name: "某某公司", idNumber: "91350100M000100Y44" } }), "BAD_USER_INPUT"],
      [startInput(["zjj"]), "BAD_USER_INPUT"],
    ] as const;
    for (const [input, code] of cases) expect(await attempt(input)).toMatchObject({ code });
    expect((await attempt(startInput(["zjj", "hbj"]), county.bureauOf("ZJJ")))?.code).toBe("FORBIDDEN");
    const codes = cases.map(([input]) => input.projectCode);
    const listed = ok(await callThrough<{ jointApprovals: { edges: Array<{ node: { projectCode: string } }> } }>("parallel-approval", county.admin, LIST, { first: 100 }));
    expect(listed.jointApprovals.edges.filter((e) => codes.includes(e.node.projectCode))).toEqual([]);
    const requested = (await system.subgraphs["parallel-approval"].infrastructure.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_message WHERE subject = 'joint.participant.case-requested' AND envelope LIKE ?",
      [`%${codes[0]}%`],
    )) as Array<{ n: string }>;
    expect(Number(requested[0]!.n)).toBe(0);
  });

  test("start is idempotent on the project code; the same code with other content is a conflict; one case per participant", async () => {
    const input = startInput(["zjj", "hbj"]);
    const first = ok(await callThrough<{ startJointApproval: JointView }>("parallel-approval", bureau, START, { input })).startJointApproval;
    expect(first).toMatchObject({ status: "OPEN", projectCode: input.projectCode, deadlineWorkingDays: 10, outcomesCounted: 0 });
    // Ten working days from Monday 2 March: Monday 16 March is the last.
    expect(first.deadline).toBe("2026-03-16T16:00:00.000Z");
    expect(first.participants.map((p: JointView) => [p.departmentName, p.status, p.promisedWorkingDays, p.deadlineDay])).toEqual([
      ["住房和城乡建设局", "REQUESTED", 5, "2026-03-09"],
      ["生态环境局", "REQUESTED", 3, "2026-03-05"],
    ]);
    const retried = await Promise.all([1, 2, 3].map(() => callThrough<{ startJointApproval: JointView }>("parallel-approval", bureau, START, { input: { ...input, participants: [...input.participants].reverse() } })));
    for (const retry of retried) expect(ok(retry).startJointApproval.id).toBe(first.id);
    expect(errorOf(await callThrough("parallel-approval", bureau, START, { input: { ...input, deadlineWorkingDays: 12, idempotencyKey: randomUUID() } }))).toMatchObject({ code: "PROJECT_CODE_CONFLICT", jointApprovalId: first.id });
    // The first request's key with other content is not a retry of it.
    expect(errorOf(await callThrough("parallel-approval", bureau, START, { input: { ...input, deadlineWorkingDays: 12 } }))).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "input.idempotencyKey", jointApprovalId: first.id });

    const opened = await until(first.id, (j) => j.participants.every((p: JointView) => p.status === "AWAITING_ACCEPTANCE"));
    const zjjCases = ok(
      await callThrough<{ cases: Array<{ id: string; kind: string; jointApprovalId: string; participantId: string }> }>(
        "cases",
        county.admin,
        `query ($c: String!, $d: ID) { cases(centerCode: $c, departmentId: $d, limit: 200) { id kind jointApprovalId participantId } }`,
        { c: CENTER, d: county.items.zjj!.departmentId },
      ),
    ).cases.filter((c) => c.jointApprovalId === first.id);
    expect(zjjCases).toEqual([{ id: participantOf(opened, "zjj").case.id, kind: "JOINT", jointApprovalId: first.id, participantId: participantOf(opened, "zjj").id }]);
  });

  test("urging (催办) is recorded and announced to the department; only the lead department urges", async () => {
    // Urged once the departments' cases are open: the saga records their opening as it hears of
    // it, and an entry that came in after the urge would not be the urge.
    const started = await start(["zjj", "hbj"]);
    const joint = await until(started.id, (j) => j.participants.every((p: JointView) => p.status === "AWAITING_ACCEPTANCE"));
    const target = participantOf(joint, "zjj");
    const urged = ok(await callThrough<{ urgeParticipant: JointView }>("parallel-approval", bureau, URGE, { j: joint.id, p: target.id, n: "请于本周内出具意见", k: randomUUID() })).urgeParticipant;
    expect(participantOf(urged, "zjj")).toMatchObject({ urgeCount: 1, lastUrgedAt: clock.now().toISOString() });
    expect(urged.history.at(-1)).toMatchObject({ kind: "URGED", participantId: target.id, actor: bureau.subject, note: "请于本周内出具意见" });
    expect(await sagaEvents("joint.participant.urged", joint.id)).toEqual([
      expect.objectContaining({ participantId: target.id, departmentId: target.department.id, urgeCount: 1, urgedBy: bureau.subject, note: "请于本周内出具意见" }),
    ]);
    expect(errorOf(await callThrough("parallel-approval", county.bureauOf("ZJJ"), URGE, { j: joint.id, p: target.id, k: randomUUID() }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await callThrough("parallel-approval", bureau, URGE, { j: joint.id, p: "00000000-0000-0000-0000-000000000000", k: randomUUID() }))?.code).toBe("NOT_FOUND");
  });

  test("opening and urging happen once per idempotency key, however many copies arrive at once; without a key nothing happens (issue 15 point 4)", async () => {
    const db = system.subgraphs["parallel-approval"].infrastructure.dataSource;
    const keyless = startInput(["zjj", "hbj"]);
    delete (keyless as Record<string, unknown>).idempotencyKey;
    expect(errorOf(await callThrough("parallel-approval", bureau, START, { input: keyless }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    expect(errorOf(await callThrough("parallel-approval", bureau, START, { input: { ...keyless, idempotencyKey: "short" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    expect(await db.query("SELECT id FROM joint_approval WHERE project_code = ?", [keyless.projectCode])).toEqual([]);

    // One opening sent four times at once (a double click, a replayed request): one joint approval, one set of cases asked for.
    const input = startInput(["zjj", "hbj"]);
    const copies = await Promise.all([1, 2, 3, 4].map(() => callThrough<{ startJointApproval: JointView }>("parallel-approval", bureau, START, { input })));
    const opened = new Set(copies.map((copy) => ok(copy).startJointApproval.id));
    expect(opened.size).toBe(1);
    const [jointId] = [...opened];
    expect(await db.query("SELECT id FROM joint_approval WHERE project_code = ?", [input.projectCode])).toEqual([{ id: jointId }]);
    expect(await sagaEvents("joint.participant.case-requested", jointId!)).toHaveLength(2);

    const joint = await until(jointId!, (j) => j.participants.every((p: JointView) => p.status === "AWAITING_ACCEPTANCE"));
    const target = participantOf(joint, "zjj");
    // Without the key: an operation that leaves the argument out is not valid GraphQL; one that leaves its variable out, or sends a malformed key, is bad input.
    const URGE_WITHOUT_KEY = `mutation ($j: ID!, $p: ID!) { urgeParticipant(jointApprovalId: $j, participantId: $p) { id } }`;
    const invalid = await callThrough("parallel-approval", bureau, URGE_WITHOUT_KEY, { j: jointId, p: target.id });
    expect(invalid.errors?.[0]).toMatchObject({ message: expect.stringContaining('argument "idempotencyKey" of type "String!" is required'), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(errorOf(await callThrough("parallel-approval", bureau, URGE, { j: jointId, p: target.id }))).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    expect(errorOf(await callThrough("parallel-approval", bureau, URGE, { j: jointId, p: target.id, k: "no spaces allowed" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    expect(await sagaEvents("joint.participant.urged", jointId!)).toEqual([]);

    // One urging sent three times at once, and once more later: urged once, announced once.
    const urge = { j: jointId, p: target.id, n: "请加快办理", k: randomUUID() };
    const urgings = await Promise.all([1, 2, 3].map(() => callThrough<{ urgeParticipant: JointView }>("parallel-approval", bureau, URGE, urge)));
    for (const urging of urgings) expect(participantOf(ok(urging).urgeParticipant, "zjj").urgeCount).toBe(1);
    expect(participantOf(ok(await callThrough<{ urgeParticipant: JointView }>("parallel-approval", bureau, URGE, urge)).urgeParticipant, "zjj").urgeCount).toBe(1);
    expect(await sagaEvents("joint.participant.urged", jointId!)).toHaveLength(1);
    expect((await read(jointId!)).history.filter((entry: JointView) => entry.kind === "URGED")).toHaveLength(1);
    // The key with another note is not a retry; a new key is a new urging.
    expect(errorOf(await callThrough("parallel-approval", bureau, URGE, { ...urge, n: "另一条催办" }))).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" });
    expect(participantOf(ok(await callThrough<{ urgeParticipant: JointView }>("parallel-approval", bureau, URGE, { ...urge, k: randomUUID() })).urgeParticipant, "zjj").urgeCount).toBe(2);
    expect(await sagaEvents("joint.participant.urged", jointId!)).toHaveLength(2);
  });

  test("listing pages newest first by cursor, each caller within what it may see", async () => {
    const opened: JointView[] = [];
    for (const parts of [["zjj", "hbj"], ["hbj", "slj"], ["zjj", "slj"]]) {
      clock.advance(60_000);
      opened.push(await start(parts));
    }
    const page = async (as: Identity, first: number, after?: string) =>
      ok(await callThrough<{ jointApprovals: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>("parallel-approval", as, LIST, { first, after })).jointApprovals;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const next = await page(county.admin, 2, after);
      seen.push(...next.edges.map((e) => e.node.id));
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual(opened.map((j) => j.id).reverse());
    const supervisor: Identity = { subject: "supervisor-1", roles: ["supervisor"], centerCode: CENTER, departmentId: null, windowId: null };
    expect((await page(supervisor, 100)).edges.length).toBe(seen.length);
    expect((await page(county.bureauOf("ZJJ"), 100)).edges).toEqual([]);
    const sljStaff = (await page(county.departments.SLJ!.clerk, 100)).edges.map((e) => e.node.id);
    expect(sljStaff).toEqual(expect.arrayContaining([opened[1]!.id, opened[2]!.id]));
    expect(sljStaff).not.toContain(opened[0]!.id);
    expect(errorOf(await callThrough("parallel-approval", county.admin, LIST, { after: "not-a-cursor" }))?.code).toBe("BAD_USER_INPUT");
    expect(errorOf(await callThrough("parallel-approval", county.departments.SLJ!.clerk, READ, { id: opened[0]!.id }))?.code).toBe("FORBIDDEN");
  });
});

describe("the saga", () => {
  test("every participant approves → APPROVED; each outcome counted once; the case and the department lead to it", async () => {
    const joint = await start(["zjj", "hbj"]);
    for (const key of ["zjj", "hbj"]) await acts.approve(departmentOf(key), await caseOf(joint.id, key));
    // The conclusion may overtake the case's last routing-slip step on the bus; both arrive.
    const approved = await until(joint.id, (j) => j.status === "APPROVED" && j.participants.every((p: JointView) => p.caseStatus === "CONCLUDED"));
    expect(approved).toMatchObject({ outcomesCounted: 2, approvalsCounted: 2, conclusionReason: "全部参与部门同意", concludedAt: clock.now().toISOString() });
    for (const key of ["zjj", "hbj"]) {
      expect(participantOf(approved, key)).toMatchObject({ status: "APPROVED", outcome: "APPROVED", opinion: "同意", handler: { id: departmentOf(key).clerk.subject }, caseStatus: "CONCLUDED" });
    }
    expect(approved.history.filter((h: JointView) => h.kind === "OUTCOME_COUNTED")).toHaveLength(2);
    expect(approved.history.map((h: JointView) => h.kind)).toEqual(expect.arrayContaining(["OPENED", "CASE_STEP", "OUTCOME_COUNTED", "CONCLUDED"]));
    expect(await sagaEvents("joint.approval.concluded", joint.id)).toEqual([expect.objectContaining({ outcome: "APPROVED", decidingParticipantId: expect.any(String) })]);

    const clerk = departmentOf("zjj").clerk;
    const throughCase = ok(
      await callThrough<{ case: { jointApproval: { id: string; status: string } } }>("cases", clerk, `query ($id: ID!) { case(id: $id) { jointApproval { id status } } }`, {
        id: participantOf(approved, "zjj").case.id,
      }),
    );
    expect(throughCase.case.jointApproval).toEqual({ id: joint.id, status: "APPROVED" });
    const throughDepartment = ok(
      await callThrough<{ department: { name: string; jointApprovals: { edges: Array<{ node: { id: string } }> } } }>(
        "staffing",
        bureau,
        `query ($id: ID!) { department(id: $id) { name jointApprovals(first: 100) { edges { node { id } } } } }`,
        { id: county.departments.FGJ!.id },
      ),
    );
    expect(throughDepartment.department.jointApprovals.edges.map((e) => e.node.id)).toContain(joint.id);
  });

  test("a one-time notice on one case pauses the whole joint clock; the supply resumes it with every deadline moved", async () => {
    const joint = await start(["zjj", "hbj"]);
    const zjjCase = await caseOf(joint.id, "zjj");
    clock.set("2026-03-04T02:00:00Z"); // Wednesday 10:00
    await acts.notice(departmentOf("zjj").clerk, zjjCase);
    const paused = await until(joint.id, (j) => j.status === "PAUSED");
    expect(paused).toMatchObject({ paused: true, deadline: null });
    expect(paused.participants.map((p: JointView) => p.deadline)).toEqual([null, null]);
    expect(participantOf(paused, "zjj").status).toBe("MATERIALS_REQUESTED");
    clock.set("2026-03-06T02:00:00Z"); // Friday 10:00: Thursday and Friday did not count
    await acts.supply(departmentOf("zjj").clerk, zjjCase);
    const resumed = await until(joint.id, (j) => j.status === "OPEN");
    expect(resumed.deadline).toBe("2026-03-18T16:00:00.000Z");
    expect(resumed.participants.map((p: JointView) => p.deadlineDay)).toEqual(["2026-03-11", "2026-03-09"]);
    expect(resumed.usedWorkingDays).toBe(2);
    expect((await sagaEvents("joint.approval.paused", joint.id)).map((e) => e.participantId)).toEqual([participantOf(joint, "zjj").id]);
    expect(await sagaEvents("joint.approval.resumed", joint.id)).toEqual([expect.objectContaining({ deadline: "2026-03-18T16:00:00.000Z" })]);
  });

  test("vetoes: the chief only proposes, the department's principal signs; the county head meeting's overrule sends the case back; its upheld veto rejects and compensates", async () => {
    const joint = await start(["land", "slj"]);
    const landCase = await caseOf(joint.id, "land");
    const sljCase = await caseOf(joint.id, "slj");
    const land = departmentOf("land");
    // The water bureau accepts: fees issues its payment notice.
    await acts.accept(departmentOf("slj").clerk, sljCase);
    await acts.accept(land.clerk, landCase);
    await acts.review(land.clerk, landCase);
    await acts.decide(land.chief, landCase, "DENY", "选址不符合国土空间规划");
    let seen = await until(joint.id, (j) => participantOf(j, "land").status === "VETO_PROPOSED");
    expect(seen.status).toBe("OPEN");
    const SIGN = `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { id status } }`;
    expect(errorOf(await callThrough("cases", land.chief, SIGN, { id: landCase, o: "同意否决" }))?.code).toBe("NOT_DEPARTMENT_PRINCIPAL");
    await acts.signVeto(land.principal, landCase, "同意否决");
    seen = await until(joint.id, (j) => participantOf(j, "land").status === "AWAITING_COUNTY_MEETING");
    expect(seen).toMatchObject({ status: "OPEN", outcomesCounted: 0 });
    await acts.meeting(county.admin, landCase, "OVERRULE");
    await until(joint.id, (j) => participantOf(j, "land").status === "IN_REVIEW");
    await acts.review(land.clerk, landCase, "按县长办公会意见重新审核", "review-after-meeting");
    await acts.decide(land.chief, landCase, "DENY", "基本农田，不予选址");
    await until(joint.id, (j) => participantOf(j, "land").status === "VETO_PROPOSED");
    await acts.signVeto(land.principal, landCase, "报县长办公会");
    await until(joint.id, (j) => participantOf(j, "land").status === "AWAITING_COUNTY_MEETING");
    await acts.meeting(county.admin, landCase, "UPHOLD");
    const rejected = await until(joint.id, (j) => j.status === "REJECTED" && participantOf(j, "slj").outcome === "WITHDRAWN");
    expect(rejected).toMatchObject({ conclusionReason: "自然资源局不予批准", outcomesCounted: 2, approvalsCounted: 0 });
    expect(participantOf(rejected, "land")).toMatchObject({ status: "DENIED", outcome: "DENIED" });
    expect(participantOf(rejected, "slj")).toMatchObject({ status: "WITHDRAWN", caseStatus: "WITHDRAWN", withdrawalRequestedAt: expect.any(String) });
    // Fees cancels the unpaid notice of the withdrawn case.
    const notices = await eventually(async () => {
      const result = ok(
        await callThrough<{ case: { paymentNotices: Array<{ status: string }> } }>("cases", departmentOf("slj").clerk, `query ($id: ID!) { case(id: $id) { paymentNotices { status } } }`, { id: sljCase }),
      );
      return result.case.paymentNotices.length > 0 && result.case.paymentNotices.every((n) => n.status === "CANCELLED") ? result.case.paymentNotices : null;
    }, 20_000);
    expect(notices).toEqual([{ status: "CANCELLED" }]);
  });

  test("the applicant's withdrawal compensates the open cases; a concluded approval stays; nothing more may be done", async () => {
    const joint = await start(["zjj", "hbj"]);
    await acts.approve(departmentOf("zjj"), await caseOf(joint.id, "zjj"));
    await until(joint.id, (j) => participantOf(j, "zjj").outcome === "APPROVED");
    const hbjCase = await caseOf(joint.id, "hbj");
    const withdrawn = ok(await callThrough<{ withdrawJointApproval: JointView }>("parallel-approval", bureau, WITHDRAW, { id: joint.id, r: "项目选址调整" })).withdrawJointApproval;
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", conclusionReason: "申请人撤回：项目选址调整" });
    const again = ok(await callThrough<{ withdrawJointApproval: JointView }>("parallel-approval", bureau, WITHDRAW, { id: joint.id, r: "再次撤回" })).withdrawJointApproval;
    expect(again.conclusionReason).toBe("申请人撤回：项目选址调整");
    const settled = await until(joint.id, (j) => participantOf(j, "hbj").outcome === "WITHDRAWN");
    expect(participantOf(settled, "zjj")).toMatchObject({ outcome: "APPROVED", withdrawalRequestedAt: null });
    expect(settled.outcomesCounted).toBe(2);
    const hbjView = ok(await callThrough<{ case: { status: string } }>("cases", departmentOf("hbj").clerk, `query ($id: ID!) { case(id: $id) { status } }`, { id: hbjCase }));
    expect(hbjView.case.status).toBe("WITHDRAWN");
    expect(errorOf(await callThrough("parallel-approval", bureau, URGE, { j: joint.id, p: participantOf(joint, "hbj").id, k: randomUUID() }))?.code).toBe("JOINT_APPROVAL_CONCLUDED");
  });
});

/** What the lead department follows of each participant's case (docs/joint-approval.md). */
const PARTICIPANT_CASES = `query ($id: ID!) { jointApproval(id: $id) {
  applicant { name idNumber subject }
  participants { item { id } case {
    id status kind stageClock { stage deadlineDay } clock { deadlineDay onHold }
    routingSlip { action toStatus actorId } materialRequests { kind code problem suppliedAt }
    paymentNotices { noticeNo status amountFen payerName }
  } }
} }`;
const CASE = `query ($id: ID!) { case(id: $id) { id status } }`;

describe("the lead department and the applicant", () => {
  const PASSWORD = "申请人的密码2026";
  /** Registers a citizen account through the gateway and signs it in: its token is staffing's, key included. */
  async function signedIn(name: string, idNumber: string): Promise<{ id: string; token: string; refreshToken: string }> {
    const anonymous = <T>(query: string, variables: Record<string, unknown>) => graphql<T>(system.gatewayUrl, query, variables);
    ok(await anonymous(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, { i: { name, idNumber, phone: "13800138000", password: PASSWORD } }));
    const { loginCitizen } = ok(
      await anonymous<{ loginCitizen: { accessToken: string; refreshToken: string; account: { id: string } } }>(
        `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken refreshToken account { id } } }`,
        { i: { idNumber, password: PASSWORD } },
      ),
    );
    return { id: loginCitizen.account.id, token: loginCitizen.accessToken, refreshToken: loginCitizen.refreshToken };
  }
  const asAccount = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => graphql<T>(system.gatewayUrl, query, variables, { token });

  test("the bureau reads every participant's case (stage, deadline, routing slip, one-time notice, fees), the ID number only where its role shows it; no other case", async () => {
    const joint = await start(["zjj", "slj"]);
    const zjjCase = await caseOf(joint.id, "zjj");
    const sljCase = await caseOf(joint.id, "slj");
    await acts.notice(departmentOf("zjj").clerk, zjjCase);
    await acts.accept(departmentOf("slj").clerk, sljCase);
    const seen = await eventually(async () => {
      const found = ok(await callThrough<{ jointApproval: JointView }>("parallel-approval", bureau, PARTICIPANT_CASES, { id: joint.id })).jointApproval;
      const ready = participantOf(found, "zjj").case?.status === "MATERIALS_REQUESTED" && participantOf(found, "slj").case?.paymentNotices.length === 1;
      return ready ? found : null;
    }, 20_000);
    const zjj = participantOf(seen, "zjj").case;
    const slj = participantOf(seen, "slj").case;
    expect(zjj).toMatchObject({ id: zjjCase, kind: "JOINT", clock: null, paymentNotices: [] });
    expect(zjj.materialRequests).toEqual([{ kind: "ONE_TIME_NOTICE", code: "M02", problem: "MISSING", suppliedAt: null }]);
    expect(zjj.routingSlip.map((entry: JointView) => entry.action)).toEqual(["SUBMIT", "ISSUE_MATERIAL_NOTICE"]);
    expect(slj).toMatchObject({ id: sljCase, status: "ACCEPTED", clock: { deadlineDay: expect.any(String), onHold: false } });
    expect(slj.routingSlip.map((entry: JointView) => entry.action)).toEqual(["SUBMIT", "ACCEPT"]);
    expect(slj.paymentNotices).toEqual([{ noticeNo: expect.stringMatching(/^\d{20}$/), status: "ISSUED", amountFen: 5000, payerName: "某某饲料有限公司" }]);
    // The lead department took the application: it sees the number (and its key) in full; the
    // cases and notices carry no ID number at all.
    expect(seen.applicant).toEqual({ name: "某某饲料有限公司", idNumber: "91350100M000100Y43", subject: applicantKey("ENTERPRISE", "91350100M000100Y43") });
    expect(JSON.stringify(seen.participants).includes("91350100M000100Y43")).toBe(false);
    // A participating department sees the joint approval with the number masked and no key.
    const asParticipant = ok(
      await callThrough<{ jointApproval: JointView }>("parallel-approval", departmentOf("zjj").clerk, `query ($id: ID!) { jointApproval(id: $id) { applicant { name idNumber subject } } }`, { id: joint.id }),
    ).jointApproval;
    expect(asParticipant.applicant).toEqual({ name: "某某饲料有限公司", idNumber: "913501********0Y43", subject: null });
    // The lead department's clerk reads the joint cases too, and the notice by its number.
    expect(ok(await callThrough<{ case: { id: string } }>("cases", county.departments.FGJ!.clerk, CASE, { id: sljCase })).case.id).toBe(sljCase);
    // A participating department still sees only its own case.
    expect(errorOf(await callThrough("cases", departmentOf("zjj").clerk, CASE, { id: sljCase }))?.code).toBe("FORBIDDEN");
    const noticeNo = slj.paymentNotices[0].noticeNo;
    expect(ok(await callThrough<{ paymentNotice: { noticeNo: string } | null }>("fees", bureau, `query ($n: String!) { paymentNotice(noticeNo: $n) { noticeNo } }`, { n: noticeNo })).paymentNotice).toEqual({ noticeNo });

    // Nothing more: a bureau of a participating department, and the lead bureau on a case of no joint approval of its own.
    expect(errorOf(await callThrough("cases", county.bureauOf("ZJJ"), CASE, { id: zjjCase }))?.code).toBe("FORBIDDEN");
    const citizen: Identity = { subject: "citizen-lead-test", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
    const submission = randomUUID();
    const ordinary = await eventually(async () => {
      const result = await callThrough<{ submitCase: { id: string } }>("cases", citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
        i: { itemId: county.items.promised!.id, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: submission },
      });
      return errorOf(result)?.code === "UNKNOWN_ITEM" ? null : ok(result).submitCase;
    }, 20_000);
    expect(errorOf(await callThrough("cases", bureau, CASE, { id: ordinary.id }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await callThrough("cases", bureau, `query ($c: String!) { cases(centerCode: $c) { id } }`, { c: CENTER }))?.code).toBe("FORBIDDEN");
  });

  test("the account registered with the applicant's number reads, lists, supplies, sees its fees and withdraws; another account gets nothing", async () => {
    const idNumber = "330110198503120014";
    const key = applicantKey("PERSON", idNumber);
    // Signed in on today's clock (the gateway checks a token's expiry against the real time); a
    // refreshed token carries the key as well.
    clock.set(new Date().toISOString());
    const applicant = await signedIn("王建国", idNumber);
    const stranger = await signedIn("李四", "330110199007040028");
    const refreshed = ok(
      await graphql<{ refreshAccessToken: { accessToken: string } }>(system.gatewayUrl, `mutation ($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken } }`, { t: applicant.refreshToken }),
    ).refreshAccessToken;
    expect(decodeJwt(applicant.token).apk).toBe(key);
    expect(decodeJwt(refreshed.accessToken).apk).toBe(key);
    clock.set("2026-03-02T01:30:00Z");
    const joint = await start(["zjj", "slj"], { applicant: { name: "王建国", idNumber } });
    expect(joint.applicant).toEqual({ name: "王建国", idNumber, subject: key });
    const zjjCase = await caseOf(joint.id, "zjj");
    const sljCase = await caseOf(joint.id, "slj");

    // Reads it (the number in full), and lists it: its own and nothing else.
    const read = ok(await asAccount<{ jointApproval: JointView }>(applicant.token, READ, { id: joint.id })).jointApproval;
    expect(read.applicant).toEqual({ name: "王建国", idNumber, subject: key });
    const listed = ok(await asAccount<{ jointApprovals: { edges: Array<{ node: { id: string } }> } }>(applicant.token, LIST, { first: 100 })).jointApprovals;
    expect(listed.edges.map((e) => e.node.id)).toEqual([joint.id]);
    const mine = ok(await asAccount<{ myCases: Array<{ id: string }> }>(applicant.token, `query { myCases { id } }`)).myCases;
    expect(mine.map((c) => c.id).sort()).toEqual([zjjCase, sljCase].sort());

    // Supplies what the one-time notice asks for, and sees the fee it is to pay.
    await acts.notice(departmentOf("zjj").clerk, zjjCase);
    await acts.accept(departmentOf("slj").clerk, sljCase);
    const supplied = ok(await asAccount<{ supplyMaterials: { status: string } }>(applicant.token, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M02" }]) { status } }`, { id: zjjCase }));
    expect(supplied.supplyMaterials.status).toBe("SUBMITTED");
    const fees = await eventually(async () => {
      const found = ok(await asAccount<{ case: { paymentNotices: Array<{ amountFen: number; status: string }> } }>(applicant.token, `query ($id: ID!) { case(id: $id) { paymentNotices { amountFen status } } }`, { id: sljCase }));
      return found.case.paymentNotices.length > 0 ? found.case.paymentNotices : null;
    }, 20_000);
    expect(fees).toEqual([{ amountFen: 5000, status: "ISSUED" }]);

    // The other account: nothing of it, and it cannot withdraw it.
    expect(errorOf(await asAccount(stranger.token, READ, { id: joint.id }))?.code).toBe("FORBIDDEN");
    expect(ok(await asAccount<{ jointApprovals: { edges: unknown[] } }>(stranger.token, LIST, { first: 100 })).jointApprovals.edges).toEqual([]);
    expect(errorOf(await asAccount(stranger.token, CASE, { id: sljCase }))?.code).toBe("FORBIDDEN");
    expect(ok(await asAccount<{ myCases: unknown[] }>(stranger.token, `query { myCases { id } }`)).myCases).toEqual([]);
    expect(errorOf(await asAccount(stranger.token, WITHDRAW, { id: joint.id, r: "不是我的" }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await asAccount(stranger.token, `mutation ($id: ID!) { withdrawCase(caseId: $id, reason: "不是我的") { status } }`, { id: sljCase }))?.code).toBe("FORBIDDEN");

    // The applicant withdraws (with the refreshed token).
    const withdrawn = ok(await asAccount<{ withdrawJointApproval: JointView }>(refreshed.accessToken, WITHDRAW, { id: joint.id, r: "项目取消" })).withdrawJointApproval;
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", conclusionReason: "申请人撤回：项目取消" });
    expect(withdrawn.history.at(-1)).toMatchObject({ kind: "CONCLUDED", actor: applicant.id });
  });

  test("the caller cannot name the applicant: `subject` in the input is refused by GraphQL and opens nothing", async () => {
    const input = { ...startInput(["zjj", "hbj"]), applicant: { name: "某某饲料有限公司", idNumber: "91350100M000100Y43", subject: "citizen-of-my-choice" } };
    const refused = await callThrough("parallel-approval", bureau, START, { input });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/"subject" is not defined by type "JointApplicantInput"/);
    const listed = ok(await callThrough<{ jointApprovals: { edges: unknown[] } }>("parallel-approval", county.admin, LIST, { f: { projectCode: input.projectCode }, first: 10 }));
    expect(listed.jointApprovals.edges).toEqual([]);
  });
});

describe("deadlines on the joint clock", () => {
  test("yellow then red; deemed consent where the item allows it, escalation otherwise; the overall deadline times out; a late answer still completes it", async () => {
    const joint = await start(["zjj", "hbj"], { deadlineWorkingDays: 6 });
    const hbjId = participantOf(joint, "hbj").id;
    const zjjId = participantOf(joint, "zjj").id;
    await caseOf(joint.id, "hbj");
    const zjjCase = await caseOf(joint.id, "zjj");
    await acts.accept(departmentOf("zjj").clerk, zjjCase);

    clock.set("2026-03-04T16:00:01Z"); // Thursday 00:00: the environmental bureau's last day but one
    await eventually(async () => ((await sagaEvents("joint.approval.warning-raised", joint.id)).some((e) => e.participantId === hbjId && e.level === "YELLOW") ? true : null));
    clock.set("2026-03-05T16:00:01Z"); // its deadline passed: deemed consent
    const deemed = await until(joint.id, (j) => participantOf(j, "hbj").outcome === "DEEMED_APPROVED");
    expect(participantOf(deemed, "hbj")).toMatchObject({ status: "DEEMED_APPROVED", deemedConsentRequestedAt: "2026-03-05T16:00:01.000Z" });
    expect(await sagaEvents("joint.participant.deemed-consent-requested", joint.id)).toEqual([expect.objectContaining({ participantId: hbjId, deadline: "2026-03-05T16:00:00.000Z" })]);

    clock.set("2026-03-09T16:00:01Z"); // the housing bureau's deadline passed; its item allows no deemed consent
    const escalated = await until(joint.id, (j) => participantOf(j, "zjj").status === "TIMED_OUT");
    expect(escalated.status).toBe("OPEN");
    clock.set("2026-03-10T16:00:01Z"); // the overall deadline (six working days) passed
    const timedOut = await until(joint.id, (j) => j.status === "TIMED_OUT");
    expect(timedOut).toMatchObject({ warningLevel: "RED", timedOutAt: "2026-03-10T16:00:01.000Z" });
    expect((await sagaEvents("joint.approval.escalated", joint.id)).map((e) => [e.reason, e.participantId])).toEqual([
      ["PARTICIPANT_TIMED_OUT", zjjId],
      ["JOINT_TIMED_OUT", null],
    ]);
    const warnings = (await sagaEvents("joint.approval.warning-raised", joint.id)).map((e) => [e.participantId, e.level]);
    expect(warnings).toEqual(expect.arrayContaining([[hbjId, "YELLOW"], [hbjId, "RED"], [zjjId, "YELLOW"], [zjjId, "RED"], [null, "YELLOW"], [null, "RED"]]));
    expect(warnings).toHaveLength(6);

    await acts.review(departmentOf("zjj").clerk, zjjCase);
    await acts.decide(departmentOf("zjj").chief, zjjCase, "APPROVE", "同意（逾期）");
    await acts.conclude(departmentOf("zjj").clerk, zjjCase);
    const approved = await until(joint.id, (j) => j.status === "APPROVED");
    expect(approved).toMatchObject({ outcomesCounted: 2, approvalsCounted: 2 });
  });
});
