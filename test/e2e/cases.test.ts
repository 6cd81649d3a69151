import { randomUUID } from "node:crypto";
import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { feesEvents } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import { eventually, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type GraphqlResponse, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";
import { solvedChallenge, solveChallenge } from "../support/challenge";
import { graphqlFrom } from "../support/from-address";

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

/** The refusal an act meets, once another service's event (a letter) has reached cases. */
async function refusal(attempt: () => Promise<GraphqlResponse<Data>>, whileWaiting = ["NOT_AUTHORIZED"]): Promise<Record<string, unknown>> {
  const result = await eventually(async () => {
    const r = await attempt();
    return whileWaiting.includes(String(code(r))) ? null : r;
  }, 20_000);
  return result.errors?.[0]?.extensions ?? {};
}

interface Department {
  id: string;
  windowId: string;
  clerk: { id: string; token: string };
  chief: { id: string; token: string };
  /** 单位主要负责人: no window, no letter; signs the department's vetoes. */
  principal: { id: string; token: string };
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
  const principalId = await person(`${deptCode}-P1`, "赵局长");
  await data(adminToken, `mutation ($i: AppointChiefRepresentativeInput!) { appointChiefRepresentative(input: $i) { id } }`, { i: { departmentId: id, staffId: chiefId } });
  await data(adminToken, `mutation ($i: AppointDepartmentPrincipalInput!) { appointDepartmentPrincipal(input: $i) { id } }`, { i: { departmentId: id, staffId: principalId } });
  const grant = (staffId: string, acts: string[]) =>
    data(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId: id, acts } });
  const windowActs = ["ACCEPT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_REPORTED", "DELIVER"];
  await grant(clerkId, windowActs);
  await grant(chiefId, [...windowActs, "APPROVE", "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE_EXTENSION"]);
  const token = (staffId: string, roles: Array<"window_staff" | "chief_representative" | "department_principal">, windowId: string | null = openWindow.id) =>
    mintAccessToken(system.keys, { subject: staffId, roles, centerCode: CENTER, departmentId: id, windowId });
  return {
    id,
    windowId: openWindow.id,
    clerk: { id: clerkId, token: await token(clerkId, ["window_staff"]) },
    chief: { id: chiefId, token: await token(chiefId, ["window_staff", "chief_representative"]) },
    principal: { id: principalId, token: await token(principalId, ["department_principal"], null) },
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
  const idempotencyKey = randomUUID();
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo status } }`, { i: { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey, ...extra } }),
  );
  return submitCase;
}

const STEP = {
  accept: `mutation ($id: ID!) { acceptCase(caseId: $id) { id status clock { deadlineDay } } }`,
  review: `mutation ($id: ID!, $o: String!) { reviewCase(caseId: $id, opinion: $o) { id status } }`,
  decide: `mutation ($id: ID!, $d: Decision!, $o: String!) { decideCase(caseId: $id, decision: $d, opinion: $o) { id status outcome } }`,
  signVeto: `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { id status outcome } }`,
  forward: `mutation ($id: ID!, $o: String!) { forwardCase(caseId: $id, opinion: $o) { id status forwardedAt } }`,
  record: `mutation ($id: ID!, $d: Decision!, $n: String!, $day: String!) { recordHigherAuthorityResult(caseId: $id, decision: $d, opinion: "上级机关批复", documentNo: $n, documentDate: $day) { id status higherAuthorityDocumentNo higherAuthorityDocumentDate } }`,
  suspend: `mutation ($id: ID!, $r: SuspensionReason!, $n: String) { suspendClock(caseId: $id, reason: $r, note: $n) { id } }`,
  resume: `mutation ($id: ID!) { resumeClock(caseId: $id) { id } }`,
  extend: `mutation ($id: ID!, $n: Int!, $r: String!) { extendDeadline(caseId: $id, workingDays: $n, reason: $r, applicantNotice: "您的申请延期办理") { id clock { promisedWorkingDays deadlineDay } extensions { workingDays reason approvedBy } suspensions { reason note startedAt endedAt } } }`,
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

  // Anyone with the receipt number and the ID number sees stage and deadline, signed in or not (then with a solved challenge).
  const progress = await data(undefined, `query ($r: String!, $n: String!, $c: String) { caseProgress(receiptNo: $r, idNumber: $n, challenge: $c) { stage stageLabel deadlineDay missingMaterials { name } } }`, {
    r: submitted.receiptNo,
    n: ID_NUMBER,
    c: await solvedChallenge(system.gatewayUrl),
  });
  expect(progress.caseProgress).toEqual({ stage: "ACCEPTED", stageLabel: "已受理，审核中", deadlineDay: accepted.clock.deadlineDay, missingMaterials: [] });

  await data(zjj.clerk.token, STEP.review, { id: submitted.id, o: "材料齐全，符合法定形式" });
  // 批准 is the chief representative's, by the letter; the clerk reviewed.
  expect((await once(["NOT_AUTHORIZED"], () => gql(zjj.chief.token, STEP.decide, { id: submitted.id, d: "APPROVE", o: "准予许可" }))).decideCase.status).toBe("APPROVED");
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
    ["APPROVE", "李首席"],
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

describe("who decides (issue 14): approval, vetoes, higher authorities' answers and extensions", () => {
  let zrj: Department;
  beforeAll(async () => {
    zrj = await department("ZRZYJ", "自然资源局");
  });

  /** A case the clerk accepted and reviewed. */
  async function reviewed(itemId: string): Promise<string> {
    const submitted = await submit(itemId);
    await accept(zrj.clerk.token, submitted.id);
    await data(zrj.clerk.token, STEP.review, { id: submitted.id, o: "材料齐全" });
    return submitted.id;
  }

  test("approval is its own act: the clerk without APPROVE is refused, and the reviewer never approves", async () => {
    const itemId = await item(zrj.id, { name: "建设用地规划许可" });
    const caseId = await reviewed(itemId);
    expect((await gql(zrj.clerk.token, STEP.decide, { id: caseId, d: "APPROVE", o: "准予" })).errors?.[0]?.extensions).toMatchObject({
      code: "NOT_AUTHORIZED",
      act: "APPROVE",
      reason: "ACT_NOT_GRANTED",
    });
    const byChief = await submit(itemId);
    await accept(zrj.clerk.token, byChief.id);
    await once(["NOT_AUTHORIZED"], () => gql(zrj.chief.token, STEP.review, { id: byChief.id, o: "首席代表审核" }));
    expect((await gql(zrj.chief.token, STEP.decide, { id: byChief.id, d: "APPROVE", o: "准予" })).errors?.[0]?.extensions).toMatchObject({
      code: "SAME_REVIEWER_AND_APPROVER",
      reviewerId: zrj.chief.id,
    });
    expect((await data(zrj.chief.token, STEP.decide, { id: caseId, d: "APPROVE", o: "准予许可" })).decideCase).toMatchObject({ status: "APPROVED", outcome: "APPROVED" });
  });

  test("a veto on an investment item: the chief only proposes it, the department's principal signs it", async () => {
    const itemId = await item(zrj.id, { name: "建设项目用地预审", vetoEscalation: "DEPARTMENT_HEAD" });
    const caseId = await reviewed(itemId);
    expect((await once(["NOT_AUTHORIZED"], () => gql(zrj.chief.token, STEP.decide, { id: caseId, d: "DENY", o: "不符合国土空间规划" }))).decideCase).toMatchObject({
      status: "VETO_PROPOSED",
      outcome: null,
    });
    expect(code(await gql(zrj.chief.token, STEP.signVeto, { id: caseId, o: "签发" }))).toBe("NOT_DEPARTMENT_PRINCIPAL");
    expect(code(await gql(zrj.clerk.token, STEP.signVeto, { id: caseId, o: "签发" }))).toBe("NOT_DEPARTMENT_PRINCIPAL");
    const signed = await once(["NOT_DEPARTMENT_PRINCIPAL"], () => gql(zrj.principal.token, STEP.signVeto, { id: caseId, o: "同意否决" }));
    expect(signed.signVeto).toMatchObject({ status: "DENIED", outcome: "DENIED" });
    expect((await data(zrj.clerk.token, STEP.conclude, { id: caseId })).concludeCase).toMatchObject({ status: "CONCLUDED", outcome: "DENIED" });
    const slip = await data(zrj.principal.token, `query ($id: ID!) { case(id: $id) { routingSlip { action actor { name } } } }`, { id: caseId });
    expect(slip.case.routingSlip.slice(-3).map((e: Data) => [e.action, e.actor.name])).toEqual([["PROPOSE_VETO", "李首席"], ["SIGN_VETO", "赵局长"], ["CONCLUDE", "王窗口"]]);
  });

  test("a reported case: its answer needs the letter act, a real and plausible document date, and someone other than the forwarder", async () => {
    const itemId = await item(zrj.id, { name: "采矿权审批", kind: "REPORTED", reportedTo: "市自然资源和规划局" });
    const caseId = await reviewed(itemId);
    const { forwardCase } = await data(zrj.clerk.token, STEP.forward, { id: caseId, o: "报请市局审批" });
    const forwardedDay = new Date(new Date(forwardCase.forwardedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const answer = { id: caseId, d: "APPROVE", n: "市自然资函〔2026〕8号", day: forwardedDay };
    expect((await gql(zrj.clerk.token, STEP.record, answer)).errors?.[0]?.extensions).toMatchObject({ code: "NOT_AUTHORIZED", act: "RECORD_HIGHER_AUTHORITY_RESULT" });
    for (const day of ["2026-02-30", "2999-01-01", "2020-01-01"]) {
      expect(await refusal(() => gql(zrj.chief.token, STEP.record, { ...answer, day }))).toMatchObject({ code: "BAD_USER_INPUT", field: "documentDate", problems: [{ field: "documentDate", message: expect.any(String) }] });
    }
    const recorded = await data(zrj.chief.token, STEP.record, answer);
    expect(recorded.recordHigherAuthorityResult).toEqual({ id: caseId, status: "APPROVED", higherAuthorityDocumentNo: "市自然资函〔2026〕8号", higherAuthorityDocumentDate: forwardedDay });

    const forwardedByChief = await reviewed(itemId);
    await data(zrj.chief.token, STEP.forward, { id: forwardedByChief, o: "报请市局审批" });
    expect((await gql(zrj.chief.token, STEP.record, { ...answer, id: forwardedByChief })).errors?.[0]?.extensions).toMatchObject({
      code: "FORWARDER_RECORDS_RESULT",
      forwarderId: zrj.chief.id,
    });
  });

  test("an extension needs APPROVE_EXTENSION and a reason, and never passes the legal limit; the suspensions are listed with their reason", async () => {
    // Legal limit 20 working days, promised 7: at most 13 more.
    const itemId = await item(zrj.id, { name: "土地复垦方案审查" });
    const submitted = await submit(itemId);
    await accept(zrj.clerk.token, submitted.id);
    await data(zrj.clerk.token, STEP.suspend, { id: submitted.id, r: "EXPERT_REVIEW", n: "组织专家评审" });
    await data(zrj.clerk.token, STEP.resume, { id: submitted.id });
    expect((await gql(zrj.clerk.token, STEP.extend, { id: submitted.id, n: 3, r: "需补充论证" })).errors?.[0]?.extensions).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE_EXTENSION" });
    expect(code(await gql(adminToken, STEP.extend, { id: submitted.id, n: 3, r: "需补充论证" }))).toBe("FORBIDDEN");
    expect(code(await gql(zrj.chief.token, STEP.extend, { id: submitted.id, n: 3, r: " " }))).toBe("BAD_USER_INPUT");
    expect(await refusal(() => gql(zrj.chief.token, STEP.extend, { id: submitted.id, n: 14, r: "情况复杂" }))).toMatchObject({ code: "BEYOND_LEGAL_LIMIT", legalLimitDays: 20, allowedWorkingDays: 13 });
    const extended = await data(zrj.chief.token, STEP.extend, { id: submitted.id, n: 13, r: "情况复杂，需补充论证" });
    expect(extended.extendDeadline).toMatchObject({
      clock: { promisedWorkingDays: 7 },
      extensions: [{ workingDays: 13, reason: "情况复杂，需补充论证", approvedBy: zrj.chief.id }],
      suspensions: [{ reason: "EXPERT_REVIEW", note: "组织专家评审", startedAt: expect.any(String), endedAt: expect.any(String) }],
    });
    expect((await gql(zrj.chief.token, STEP.extend, { id: submitted.id, n: 1, r: "再延" })).errors?.[0]?.extensions).toMatchObject({ code: "BEYOND_LEGAL_LIMIT", allowedWorkingDays: 0 });
  });
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

  test("a submission needs its idempotency key: without one, or a malformed one, no case; the key with another input is refused (issue 15 point 4)", async () => {
    const SUBMIT = `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`;
    const MY_CASES = `query { myCases(limit: 500) { id } }`;
    const before = (await data(citizenToken, MY_CASES)).myCases.length;
    const input = { itemId, applicantName: "张三", applicantIdNumber: ID_NUMBER };
    expect((await gql(citizenToken, SUBMIT, { i: input })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    for (const malformed of ["", "short", "has spaces in it", "x".repeat(101)]) {
      expect((await gql(citizenToken, SUBMIT, { i: { ...input, idempotencyKey: malformed } })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    }
    expect((await data(citizenToken, MY_CASES)).myCases).toHaveLength(before);

    const idempotencyKey = randomUUID();
    const first = (await data(citizenToken, SUBMIT, { i: { ...input, idempotencyKey } })).submitCase;
    // The answer was lost; the client sends it again, the ID number typed in lower case this time.
    expect((await data(citizenToken, SUBMIT, { i: { ...input, applicantIdNumber: ID_NUMBER.toLowerCase(), idempotencyKey } })).submitCase).toEqual(first);
    const reused = await gql(citizenToken, SUBMIT, { i: { ...input, applicantName: "李四", idempotencyKey } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "input.idempotencyKey", differs: "input.applicantName" });
    expect((await data(citizenToken, MY_CASES)).myCases).toHaveLength(before + 1);
  });

  test("a wrong ID number finds nothing in the public lookup; the applicant's name never appears", async () => {
    const submitted = await submit(itemId);
    const wrong = await data(undefined, `query ($r: String!, $n: String!, $c: String) { caseProgress(receiptNo: $r, idNumber: $n, challenge: $c) { stage } }`, {
      r: submitted.receiptNo,
      n: "440524188001010014",
      c: await solvedChallenge(system.gatewayUrl),
    });
    expect(wrong.caseProgress).toBeNull();
    const anonymousCase = await gql(undefined, `query ($id: ID!) { case(id: $id) { applicantName } }`, { id: submitted.id });
    expect(code(anonymousCase)).toBe("UNAUTHENTICATED");
  });
});

describe("the progress look-up is no ID-number oracle (issue 15, point 1)", () => {
  const PROGRESS = `query ($r: String!, $n: String!, $c: String) { caseProgress(receiptNo: $r, idNumber: $n, challenge: $c) { stage } }`;
  let itemId: string;

  beforeAll(async () => {
    itemId = await item((await department("XZSPJ", "行政审批局")).id, { name: "个体工商户登记" });
  });

  // A client of its own: the failures of the tests above, from 127.0.0.1, do not count here.
  // Anonymous, so each look-up carries a freshly solved challenge unless the test gives one (or null for none).
  const from = async (address: string, receiptNo: string, idNumber: string, challenge?: string | null) =>
    graphqlFrom<Data>(address, system.gatewayUrl, PROGRESS, { r: receiptNo, n: idNumber, c: challenge === undefined ? await solvedChallenge(system.gatewayUrl) : challenge });
  /** The answer and how long it took, the challenge solved before the clock starts. */
  async function timed(address: string, receiptNo: string, idNumber: string) {
    const challenge = await solvedChallenge(system.gatewayUrl);
    const started = process.hrtime.bigint();
    const answer = await from(address, receiptNo, idNumber, challenge);
    return { answer, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  // The same ID number with another sequence and check digit: what an attacker tries.
  const guess = (sequence: number) => `${ID_NUMBER.slice(0, 14)}${String(100 + sequence)}X`;

  test("five wrong numbers lock the receipt's look-up; unknown receipt, wrong number and lock answer the same null in the same time", async () => {
    const client = "127.0.0.3";
    const target = await submit(itemId);
    expect((await from(client, target.receiptNo, ID_NUMBER)).data).toEqual({ caseProgress: { stage: expect.any(String) } });
    const wrong: Array<Awaited<ReturnType<typeof timed>>> = [];
    for (let i = 0; i < 4; i += 1) wrong.push(await timed(client, target.receiptNo, guess(i)));
    // Four are not yet a lock: the applicant who mistyped still gets an answer.
    expect((await from(client, target.receiptNo, ID_NUMBER)).data?.caseProgress).not.toBeNull();
    wrong.push(await timed(client, target.receiptNo, guess(4)));
    const locked: typeof wrong = [];
    for (let i = 0; i < 3; i += 1) locked.push(await timed(client, target.receiptNo, ID_NUMBER));
    // From anywhere: the lock is the receipt's.
    expect((await from("127.0.0.4", target.receiptNo, ID_NUMBER)).data).toEqual({ caseProgress: null });
    const unknown: typeof wrong = [];
    for (let i = 0; i < 4; i += 1) unknown.push(await timed(client, `SL${Date.now()}${i}`, ID_NUMBER));

    const answers = [...wrong, ...locked, ...unknown].map(({ answer }) => answer);
    for (const answer of answers) expect(answer).toEqual({ status: 200, data: { caseProgress: null } });
    const medians = [wrong, locked, unknown].map((runs) => median(runs.map(({ ms }) => ms)));
    expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(10);
  });

  test("a client that keeps failing, over any receipts, is locked out of every look-up for a while", async () => {
    const client = "127.0.0.5";
    const other = await submit(itemId);
    expect((await from(client, other.receiptNo, ID_NUMBER)).data?.caseProgress).not.toBeNull();
    for (let i = 0; i < 20; i += 1) expect((await from(client, `SL${Date.now()}${i}`, ID_NUMBER)).data).toEqual({ caseProgress: null });
    expect((await from(client, other.receiptNo, ID_NUMBER)).data).toEqual({ caseProgress: null });
    // Another client still sees it: the receipt itself was never guessed at.
    expect((await from("127.0.0.6", other.receiptNo, ID_NUMBER)).data?.caseProgress).not.toBeNull();
  });
});

describe("an anonymous progress look-up spends a solved challenge first (issue 15, point 1)", () => {
  const PROGRESS = `query ($r: String!, $n: String!, $c: String) { caseProgress(receiptNo: $r, idNumber: $n, challenge: $c) { stage } }`;
  let itemId: string;

  beforeAll(async () => {
    itemId = await item((await department("SWJ", "商务局")).id, { name: "食品经营许可" });
  });

  const from = (address: string, receiptNo: string, idNumber: string, challenge: string | null) =>
    graphqlFrom<Data>(address, system.gatewayUrl, PROGRESS, { r: receiptNo, n: idNumber, c: challenge });
  const refusal = (answer: GraphqlResponse<Data>) => ({ data: answer.data, code: code(answer), field: answer.errors?.[0]?.extensions?.field });
  const wrongNumber = `${ID_NUMBER.slice(0, 14)}999X`;

  test("without a challenge, or with a bad one, the look-up is refused before it counts: no lock follows", async () => {
    const client = "127.0.0.7";
    const target = await submit(itemId);
    const bad = Buffer.from(JSON.stringify({ challenge: { parameters: {}, signature: "00" }, solution: { counter: 1, derivedKey: "00" } })).toString("base64");
    // More wrong numbers than lock a receipt (5), each refused for its challenge.
    for (let i = 0; i < 6; i += 1) {
      expect(refusal(await from(client, target.receiptNo, wrongNumber, null))).toEqual({ data: { caseProgress: null }, code: "CHALLENGE_REQUIRED", field: "challenge" });
      expect(refusal(await from(client, target.receiptNo, wrongNumber, bad))).toEqual({ data: { caseProgress: null }, code: "CHALLENGE_FAILED", field: "challenge" });
      expect(code(await from(client, target.receiptNo, wrongNumber, "not base64 at all"))).toBe("CHALLENGE_FAILED");
    }
    // Nothing was counted: neither the receipt nor the client is locked.
    expect((await from(client, target.receiptNo, ID_NUMBER, await solvedChallenge(system.gatewayUrl))).data?.caseProgress).toEqual({ stage: expect.any(String) });
  });

  test("a solved challenge works once; sent again it is refused", async () => {
    const target = await submit(itemId);
    const challenge = await solvedChallenge(system.gatewayUrl);
    expect((await from("127.0.0.8", target.receiptNo, ID_NUMBER, challenge)).data?.caseProgress).toEqual({ stage: expect.any(String) });
    expect(code(await from("127.0.0.8", target.receiptNo, ID_NUMBER, challenge))).toBe("CHALLENGE_FAILED");
    // From another client too: the challenge is spent, not the client's.
    expect(code(await from("127.0.0.9", target.receiptNo, ID_NUMBER, challenge))).toBe("CHALLENGE_FAILED");
    // Two at once: one is answered, the other refused.
    const twice = await solvedChallenge(system.gatewayUrl);
    const both = await Promise.all([from("127.0.0.8", target.receiptNo, ID_NUMBER, twice), from("127.0.0.8", target.receiptNo, ID_NUMBER, twice)]);
    expect(both.map((answer) => code(answer) ?? "answered").sort()).toEqual(["CHALLENGE_FAILED", "answered"]);
  });

  test("forged, tampered, unsolved or foreign challenges are refused", async () => {
    const target = await submit(itemId);
    const { altcha } = (await data(undefined, `{ progressLookupChallenge { altcha expiresAt } }`)).progressLookupChallenge;
    const issued = JSON.parse(altcha) as { parameters: Record<string, unknown>; signature: string };
    const send = (payload: unknown) => from("127.0.0.10", target.receiptNo, ID_NUMBER, Buffer.from(JSON.stringify(payload)).toString("base64"));
    const solved = JSON.parse(Buffer.from(await solveChallenge(altcha), "base64").toString("utf8")) as { challenge: typeof issued; solution: { counter: number; derivedKey: string } };
    // Made cheaper after signing: the signature no longer holds.
    expect(code(await send({ ...solved, challenge: { ...issued, parameters: { ...issued.parameters, cost: 1 } } }))).toBe("CHALLENGE_FAILED");
    // Never solved: a guessed key.
    expect(code(await send({ challenge: issued, solution: { counter: 0, derivedKey: "ab".repeat(32) } }))).toBe("CHALLENGE_FAILED");
    // Signed by someone else: a challenge made and solved with another key.
    const { createChallenge } = await import("altcha-lib");
    const { deriveKey } = await import("altcha-lib/algorithms/pbkdf2");
    const forged = await createChallenge({ algorithm: "PBKDF2/SHA-256", cost: 1, counter: 1, deriveKey, data: { audience: "cases" }, expiresAt: new Date(Date.now() + 60_000), hmacSignatureSecret: "guessed", hmacKeySignatureSecret: "guessed" });
    expect(code(await from("127.0.0.10", target.receiptNo, ID_NUMBER, await solveChallenge(JSON.stringify(forged))))).toBe("CHALLENGE_FAILED");
    // Staffing's, for sign-in: another service's key and name.
    expect(code(await from("127.0.0.10", target.receiptNo, ID_NUMBER, await solvedChallenge(system.gatewayUrl, "signInChallenge")))).toBe("CHALLENGE_FAILED");
    // The genuine one, solved, still works: none of the above spent it.
    expect((await send(solved)).data?.caseProgress).toEqual({ stage: expect.any(String) });
  });

  test("a signed-in applicant looks up a case with no challenge", async () => {
    const target = await submit(itemId);
    const answer = await gql(citizenToken, PROGRESS, { r: target.receiptNo, n: ID_NUMBER });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.caseProgress).toEqual({ stage: expect.any(String) });
  });

  test("a challenge is open to anyone and never the same twice", async () => {
    const [first, second] = await Promise.all([gql(undefined, `{ progressLookupChallenge { altcha expiresAt } }`), gql(undefined, `{ progressLookupChallenge { altcha expiresAt } }`)]);
    expect(first.data?.progressLookupChallenge.altcha).not.toEqual(second.data?.progressLookupChallenge.altcha);
    expect(Date.parse(first.data?.progressLookupChallenge.expiresAt)).toBeGreaterThan(Date.now());
  });
});
