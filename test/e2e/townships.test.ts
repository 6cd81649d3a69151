import { randomUUID } from "node:crypto";
import { shanghaiDayOf } from "@onestop/calendar";
import { applicantKeyOf } from "@onestop/platform";
import { eventually, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type GraphqlResponse, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * Issue 22 through the gateway: a case taken in at a village point (村代办点), accepted at its
 * township (乡镇便民服务中心) as agent (代办) for a county department, decided at the county and
 * collected at the township, with every step on the routing slip and in the county's and the
 * township's figures; the township's monthly report with its points.
 */
jest.setTimeout(90_000);

const environment = testEnvironment("e2e_townships");
const COUNTY = "511722000000";
const TOWNSHIP = "511722101000";
const VILLAGE = "511722101201";
const NEIGHBOUR = "511722102000";
const ID_NUMBER = "11010519491231002X";
let system: RunningSystem;
let countyAdmin: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;
const gql = (token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<Data>> =>
  graphql<Data>(system.gatewayUrl, query, variables, token ? { token } : {});
async function data(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await gql(token, query, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const code = (result: GraphqlResponse<unknown>) => result.errors?.[0]?.extensions?.code;
/** Retries while another service's event (an item, a letter) has not arrived yet. */
async function once(whileWaiting: string[], attempt: () => Promise<GraphqlResponse<Data>>): Promise<Data> {
  const result = await eventually(async () => {
    const r = await attempt();
    return whileWaiting.includes(String(code(r))) ? null : r;
  }, 20_000);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const REGISTER_CENTER = `mutation ($i: RegisterServiceCenterInput!) { registerServiceCenter(input: $i) { code } }`;
const details = { address: "宣汉县", openingHours: "周一至周五 9:00–12:00，14:00–17:30", phone: "0818-5222000", handles: "代办县级事项" };

async function staff(adminToken: string, centerCode: string, staffCode: string, name: string, departmentId: string | null): Promise<string> {
  return (await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode, code: staffCode, name, departmentId } })).registerStaff.id;
}
const grant = (staffId: string, departmentId: string, acts: string[]) =>
  gql(countyAdmin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId, acts } });

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  countyAdmin = await mintAccessToken(system.keys, { subject: "county-admin", roles: ["center_admin"], centerCode: COUNTY });
}, 90_000);

afterAll(async () => {
  await system?.stop();
});

test("taken in at a village point, accepted at the township as agent, decided at the county, collected at the township: on the slip and in the figures", async () => {
  // The county's administration registers the county, the township, its village point and a neighbour.
  await data(countyAdmin, REGISTER_CENTER, { i: { code: COUNTY, level: "COUNTY", name: "宣汉县政务服务中心", ...details } });
  await data(countyAdmin, REGISTER_CENTER, { i: { code: TOWNSHIP, level: "TOWNSHIP", parentCode: COUNTY, name: "君塘镇便民服务中心", ...details } });
  await data(countyAdmin, REGISTER_CENTER, { i: { code: VILLAGE, level: "VILLAGE", parentCode: TOWNSHIP, name: "君塘村便民代办点", ...details } });
  await data(countyAdmin, REGISTER_CENTER, { i: { code: NEIGHBOUR, level: "TOWNSHIP", parentCode: COUNTY, name: "清溪镇便民服务中心", ...details } });
  const townshipAdmin = await mintAccessToken(system.keys, { subject: "township-admin", roles: ["center_admin"], centerCode: TOWNSHIP });

  // The county department, its window clerk and chief representative.
  const dept = (await data(countyAdmin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: COUNTY, code: "ZJJ", name: "住房和城乡建设局" } }))
    .registerDepartment.id as string;
  const window = (await data(countyAdmin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, { i: { centerCode: COUNTY, code: "W-ZJJ", name: "住建窗口", kind: "RESIDENT", departmentId: dept } }))
    .openWindow.id as string;
  const clerk = await staff(countyAdmin, COUNTY, "ZJJ-01", "王窗口", dept);
  const chief = await staff(countyAdmin, COUNTY, "ZJJ-00", "李首席", dept);
  await data(countyAdmin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: clerk, departmentId: dept, acts: ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"] } });
  await data(countyAdmin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: chief, departmentId: dept, acts: ["APPROVE"] } });
  const clerkToken = await mintAccessToken(system.keys, { subject: clerk, roles: ["window_staff"], centerCode: COUNTY, departmentId: dept, windowId: window });
  const chiefToken = await mintAccessToken(system.keys, { subject: chief, roles: ["window_staff", "chief_representative"], centerCode: COUNTY, departmentId: dept, windowId: window });

  // The township's own office and its agent; the village point's agent (代办员), registered by the township's administration.
  const office = (await data(townshipAdmin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: TOWNSHIP, code: "BMFW", name: "便民服务中心" } }))
    .registerDepartment.id as string;
  const agent = await staff(townshipAdmin, TOWNSHIP, "JT-01", "陈代办", office);
  const villager = await staff(townshipAdmin, VILLAGE, "JTC-01", "刘代办员", null);
  // 代办授权: the county department's letters to them carry no more than an agent may do.
  expect(code(await grant(agent, dept, ["ACCEPT", "APPROVE"]))).toBe("ACT_NOT_FOR_AGENT");
  expect(code(await grant(villager, dept, ["ACCEPT"]))).toBe("ACT_NOT_FOR_AGENT");
  expect((await grant(agent, dept, ["ACCEPT", "DELIVER"])).errors).toBeUndefined();
  expect((await grant(villager, dept, ["DELIVER"])).errors).toBeUndefined();
  const agentToken = await mintAccessToken(system.keys, { subject: agent, roles: ["window_staff"], centerCode: TOWNSHIP, departmentId: office });
  const villagerToken = await mintAccessToken(system.keys, { subject: villager, roles: ["window_staff"], centerCode: VILLAGE });

  // A county item.
  const input = planningLicenceItem(COUNTY, dept, { materials: [{ code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" }] });
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(countyAdmin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input }));
  await data(countyAdmin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });

  // 1. Taken in at the village point, with the paper materials handed in.
  const TAKE_IN = `mutation ($i: TakeInCaseInput!) { takeInCase(input: $i) { id receiptNo status centerCode agentCenterCode intakeCenterCode } }`;
  const takeIn = { itemId: createItem.id, applicantName: "张三", applicantIdNumber: ID_NUMBER, materialCodes: ["M01"], idempotencyKey: randomUUID() };
  const taken = (await once(["UNKNOWN_ITEM"], () => gql(villagerToken, TAKE_IN, { i: takeIn }))).takeInCase;
  expect(taken).toMatchObject({ status: "SUBMITTED", centerCode: COUNTY, agentCenterCode: TOWNSHIP, intakeCenterCode: VILLAGE });
  // A retry is the same case; a neighbouring township's staff take in nothing for it, the county's own staff take in nothing as agent.
  expect((await data(villagerToken, TAKE_IN, { i: takeIn })).takeInCase.id).toBe(taken.id);
  const neighbourAgent = await mintAccessToken(system.keys, { subject: "qx-01", roles: ["window_staff"], centerCode: NEIGHBOUR });
  expect(code(await gql(clerkToken, TAKE_IN, { i: { ...takeIn, idempotencyKey: randomUUID() } }))).toBe("NOT_AN_AGENT_CENTER");

  // 2. The village point never decides, not even acceptance; the neighbour may not touch the case.
  const ACCEPT = `mutation ($id: ID!) { acceptCase(caseId: $id) { id status acceptedAt clock { deadlineDay } } }`;
  expect(code(await gql(villagerToken, ACCEPT, { id: taken.id }))).toBe("NOT_FOR_AGENT");
  expect(code(await gql(neighbourAgent, ACCEPT, { id: taken.id }))).toBe("NOT_FOR_AGENT");
  // 代办 at the workbench: the township's agent finds the county's case in its queue as agent, not among the township's own.
  const QUEUE = `query ($c: String!, $agent: Boolean, $w: ID) { caseQueue(centerCode: $c, asAgent: $agent, windowId: $w) { totalCount nodes { id status } } }`;
  expect((await data(agentToken, QUEUE, { c: TOWNSHIP, agent: true })).caseQueue).toEqual({ totalCount: 1, nodes: [{ id: taken.id, status: "SUBMITTED" }] });
  expect((await data(agentToken, QUEUE, { c: TOWNSHIP })).caseQueue.totalCount).toBe(0);
  // The workbench offers each what its acts allow: the township's agent acceptance (or refusal, or a notice), the village point nothing yet.
  const ACTS = `query ($id: ID!) { case(id: $id) { allowedActs } }`;
  const actsOf = async (token: string) => (await eventually(async () => {
    const acts = (await data(token, ACTS, { id: taken.id })).case.allowedActs as string[];
    return acts.length > 0 || token === villagerToken ? acts : null;
  }, 10_000));
  expect(await actsOf(agentToken)).toEqual(["ACCEPT", "REFUSE", "ISSUE_MATERIAL_NOTICE"]);
  expect(await actsOf(villagerToken)).toEqual([]);
  // 3. Accepted at the township as agent: the clock runs from here.
  const accepted = (await once(["NOT_AUTHORIZED"], () => gql(agentToken, ACCEPT, { id: taken.id }))).acceptCase;
  expect(accepted).toMatchObject({ status: "ACCEPTED", clock: { deadlineDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  // The agent does not review or decide.
  expect(code(await gql(agentToken, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "x") { id } }`, { id: taken.id }))).toBe("NOT_FOR_AGENT");

  // 4. Decided at the county: the department's clerk reviews, its chief representative approves, it concludes.
  await data(clerkToken, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: taken.id });
  await once(["NOT_AUTHORIZED"], () => gql(chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: taken.id }));
  await data(clerkToken, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: taken.id });

  // Concluded, the result waits where it was taken in: in the township agent's queue and the village point's.
  expect((await data(agentToken, QUEUE, { c: TOWNSHIP, agent: true })).caseQueue.nodes).toEqual([{ id: taken.id, status: "CONCLUDED" }]);
  expect((await data(villagerToken, QUEUE, { c: VILLAGE, agent: true })).caseQueue.nodes).toEqual([{ id: taken.id, status: "CONCLUDED" }]);
  expect(await actsOf(agentToken)).toEqual(["DELIVER"]);
  expect(await actsOf(villagerToken)).toEqual(["DELIVER"]);
  // The applicant is told to collect it at the township, and the township's agent sees that they were told.
  const told = await eventually(async () => {
    const answer = await gql(agentToken, `query ($id: ID!) { caseNotifications(caseId: $id) { cause channel } }`, { id: taken.id });
    return (answer.data?.caseNotifications as Data[] | undefined)?.some((n) => n.cause === "RESULT_READY" && n.channel === "INBOX") ? true : null;
  }, 20_000);
  expect(told).toBe(true);
  const [inbox] = (await system.subgraphs.notifications.infrastructure.dataSource.query("SELECT body FROM notification WHERE case_id = ? AND cause = 'RESULT_READY' AND channel = 'INBOX'", [taken.id])) as Array<{ body: string }>;
  expect(inbox!.body).toContain("请凭受理回执和本人身份证件到君塘镇便民服务中心领取办理结果");
  // 5. Collected at the township.
  const delivered = (await once(["NOT_AUTHORIZED"], () => gql(agentToken, `mutation ($id: ID!) { deliverResult(caseId: $id, method: AT_WINDOW) { id status } }`, { id: taken.id }))).deliverResult;
  expect(delivered.status).toBe("DELIVERED");
  // The township prints what it hands over, and the village point may too: the receipt and the licence.
  const DOCUMENTS = `query ($id: ID!) { case(id: $id) { documents { kind documentNo } } }`;
  for (const token of [agentToken, villagerToken]) {
    const kinds = await eventually(async () => {
      const documents = (await data(token, DOCUMENTS, { id: taken.id })).case.documents as Data[];
      return documents.length === 2 ? documents.map((d) => d.kind) : null;
    }, 20_000);
    expect(kinds).toEqual(["RECEIPT", "LICENCE"]);
  }

  // Every step on the routing slip, with where it was taken.
  const slip = (await data(countyAdmin, `query ($id: ID!) { case(id: $id) { routingSlip { action actorId actorCenterCode toStatus } } }`, { id: taken.id })).case.routingSlip;
  expect(slip.map((s: Data) => [s.action, s.actorCenterCode, s.toStatus])).toEqual([
    ["SUBMIT", VILLAGE, "SUBMITTED"],
    ["ACCEPT", TOWNSHIP, "ACCEPTED"],
    ["REVIEW", null, "REVIEWED"],
    ["APPROVE", null, "APPROVED"],
    ["CONCLUDE", null, "CONCLUDED"],
    ["DELIVER", TOWNSHIP, "DELIVERED"],
  ]);
  expect(slip[0].actorId).toBe(villager);
  // The township's agent and the applicant (verified for the ID number) see the case; the neighbour does not.
  expect((await data(agentToken, `query ($id: ID!) { case(id: $id) { id } }`, { id: taken.id })).case.id).toBe(taken.id);
  const applicant = await mintAccessToken(system.keys, { subject: "citizen-zs", roles: ["citizen"], applicantKey: applicantKeyOf(ID_NUMBER)! });
  expect((await data(applicant, `query ($id: ID!) { case(id: $id) { id status } }`, { id: taken.id })).case.status).toBe("DELIVERED");
  expect((await gql(neighbourAgent, `query ($id: ID!) { case(id: $id) { id } }`, { id: taken.id })).data?.case ?? null).toBeNull();

  // 代办: the township lists the cases it served as agent (its village points' take-ins among them), the village point its own; the county took in nothing as agent.
  const AGENCY = `query ($first: Int, $after: String, $s: [CaseStatus!]) { agencyCases(first: $first, after: $after, statuses: $s) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id receiptNo status intakeCenterCode routingSlip { action actorCenterCode } } } }`;
  const second = (await data(agentToken, TAKE_IN, { i: { ...takeIn, applicantName: "李四", idempotencyKey: randomUUID() } })).takeInCase;
  expect(second).toMatchObject({ agentCenterCode: TOWNSHIP, intakeCenterCode: TOWNSHIP });
  const firstPage = (await data(agentToken, AGENCY, { first: 1 })).agencyCases;
  expect(firstPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ id: second.id, status: "SUBMITTED" }] });
  const secondPage = (await data(agentToken, AGENCY, { first: 1, after: firstPage.pageInfo.endCursor })).agencyCases;
  expect(secondPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [{ id: taken.id, status: "DELIVERED", intakeCenterCode: VILLAGE }] });
  expect(secondPage.nodes[0].routingSlip.map((s: Data) => [s.action, s.actorCenterCode])).toEqual([
    ["SUBMIT", VILLAGE],
    ["ACCEPT", TOWNSHIP],
    ["REVIEW", null],
    ["APPROVE", null],
    ["CONCLUDE", null],
    ["DELIVER", TOWNSHIP],
  ]);
  expect((await data(townshipAdmin, AGENCY, { s: ["SUBMITTED"] })).agencyCases.nodes.map((c: Data) => c.id)).toEqual([second.id]);
  const villageList = (await data(villagerToken, AGENCY)).agencyCases;
  expect(villageList.nodes.map((c: Data) => c.id)).toEqual([taken.id]);
  expect((await data(neighbourAgent, AGENCY)).agencyCases).toMatchObject({ totalCount: 0, nodes: [] });
  expect(code(await gql(clerkToken, AGENCY))).toBe("NOT_AN_AGENT_CENTER");
  // The agent's queue: the waiting case only, the delivered one has left it; the village point's is empty, the neighbour's too.
  expect((await data(agentToken, QUEUE, { c: TOWNSHIP, agent: true })).caseQueue).toEqual({ totalCount: 1, nodes: [{ id: second.id, status: "SUBMITTED" }] });
  expect((await data(villagerToken, QUEUE, { c: VILLAGE, agent: true })).caseQueue.totalCount).toBe(0);
  expect((await data(neighbourAgent, QUEUE, { c: NEIGHBOUR, agent: true })).caseQueue.totalCount).toBe(0);
  const countyAsAgent = await gql(clerkToken, QUEUE, { c: COUNTY, agent: true });
  expect(countyAsAgent.errors?.[0]?.extensions).toMatchObject({ code: "NOT_AN_AGENT_CENTER", field: "asAgent" });
  const perWindow = await gql(agentToken, QUEUE, { c: TOWNSHIP, agent: true, w: "any-window" });
  expect(perWindow.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "windowId" });
  expect(code(await gql(agentToken, AGENCY, { after: "bm90LWEtY3Vyc29y" }))).toBe("BAD_USER_INPUT");

  // In the county's figures and the township's (the second case, not accepted, counts in neither).
  const today = shanghaiDayOf(new Date());
  const countySupervisor = await mintAccessToken(system.keys, { subject: "county-jc", roles: ["supervisor"], centerCode: COUNTY });
  const townshipHead = await mintAccessToken(system.keys, { subject: "township-jc", roles: ["supervisor"], centerCode: TOWNSHIP });
  const COUNTY_FIGURES = `query ($c: String!, $p: SupervisionPeriodInput!) { countySupervisionFigures(countyCode: $c, period: $p) {
    county { accepted concluded onTimeRate } decidedByCounty { accepted concluded } centers { centerCode level name figures { accepted concluded } } } }`;
  const rollup = await eventually(async () => {
    const r = (await data(countySupervisor, COUNTY_FIGURES, { c: COUNTY, p: { from: today, to: today } })).countySupervisionFigures;
    return r.county.concluded === 1 ? r : null;
  }, 20_000);
  expect(rollup.county).toEqual({ accepted: 1, concluded: 1, onTimeRate: 1 });
  expect(rollup.decidedByCounty).toEqual({ accepted: 1, concluded: 1 });
  const byCenter = Object.fromEntries(rollup.centers.map((c: Data) => [c.centerCode, c]));
  expect(byCenter[TOWNSHIP]).toEqual({ centerCode: TOWNSHIP, level: "TOWNSHIP", name: "君塘镇便民服务中心", figures: { accepted: 1, concluded: 1 } });
  expect(byCenter[COUNTY].figures).toEqual({ accepted: 0, concluded: 0 });
  expect(byCenter[NEIGHBOUR].figures).toEqual({ accepted: 0, concluded: 0 });
  const FIGURES = `query ($c: String!, $p: SupervisionPeriodInput!) { supervisionFigures(centerCode: $c, period: $p, groupBy: CENTER) { figures { accepted concluded } } }`;
  expect((await data(townshipHead, FIGURES, { c: TOWNSHIP, p: { from: today, to: today } })).supervisionFigures[0].figures).toEqual({ accepted: 1, concluded: 1 });
  // A county supervisor sees the township's; the township's head neither the county's nor a neighbour's.
  expect((await data(countySupervisor, FIGURES, { c: TOWNSHIP, p: { from: today, to: today } })).supervisionFigures[0].figures).toEqual({ accepted: 1, concluded: 1 });
  expect(code(await gql(townshipHead, COUNTY_FIGURES, { c: COUNTY, p: { from: today, to: today } }))).toBe("FORBIDDEN");
  expect(code(await gql(townshipHead, FIGURES, { c: NEIGHBOUR, p: { from: today, to: today } }))).toBe("FORBIDDEN");

  // The township reports last month; the county ranks its townships by points and downloads the CSV.
  const [year, monthNo, dayNo] = today.split("-").map(Number) as [number, number, number];
  const lastMonth = monthNo === 1 ? `${year - 1}-12` : `${year}-${String(monthNo - 1).padStart(2, "0")}`;
  const submitted = await data(townshipAdmin, `mutation ($i: SubmitTownshipReportInput!) { submitTownshipReport(input: $i) { centerCode month consultations revision } }`, {
    i: { centerCode: TOWNSHIP, month: lastMonth, consultations: 42, informationItems: [{ title: "君塘镇推行代办服务", summary: "村代办点代收材料，群众少跑路" }] },
  });
  expect(submitted.submitTownshipReport).toEqual({ centerCode: TOWNSHIP, month: lastMonth, consultations: 42, revision: 1 });
  const REPORT = `query ($c: String!, $m: String!) { townshipMonthlyReport(countyCode: $c, month: $m) { dueOn rows { rank centerCode timeliness points { report information total } } csv } }`;
  const report = (await data(countySupervisor, REPORT, { c: COUNTY, m: lastMonth })).townshipMonthlyReport;
  const onTime = dayNo <= 3;
  expect(report.dueOn).toBe(`${today.slice(0, 7)}-03`);
  expect(report.rows[0]).toMatchObject({ rank: 1, centerCode: TOWNSHIP, timeliness: onTime ? "ON_TIME" : "LATE", points: { report: onTime ? 30 : 10, information: 10 } });
  expect(report.rows[1]).toMatchObject({ rank: 2, centerCode: NEIGHBOUR, timeliness: onTime ? "NOT_DUE" : "MISSING" });
  expect(report.csv.split("\r\n")[0]).toContain("积分");
  // The township's head sees its own line only.
  const own = (await data(townshipHead, REPORT, { c: COUNTY, m: lastMonth })).townshipMonthlyReport.rows;
  expect(own.map((r: Data) => r.centerCode)).toEqual([TOWNSHIP]);
});
