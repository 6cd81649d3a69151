import { randomUUID } from "node:crypto";
import { ManualClock } from "@onestop/platform";
import { eventually, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { departmentWithWindow } from "../support/department-with-window";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient, type Data } from "../support/gateway-client";

/**
 * 电子监察 through the gateway: a real case accepted in cases, watched by supervision from cases'
 * events alone; time moved by hand past the yellow share and the deadline; the warning pushed on
 * the gateway's stream, acknowledged, closed when the case concludes; and who sees what.
 */
jest.setTimeout(120_000);

const environment = testEnvironment("e2e_supervision");
const CENTER = "330110000000";
const OTHER_CENTER = "511722000000";
const ID_NUMBER = "11010519491231002X";
// Monday 2026-03-02, 09:30 Beijing.
const clock = new ManualClock("2026-03-02T01:30:00Z");
let system: RunningSystem;
let adminToken: string;
let citizenToken: string;
let supervisorToken: string;

const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

interface Stream {
  events: Data[];
  /** How many "counts changed" hints arrived. */
  countHints: number;
  status: number;
  close(): void;
}

/** Opens the gateway's push stream with a bearer token and collects its warning events and counts hints. */
async function openStream(token: string | null): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(system.gatewayUrl.replace(/\/graphql$/, "/supervision/stream"), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const stream: Stream = { events: [], countHints: 0, status: response.status, close: () => controller.abort() };
  if (!response.ok || !response.body) return stream;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const dataLine = frame.split("\n").find((line) => line.startsWith("data: "));
          if (frame.includes("event: warning") && dataLine) stream.events.push(JSON.parse(dataLine.slice(6)));
          if (frame.includes("event: counts")) stream.countHints += 1;
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
  return stream;
}

const department = (deptCode: string, name: string) => departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, deptCode, name);

const WARNINGS = `query ($f: SupervisionWarningFilter!, $first: Int, $after: String) {
  supervisionWarnings(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id kind level status department { id } case { id } deadline raisedAt closedAt acknowledgement { note acknowledgedBy } }
  }
}`;

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem({ ...environment, clock });
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
  supervisorToken = await mintAccessToken(system.keys, { subject: "jcj-01", roles: ["supervisor"], centerCode: CENTER });
});

afterAll(async () => {
  await system?.stop();
});

test("a case goes yellow then red, pushed through the gateway; acknowledged; closed when it concludes; each department sees its own", async () => {
  const zjj = await department("ZJJ", "住房和城乡建设局");
  const hbj = await department("HBJ", "生态环境局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.id) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;

  const supervisorStream = await openStream(supervisorToken);
  const hbjStream = await openStream(hbj.token);
  const otherCenterStream = await openStream(await mintAccessToken(system.keys, { subject: "jcj-99", roles: ["supervisor"], centerCode: OTHER_CENTER }));
  expect((await openStream(null)).status).toBe(401);
  expect((await openStream(citizenToken)).status).toBe(403);
  try {
    await once(["NOT_AUTHORIZED"], () => gql(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId }));
    // 7 working days from Monday 03-02: due Wednesday 03-11, 24:00 Beijing.
    const view = await eventually(async () => (await data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status deadline department { id } steps { slipSeq action toStatus } } }`, { id: caseId })).caseSupervision?.status === "ACCEPTED" ? true : null, 20_000).then(() =>
      data(supervisorToken, `query ($id: ID!) { caseSupervision(caseId: $id) { status deadline department { id } steps { slipSeq action toStatus } warnings { id } } }`, { id: caseId }),
    );
    expect(view.caseSupervision).toMatchObject({ status: "ACCEPTED", deadline: "2026-03-11T16:00:00.000Z", department: { id: zjj.id }, warnings: [] });
    expect(view.caseSupervision.steps.map((s: Data) => s.action)).toEqual(["SUBMIT", "ACCEPT"]);
    const counts = await data(supervisorToken, `query { supervisionCaseCounts(centerCode: "${CENTER}") { department { id } status count overdue } }`);
    expect(counts.supervisionCaseCounts).toContainEqual({ department: { id: zjj.id }, status: "ACCEPTED", count: 1, overdue: 0 });
    // The acceptance changed the counts: the office's dashboard is told to ask again.
    await eventually(() => Promise.resolve(supervisorStream.countHints > 0 ? true : null), 10_000);

    // 80% of 7 working days used: from 00:00 Beijing of Tuesday 03-10, one working day remains.
    clock.set("2026-03-09T16:00:01Z");
    const movedAt = Date.now();
    const yellow = await eventually(() => Promise.resolve(supervisorStream.events.find((e) => e.caseId === caseId && e.level === "YELLOW" && e.change === "RAISED")), 20_000);
    expect(yellow).toMatchObject({ kind: "CASE_DEADLINE", status: "OPEN", departmentId: zjj.id, raisedAt: "2026-03-09T16:00:00.000Z" });
    // The timer poll (250 ms) plus the push: well under a second from the instant being reached here.
    expect(Date.now() - movedAt).toBeLessThan(5000);

    const listed = await data(supervisorToken, WARNINGS, { f: { centerCode: CENTER, kinds: ["CASE_DEADLINE"], statuses: ["OPEN"] } });
    expect(listed.supervisionWarnings.nodes).toEqual([expect.objectContaining({ id: yellow.warningId, level: "YELLOW", status: "OPEN", case: { id: caseId } })]);

    const empty = await gql(supervisorToken, `mutation ($id: ID!, $n: String!) { acknowledgeWarning(id: $id, note: $n) { id } }`, { id: yellow.warningId, n: "   " });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(empty.errors?.[0]?.message).toContain("note");
    const acknowledged = await data(supervisorToken, `mutation ($id: ID!, $n: String!) { acknowledgeWarning(id: $id, note: $n) { id status acknowledgement { note acknowledgedBy } } }`, {
      id: yellow.warningId,
      n: "已电话督办住建局",
    });
    expect(acknowledged.acknowledgeWarning).toEqual({ id: yellow.warningId, status: "ACKNOWLEDGED", acknowledgement: { note: "已电话督办住建局", acknowledgedBy: "jcj-01" } });
    const again = await gql(supervisorToken, `mutation ($id: ID!, $n: String!) { acknowledgeWarning(id: $id, note: $n) { id } }`, { id: yellow.warningId, n: "再次" });
    expect(code(again)).toBe("WARNING_ALREADY_ACKNOWLEDGED");
    expect(code(await gql(adminToken, `mutation ($id: ID!, $n: String!) { acknowledgeWarning(id: $id, note: $n) { id } }`, { id: yellow.warningId, n: "x" }))).toBe("FORBIDDEN");
    await eventually(() => Promise.resolve(supervisorStream.events.find((e) => e.warningId === yellow.warningId && e.change === "ACKNOWLEDGED")), 10_000);

    // Past the deadline: RED, and the yellow one closes.
    clock.set("2026-03-11T16:00:01Z");
    const red = await eventually(() => Promise.resolve(supervisorStream.events.find((e) => e.caseId === caseId && e.level === "RED" && e.change === "RAISED")), 20_000);
    expect(red).toMatchObject({ kind: "CASE_DEADLINE", raisedAt: "2026-03-11T16:00:00.000Z" });
    await eventually(() => Promise.resolve(supervisorStream.events.find((e) => e.warningId === yellow.warningId && e.change === "CLOSED")), 10_000);
    const overdue = await data(supervisorToken, `query { supervisionCaseCounts(centerCode: "${CENTER}", departmentId: "${zjj.id}") { status count overdue } }`);
    expect(overdue.supervisionCaseCounts).toEqual([{ status: "ACCEPTED", count: 1, overdue: 1 }]);

    // Who sees what: the department its own, another department and another center nothing.
    const own = await data(zjj.token, WARNINGS, { f: { centerCode: CENTER } });
    expect(own.supervisionWarnings.totalCount).toBe(2);
    expect((await data(hbj.token, WARNINGS, { f: { centerCode: CENTER } })).supervisionWarnings).toMatchObject({ totalCount: 0, nodes: [] });
    expect(code(await gql(hbj.token, WARNINGS, { f: { centerCode: CENTER, departmentId: zjj.id } }))).toBe("FORBIDDEN");
    expect(code(await gql(hbj.token, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: caseId }))).toBe("FORBIDDEN");
    const otherSupervisor = await mintAccessToken(system.keys, { subject: "jcj-99", roles: ["supervisor"], centerCode: OTHER_CENTER });
    expect(code(await gql(otherSupervisor, WARNINGS, { f: { centerCode: CENTER } }))).toBe("FORBIDDEN");
    expect((await data(otherSupervisor, WARNINGS, { f: { centerCode: OTHER_CENTER } })).supervisionWarnings.totalCount).toBe(0);
    expect(code(await gql(supervisorToken, WARNINGS, { f: { centerCode: "33011" } }))).toBe("BAD_USER_INPUT");

    // Cursor pagination: one a page, newest first, then the older one.
    const first = await data(supervisorToken, WARNINGS, { f: { centerCode: CENTER }, first: 1 });
    expect(first.supervisionWarnings).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ level: "RED" }] });
    const second = await data(supervisorToken, WARNINGS, { f: { centerCode: CENTER }, first: 1, after: first.supervisionWarnings.pageInfo.endCursor });
    expect(second.supervisionWarnings).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ level: "YELLOW", status: "CLOSED", acknowledgement: { note: "已电话督办住建局" } }] });

    // The case concludes: its red warning closes by itself.
    await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
    await once(["NOT_AUTHORIZED"], () => gql(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId }));
    await once(["FEE_NOT_SETTLED"], () => gql(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId }));
    await eventually(() => Promise.resolve(supervisorStream.events.find((e) => e.warningId === red.warningId && e.change === "CLOSED")), 20_000);
    const closed = await data(supervisorToken, WARNINGS, { f: { centerCode: CENTER, statuses: ["CLOSED"] } });
    expect(closed.supervisionWarnings.totalCount).toBe(2);
    const tally = await data(supervisorToken, `query { supervisionWarningCounts(centerCode: "${CENTER}") { kind department { id } status count } }`);
    expect(tally.supervisionWarningCounts).toEqual([{ kind: "CASE_DEADLINE", department: { id: zjj.id }, status: "CLOSED", count: 2 }]);

    // Only what each listener may see went on its wire.
    expect(supervisorStream.events.length).toBeGreaterThanOrEqual(5);
    expect(hbjStream.events).toEqual([]);
    expect(otherCenterStream.events).toEqual([]);
    expect(hbjStream.countHints).toBe(0);
    expect(otherCenterStream.countHints).toBe(0);
  } finally {
    for (const stream of [supervisorStream, hbjStream, otherCenterStream]) stream.close();
  }
});

test("a window left unattended by two leaves: the warning closes when a leave is cancelled, and at a cover's start when one is approved", async () => {
  // Monday 2026-03-16, 09:00 Beijing.
  const T = Date.parse("2026-03-16T01:00:00Z");
  const HOUR = 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  clock.set(iso(T));
  const { registerDepartment } = await data(adminToken, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code: "SJJ", name: "市场监督管理局" } });
  const departmentId = registerDepartment.id as string;
  const { openWindow } = await data(adminToken, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "W-SJJ", name: "市场监管窗口", kind: "AB", departmentId },
  });
  const windowId = openWindow.id as string;
  const register = async (code: string, name: string) =>
    (await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code, name, departmentId } })).registerStaff.id as string;
  const [a, b, x, chiefId] = [await register("SJJ-01", "周一"), await register("SJJ-02", "吴二"), await register("SJJ-03", "郑三"), await register("SJJ-00", "冯首席")];
  for (const [position, staffId] of [["A", a], ["B", b]] as const) {
    const { requestPostChange } = await data(adminToken, `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`, { i: { windowId, position, staffId, termYears: 1, reason: "进驻" } });
    await data(adminToken, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId: requestPostChange.id } });
  }
  await data(adminToken, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, { i: { departmentId, staffId: chiefId } });
  const chief = await mintAccessToken(system.keys, { subject: chiefId, roles: ["chief_representative"], centerCode: CENTER, departmentId });
  const LEAVE = `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`;
  const leave = async (staffId: string, from: number, until: number) => (await data(adminToken, LEAVE, { i: { staffId, startsAt: iso(from), endsAt: iso(until), reason: "培训" } })).postLeaveNotice.id as string;
  const unattended = async () =>
    (await data(supervisorToken, WARNINGS, { f: { centerCode: CENTER, kinds: ["WINDOW_UNATTENDED"], windowId } })).supervisionWarnings.nodes.map((w: Data) => ({
      status: w.status,
      raisedAt: w.raisedAt,
      closedAt: w.closedAt,
    }));
  const stretches = async () =>
    (await data(adminToken, `query ($c: String!, $f: String!, $u: String!) { dutyWarnings(centerCode: $c, from: $f, until: $u) { window { id } from until cause } }`, { c: CENTER, f: iso(T), u: iso(T + 24 * HOUR) }))
      .dutyWarnings.filter((w: Data) => w.window.id === windowId)
      .map((w: Data) => [w.from, w.until]);

  // A and B both away from 10:00 to 17:00: nobody serves the window.
  await leave(a, T + HOUR, T + 8 * HOUR);
  const bLeave = await leave(b, T + HOUR, T + 8 * HOUR);
  clock.set(iso(T + 2 * HOUR));
  expect(await eventually(async () => ((await unattended()).length === 1 ? unattended() : null), 20_000)).toEqual([{ status: "OPEN", raisedAt: iso(T + HOUR), closedAt: null }]);

  // B's leave is cancelled at 11:00: B serves again, the warning closes then.
  await data(adminToken, `mutation ($id: ID!) { cancelLeaveNotice(id: $id) { id } }`, { id: bLeave });
  expect(await eventually(async () => ((await unattended())[0].status === "CLOSED" ? unattended() : null), 20_000)).toEqual([{ status: "CLOSED", raisedAt: iso(T + HOUR), closedAt: iso(T + 2 * HOUR) }]);
  expect(await stretches()).toEqual([[iso(T + HOUR), iso(T + 2 * HOUR)]]);

  // B away again from 12:00; at 12:30 a cover for 13:00-14:00 is approved: unattended until 13:00, served in the box, unattended again after it.
  await leave(b, T + 3 * HOUR, T + 8 * HOUR);
  clock.set(iso(T + 3.5 * HOUR));
  await eventually(async () => ((await unattended()).some((w: Data) => w.status === "OPEN") ? true : null), 20_000);
  const { requestWindowCover } = await data(chief, `mutation ($i: RequestWindowCoverInput!) { requestWindowCover(input: $i) { id } }`, {
    i: { windowId, staffId: x, from: iso(T + 4 * HOUR), until: iso(T + 5 * HOUR), reason: "临时顶岗" },
  });
  await data(adminToken, `mutation ($i: DecideWindowCoverInput!) { approveWindowCover(input: $i) { id } }`, { i: { coverId: requestWindowCover.id } });
  expect(await stretches()).toEqual([
    [iso(T + HOUR), iso(T + 2 * HOUR)],
    [iso(T + 3 * HOUR), iso(T + 4 * HOUR)],
    [iso(T + 5 * HOUR), iso(T + 8 * HOUR)],
  ]);
  // Still open before the cover starts; closed at its start; the stretch after the box raised at its own start.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect((await unattended()).filter((w: Data) => w.status === "OPEN")).toEqual([{ status: "OPEN", raisedAt: iso(T + 3 * HOUR), closedAt: null }]);
  clock.set(iso(T + 4.5 * HOUR));
  await eventually(async () => ((await unattended()).every((w: Data) => w.status === "CLOSED") ? true : null), 20_000);
  expect((await unattended()).find((w: Data) => w.raisedAt === iso(T + 3 * HOUR))).toEqual({ status: "CLOSED", raisedAt: iso(T + 3 * HOUR), closedAt: iso(T + 4 * HOUR) });
  clock.set(iso(T + 5.5 * HOUR));
  expect(await eventually(async () => ((await unattended()).length === 3 ? unattended() : null), 20_000)).toEqual([
    { status: "OPEN", raisedAt: iso(T + 5 * HOUR), closedAt: null },
    { status: "CLOSED", raisedAt: iso(T + 3 * HOUR), closedAt: iso(T + 4 * HOUR) },
    { status: "CLOSED", raisedAt: iso(T + HOUR), closedAt: iso(T + 2 * HOUR) },
  ]);
});
