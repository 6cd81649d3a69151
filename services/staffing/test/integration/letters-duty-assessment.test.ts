import { randomUUID } from "node:crypto";
import { defineEvent, catalogEvents, casesEvents, centerCode, streams, type EventPayload } from "@onestop/events";
import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, eventually, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { z } from "zod";
import { ratingHandler } from "../../src/assessment/assessment.handlers";
import { AssessmentRepository } from "../../src/assessment/assessment.repository";
import { AssessmentService } from "../../src/assessment/assessment.service";
import { AttendanceRepository } from "../../src/attendance/attendance.repository";
import { OrganisationRepository } from "../../src/organisation/organisation.repository";
import { PostsRepository } from "../../src/posts/posts.repository";
import { testEnvironment } from "../../../../test/support/environment";
import { errorCode, EventInjector, identity, ok, subgraphCaller } from "./support";

const environment = testEnvironment("staffing_letters_duty_assessment");
const CENTER = "330110000000";
const T = new Date("2026-03-02T01:00:00.000Z"); // Monday 09:00 in the hall
const hours = (h: number) => new Date(T.getTime() + h * 3_600_000).toISOString();
const admin = identity("admin-1", ["center_admin"], CENTER);
const clock = new ManualClock(T);
let running: RunningSubgraph;
let call: ReturnType<typeof subgraphCaller>;
let events: EventInjector;
const ids: Record<string, string> = {};

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const rows: Array<{ n: string | number }> = await running.infrastructure.dataSource.query(sql, params);
  return Number(rows[0].n);
}

async function published(subject: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ envelope: string }> = await running.infrastructure.dataSource.query(
    "SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq",
    [subject],
  );
  return rows.map((row) => (JSON.parse(row.envelope) as { payload: Record<string, unknown> }).payload);
}

async function create(mutation: string, input: Record<string, unknown>): Promise<string> {
  const data = ok(await call<Record<string, { id: string }>>(admin, `mutation ($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { id } }`, { i: input }));
  return data[mutation].id;
}

async function fillPost(windowId: string, position: "A" | "B", staffId: string) {
  const requestId = await create("requestPostChange", { windowId, position, staffId, termYears: 2, reason: "进驻" });
  ok(await call(admin, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId } }));
}

const item = (itemId: string, departmentId: string, kind: "INSTANT" | "PROMISED"): EventPayload<typeof catalogEvents.itemPublished> =>
  catalogEvents.itemPublished.schema.parse({
    itemId,
    version: 1,
    centerCode: CENTER,
    departmentId,
    name: `事项${itemId}`,
    kind,
    legalLimitDays: kind === "INSTANT" ? 0 : 20,
    promisedLimitDays: kind === "INSTANT" ? 0 : 5,
    feeStandard: { kind: "FREE" },
  });

const GRANT = `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id acts inForce } }`;
const REVOKE = `mutation ($i: RevokeAuthorizationInput!) { revokeAuthorization(input: $i) { id revokedAt inForce } }`;
const CHECK = `query ($s: ID!, $a: AuthorizedAct!, $i: ID!) { authorizationCheck(staffId: $s, act: $a, itemId: $i) { allowed reason letterId } }`;
const ROSTER = `query ($at: String) { dutyRoster(centerCode: "${CENTER}", at: $at) { window { code } status post onDuty { code } } }`;
const LEAVE = `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`;
const ASSIGN = `query ($i: CaseAssignmentInput!) { caseAssignment(input: $i) { assigned window { code } staff { code } post route reason } }`;

async function roster(at: string): Promise<Record<string, { status: string; post: string | null; onDuty: string | null }>> {
  const data = ok(await call<{ dutyRoster: Array<{ window: { code: string }; status: string; post: string | null; onDuty: { code: string } | null }> }>(admin, ROSTER, { at }));
  return Object.fromEntries(data.dutyRoster.map((d) => [d.window.code, { status: d.status, post: d.post, onDuty: d.onDuty?.code ?? null }]));
}

beforeAll(async () => {
  await resetEnvironment(environment);
  running = await startOneSubgraph("staffing", environment, { clock });
  call = subgraphCaller(running, ensureDevelopmentKeys(environment.keysDir), clock);
  events = await EventInjector.connect(environment);
  for (const [key, code, name] of [
    ["d1", "ZJJ", "住房和城乡建设局"],
    ["d2", "SCJGJ", "市场监督管理局"],
    ["d3", "QXJ", "气象局"],
    ["d4", "SFJ", "司法局"],
  ]) {
    ids[key] = await create("registerDepartment", { centerCode: CENTER, code, name });
  }
  for (const [key, department, name] of [
    ["a1", "d1", "王建国"],
    ["b1", "d1", "李秀英"],
    ["c1", "d2", "张伟"],
    ["c2", "d2", "王芳"],
    ["q1", "d3", "刘洋"],
    ["f1", "d4", "陈杰"],
  ]) {
    ids[key] = await create("registerStaff", { centerCode: CENTER, code: key.toUpperCase(), name, departmentId: ids[department] });
  }
  ids.w1 = await create("openWindow", { centerCode: CENTER, code: "W-ZJJ-1", name: "住建1号窗口", kind: "AB", departmentId: ids.d1 });
  ids.w2 = await create("openWindow", { centerCode: CENTER, code: "W-SCJGJ", name: "市场监管窗口", kind: "RESIDENT", departmentId: ids.d2 });
  ids.zh = await create("openWindow", { centerCode: CENTER, code: "ZH-01", name: "综合窗口1", kind: "COMPREHENSIVE", actsForDepartmentIds: [ids.d3, ids.d4] });
  await fillPost(ids.w1, "A", ids.a1);
  await fillPost(ids.w1, "B", ids.b1);
  await fillPost(ids.w2, "A", ids.c1);
  await fillPost(ids.w2, "B", ids.c2);
  await fillPost(ids.zh, "A", ids.q1);
  await fillPost(ids.zh, "B", ids.f1);
  ids.i1 = randomUUID();
  ids.i2 = randomUUID();
  ids.i3 = randomUUID();
  await events.publish(catalogEvents.itemPublished, item(ids.i1, ids.d1, "PROMISED"));
  await events.publish(catalogEvents.itemPublished, item(ids.i2, ids.d2, "PROMISED"));
  await events.publish(catalogEvents.itemPublished, item(ids.i3, ids.d4, "INSTANT"));
  await eventually(async () => ((await count("SELECT COUNT(*) AS n FROM item_replica")) === 3 ? true : null));
});

afterAll(async () => {
  await events?.close();
  await running?.stop();
});

describe("authorization letters (授权书)", () => {
  test("bad input: another department's item, an act no letter carries, a letter to an outsider: typed error, nothing written", async () => {
    const before = await count("SELECT COUNT(*) AS n FROM authorization_letter");
    const grants = await count("SELECT COUNT(*) AS n FROM outbox_message WHERE subject = 'staffing.authorization.granted'");
    const grant = (input: Record<string, unknown>) => call(admin, GRANT, { i: input });
    expect(errorCode(await grant({ staffId: ids.a1, departmentId: ids.d1, itemId: ids.i2, acts: ["ACCEPT"] }))).toBe("ITEM_OF_ANOTHER_DEPARTMENT");
    expect(errorCode(await grant({ staffId: ids.a1, departmentId: ids.d1, itemId: randomUUID(), acts: ["ACCEPT"] }))).toBe("UNKNOWN_ITEM");
    // The veto is the department principal's by office: no letter carries it.
    expect(errorCode(await grant({ staffId: ids.a1, departmentId: ids.d1, itemId: ids.i1, acts: ["ACCEPT", "SIGN_VETO"] }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await grant({ staffId: ids.c1, departmentId: ids.d1, acts: ["ACCEPT"] }))).toBe("STAFF_NOT_OF_DEPARTMENT");
    expect(errorCode(await grant({ staffId: ids.a1, departmentId: ids.d1, acts: [] }))).toBe("BAD_USER_INPUT");
    expect(await count("SELECT COUNT(*) AS n FROM authorization_letter")).toBe(before);
    expect(await count("SELECT COUNT(*) AS n FROM outbox_message WHERE subject = 'staffing.authorization.granted'")).toBe(grants);
  });

  test("grant, check, revoke: the next act is refused; every change is published with a growing revision", async () => {
    const check = async (staffId: string, act: string, itemId: string) =>
      ok(await call<{ authorizationCheck: { allowed: boolean; reason: string | null } }>(admin, CHECK, { s: staffId, a: act, i: itemId })).authorizationCheck;
    const letter = ok(
      await call<{ grantAuthorization: { id: string; inForce: boolean } }>(admin, GRANT, {
        i: { staffId: ids.a1, departmentId: ids.d1, acts: ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"] },
      }),
    ).grantAuthorization;
    expect(letter.inForce).toBe(true);
    expect(await check(ids.a1, "ACCEPT", ids.i1)).toEqual({ allowed: true, reason: null, letterId: letter.id });
    expect(await check(ids.a1, "DECIDE_INSTANT", ids.i1)).toMatchObject({ allowed: false, reason: "ACT_NOT_GRANTED" });
    expect(await check(ids.b1, "ACCEPT", ids.i1)).toMatchObject({ allowed: false, reason: "NO_LETTER" });

    ok(await call(admin, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, { i: { departmentId: ids.d1, staffId: ids.a1 } }));
    ok(await call(admin, GRANT, { i: { staffId: ids.a1, departmentId: ids.d1, itemId: ids.i1, acts: ["APPROVE", "APPROVE_EXTENSION"] } }));
    expect(await check(ids.a1, "APPROVE", ids.i1)).toMatchObject({ allowed: true });

    clock.advance(1000);
    const revoked = ok(await call<{ revokeAuthorization: { inForce: boolean; revokedAt: string } }>(admin, REVOKE, { i: { letterId: letter.id, reason: "调离" } }));
    expect(revoked.revokeAuthorization).toMatchObject({ inForce: false, revokedAt: clock.now().toISOString() });
    expect(await check(ids.a1, "ACCEPT", ids.i1)).toMatchObject({ allowed: false, reason: "LETTER_NOT_IN_FORCE" });
    expect(errorCode(await call(admin, REVOKE, { i: { letterId: letter.id, reason: "again" } }))).toBe("LETTER_ALREADY_REVOKED");

    const snapshots = [...(await published("staffing.authorization.granted")), ...(await published("staffing.authorization.revoked"))].filter(
      (s) => s.letterId === letter.id,
    );
    expect(snapshots.map((s) => [s.revision, s.revokedAt === null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  test("a chief representative grants letters of their own department only; comprehensive-window staff get letters of the departments it acts for", async () => {
    const chief = identity(ids.a1, ["chief_representative"], CENTER, ids.d1);
    expect(ok(await call<{ grantAuthorization: { acts: string[] } }>(chief, GRANT, { i: { staffId: ids.b1, departmentId: ids.d1, acts: ["ACCEPT", "DELIVER"] } })).grantAuthorization.acts).toEqual([
      "ACCEPT",
      "DELIVER",
    ]);
    expect(errorCode(await call(chief, GRANT, { i: { staffId: ids.c1, departmentId: ids.d2, acts: ["ACCEPT"] } }))).toBe("FORBIDDEN");
    ok(await call(admin, GRANT, { i: { staffId: ids.q1, departmentId: ids.d4, acts: ["ACCEPT", "DECIDE_INSTANT"] } }));
    expect(errorCode(await call(admin, GRANT, { i: { staffId: ids.c1, departmentId: ids.d4, acts: ["ACCEPT"] } }))).toBe("STAFF_NOT_OF_DEPARTMENT");
  });
});

describe("leave notices (离岗告示), attendance and duty", () => {
  test("B covers while A is on leave; overlapping leave is refused and nothing is written", async () => {
    expect(await roster(hours(0.5))).toMatchObject({ "W-ZJJ-1": { status: "A_ON_DUTY", onDuty: "A1" } });
    ids.leaveA1 = ok(await call<{ postLeaveNotice: { id: string } }>(admin, LEAVE, { i: { staffId: ids.a1, startsAt: hours(1), endsAt: hours(3), reason: "参加业务培训" } })).postLeaveNotice.id;
    const leaves = await count("SELECT COUNT(*) AS n FROM leave_notice");
    const self = identity(ids.a1, ["window_staff"], CENTER, ids.d1);
    expect(errorCode(await call(self, LEAVE, { i: { startsAt: hours(2), endsAt: hours(4), reason: "外出" } }))).toBe("LEAVE_OVERLAPS");
    expect(errorCode(await call(self, LEAVE, { i: { startsAt: hours(0), endsAt: hours(1.5), reason: "外出" } }))).toBe("LEAVE_OVERLAPS");
    expect(errorCode(await call(identity(ids.c1, ["window_staff"], CENTER, ids.d2), LEAVE, { i: { staffId: ids.a1, startsAt: hours(5), endsAt: hours(6), reason: "x" } }))).toBe(
      "FORBIDDEN",
    );
    expect(await count("SELECT COUNT(*) AS n FROM leave_notice")).toBe(leaves);
    ok(await call(self, LEAVE, { i: { startsAt: hours(3), endsAt: hours(4), reason: "外出办事" } }));
    expect(await roster(hours(1.5))).toMatchObject({ "W-ZJJ-1": { status: "B_COVERING", post: "B", onDuty: "B1" } });
  });

  test("overlapping notices posted at the same moment: exactly one stands", async () => {
    const leaves = await count("SELECT COUNT(*) AS n FROM leave_notice WHERE staff_id = ?", [ids.f1]);
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => call(admin, LEAVE, { i: { staffId: ids.f1, startsAt: hours(30 + i * 0.1), endsAt: hours(32), reason: `外出${i}` } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === "LEAVE_OVERLAPS").length).toBe(4);
    expect(await count("SELECT COUNT(*) AS n FROM leave_notice WHERE staff_id = ?", [ids.f1])).toBe(leaves + 1);
  });

  test("both away: the window is unattended and a supervision warning is raised for exactly that stretch", async () => {
    ok(await call(admin, LEAVE, { i: { staffId: ids.b1, startsAt: hours(2), endsAt: hours(5), reason: "病假" } }));
    expect(await roster(hours(2.5))).toMatchObject({ "W-ZJJ-1": { status: "UNATTENDED", post: null, onDuty: null } });
    const warnings = (await published("staffing.window.unattended")).filter((w) => w.windowId === ids.w1);
    expect(warnings.map((w) => [w.from, w.until, w.cause])).toEqual([[hours(2), hours(4), "LEAVE"]]);
    const listed = ok(
      await call<{ dutyWarnings: Array<{ window: { code: string }; from: string; until: string }> }>(
        admin,
        `query { dutyWarnings(centerCode: "${CENTER}", from: "${hours(-24)}", until: "${hours(24)}") { window { code } from until } }`,
      ),
    ).dutyWarnings;
    expect(listed).toEqual([{ window: { code: "W-ZJJ-1" }, from: hours(2), until: hours(4) }]);
  });

  test("cancelling a leave notice puts A back on duty", async () => {
    ok(await call(admin, `mutation ($id: ID!) { cancelLeaveNotice(id: $id) { cancelledAt } }`, { id: ids.leaveA1 }));
    expect(await roster(hours(2.5))).toMatchObject({ "W-ZJJ-1": { status: "A_ON_DUTY", onDuty: "A1" } });
  });

  test("clocking out hands the window to B; both out is unattended; clock-ins and -outs alternate", async () => {
    const c1 = identity(ids.c1, ["window_staff"], CENTER, ids.d2);
    const c2 = identity(ids.c2, ["window_staff"], CENTER, ids.d2);
    const punch = (who: typeof c1, kind: "clockIn" | "clockOut") => call(who, `mutation { ${kind} { kind at } }`);
    ok(await punch(c1, "clockIn"));
    expect(errorCode(await punch(c1, "clockIn"))).toBe("ALREADY_CLOCKED_IN");
    expect(errorCode(await punch(c2, "clockOut"))).toBe("NOT_CLOCKED_IN");
    ok(await punch(c2, "clockIn"));
    clock.set(hours(0.25));
    ok(await punch(c1, "clockOut"));
    expect(await roster(hours(0.3))).toMatchObject({ "W-SCJGJ": { status: "B_COVERING", onDuty: "C2" } });
    expect((await published("staffing.window.unattended")).filter((w) => w.windowId === ids.w2)).toEqual([]);
    clock.set(hours(0.5));
    ok(await punch(c2, "clockOut"));
    expect(await roster(hours(0.6))).toMatchObject({ "W-SCJGJ": { status: "UNATTENDED" } });
    expect((await published("staffing.window.unattended")).filter((w) => w.windowId === ids.w2).map((w) => [w.from, w.until, w.cause])).toEqual([
      [hours(0.5), "2026-03-02T16:00:00.000Z", "CLOCK_OUT"],
    ]);
    clock.set(hours(0.75));
    ok(await punch(c1, "clockIn"));
    expect(await roster(hours(0.8))).toMatchObject({ "W-SCJGJ": { status: "A_ON_DUTY", onDuty: "C1" } });
    expect(await roster(hours(0.4))).toMatchObject({ "W-SCJGJ": { status: "B_COVERING" } });
    clock.set(T);
  });
});

describe("assignment (分派)", () => {
  const assign = async (input: Record<string, unknown>) =>
    ok(await call<{ caseAssignment: Record<string, unknown> }>(identity(ids.c1, ["window_staff"], CENTER, ids.d2), ASSIGN, { i: input })).caseAssignment;

  test("a case goes to the present holder authorized for the act, at the department's window or the comprehensive one", async () => {
    expect(await assign({ itemId: ids.i1, at: hours(0.5) })).toEqual({
      assigned: true,
      window: { code: "W-ZJJ-1" },
      staff: { code: "B1" },
      post: "B",
      route: "DEPARTMENT_WINDOW",
      reason: null,
    });
    expect(await assign({ itemId: ids.i1, act: "APPROVE", at: hours(0.5) })).toMatchObject({ staff: { code: "A1" }, post: "A" });
    await events.publish(catalogEvents.itemEntryChanged, {
      itemId: ids.i1,
      centerCode: CENTER,
      departmentId: ids.d1,
      entered: true,
      windowId: ids.w1,
      notEnteredReason: null,
      changedAt: hours(0),
    });
    await eventually(async () => ((await assign({ itemId: ids.i1, at: hours(0.5) })).route === "ENTRY_WINDOW" ? true : null));
    expect(await assign({ itemId: ids.i3, entryWindowId: ids.zh, at: hours(0.5) })).toMatchObject({
      window: { code: "ZH-01" },
      staff: { code: "Q1" },
      route: "COMPREHENSIVE_WINDOW",
    });
    expect(await assign({ itemId: ids.i2, at: hours(0.1) })).toMatchObject({ assigned: false, reason: "NO_AUTHORIZED_STAFF", staff: null });
    expect(await assign({ itemId: ids.i2, at: hours(0.6) })).toMatchObject({ assigned: false, reason: "NO_ONE_ON_DUTY" });
    expect(await assign({ itemId: ids.i1, at: hours(4.5) })).toMatchObject({ assigned: false, reason: "NO_AUTHORIZED_STAFF" });
  });

  test("catalog's entry of an item may arrive before the item itself: it waits for it", async () => {
    const i4 = randomUUID();
    await events.publish(catalogEvents.itemEntryChanged, {
      itemId: i4,
      centerCode: CENTER,
      departmentId: ids.d4,
      entered: true,
      windowId: ids.zh,
      notEnteredReason: null,
      changedAt: hours(0),
    });
    await events.publish(catalogEvents.itemPublished, item(i4, ids.d4, "INSTANT"));
    await eventually(async () => {
      const rows: Array<{ entry_window_id: string | null }> = await running.infrastructure.dataSource.query(
        "SELECT entry_window_id FROM item_replica WHERE item_id = ?",
        [i4],
      );
      return rows[0]?.entry_window_id === ids.zh ? true : null;
    });
  });
});

describe("assessment (考核)", () => {
  const accepted = (caseId: string, handlerId: string, itemId: string, departmentId: string) =>
    events.publish(casesEvents.caseAccepted, casesEvents.caseAccepted.schema.parse({
      caseId,
      receiptNo: `SL${caseId.slice(0, 8)}`,
      centerCode: CENTER,
      itemId,
      itemVersion: 1,
      departmentId,
      handlerId,
      applicantSubject: "citizen-1",
      applicantName: "张三",
      quantity: 1,
      acceptedAt: hours(0.5),
    }));
  const concluded = (caseId: string, handlerId: string, windowId: string, itemId: string, departmentId: string, onTime: boolean, used: number, id?: string) =>
    events.publish(
      casesEvents.caseConcluded,
      casesEvents.caseConcluded.schema.parse({
        caseId,
        receiptNo: `SL${caseId.slice(0, 8)}`,
        centerCode: CENTER,
        itemId,
        itemVersion: 1,
        departmentId,
        windowId,
        handlerId,
        outcome: "APPROVED",
        acceptedAt: hours(0.5),
        concludedAt: hours(48),
        deadline: hours(120),
        onTime,
        workingDaysUsed: used,
        promisedLimitDays: 5,
      }),
      id,
    );
  const FIGURES = `query { monthlyFigures(centerCode: "${CENTER}", month: "2026-03") {
    center { accepted concluded onTime overdue onTimeRate earlyCompletionRate averageHandlingDays averageRating ratingCount }
    windows { window { code } figures { concluded onTime } }
    staff { staff { code } figures { accepted concluded onTime } } } }`;
  type Figures = { monthlyFigures: { center: Record<string, number | null>; windows: Array<{ window: { code: string }; figures: Record<string, number> }>; staff: Array<{ staff: { code: string }; figures: Record<string, number> }> } };

  test("monthly figures per window and staff from case events; redeliveries count once", async () => {
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    await accepted(k1, ids.a1, ids.i1, ids.d1);
    await accepted(k2, ids.b1, ids.i1, ids.d1);
    await accepted(k3, ids.q1, ids.i3, ids.d4);
    const k1Concluded = await concluded(k1, ids.a1, ids.w1, ids.i1, ids.d1, true, 3);
    await concluded(k2, ids.b1, ids.w1, ids.i1, ids.d1, false, 7);
    await concluded(k3, ids.q1, ids.zh, ids.i3, ids.d4, true, 5);
    await concluded(k1, ids.a1, ids.w1, ids.i1, ids.d1, true, 3, k1Concluded);
    await concluded(k1, ids.a1, ids.w1, ids.i1, ids.d1, true, 3);
    const figures = await eventually(async () => {
      const data = ok(await call<Figures>(admin, FIGURES)).monthlyFigures;
      // The three groupings are read by separate statements: wait until each has seen the last conclusion.
      const concludedBy = (rows: Array<{ figures: Record<string, number> }>) => rows.reduce((sum, row) => sum + row.figures.concluded!, 0);
      return data.center.concluded === 3 && data.center.accepted === 3 && concludedBy(data.windows) === 3 && concludedBy(data.staff) === 3 ? data : null;
    });
    expect(figures.center).toEqual({
      accepted: 3,
      concluded: 3,
      onTime: 2,
      overdue: 1,
      onTimeRate: 0.6667,
      earlyCompletionRate: 0.3333,
      averageHandlingDays: 5,
      averageRating: null,
      ratingCount: 0,
    });
    expect(Object.fromEntries(figures.windows.map((w) => [w.window.code, w.figures]))).toEqual({
      "W-ZJJ-1": { concluded: 2, onTime: 1 },
      "ZH-01": { concluded: 1, onTime: 1 },
    });
    expect(Object.fromEntries(figures.staff.map((s) => [s.staff.code, s.figures]))).toEqual({
      A1: { accepted: 1, concluded: 1, onTime: 1 },
      B1: { accepted: 1, concluded: 1, onTime: 0 },
      Q1: { accepted: 1, concluded: 1, onTime: 1 },
    });
    const accepts: Array<{ window_id: string }> = await running.infrastructure.dataSource.query("SELECT window_id FROM case_fact WHERE case_id = ?", [k2]);
    expect(accepts[0].window_id).toBe(ids.w1);
  });

  test("the red-flag ranking and the quarterly notification", async () => {
    const ranking = ok(
      await call<{ redFlagRanking: Array<{ window: { code: string }; rank: number | null; redFlag: boolean }> }>(
        admin,
        `query { redFlagRanking(centerCode: "${CENTER}", month: "2026-03", rule: { minConcluded: 1 }) { window { code } rank redFlag } }`,
      ),
    ).redFlagRanking;
    expect(ranking.map((r) => [r.window.code, r.rank, r.redFlag])).toEqual([
      ["ZH-01", 1, true],
      ["W-ZJJ-1", 2, false],
      ["W-SCJGJ", null, false],
    ]);
    const report = ok(
      await call<{ quarterlyReport: { summary: string; lateStaff: Array<{ staff: { code: string }; overdue: number }>; dutyWarnings: Array<{ window: { code: string }; count: number }>; attendance: Array<{ staff: { code: string }; daysClockedIn: number; leaveNotices: number }> } }>(
        admin,
        `query { quarterlyReport(centerCode: "${CENTER}", year: 2026, quarter: 1, rule: { minConcluded: 1 }) {
          summary lateStaff { staff { code } overdue } dutyWarnings { window { code } count } attendance { staff { code } daysClockedIn leaveNotices } } }`,
      ),
    ).quarterlyReport;
    expect(report.summary).toContain("共受理办件3件，办结3件，按时办结率66.7%");
    expect(report.summary).toContain("3月：综合窗口1");
    expect(report.lateStaff).toEqual([{ staff: { code: "B1" }, overdue: 1 }]);
    expect(Object.fromEntries(report.dutyWarnings.map((w) => [w.window.code, w.count]))).toEqual({ "W-ZJJ-1": 1, "W-SCJGJ": 1 });
    expect(report.attendance.find((a) => a.staff.code === "C1")).toEqual({ staff: { code: "C1" }, daysClockedIn: 1, leaveNotices: 0 });
    expect(report.attendance.find((a) => a.staff.code === "B1")).toEqual({ staff: { code: "B1" }, daysClockedIn: 0, leaveNotices: 1 });
  });

  test("the rating hook (好差评) records a score the figures read; a rating before its case waits", async () => {
    const ratingSubmitted = defineEvent(streams.cases, "test.rating", z.object({ caseId: z.string(), centerCode, stars: z.number().int(), at: z.string() }));
    const { dataSource, unitOfWork } = running.infrastructure;
    const service = new AssessmentService(new AssessmentRepository(dataSource), new OrganisationRepository(dataSource), new PostsRepository(dataSource), new AttendanceRepository(dataSource));
    const handler = ratingHandler(service, ratingSubmitted, (p) => ({ caseId: p.caseId, score: p.stars, ratedAt: p.at }));
    const rows: Array<{ case_id: string }> = await dataSource.query("SELECT case_id FROM case_fact WHERE handler_id = ?", [ids.q1]);
    const envelope = { id: randomUUID(), type: "test", occurredAt: hours(60), requestId: null, centerCode: CENTER, payload: {} };
    await unitOfWork.run((tx) => handler.handle(tx, { caseId: rows[0].case_id, centerCode: CENTER, stars: 4, at: hours(60) }, envelope));
    await expect(unitOfWork.run((tx) => handler.handle(tx, { caseId: randomUUID(), centerCode: CENTER, stars: 5, at: hours(60) }, envelope))).rejects.toThrow(
      /not yet known/,
    );
    const center = ok(await call<{ monthlyFigures: { center: { averageRating: number; ratingCount: number } } }>(admin, FIGURES)).monthlyFigures.center;
    expect(center).toMatchObject({ averageRating: 4, ratingCount: 1 });
  });
});
