import { randomUUID } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { feesEvents } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import { eventually, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type GraphqlResponse, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * The case lifecycle through the gateway, with the real catalog, staffing and fees behind it:
 * items from catalog, staff, windows and letters from staffing, payment notices from fees.
 */
// Jest takes the timeout from here, not from the project settings.
jest.setTimeout(60_000);

const environment = testEnvironment("e2e_cases");
const CENTER = "330110000000";
const ID_NUMBER = "11010519491231002X";
let system: RunningSystem;
let adminToken: string;
let citizenToken: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

async function gql(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<Data>> {
  return graphql<Data>(system.gatewayUrl, query, variables, token ? { token } : {});
}

async function data(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await gql(token, query, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const code = (result: GraphqlResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/** Retries while another service's event has not reached cases (or catalog) yet. */
async function once(codesWhileWaiting: string[], attempt: () => Promise<GraphqlResponse<Data>>): Promise<Data> {
  const result = await eventually(async () => {
    const r = await attempt();
    return codesWhileWaiting.includes(String(code(r))) ? null : r;
  }, 20_000);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

interface Department {
  id: string;
  windowId: string;
  clerk: { id: string; token: string };
  chief: { id: string; token: string };
}

async function department(deptCode: string, name: string): Promise<Department> {
  const { registerDepartment } = await data(adminToken, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code: deptCode, name } });
  const id = registerDepartment.id as string;
  const { openWindow } = await data(adminToken, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: `W-${deptCode}`, name: `${name}窗口`, kind: "RESIDENT", departmentId: id },
  });
  const person = async (staffCode: string, staffName: string) =>
    (await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: staffCode, name: staffName, departmentId: id } })).registerStaff.id as string;
  const clerkId = await person(`${deptCode}-01`, "王窗口");
  const chiefId = await person(`${deptCode}-00`, "李首席");
  await data(adminToken, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, { i: { departmentId: id, staffId: chiefId } });
  const grant = (staffId: string, acts: string[]) =>
    data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId: id, acts } });
  await grant(clerkId, ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"]);
  await grant(chiefId, ["ACCEPT", "PRE_REVIEW_PROMISED", "SIGN_VETO"]);
  const token = (staffId: string, roles: Array<"window_staff" | "chief_representative">) =>
    mintAccessToken(system.keys, { subject: staffId, roles, centerCode: CENTER, departmentId: id, windowId: openWindow.id });
  return {
    id,
    windowId: openWindow.id,
    clerk: { id: clerkId, token: await token(clerkId, ["window_staff"]) },
    chief: { id: chiefId, token: await token(chiefId, ["window_staff", "chief_representative"]) },
  };
}

async function item(departmentId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = planningLicenceItem(CENTER, departmentId, {
    materials: [
      { code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" },
      { code: "M02", name: "建设用地使用权证明", form: "COPY" },
    ],
    ...overrides,
  });
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }));
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  return createItem.id;
}

async function submit(itemId: string, extra: Record<string, unknown> = {}): Promise<Data> {
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo status } }`, { i: { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, ...extra } }),
  );
  return submitCase;
}

const STEP = {
  accept: `mutation ($id: ID!) { acceptCase(caseId: $id) { id status clock { deadlineDay } } }`,
  review: `mutation ($id: ID!, $o: String!) { reviewCase(caseId: $id, opinion: $o) { id status } }`,
  decide: `mutation ($id: ID!, $d: Decision!, $o: String!) { decideCase(caseId: $id, decision: $d, opinion: $o) { id status outcome } }`,
  signVeto: `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { id status outcome } }`,
  conclude: `mutation ($id: ID!) { concludeCase(caseId: $id) { id status outcome } }`,
  deliver: `mutation ($id: ID!) { deliverResult(caseId: $id, method: AT_WINDOW) { id status } }`,
};

/** Acceptance waits until cases has the clerk's letter from staffing. */
async function accept(token: string, caseId: string): Promise<Data> {
  return (await once(["NOT_AUTHORIZED"], () => gql(token, STEP.accept, { id: caseId }))).acceptCase;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

test("a promised case with a fee: applied, accepted, reviewed, approved, held until paid, concluded and delivered, read across four subgraphs", async () => {
  const zjj = await department("ZJJ", "住房和城乡建设局");
  // Fees issues notices only for a department with its one fee account at the collection bank.
  await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, {
      i: { departmentId: zjj.id, accountNo: "6217000010001234567", accountName: "住房和城乡建设局非税收入专户", bankName: "中国建设银行某某县支行" },
    }),
  );
  const itemId = await item(zjj.id, {
    feeItems: [{ code: "F01", name: "建设工程规划许可证工本费", kind: "FIXED", amountFen: 5000, legalBasis: "收费文件" }],
    stageLimits: { reviewDays: 3 },
  });
  const submitted = await submit(itemId);
  const accepted = await accept(zjj.clerk.token, submitted.id);
  expect(accepted).toMatchObject({ status: "ACCEPTED", clock: { deadlineDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  // Each deadline is 24:00 Beijing time of its day (16:00Z of that date), and carries that day beside it.
  const clocks = await data(zjj.clerk.token, `query ($id: ID!) { case(id: $id) { clock { deadline deadlineDay } stageClock { stage deadline deadlineDay } } }`, { id: submitted.id });
  expect(clocks.case.clock).toEqual({ deadline: `${accepted.clock.deadlineDay}T16:00:00.000Z`, deadlineDay: accepted.clock.deadlineDay });
  expect(clocks.case.stageClock).toMatchObject({ stage: "REVIEW", deadlineDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  expect(clocks.case.stageClock.deadline).toBe(`${clocks.case.stageClock.deadlineDay}T16:00:00.000Z`);

  // Anyone with the receipt number and the ID number sees stage and deadline, signed in or not.
  const progress = await data(undefined, `query ($r: String!, $n: String!) { caseProgress(receiptNo: $r, idNumber: $n) { stage stageLabel deadlineDay missingMaterials { name } } }`, {
    r: submitted.receiptNo,
    n: ID_NUMBER,
  });
  expect(progress.caseProgress).toEqual({ stage: "ACCEPTED", stageLabel: "已受理，审核中", deadlineDay: accepted.clock.deadlineDay, missingMaterials: [] });

  await data(zjj.clerk.token, STEP.review, { id: submitted.id, o: "材料齐全，符合法定形式" });
  expect((await data(zjj.clerk.token, STEP.decide, { id: submitted.id, d: "APPROVE", o: "准予许可" })).decideCase.status).toBe("APPROVED");
  const early = await gql(zjj.clerk.token, STEP.conclude, { id: submitted.id });
  expect(code(early)).toBe("FEE_NOT_SETTLED");

  // fees issued the notice from the acceptance event; the citizen reads it on the case.
  const notice = await eventually(async () => {
    const view = await data(citizenToken, `query ($id: ID!) { case(id: $id) { paymentNotices { id noticeNo amountFen } } }`, { id: submitted.id });
    return view.case.paymentNotices[0] ?? null;
  }, 20_000);
  expect(notice.amountFen).toBe(5000);

  // The bank's confirmation is fees' to record; here its settlement event is published onto the real
  // stream with a real envelope, as fees' outbox relay would, and cases learns of it the same way.
  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const envelope = {
    id: randomUUID(),
    type: feesEvents.paymentNoticeSettled.subject,
    occurredAt: new Date().toISOString(),
    requestId: null,
    centerCode: CENTER,
    payload: feesEvents.paymentNoticeSettled.schema.parse({
      noticeId: notice.id,
      noticeNo: notice.noticeNo,
      centerCode: CENTER,
      caseId: submitted.id,
      departmentId: zjj.id,
      amountFen: 5000,
      settlement: "PAID",
      receiptNo: "PJ2026000001",
      settledAt: new Date().toISOString(),
    }),
  };
  await jetstream(nats).publish(namespacedSubject(environment.namespace, feesEvents.paymentNoticeSettled.subject), JSON.stringify(envelope), { msgID: envelope.id });
  await nats.close();

  const concluded = await once(["FEE_NOT_SETTLED"], () => gql(zjj.clerk.token, STEP.conclude, { id: submitted.id }));
  expect(concluded.concludeCase).toMatchObject({ status: "CONCLUDED", outcome: "APPROVED" });

  const owner = await data(adminToken, `query ($id: ID!) { staff(id: $id) { name openCases { id } } }`, { id: zjj.clerk.id });
  expect(owner.staff.openCases.map((c: Data) => c.id)).not.toContain(submitted.id);
  expect((await data(zjj.clerk.token, STEP.deliver, { id: submitted.id })).deliverResult.status).toBe("DELIVERED");

  const view = await data(citizenToken, `query ($id: ID!) {
    case(id: $id) {
      status outcome kind feeRequired feeSettled
      item { name } judgedBy { version promisedLimitDays }
      department { name } handler { name code } window { code }
      paymentNotices { noticeNo }
      routingSlip { seq action actorKind actor { name } window { code } opinion }
    }
  }`, { id: submitted.id });
  expect(view.case).toMatchObject({
    status: "DELIVERED",
    outcome: "APPROVED",
    kind: "PROMISED",
    feeRequired: true,
    feeSettled: true,
    item: { name: "建设工程规划许可证核发" },
    judgedBy: { version: 1, promisedLimitDays: 7 },
    department: { name: "住房和城乡建设局" },
    handler: { name: "王窗口", code: "ZJJ-01" },
    window: { code: "W-ZJJ" },
    paymentNotices: [{ noticeNo: notice.noticeNo }],
  });
  expect(view.case.routingSlip.map((e: Data) => [e.action, e.actor?.name ?? e.actorKind])).toEqual([
    ["SUBMIT", "APPLICANT"],
    ["ACCEPT", "王窗口"],
    ["REVIEW", "王窗口"],
    ["APPROVE", "王窗口"],
    ["CONCLUDE", "王窗口"],
    ["DELIVER", "王窗口"],
  ]);
  expect(view.case.routingSlip[2]).toMatchObject({ window: { code: "W-ZJJ" }, opinion: "材料齐全，符合法定形式" });
});

test("the first staff member owns the case until it concludes (Staff.openCases), and the workbench lists the department's cases", async () => {
  const fgj = await department("FGJ", "发展和改革局");
  const itemId = await item(fgj.id, { name: "企业投资项目备案" });
  const submitted = await submit(itemId);
  await accept(fgj.clerk.token, submitted.id);
  const owner = await data(fgj.clerk.token, `query ($id: ID!) { staff(id: $id) { name openCases { id status handler { name } } } }`, { id: fgj.clerk.id });
  expect(owner.staff.openCases).toEqual([{ id: submitted.id, status: "ACCEPTED", handler: { name: "王窗口" } }]);
  const workbench = await data(fgj.chief.token, `query ($c: String!, $d: ID!) { cases(centerCode: $c, departmentId: $d, statuses: [ACCEPTED]) { id } }`, { c: CENTER, d: fgj.id });
  expect(workbench.cases.map((c: Data) => c.id)).toContain(submitted.id);
});

test("a veto on an investment item: window staff only propose it, the chief representative signs it", async () => {
  const zrj = await department("ZRZYJ", "自然资源局");
  const itemId = await item(zrj.id, { name: "建设项目用地预审", vetoEscalation: "DEPARTMENT_HEAD" });
  const submitted = await submit(itemId);
  await accept(zrj.clerk.token, submitted.id);
  await data(zrj.clerk.token, STEP.review, { id: submitted.id, o: "拟不予通过" });
  expect((await data(zrj.clerk.token, STEP.decide, { id: submitted.id, d: "DENY", o: "不符合国土空间规划" })).decideCase).toMatchObject({ status: "VETO_PROPOSED", outcome: null });
  expect(code(await gql(zrj.clerk.token, STEP.signVeto, { id: submitted.id, o: "签发" }))).toBe("NOT_AUTHORIZED");
  const signed = await once(["NOT_AUTHORIZED"], () => gql(zrj.chief.token, STEP.signVeto, { id: submitted.id, o: "同意否决" }));
  expect(signed.signVeto).toMatchObject({ status: "DENIED", outcome: "DENIED" });
  expect((await data(zrj.clerk.token, STEP.conclude, { id: submitted.id })).concludeCase).toMatchObject({ status: "CONCLUDED", outcome: "DENIED" });
});

describe("bad input through the gateway", () => {
  let zj: Department;
  let other: Department;
  let itemId: string;

  beforeAll(async () => {
    zj = await department("SCJGJ", "市场监督管理局");
    other = await department("WJJ", "卫生健康局");
    itemId = await item(zj.id, { name: "食品经营许可" });
  });

  test("another department's staff cannot act on the case; nothing is written", async () => {
    const submitted = await submit(itemId);
    expect(code(await gql(other.clerk.token, STEP.accept, { id: submitted.id }))).toBe("FORBIDDEN");
    const view = await data(citizenToken, `query ($id: ID!) { case(id: $id) { status routingSlip { action } } }`, { id: submitted.id });
    expect(view.case).toEqual({ status: "SUBMITTED", routingSlip: [{ action: "SUBMIT" }] });
  });

  test("skipping a stage is an invalid transition naming both ends", async () => {
    const submitted = await submit(itemId);
    await accept(zj.clerk.token, submitted.id);
    const skipped = await gql(zj.clerk.token, STEP.conclude, { id: submitted.id });
    expect(skipped.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "CONCLUDED" });
  });

  test("double submission: parallel retries with one key make one case; parallel acceptances make one step", async () => {
    const key = `e2e-${randomUUID()}`;
    const submissions = await Promise.all(
      Array.from({ length: 6 }, () =>
        data(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: key } }),
      ),
    );
    const ids = new Set(submissions.map((s) => s.submitCase.id));
    expect(ids.size).toBe(1);
    const [caseId] = [...ids];
    await accept(zj.clerk.token, caseId as string).catch(() => undefined);
    const view = await data(citizenToken, `query ($id: ID!) { case(id: $id) { status routingSlip { action } } }`, { id: caseId });
    expect(view.case.routingSlip.map((e: Data) => e.action)).toEqual(["SUBMIT", "ACCEPT"]);
    const again = await Promise.all(Array.from({ length: 4 }, () => gql(zj.clerk.token, STEP.accept, { id: caseId })));
    expect(again.map(code)).toEqual(["INVALID_TRANSITION", "INVALID_TRANSITION", "INVALID_TRANSITION", "INVALID_TRANSITION"]);
  });

  test("a wrong ID number finds nothing in the public lookup; the applicant's name never appears", async () => {
    const submitted = await submit(itemId);
    const wrong = await data(undefined, `query ($r: String!, $n: String!) { caseProgress(receiptNo: $r, idNumber: $n) { stage } }`, { r: submitted.receiptNo, n: "440524188001010014" });
    expect(wrong.caseProgress).toBeNull();
    const anonymousCase = await gql(undefined, `query ($id: ID!) { case(id: $id) { applicantName } }`, { id: submitted.id });
    expect(code(anonymousCase)).toBe("UNAUTHENTICATED");
  });
});
