import { ManualClock, type RunningSubgraph } from "@onestop/platform";
import { ensureDevelopmentKeys, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { errorCode, identity, ok, subgraphCaller } from "./support";

const environment = testEnvironment("staffing_organisation_posts");
const CENTER = "330110000000";
const admin = identity("admin-1", ["center_admin"], CENTER);
const clock = new ManualClock(new Date());
let running: RunningSubgraph;
let call: ReturnType<typeof subgraphCaller>;

const ids: Record<string, string> = {};

async function count(table: string): Promise<number> {
  const rows: Array<{ n: string | number }> = await running.infrastructure.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0].n);
}

async function published(subject: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ envelope: string }> = await running.infrastructure.dataSource.query(
    "SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq",
    [subject],
  );
  return rows.map((row) => (JSON.parse(row.envelope) as { payload: Record<string, unknown> }).payload);
}

async function department(code: string, name: string) {
  const data = ok(
    await call<{ registerDepartment: { id: string } }>(admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, {
      i: { centerCode: CENTER, code, name },
    }),
  );
  return data.registerDepartment.id;
}

/** The department of that code, registered now unless an earlier test did. */
async function departmentNamed(code: string, name: string): Promise<string> {
  const data = ok(await call<{ departments: Array<{ id: string; code: string }> }>(admin, `query ($c: String!) { departments(centerCode: $c) { id code } }`, { c: CENTER }));
  return data.departments.find((row) => row.code === code)?.id ?? department(code, name);
}

async function staff(code: string, name: string, departmentId: string | null) {
  const data = ok(
    await call<{ registerStaff: { id: string } }>(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: CENTER, code, name, departmentId },
    }),
  );
  return data.registerStaff.id;
}

async function openWindow(input: Record<string, unknown>) {
  const data = ok(
    await call<{ openWindow: { id: string } }>(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
      i: { centerCode: CENTER, ...input },
    }),
  );
  return data.openWindow.id;
}

const REQUEST = `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id status previousHolder { id } } }`;
const APPROVE = `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id status decidedAt } }`;
const REJECT = `mutation ($i: DecidePostChangeInput!) { rejectPostChange(input: $i) { id status } }`;

function requestPost(windowId: string, position: "A" | "B", staffId: string, termYears = 2) {
  return call<{ requestPostChange: { id: string; status: string } }>(admin, REQUEST, {
    i: { windowId, position, staffId, termYears, reason: "进驻安排" },
  });
}

async function fillPost(windowId: string, position: "A" | "B", staffId: string, termYears = 2) {
  const requested = ok(await requestPost(windowId, position, staffId, termYears)).requestPostChange;
  return ok(await call<{ approvePostChange: { status: string } }>(admin, APPROVE, { i: { requestId: requested.id, note: "同意" } }));
}

beforeAll(async () => {
  await resetEnvironment(environment);
  running = await startOneSubgraph("staffing", environment, { clock });
  call = subgraphCaller(running, ensureDevelopmentKeys(environment.keysDir), clock);
  ids.zjj = await department("ZJJ", "住房和城乡建设局");
  ids.scj = await department("SCJGJ", "市场监督管理局");
  ids.qxj = await department("QXJ", "气象局");
  ids.sfj = await department("SFJ", "司法局");
  ids.s1 = await staff("ZJJ-01", "王建国", ids.zjj);
  ids.s2 = await staff("ZJJ-02", "李秀英", ids.zjj);
  ids.s3 = await staff("SCJGJ-01", "张伟", ids.scj);
  ids.s4 = await staff("QXJ-01", "刘洋", ids.qxj);
  ids.office = await staff("ZX-01", "陈静", null);
  ids.hall = ok(
    await call<{ createHall: { id: string } }>(admin, `mutation ($i: CreateHallInput!) { createHall(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: "JS", name: "建设项目审批大厅", theme: "CONSTRUCTION_PROJECTS" },
    }),
  ).createHall.id;
  ids.w1 = await openWindow({ code: "W-ZJJ-1", name: "住建1号窗口", kind: "AB", departmentId: ids.zjj, hallId: ids.hall });
  ids.w2 = await openWindow({ code: "W-ZJJ-2", name: "住建2号窗口", kind: "AB", departmentId: ids.zjj });
  ids.zh = await openWindow({ code: "ZH-01", name: "综合窗口1", kind: "COMPREHENSIVE", actsForDepartmentIds: [ids.qxj, ids.sfj] });
});

afterAll(async () => {
  await running?.stop();
});

test("opening a window publishes its snapshot; a window's shape is checked", async () => {
  const snapshots = await published("staffing.window.published");
  expect(snapshots.find((s) => s.windowId === ids.zh)).toMatchObject({
    code: "ZH-01",
    kind: "COMPREHENSIVE",
    departmentId: null,
    actsForDepartmentIds: [ids.qxj, ids.sfj].sort(),
    open: true,
    aPostStaffId: null,
    bPostStaffId: null,
    revision: 1,
  });
  const before = await count("service_window");
  const wrong = await call(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "ZH-09", name: "综合窗口9", kind: "COMPREHENSIVE", departmentId: ids.zjj },
  });
  expect(errorCode(wrong)).toBe("BAD_USER_INPUT");
  const foreign = await call(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "W-X", name: "X", kind: "RESIDENT", departmentId: "00000000-0000-0000-0000-000000000000" },
  });
  expect(errorCode(foreign)).toBe("UNKNOWN_DEPARTMENT");
  expect(await count("service_window")).toBe(before);
});

test("a post is filled by request and approval; the window's snapshot follows with the holder", async () => {
  await fillPost(ids.w1, "A", ids.s1);
  await fillPost(ids.w1, "B", ids.s2, 1);
  const window = ok(
    await call<{ window: { aPost: { holder: { name: string }; termYears: number; rotation: string }; bPost: { holder: { name: string } }; duty: { status: string; onDuty: { name: string } } } }>(
      admin,
      `query ($id: ID!) { window(id: $id) { aPost { holder { name } termYears rotation } bPost { holder { name } } duty { status onDuty { name } } } }`,
      { id: ids.w1 },
    ),
  ).window;
  expect(window).toEqual({
    aPost: { holder: { name: "王建国" }, termYears: 2, rotation: "IN_TERM" },
    bPost: { holder: { name: "李秀英" } },
    duty: { status: "A_ON_DUTY", onDuty: { name: "王建国" } },
  });
  const latest = (await published("staffing.window.published")).filter((s) => s.windowId === ids.w1).at(-1);
  expect(latest).toMatchObject({ aPostStaffId: ids.s1, bPostStaffId: ids.s2, revision: 3 });
});

test("the posts still to fill are listed: every open window names an A and a B", async () => {
  const vacant = ok(
    await call<{ vacantPosts: Array<{ window: { code: string }; position: string }> }>(admin, `query { vacantPosts(centerCode: "${CENTER}") { window { code } position } }`),
  ).vacantPosts;
  expect(vacant.map((v) => `${v.window.code}/${v.position}`)).toEqual(["W-ZJJ-2/A", "W-ZJJ-2/B", "ZH-01/A", "ZH-01/B"]);
});

test("bad input: the A post's holder on the B post, or someone on two windows' A posts: typed error, nothing written", async () => {
  const requests = await count("post_change_request");
  expect(errorCode(await requestPost(ids.w1, "B", ids.s1))).toBe("B_POST_HELD_BY_A_HOLDER");
  expect(errorCode(await requestPost(ids.w2, "A", ids.s1))).toBe("ALREADY_ON_A_POST");
  expect(errorCode(await requestPost(ids.w1, "A", ids.s3))).toBe("STAFF_NOT_OF_DEPARTMENT");
  expect(errorCode(await requestPost(ids.zh, "A", ids.office))).toBe("STAFF_NOT_OF_DEPARTMENT");
  expect(await count("post_change_request")).toBe(requests);
});

test("approval checks again: two pending requests cannot both put one person on two A posts", async () => {
  ids.s5 = await staff("ZJJ-03", "赵敏", ids.zjj);
  ids.w3 = await openWindow({ code: "W-ZJJ-3", name: "住建3号窗口", kind: "AB", departmentId: ids.zjj });
  const first = ok(await requestPost(ids.w2, "A", ids.s5)).requestPostChange;
  const second = ok(await requestPost(ids.w3, "A", ids.s5)).requestPostChange;
  ok(await call(admin, APPROVE, { i: { requestId: first.id } }));
  const tenures = await count("post_tenure");
  const refused = await call(admin, APPROVE, { i: { requestId: second.id } });
  expect(errorCode(refused)).toBe("ALREADY_ON_A_POST");
  expect(await count("post_tenure")).toBe(tenures);
  const still = ok(
    await call<{ postChangeRequests: Array<{ id: string; status: string }> }>(admin, `query { postChangeRequests(centerCode: "${CENTER}", status: PENDING) { id status } }`),
  );
  expect(still.postChangeRequests.map((r) => r.id)).toContain(second.id);
});

test("approving two windows' A posts for one person at the same moment: one wins, the other is refused", async () => {
  const s6 = await staff("ZJJ-06", "周杰", ids.zjj);
  const w4 = await openWindow({ code: "W-ZJJ-4", name: "住建4号窗口", kind: "AB", departmentId: ids.zjj });
  const w5 = await openWindow({ code: "W-ZJJ-5", name: "住建5号窗口", kind: "AB", departmentId: ids.zjj });
  const first = ok(await requestPost(w4, "A", s6)).requestPostChange;
  const second = ok(await requestPost(w5, "A", s6)).requestPostChange;
  const results = await Promise.all([first, second].map((r) => call(admin, APPROVE, { i: { requestId: r.id } })));
  expect(results.map(errorCode).sort()).toEqual(["ALREADY_ON_A_POST", undefined].sort());
  const held: Array<{ n: string | number }> = await running.infrastructure.dataSource.query(
    "SELECT COUNT(*) AS n FROM window_post WHERE staff_id = ? AND position = 'A'",
    [s6],
  );
  expect(Number(held[0].n)).toBe(1);
});

test("one pending request per post; a rejected request cannot be approved later", async () => {
  const pending = ok(await requestPost(ids.w2, "B", ids.s2)).requestPostChange;
  expect(errorCode(await requestPost(ids.w2, "B", ids.s1))).toBe("POST_CHANGE_PENDING");
  const PENDING = `query ($id: ID!) { window(id: $id) { pendingPostChanges { id proposedHolder { name } } } }`;
  expect(ok(await call<{ window: { pendingPostChanges: unknown[] } }>(admin, PENDING, { id: ids.w2 })).window.pendingPostChanges).toEqual([
    { id: pending.id, proposedHolder: { name: "李秀英" } },
  ]);
  expect(errorCode(await call(identity(ids.s1, ["window_staff"], CENTER, ids.zjj), PENDING, { id: ids.w2 }))).toBe("FORBIDDEN");
  expect(ok(await call<{ rejectPostChange: { status: string } }>(admin, REJECT, { i: { requestId: pending.id, note: "人员不足" } })).rejectPostChange.status).toBe(
    "REJECTED",
  );
  expect(errorCode(await call(admin, APPROVE, { i: { requestId: pending.id } }))).toBe("REQUEST_ALREADY_DECIDED");
  const chief = identity(ids.s3, ["chief_representative"], CENTER, ids.scj);
  expect(errorCode(await call(chief, REQUEST, { i: { windowId: ids.w2, position: "B", staffId: ids.s2, termYears: 1, reason: "x" } }))).toBe(
    "FORBIDDEN",
  );
  expect(errorCode(await call(chief, APPROVE, { i: { requestId: pending.id } }))).toBe("FORBIDDEN");
});

test("a request names who asked and who decided when a staff member's account did; a service account is named by no one", async () => {
  const READ = `query ($id: ID!) { window(id: $id) { pendingPostChanges { id requester { name } decider { name } } } }`;
  const pending = ok(await requestPost(ids.w2, "B", ids.s2)).requestPostChange;
  expect(ok(await call<{ window: { pendingPostChanges: unknown[] } }>(admin, READ, { id: ids.w2 })).window.pendingPostChanges).toEqual([
    { id: pending.id, requester: null, decider: null },
  ]);
  ok(await call(admin, REJECT, { i: { requestId: pending.id, note: "重新安排" } }));
  // 王建国 (ZJJ-01) signed in with the center's administration role asks, and 张伟 decides.
  const asked = ok(await call<{ requestPostChange: { id: string } }>(identity(ids.s1, ["center_admin"], CENTER), REQUEST, {
    i: { windowId: ids.w2, position: "B", staffId: ids.s2, termYears: 1, reason: "轮岗" },
  })).requestPostChange;
  const PAGE = `query ($c: String!) { postChangeRequestPage(centerCode: $c, status: REJECTED, first: 50) { nodes { id requester { name } decider { name } } } }`;
  ok(await call(identity(ids.s3, ["center_admin"], CENTER), REJECT, { i: { requestId: asked.id, note: "暂缓" } }));
  const rejected = ok(await call<{ postChangeRequestPage: { nodes: Array<{ id: string }> } }>(admin, PAGE, { c: CENTER })).postChangeRequestPage.nodes;
  expect(rejected.find((request) => request.id === asked.id)).toEqual({ id: asked.id, requester: { name: "王建国" }, decider: { name: "张伟" } });
  expect(rejected.find((request) => request.id === pending.id)).toEqual({ id: pending.id, requester: null, decider: null });
});

test("a replaced holder's tenure ends with a date; terms are flagged when due for rotation", async () => {
  clock.advance(60_000);
  await fillPost(ids.w1, "B", ids.s5, 1);
  const history = ok(
    await call<{ window: { postHistory: Array<{ position: string; holder: { id: string }; startedAt: string; endedAt: string | null }> } }>(
      admin,
      `query ($id: ID!) { window(id: $id) { postHistory { position holder { id } startedAt endedAt } } }`,
      { id: ids.w1 },
    ),
  ).window.postHistory;
  const b = history.filter((t) => t.position === "B");
  expect(b.map((t) => t.holder.id)).toEqual([ids.s2, ids.s5]);
  expect(b[0].endedAt).toBe(b[1].startedAt);
  expect(b[1].endedAt).toBeNull();

  const due = () =>
    call<{ postsDueForRotation: Array<{ window: { code: string }; position: string; rotation: string }> }>(
      admin,
      `query { postsDueForRotation(centerCode: "${CENTER}") { window { code } position rotation } }`,
    );
  expect(ok(await due()).postsDueForRotation).toEqual([]);
  const now = clock.now();
  try {
    clock.advance(350 * 86_400_000);
    expect(ok(await due()).postsDueForRotation).toEqual([{ window: { code: "W-ZJJ-1" }, position: "B", rotation: "DUE_SOON" }]);
    clock.advance(30 * 86_400_000);
    expect(ok(await due()).postsDueForRotation).toEqual([{ window: { code: "W-ZJJ-1" }, position: "B", rotation: "DUE" }]);
  } finally {
    clock.set(now);
  }
});

test("the chief representative is one of the department's staff, announced by event", async () => {
  const APPOINT = `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { chiefRepresentative { name } } }`;
  expect(errorCode(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s3 } }))).toBe("STAFF_NOT_OF_DEPARTMENT");
  expect(ok(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s1 } }))).toEqual({
    appointChiefRepresentative: { chiefRepresentative: { name: "王建国" } },
  });
  expect((await published("staffing.department.chief-representative-appointed")).at(-1)).toMatchObject({
    departmentId: ids.zjj,
    staffId: ids.s1,
    revision: 1,
  });
});

test("the department's principal (单位主要负责人) is one of its staff, appointed by the center and announced by event", async () => {
  const APPOINT = `mutation ($i: AppointDepartmentPrincipalInput!) { appointDepartmentPrincipal(input: $i) { principal { name isDepartmentPrincipal } } }`;
  const chief = identity(ids.s1, ["chief_representative"], CENTER, ids.zjj);
  expect(errorCode(await call(chief, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s2 } }))).toBe("FORBIDDEN");
  expect(errorCode(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s3 } }))).toBe("STAFF_NOT_OF_DEPARTMENT");
  expect(errorCode(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: "" } }))).toBe("BAD_USER_INPUT");
  const before = (await published("staffing.department.principal-appointed")).length;
  expect(ok(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s2 } }))).toEqual({
    appointDepartmentPrincipal: { principal: { name: "李秀英", isDepartmentPrincipal: true } },
  });
  // Appointing the same person again changes nothing and announces nothing.
  ok(await call(admin, APPOINT, { i: { departmentId: ids.zjj, staffId: ids.s2 } }));
  const announced = await published("staffing.department.principal-appointed");
  expect(announced.slice(before)).toEqual([expect.objectContaining({ departmentId: ids.zjj, staffId: ids.s2, revision: 1 })]);
});

test("Staff, Window and Department resolve by key for the other subgraphs", async () => {
  const data = ok(
    await call<{ _entities: Array<Record<string, unknown>> }>(
      identity("anonymous", ["anonymous"], null),
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { name department { code } } ... on Window { code kind } ... on Department { name } } }`,
      { r: [{ __typename: "Staff", id: ids.s1 }, { __typename: "Window", id: ids.zh }, { __typename: "Department", id: ids.scj }] },
    ),
  );
  expect(data._entities).toEqual([{ name: "王建国", department: { code: "ZJJ" } }, { code: "ZH-01", kind: "COMPREHENSIVE" }, { name: "市场监督管理局" }]);
});

test("staffPage walks the center's staff once by code, filtered by department and code or name; other centers see nothing", async () => {
  const department = await departmentNamed("PAGEJ", "分页测试局");
  await staff("PAGE-01", "分页甲", department);
  await staff("PAGE-02", "分页乙", department);
  await staff("PAGE-03", "分页丙", null);
  const PAGE = `query ($c: String!, $d: ID, $k: String, $first: Int, $after: String) {
    staffPage(centerCode: $c, departmentId: $d, keyword: $k, first: $first, after: $after) { totalCount nextCursor nodes { code name } } }`;
  type Page = { staffPage: { totalCount: number; nextCursor: string | null; nodes: Array<{ code: string; name: string }> } };
  const whole = ok(await call<{ staffMembers: Array<{ code: string }> }>(admin, `query ($c: String!) { staffMembers(centerCode: $c) { code } }`, { c: CENTER })).staffMembers.map((row) => row.code);
  const walked: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = ok(await call<Page>(admin, PAGE, { c: CENTER, first: 2, after }));
    expect(page.staffPage.totalCount).toBe(whole.length);
    walked.push(...page.staffPage.nodes.map((node) => node.code));
    after = page.staffPage.nextCursor;
    if (!after) break;
  }
  expect(walked).toEqual(whole);
  const found = ok(await call<Page>(admin, PAGE, { c: CENTER, k: "分页" })).staffPage;
  expect(found.nodes.map((node) => node.code)).toEqual(["PAGE-01", "PAGE-02", "PAGE-03"]);
  expect(ok(await call<Page>(admin, PAGE, { c: CENTER, d: department, k: "PAGE-" })).staffPage.nodes.map((node) => node.code)).toEqual(["PAGE-01", "PAGE-02"]);
  expect(ok(await call<Page>(admin, PAGE, { c: CENTER, k: "%" })).staffPage.totalCount).toBe(0);
  expect(errorCode(await call(identity("admin-9", ["center_admin"], "511721000000"), PAGE, { c: CENTER }))).toBe("FORBIDDEN");
  expect(errorCode(await call(admin, PAGE, { c: CENTER, after: "nope" }))).toBe("BAD_USER_INPUT");
});

test("the requests in pages, newest first: every request once, a filter by status, a bad cursor named", async () => {
  const PAGE = `query ($c: String!, $s: PostChangeStatus, $f: Int, $a: String) { postChangeRequestPage(centerCode: $c, status: $s, first: $f, after: $a) { totalCount nextCursor nodes { id status requestedAt } } }`;
  type Page = { postChangeRequestPage: { totalCount: number; nextCursor: string | null; nodes: Array<{ id: string; status: string; requestedAt: string }> } };
  const all = ok(await call<{ postChangeRequests: Array<{ id: string }> }>(admin, `query ($c: String!) { postChangeRequests(centerCode: $c) { id } }`, { c: CENTER })).postChangeRequests;
  expect(all.length).toBeGreaterThan(3);
  const seen: Array<{ id: string; requestedAt: string }> = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const page: Page["postChangeRequestPage"] = ok(await call<Page>(admin, PAGE, { c: CENTER, f: 2, a: after })).postChangeRequestPage;
    expect(page.totalCount).toBe(all.length);
    expect(page.nodes.length).toBeLessThanOrEqual(2);
    seen.push(...page.nodes);
    after = page.nextCursor;
    if (!after) break;
  }
  expect(seen.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
  expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
  const times = seen.map((r) => r.requestedAt);
  expect([...times].sort().reverse()).toEqual(times);

  const pending = ok(await call<Page>(admin, PAGE, { c: CENTER, s: "PENDING", f: 100 })).postChangeRequestPage;
  expect(pending.nodes.every((r) => r.status === "PENDING")).toBe(true);
  expect(pending.totalCount).toBe(pending.nodes.length);

  expect(errorCode(await call(admin, PAGE, { c: CENTER, a: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
  expect(errorCode(await call(identity("s1", ["window_staff"], CENTER, ids.zjj), PAGE, { c: CENTER }))).toBe("FORBIDDEN");
});
