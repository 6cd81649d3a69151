import { graphql, mintAccessToken, resetEnvironment, startSystem, type GraphqlResponse, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * 临时顶岗 (issue 14, point 4) through the gateway: the department's chief representative asks
 * for somebody other than the B post to serve a window for a time box; the center approves
 * (never whoever asked); within the box, with A away, that person is on duty; outside it, or
 * once cancelled, B covers exactly as before.
 */
const environment = testEnvironment("e2e_window_covers");
const CENTER = "330110000000";
const HOUR = 3_600_000;
let system: RunningSystem;
let admin: string;
let otherAdmin: string;
let chief: string;
let departmentId: string;
let windowId: string;
const staff: Record<"a" | "b" | "x" | "y" | "chief", string> = { a: "", b: "", x: "", y: "", chief: "" };

const COVER_FIELDS = "id status from until requestedBy decidedBy cancelledAt staff { id } window { id }";
const REQUEST = `mutation ($i: RequestWindowCoverInput!) { requestWindowCover(input: $i) { ${COVER_FIELDS} } }`;
const APPROVE = `mutation ($i: DecideWindowCoverInput!) { approveWindowCover(input: $i) { ${COVER_FIELDS} } }`;
const REJECT = `mutation ($i: DecideWindowCoverInput!) { rejectWindowCover(input: $i) { ${COVER_FIELDS} } }`;
const CANCEL = `mutation ($i: CancelWindowCoverInput!) { cancelWindowCover(input: $i) { ${COVER_FIELDS} } }`;
const DUTY = `query ($id: ID!, $at: String) { window(id: $id) { duty(at: $at) { status post onDuty { id } cover { id status } } } }`;
const COVERS = `query ($c: String!, $w: ID) { windowCovers(centerCode: $c, windowId: $w) { id status staff { id } } }`;

interface Cover {
  id: string;
  status: string;
  from: string;
  until: string;
  requestedBy: string;
  decidedBy: string | null;
  cancelledAt: string | null;
}

function call<T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
  return graphql<T>(system.gatewayUrl, query, variables, { token });
}

async function ok<T>(pending: Promise<GraphqlResponse<T>>): Promise<T> {
  const response = await pending;
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const errorOf = async (pending: Promise<GraphqlResponse<unknown>>) => (await pending).errors?.[0]?.extensions;
const at = (ms: number) => new Date(ms).toISOString();

async function duty(moment: number) {
  return (await ok(call<{ window: { duty: { status: string; post: string | null; onDuty: { id: string } | null; cover: { id: string } | null } } }>(admin, DUTY, { id: windowId, at: at(moment) })))
    .window.duty;
}

async function register(code: string, name: string): Promise<string> {
  const { registerStaff } = await ok(
    call<{ registerStaff: { id: string } }>(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code, name, departmentId } }),
  );
  return registerStaff.id;
}

async function post(position: "A" | "B", staffId: string): Promise<void> {
  const { requestPostChange } = await ok(
    call<{ requestPostChange: { id: string } }>(admin, `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`, {
      i: { windowId, position, staffId, termYears: 1, reason: "进驻" },
    }),
  );
  await ok(call(admin, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId: requestPostChange.id } }));
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  admin = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  otherAdmin = await mintAccessToken(system.keys, { subject: "admin-2", roles: ["center_admin"], centerCode: CENTER });
  ({ registerDepartment: { id: departmentId } } = await ok(
    call<{ registerDepartment: { id: string } }>(admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" },
    }),
  ));
  ({ openWindow: { id: windowId } } = await ok(
    call<{ openWindow: { id: string } }>(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: "W-ZJJ", name: "住建窗口", kind: "AB", departmentId },
    }),
  ));
  staff.a = await register("ZJJ-01", "张一");
  staff.b = await register("ZJJ-02", "李二");
  staff.x = await register("ZJJ-03", "王三");
  staff.y = await register("ZJJ-04", "赵四");
  staff.chief = await register("ZJJ-05", "钱五");
  await post("A", staff.a);
  await post("B", staff.b);
  await ok(call(admin, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, { i: { departmentId, staffId: staff.chief } }));
  chief = await mintAccessToken(system.keys, { subject: staff.chief, roles: ["chief_representative"], centerCode: CENTER, departmentId });
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

test("asked by the chief representative, approved by the center: on duty within the box while A is away, not after; B's takeover is unchanged", async () => {
  const now = Date.now();
  const from = now + 2 * HOUR;
  const until = now + 6 * HOUR;
  // A is away for two days (离岗告示): B covers, as always.
  await ok(call(admin, `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`, { i: { staffId: staff.a, startsAt: at(now + 60_000), endsAt: at(now + 48 * HOUR), reason: "培训" } }));
  expect(await duty(from + HOUR)).toMatchObject({ status: "B_COVERING", post: "B", onDuty: { id: staff.b }, cover: null });

  const { requestWindowCover: asked } = await ok(
    call<{ requestWindowCover: Cover }>(chief, REQUEST, { i: { windowId, staffId: staff.x, from: at(from), until: at(until), reason: "B岗借调专项工作" } }),
  );
  expect(asked).toMatchObject({ status: "PENDING", requestedBy: staff.chief, decidedBy: null, staff: { id: staff.x }, window: { id: windowId } });
  // Pending: not yet on duty.
  expect((await duty(from + HOUR)).status).toBe("B_COVERING");
  expect(await errorOf(call(chief, APPROVE, { i: { coverId: asked.id } }))).toMatchObject({ code: "FORBIDDEN" });

  const { approveWindowCover: approved } = await ok(call<{ approveWindowCover: Cover }>(admin, APPROVE, { i: { coverId: asked.id, note: "同意" } }));
  expect(approved).toMatchObject({ status: "APPROVED", decidedBy: "admin-1" });
  expect(await errorOf(call(otherAdmin, APPROVE, { i: { coverId: asked.id } }))).toMatchObject({ code: "REQUEST_ALREADY_DECIDED", status: "APPROVED" });

  expect(await duty(from + HOUR)).toEqual({ status: "TEMPORARY_COVER", post: null, onDuty: { id: staff.x }, cover: { id: asked.id, status: "APPROVED" } });
  expect(await duty(until - 1)).toMatchObject({ status: "TEMPORARY_COVER", onDuty: { id: staff.x } });
  expect(await duty(until)).toMatchObject({ status: "B_COVERING", onDuty: { id: staff.b }, cover: null });
  expect(await duty(from - 1)).toMatchObject({ status: "B_COVERING", onDuty: { id: staff.b } });
  // After A's leave, A serves again.
  expect(await duty(now + 49 * HOUR)).toMatchObject({ status: "A_ON_DUTY", onDuty: { id: staff.a } });

  // B goes away too: only the parts of B's absence outside the cover's box leave the window unattended.
  await ok(call(admin, `mutation ($i: PostLeaveNoticeInput!) { postLeaveNotice(input: $i) { id } }`, { i: { staffId: staff.b, startsAt: at(from - HOUR), endsAt: at(until + HOUR), reason: "病假" } }));
  const warnings = async () =>
    (
      await ok(
        call<{ dutyWarnings: Array<{ window: { id: string }; from: string; until: string; cause: string }> }>(
          admin,
          `query ($c: String!, $f: String!, $u: String!) { dutyWarnings(centerCode: $c, from: $f, until: $u) { window { id } from until cause } }`,
          { c: CENTER, f: at(now - HOUR), u: at(now + 72 * HOUR) },
        ),
      )
    ).dutyWarnings.filter((warning) => warning.window.id === windowId);
  expect(await warnings()).toEqual([
    { window: { id: windowId }, from: at(from - HOUR), until: at(from), cause: "LEAVE" },
    { window: { id: windowId }, from: at(until), until: at(until + HOUR), cause: "LEAVE" },
  ]);
  expect((await duty(from + HOUR)).status).toBe("TEMPORARY_COVER");

  // Cancelled by whoever asked: the box is the window's to lose again, and supervision hears of it.
  const { cancelWindowCover: cancelled } = await ok(call<{ cancelWindowCover: Cover }>(chief, CANCEL, { i: { coverId: asked.id, reason: "B岗提前返岗" } }));
  expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(String) });
  expect((await ok(call<{ cancelWindowCover: Cover }>(chief, CANCEL, { i: { coverId: asked.id } }))).cancelWindowCover).toEqual(cancelled);
  expect(await duty(from + HOUR)).toMatchObject({ status: "UNATTENDED", onDuty: null, cover: null });
  expect((await warnings()).filter((warning) => warning.cause === "COVER_CANCELLED")).toEqual([
    { window: { id: windowId }, from: at(from), until: at(until), cause: "COVER_CANCELLED" },
  ]);

  const { windowCovers } = await ok(call<{ windowCovers: Array<{ id: string; status: string }> }>(chief, COVERS, { c: CENTER, w: windowId }));
  expect(windowCovers).toContainEqual({ id: asked.id, status: "CANCELLED", staff: { id: staff.x } });
});

test("refusals: the B post named, self-approval, an overlapping cover, a bad time box naming its field; none changes anything", async () => {
  const from = Date.now() + 30 * HOUR;
  const until = from + 4 * HOUR;
  const input = { windowId, staffId: staff.y, from: at(from), until: at(until), reason: "临时顶岗" };
  const coversBefore = (await ok(call<{ windowCovers: unknown[] }>(admin, COVERS, { c: CENTER, w: windowId }))).windowCovers.length;

  expect(await errorOf(call(chief, REQUEST, { i: { ...input, staffId: staff.b } }))).toMatchObject({ code: "COVER_BY_POST_HOLDER", staffId: staff.b });
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, staffId: staff.a } }))).toMatchObject({ code: "COVER_BY_POST_HOLDER" });
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, until: at(from) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.until", problems: [{ field: "input.until", message: "after from" }] });
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, until: at(from + 73 * HOUR) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.until", problems: [{ field: "input.until", message: "at most 72 hours after from" }] });
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, from: at(Date.now() - 2 * HOUR) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.from", problems: [{ field: "input.from", message: "not in the past" }] });
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, from: "tomorrow" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.from" });
  expect((await ok(call<{ windowCovers: unknown[] }>(admin, COVERS, { c: CENTER, w: windowId }))).windowCovers).toHaveLength(coversBefore);

  // Asked by the center itself: that administrator may not decide it, another may.
  const { requestWindowCover: own } = await ok(call<{ requestWindowCover: Cover }>(admin, REQUEST, { i: input }));
  expect(await errorOf(call(admin, APPROVE, { i: { coverId: own.id } }))).toMatchObject({ code: "SAME_REQUESTER_AND_APPROVER" });
  expect(await errorOf(call(admin, REJECT, { i: { coverId: own.id } }))).toMatchObject({ code: "SAME_REQUESTER_AND_APPROVER" });

  // The window (or the person) already has a pending or approved cover overlapping the box.
  expect(await errorOf(call(chief, REQUEST, { i: { ...input, staffId: staff.x, from: at(from + HOUR), until: at(until + HOUR) } }))).toMatchObject({
    code: "COVER_OVERLAPS",
    coverId: own.id,
  });
  const { rejectWindowCover: rejected } = await ok(call<{ rejectWindowCover: Cover }>(otherAdmin, REJECT, { i: { coverId: own.id, note: "由B岗顶岗" } }));
  expect(rejected).toMatchObject({ status: "REJECTED", decidedBy: "admin-2" });
  // Rejected frees the box; a rejected cover never puts anyone on duty.
  const { requestWindowCover: next } = await ok(call<{ requestWindowCover: Cover }>(chief, REQUEST, { i: { ...input, staffId: staff.x } }));
  expect(next.status).toBe("PENDING");
  expect((await duty(from + HOUR)).onDuty?.id).not.toBe(staff.y);
});
