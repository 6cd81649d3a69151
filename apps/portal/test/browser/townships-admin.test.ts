import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { demoStaffPassword, seedCenters, seedCentersStep, seedTownships } from "@onestop/seed";
import { shanghaiDayOf } from "@onestop/calendar";
import { eventually, graphql, mintAccessToken, planningLicenceItem, type GraphqlResponse } from "@onestop/testkit";
import type { Page } from "playwright-core";
import { problemsOf, shoot, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * Issue 22's staff pages in a real browser, on the seeded county's network of centers: the
 * county's administration keeps the register (registers a village point, edits a township);
 * a township's agent and a village point's 代办员 list the cases they took in as agent, each
 * with its routing slip (village take-in → township acceptance → county decision → township
 * delivery); the county's supervisor reads the townships' monthly report with its ranking,
 * downloads its CSV and prints it; a township's administration sees its own line and sends
 * its report. Screenshots zh/en, phone/desktop, to apps/portal/test-output/screenshots.
 */
jest.setTimeout(240_000);

const COUNTY = "511722000000";
const JUNTANG = seedTownships.find((t) => t.name === "君塘镇")!;
const TOWNSHIP = JUNTANG.code;
const VILLAGE = JUNTANG.villages[0]!.code;
const VILLAGE_NAME = seedCenters().find((c) => c.code === VILLAGE)!.name;
const ID_NUMBER = "11010519491231002X";

let harness: PortalHarness;
let deliveredReceipt: string;
let waitingReceipt: string;
let waitingId: string;
const lastMonth = (() => {
  const [year, month] = shanghaiDayOf(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
})();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;
const gql = (token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<Data>> =>
  graphql<Data>(harness.system.gatewayUrl, query, variables, { token });
async function data(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await gql(token, query, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
/** Retries while another service's event (a department, an item, a letter) has not arrived yet. */
async function once(whileWaiting: string[], attempt: () => Promise<GraphqlResponse<Data>>): Promise<Data> {
  const result = await eventually(async () => {
    const r = await attempt();
    return whileWaiting.includes(String(r.errors?.[0]?.extensions?.code)) ? null : r;
  }, 30_000);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** A staff member of a center with an account to sign in with, made by that center's administration. */
async function staffWithAccount(centerCode: string, code: string, name: string, roles: string[], departmentId: string | null = null): Promise<string> {
  const admin = await mintAccessToken(harness.system.keys, { subject: `admin-${centerCode}`, roles: ["center_admin"], centerCode });
  const { registerStaff } = await once(["UNKNOWN_DEPARTMENT"], () => gql(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode, code, name, departmentId } }));
  await data(admin, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
    i: { staffId: registerStaff.id, username: code.toLowerCase(), password: demoStaffPassword, roles },
  });
  return registerStaff.id as string;
}

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_townships_admin", [seedCentersStep]);
  const admin = harness.adminToken;
  const keys = harness.system.keys;

  // The county: one department, its clerk and chief representative (acting through the API), its administration and supervisor (signing in).
  const dept = (await data(admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: COUNTY, code: "ZJJ", name: "住房和城乡建设局" } })).registerDepartment.id as string;
  await staffWithAccount(COUNTY, "XZ-GL-01", "赵管理", ["center_admin"]);
  await staffWithAccount(COUNTY, "XZ-JC-01", "钱监察", ["supervisor"]);
  const clerk = (await once(["UNKNOWN_DEPARTMENT"], () => gql(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: COUNTY, code: "ZJJ-01", name: "王窗口", departmentId: dept } }))).registerStaff.id;
  const chief = (await data(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: COUNTY, code: "ZJJ-00", name: "李首席", departmentId: dept } })).registerStaff.id;
  const grant = (staffId: string, acts: string[]) => data(admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId: dept, acts } });
  await grant(clerk, ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"]);
  await grant(chief, ["APPROVE"]);
  const clerkToken = await mintAccessToken(keys, { subject: clerk, roles: ["window_staff"], centerCode: COUNTY, departmentId: dept });
  const chiefToken = await mintAccessToken(keys, { subject: chief, roles: ["window_staff", "chief_representative"], centerCode: COUNTY, departmentId: dept });

  // 君塘镇: its office, its agent and its administration; 君塘村's 代办员. Their agency letters from the county department.
  const townshipAdmin = await mintAccessToken(keys, { subject: `admin-${TOWNSHIP}`, roles: ["center_admin"], centerCode: TOWNSHIP });
  const office = (await data(townshipAdmin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: TOWNSHIP, code: "BMFW", name: "便民服务中心" } })).registerDepartment.id as string;
  const agent = await staffWithAccount(TOWNSHIP, "JT-01", "陈代办", ["window_staff"], office);
  await staffWithAccount(TOWNSHIP, "JT-GL-01", "周站长", ["center_admin"]);
  const villager = await staffWithAccount(VILLAGE, "JTC-01", "刘代办员", ["window_staff"]);
  await grant(agent, ["ACCEPT", "DELIVER"]);
  await grant(villager, ["DELIVER"]);
  const agentToken = await mintAccessToken(keys, { subject: agent, roles: ["window_staff"], centerCode: TOWNSHIP, departmentId: office });
  const villagerToken = await mintAccessToken(keys, { subject: villager, roles: ["window_staff"], centerCode: VILLAGE });

  // A county item; one case taken in at the village, accepted at the township, decided at the county, delivered at the township; one taken in at the township, waiting.
  const item = planningLicenceItem(COUNTY, dept, { materials: [{ code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" }] });
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: item }));
  await data(admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  const TAKE_IN = `mutation ($i: TakeInCaseInput!) { takeInCase(input: $i) { id receiptNo } }`;
  const takeIn = (name: string) => ({ itemId: createItem.id, applicantName: name, applicantIdNumber: ID_NUMBER, materialCodes: ["M01"], idempotencyKey: randomUUID() });
  const taken = (await once(["UNKNOWN_ITEM"], () => gql(villagerToken, TAKE_IN, { i: takeIn("张三") }))).takeInCase;
  await once(["NOT_AUTHORIZED"], () => gql(agentToken, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: taken.id }));
  await data(clerkToken, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: taken.id });
  await once(["NOT_AUTHORIZED"], () => gql(chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: taken.id }));
  await data(clerkToken, `mutation ($id: ID!) { concludeCase(caseId: $id) { id } }`, { id: taken.id });
  await once(["NOT_AUTHORIZED"], () => gql(agentToken, `mutation ($id: ID!) { deliverResult(caseId: $id, method: AT_WINDOW) { id } }`, { id: taken.id }));
  deliveredReceipt = taken.receiptNo;
  const waiting = (await data(agentToken, TAKE_IN, { i: takeIn("李四") })).takeInCase;
  waitingReceipt = waiting.receiptNo;
  waitingId = waiting.id;

  // 君塘镇 reported last month (by the API); the others did not.
  await data(townshipAdmin, `mutation ($i: SubmitTownshipReportInput!) { submitTownshipReport(input: $i) { revision } }`, {
    i: { centerCode: TOWNSHIP, month: lastMonth, consultations: 42, informationItems: [{ title: "君塘镇推行代办服务", summary: "村代办点代收材料，群众少跑路" }] },
  });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

async function settled(page: Page, table: string): Promise<void> {
  await page.getByTestId(table).waitFor();
  await page.locator(`[data-testid="${table}"] .ant-spin-spinning, .ant-skeleton`).first().waitFor({ state: "detached" }).catch(() => undefined);
}

test("the county's administration keeps the register: a township's village points, a new one, an edit, a wrong code", async () => {
  const page = await harness.open("desktop", "/staff/admin/centers");
  await signInStaff(page, "xz-gl-01", demoStaffPassword);
  await settled(page, "creg-townships");
  expect(await page.getByTestId("creg-townships").locator("tbody > tr.ant-table-row").count()).toBe(seedTownships.length);
  await page.getByText(`共 ${seedTownships.length} 个乡镇`).waitFor();

  // 君塘镇's village points open under it.
  const juntang = page.getByTestId("creg-townships").locator("tr.ant-table-row", { hasText: "君塘镇便民服务中心" });
  await juntang.getByRole("button", { name: /展开行|Expand row/ }).click();
  const villages = page.getByTestId("creg-villages");
  await villages.getByText(VILLAGE_NAME).waitFor();
  expect(await villages.locator("tr.ant-table-row").count()).toBe(JUNTANG.villages.length);

  // A wrong code: the service names it, the form says what a village code looks like; nothing registered.
  await juntang.getByTestId("creg-add-village").click();
  const form = page.getByTestId("creg-form");
  await form.getByTestId("creg-field-code").fill("511722102299");
  await form.getByTestId("creg-field-name").fill("测试村便民代办点");
  await form.getByTestId("creg-field-address").fill("君塘镇测试村村委会");
  await form.getByTestId("creg-field-phone").fill("13801101999");
  await form.getByTestId("creg-field-handles").fill("代办员代收申请和材料");
  await form.getByTestId("creg-save").click();
  await form.getByTestId("creg-error").waitFor();
  expect(await form.getByTestId("creg-error").getAttribute("data-code")).toBe("BAD_USER_INPUT");
  // Its code lies under 清溪镇, not 君塘镇: the code is what to check.
  expect(await form.getByTestId("creg-error").textContent()).toBe("请检查：行政区划代码（12 位）");
  expect(await form.locator(".ant-form-item-has-error").getByTestId("creg-field-code").count()).toBe(1);
  await shoot(page, "townships-register-error-zh-desktop");

  // The right code registers it, and it shows under the township.
  await form.getByTestId("creg-field-code").fill(`${TOWNSHIP.slice(0, 9)}299`);
  await form.getByTestId("creg-save").click();
  await form.waitFor({ state: "detached" });
  await villages.getByText("测试村便民代办点").waitFor();
  const registered = await data(harness.adminToken, `query ($c: String!) { serviceCenter(code: $c) { name parentCode level } }`, { c: `${TOWNSHIP.slice(0, 9)}299` });
  expect(registered.serviceCenter).toEqual({ name: "测试村便民代办点", parentCode: TOWNSHIP, level: "VILLAGE" });

  // An edit: the township's phone, by keyboard from the edit button.
  await juntang.getByTestId("creg-edit").focus();
  await page.keyboard.press("Enter");
  await form.getByTestId("creg-field-phone").fill("0818-5201199");
  await form.getByTestId("creg-field-phone").press("Enter");
  await form.waitFor({ state: "detached" });
  await juntang.getByText("0818-5201199").waitFor();
  expect((await data(harness.adminToken, `query ($c: String!) { serviceCenter(code: $c) { phone revision } }`, { c: TOWNSHIP })).serviceCenter).toEqual({ phone: "0818-5201199", revision: 2 });

  await shootAll(page, "townships-register", async (locale) => {
    await page.getByRole("heading", { name: locale === "zh" ? "服务中心名册" : "Register of service centers" }).waitFor();
    await settled(page, "creg-townships");
  });
  expect(problemsOf(page)).toEqual([]);
});

test("the township's agent lists the cases it took in as agent, with the routing slip; the village point its own", async () => {
  const page = await harness.open("desktop", "/staff/townships");
  await signInStaff(page, "jt-01", demoStaffPassword);
  await settled(page, "agency-table");
  // Not yet delivered: the waiting case only; all: both, newest first.
  expect(await page.getByTestId("agency-receipt").allTextContents()).toEqual([waitingReceipt]);
  await page.getByTestId("agency-filter").getByText("全部").click();
  await page.getByText("共 2 件").waitFor();
  expect(await page.getByTestId("agency-receipt").allTextContents()).toEqual([waitingReceipt, deliveredReceipt]);

  // The delivered case's slip: taken in at the village point, accepted at the township, decided at the county, delivered at the township.
  const row = page.getByTestId("agency-table").locator("tr.ant-table-row", { hasText: deliveredReceipt });
  await row.getByRole("button", { name: /展开行|Expand row/ }).click();
  await page.getByTestId("agency-slip").waitFor();
  const steps = page.getByTestId("agency-slip-step");
  await steps.nth(5).waitFor();
  expect(await steps.allTextContents()).toEqual([
    `收件 · 刘代办员 · ${VILLAGE_NAME}`,
    "受理 · 陈代办 · 君塘镇便民服务中心",
    "审核 · 王窗口 · 宣汉县政务服务中心",
    "批准 · 李首席 · 宣汉县政务服务中心",
    "办结 · 王窗口 · 宣汉县政务服务中心",
    "送达 · 陈代办 · 君塘镇便民服务中心",
  ]);
  // The agent works a case at the workbench, beside the agency queue.
  expect(await row.getByRole("link", { name: `在窗口工作台办理 ${deliveredReceipt}` }).getAttribute("href")).toMatch(/^\/staff\/workbench\/cases\/[^?]+\?queue=agency$/);

  await shootAll(page, "townships-agency", async (locale) => {
    await page.getByRole("heading", { name: locale === "zh" ? "本中心代收的办件" : "Cases this center took in as agent" }).waitFor();
    await steps.nth(5).waitFor();
  });
  expect(problemsOf(page)).toEqual([]);
  // The waiting case's link opens it at the workbench with the agency queue chosen, the case in it.
  await page.getByTestId("agency-table").locator("tr.ant-table-row", { hasText: waitingReceipt }).getByRole("link").click();
  await page.locator(`[data-testid="wb-case"][data-case-id="${waitingId}"]`).waitFor();
  await page.locator(`[data-testid="wb-queue-case"][data-case-id="${waitingId}"]`).waitFor({ state: "attached" });
  expect(await page.getByTestId("wb-scope").locator(".ant-segmented-item-selected").textContent()).toBe("代办");

  // The village point's 代办员: its own take-in only; no report section.
  const village = await harness.open("phone", "/staff/townships");
  await signInStaff(village, "jtc-01", demoStaffPassword);
  await village.getByTestId("agency-filter").getByText("全部").click();
  await village.getByText("共 1 件").waitFor();
  expect(await village.getByTestId("agency-receipt").allTextContents()).toEqual([deliveredReceipt]);
  expect(await village.getByTestId("tw-section-report").count()).toBe(0);
  expect(problemsOf(village)).toEqual([]);
});

test("the township's agent finds the county's case in the workbench's agency queue and accepts it there; the village point's queue holds what it took in", async () => {
  const page = await harness.open("desktop", "/staff/workbench");
  await signInStaff(page, "jt-01", demoStaffPassword);
  // The township's own cases first (none here); 代办 holds the county's case it serves, not the one delivered.
  await page.getByTestId("wb-queue-empty").waitFor();
  await page.getByTestId("wb-scope").getByText("代办").click();
  const queued = page.locator(`[data-testid="wb-queue-case"][data-case-id="${waitingId}"]`);
  await queued.waitFor();
  expect(await page.getByTestId("wb-queue-case").count()).toBe(1);
  await queued.click();
  await page.locator(`[data-testid="wb-case"][data-case-id="${waitingId}"]`).waitFor();
  // Accepted as agent with the `a` key: the clock runs from the township's acceptance.
  await page.keyboard.press("a");
  await page.getByTestId("act-form-ACCEPT").waitFor();
  await page.locator(".ant-modal-footer .ant-btn-primary").last().click();
  await page.locator(`[data-testid="wb-case"][data-case-id="${waitingId}"][data-status="ACCEPTED"]`).waitFor();
  // The agent may not review or decide: the county's department does.
  expect(await page.getByTestId("act-REVIEW").count()).toBe(0);
  expect(await page.getByTestId("act-DECIDE").count()).toBe(0);
  // The agent follows what the applicant was told: the acceptance, in the inbox.
  await page.getByTestId("wb-notifications-toggle").click();
  await page.locator('[data-testid="wb-notification"][data-cause="ACCEPTED"][data-channel="INBOX"]').waitFor();
  await shootAll(page, "workbench-agency", async () => {
    await page.locator(`[data-testid="wb-case"][data-case-id="${waitingId}"][data-status="ACCEPTED"]`).waitFor();
  });
  expect(problemsOf(page)).toEqual([]);

  // The village point's 代办员: no scope to choose, its queue is what it took in and not yet handed over (nothing now).
  const village = await harness.open("phone", "/staff/workbench");
  await signInStaff(village, "jtc-01", demoStaffPassword);
  await village.getByTestId("wb-queue-empty").waitFor();
  expect(await village.getByTestId("wb-scope").count()).toBe(0);
  expect(problemsOf(village)).toEqual([]);
});

test("the county's supervisor reads the townships' monthly report, downloads its CSV and prints it", async () => {
  const page = await harness.open("desktop", "/staff/townships");
  await signInStaff(page, "xz-jc-01", demoStaffPassword);
  // A county supervisor has no agency list: the report is the area's only section.
  expect(await page.getByTestId("tw-section-agency").count()).toBe(0);
  await settled(page, "tw-report-table");
  expect(await page.getByTestId("tw-report-name").count()).toBe(seedTownships.length);
  const first = page.getByTestId("tw-report-table").locator("tr.ant-table-row").first();
  expect(await first.textContent()).toContain("君塘镇便民服务中心");
  expect(await page.getByTestId("tw-report-rule").textContent()).toContain("按时上报 30 分");

  // 君塘镇's work information under its line.
  await first.getByRole("button", { name: /展开行|Expand row/ }).click();
  await page.getByText("村代办点代收材料，群众少跑路").waitFor();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tw-report-csv").click()]);
  expect(download.suggestedFilename()).toBe(`${lastMonth} 乡镇便民服务中心月报.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split("\r\n")[0]).toContain("积分");
  expect(csv).toContain("君塘镇便民服务中心");

  await shootAll(page, "townships-report", async (locale) => {
    await page.getByRole("heading", { name: locale === "zh" ? "乡镇便民服务中心月报与积分排位" : "Township centers' monthly report and points ranking" }).waitFor();
    await settled(page, "tw-report-table");
  });
  // The printed sheet: the report alone, every column.
  await page.emulateMedia({ media: "print" });
  expect(await page.getByTestId("tw-report-month").isVisible()).toBe(false);
  expect(await page.locator(".staff-areas").isVisible()).toBe(false);
  await shoot(page, "townships-report-print");
  await page.emulateMedia({ media: "screen" });
  expect(problemsOf(page)).toEqual([]);
});

test("a township's administration sees its own line and sends its month's report again", async () => {
  const page = await harness.open("phone", "/staff/townships/report");
  await signInStaff(page, "jt-gl-01", demoStaffPassword);
  await settled(page, "tw-report-table");
  expect(await page.getByTestId("tw-report-name").allTextContents()).toEqual(["君塘镇便民服务中心"]);
  const submit = page.getByTestId("tw-submit");
  await submit.getByTestId("tw-submit-consultations").fill("50");
  await submit.getByTestId("tw-submit-title").fill("代办员上门服务");
  await submit.getByTestId("tw-submit-summary").fill("为行动不便的群众上门代收材料");
  await submit.getByTestId("tw-submit-send").click();
  await submit.getByTestId("tw-submit-done").waitFor();
  expect(await submit.getByTestId("tw-submit-done").textContent()).toContain("第 2 版");
  await shootAll(page, "townships-report-township", async (locale) => {
    await page.getByRole("heading", { name: locale === "zh" ? "上报本乡镇月报" : "Send this township's monthly report" }).waitFor();
  });
  expect(problemsOf(page)).toEqual([]);
});
