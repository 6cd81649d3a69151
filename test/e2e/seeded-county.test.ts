import { randomUUID } from "node:crypto";
import { shanghaiDayOf } from "@onestop/calendar";
import { countySteps, demoCenter, demoStaffPassword, seedCounty } from "@onestop/seed";
import { eventually, graphql, mintAccessToken, resetEnvironment, startSystem, type GraphqlResponse, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * Who decides, on the demonstration county as `pnpm seed` leaves it (issue 14): the seeded
 * accounts sign in with their passwords and the seeded letters, chief representatives and
 * principals decide what each may do. A clerk accepts and pre-reviews; the chief representative
 * approves, records a higher authority's answer and extends within the legal limit; the
 * department's principal signs a veto; a clerk's letter covers the department's fee acts.
 */
jest.setTimeout(60_000);

const environment = testEnvironment("e2e_seeded_county");
const CENTER = demoCenter.centerCode;
/** A resident of 宣汉县 (511722), born 15 June 1988. */
const ID_NUMBER = "511722198806151232";
let system: RunningSystem;
let citizen: string;
const signedIn = new Map<string, string>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;
const gql = (token: string, query: string, variables: Record<string, unknown> = {}) => graphql<Data>(system.gatewayUrl, query, variables, { token });
const code = (result: GraphqlResponse<Data>) => result.errors?.[0]?.extensions?.code;

async function data(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await gql(token, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** A seeded staff member signs in as at the hall, with the demonstration password. */
async function staff(username: string): Promise<string> {
  if (!signedIn.has(username)) {
    const login = await graphql<{ login: { accessToken: string } }>(system.gatewayUrl, `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, {
      i: { username, password: demoStaffPassword },
    });
    if (login.errors) throw new Error(JSON.stringify(login.errors));
    signedIn.set(username, login.data!.login.accessToken);
  }
  return signedIn.get(username)!;
}

async function itemNamed(name: string): Promise<string> {
  const { searchItems } = await data(citizen, `query ($c: String!, $k: String!) { searchItems(centerCode: $c, keyword: $k) { nodes { id name } } }`, { c: CENTER, k: name });
  return searchItems.nodes.find((item: Data) => item.name === name).id;
}

async function submit(itemName: string): Promise<string> {
  const { submitCase } = await data(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
    i: { itemId: await itemNamed(itemName), applicantName: "刘秀英", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() },
  });
  return submitCase.id;
}

const STEP = {
  accept: `mutation ($id: ID!) { acceptCase(caseId: $id) { status } }`,
  review: `mutation ($id: ID!, $o: String!) { reviewCase(caseId: $id, opinion: $o) { status } }`,
  decide: `mutation ($id: ID!, $d: Decision!, $o: String!) { decideCase(caseId: $id, decision: $d, opinion: $o) { status outcome } }`,
  signVeto: `mutation ($id: ID!, $o: String!) { signVeto(caseId: $id, opinion: $o) { status outcome } }`,
  extend: `mutation ($id: ID!, $n: Int!) { extendDeadline(caseId: $id, workingDays: $n, reason: "需组织专家论证防洪评价", applicantNotice: "已书面告知申请人延期理由") { clock { deadlineDay } } }`,
  forward: `mutation ($id: ID!) { forwardCase(caseId: $id, opinion: "初审通过，报市局审批") { status } }`,
  answer: `mutation ($id: ID!, $day: String!) { recordHigherAuthorityResult(caseId: $id, decision: APPROVE, opinion: "市局批准", documentNo: "达市自然资函〔2026〕41号", documentDate: $day) { status higherAuthorityDocumentDate } }`,
};

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  const adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: CENTER });
  await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, countySteps);
  const account = { name: "刘秀英", idNumber: ID_NUMBER, phone: "13881812345", password: "Liuxiuying-88" };
  await graphql(system.gatewayUrl, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, { i: account });
  const login = await graphql<{ loginCitizen: { accessToken: string } }>(system.gatewayUrl, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, {
    i: { idNumber: ID_NUMBER, password: account.password },
  });
  citizen = login.data!.loginCitizen.accessToken;
}, 300_000);

afterAll(async () => {
  await system?.stop();
});

test("a promised case: the clerk accepts and reviews but may not approve; the chief representative approves; the clerk's letter covers the fee notice", async () => {
  const caseId = await submit("不动产抵押登记");
  const clerk = await staff("zrzyj-02");
  const chief = await staff("zrzyj-01");
  expect((await data(clerk, STEP.accept, { id: caseId })).acceptCase.status).toBe("ACCEPTED");
  expect((await data(clerk, STEP.review, { id: caseId, o: "材料齐全，抵押合同有效" })).reviewCase.status).toBe("REVIEWED");
  const byClerk = await gql(clerk, STEP.decide, { id: caseId, d: "APPROVE", o: "准予登记" });
  expect(byClerk.errors?.[0]?.extensions).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE" });
  expect((await data(chief, STEP.decide, { id: caseId, d: "APPROVE", o: "准予登记" })).decideCase).toEqual({ status: "APPROVED", outcome: "APPROVED" });
  const { case: decided } = await data(chief, `query ($id: ID!) { case(id: $id) { routingSlip { action actor { code } } } }`, { id: caseId });
  expect(decided.routingSlip.slice(-3).map((entry: Data) => [entry.action, entry.actor?.code])).toEqual([
    ["ACCEPT", "ZRZYJ-02"],
    ["REVIEW", "ZRZYJ-02"],
    ["APPROVE", "ZRZYJ-01"],
  ]);

  // 不动产登记费: fees issued the notice on acceptance; the clerk's seeded letter lets them withdraw it.
  const notice = await eventually(async () => (await data(clerk, `query ($id: ID!) { case(id: $id) { paymentNotices { id amountFen status } } }`, { id: caseId })).case.paymentNotices[0], 20_000);
  expect(notice).toMatchObject({ amountFen: 8000, status: "ISSUED" });
  const cancelled = await data(clerk, `mutation ($id: ID!) { cancelPaymentNotice(noticeId: $id, reason: "申请人申请减免，重新核定") { status } }`, { id: notice.id });
  expect(cancelled.cancelPaymentNotice.status).toBe("CANCELLED");
});

test("an investment item's veto: an extension stops at the legal limit, the chief only proposes the denial, the principal signs it", async () => {
  // 河道管理范围内建设项目工程建设方案审批: legal limit 20 working days, promised 12, veto by the department head.
  const caseId = await submit("河道管理范围内建设项目工程建设方案审批");
  const clerk = await staff("slj-02");
  const chief = await staff("slj-01");
  await data(clerk, STEP.accept, { id: caseId });
  await data(clerk, STEP.review, { id: caseId, o: "防洪评价报告结论不支持" });

  expect(await gql(clerk, STEP.extend, { id: caseId, n: 3 }).then((r) => r.errors?.[0]?.extensions)).toMatchObject({ code: "NOT_AUTHORIZED", act: "APPROVE_EXTENSION" });
  expect(await gql(chief, STEP.extend, { id: caseId, n: 9 }).then((r) => r.errors?.[0]?.extensions)).toMatchObject({ code: "BEYOND_LEGAL_LIMIT", legalLimitDays: 20, allowedWorkingDays: 8 });
  expect((await data(chief, STEP.extend, { id: caseId, n: 8 })).extendDeadline.clock.deadlineDay).toEqual(expect.any(String));

  expect((await data(chief, STEP.decide, { id: caseId, d: "DENY", o: "不符合河道防洪要求" })).decideCase).toEqual({ status: "VETO_PROPOSED", outcome: null });
  expect(code(await gql(chief, STEP.signVeto, { id: caseId, o: "同意否决" }))).toBe("NOT_DEPARTMENT_PRINCIPAL");
  const principal = await staff("slj-00");
  expect((await data(principal, STEP.signVeto, { id: caseId, o: "同意否决" })).signVeto).toEqual({ status: "DENIED", outcome: "DENIED" });
});

test("a reported case: the clerk forwards it; the answer is recorded by the chief representative, with the higher authority's document and its date", async () => {
  const caseId = await submit("采矿权新立登记（砂石土类）");
  const clerk = await staff("zrzyj-02");
  const chief = await staff("zrzyj-01");
  await data(clerk, STEP.accept, { id: caseId });
  await data(clerk, STEP.review, { id: caseId, o: "初审通过" });
  expect((await data(clerk, STEP.forward, { id: caseId })).forwardCase.status).toBe("FORWARDED");
  const today = shanghaiDayOf(new Date());
  expect(await gql(clerk, STEP.answer, { id: caseId, day: today }).then((r) => r.errors?.[0]?.extensions)).toMatchObject({ code: "NOT_AUTHORIZED", act: "RECORD_HIGHER_AUTHORITY_RESULT" });
  expect((await data(chief, STEP.answer, { id: caseId, day: today })).recordHigherAuthorityResult).toEqual({ status: "APPROVED", higherAuthorityDocumentDate: today });
});
