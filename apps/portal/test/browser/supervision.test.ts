import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { ManualClock } from "@onestop/platform";
import { eventually, graphql, mintAccessToken } from "@onestop/testkit";
import { countySteps, demoCenter, demoStaffPassword } from "@onestop/seed";
import { gatewayClient, type Data } from "../../../../test/support/gateway-client";
import { hallWindow } from "../../../../test/support/hall-floor";
import { expectAccessible, problemsOf, shoot, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 电子监察 in a real browser, on the seeded county: the supervision office's dashboard shows the
 * running cases by department; the test moves the services' clock past a case's deadline and a red
 * warning appears on the open page, pushed through the gateway's stream (no reload); the officer
 * acknowledges it with a note. Then every section (warnings, irregular fees, rankings, reports
 * with the CSV download, ratings) in Chinese and English on a phone and a desktop, checked by axe;
 * a department's chief representative sees their own department only; the hall floor's figures
 * (大厅效能) after a few tickets are taken, called, served and missed.
 */
jest.setTimeout(1_500_000);

const CENTER = demoCenter.centerCode;
const ID_NUMBER = "511722198806151232";
// The services' time: the real time at first (access tokens are checked against it), moved by hand.
const clock = new ManualClock(new Date());
let harness: PortalHarness;
let citizen: string;
const { data } = gatewayClient(() => harness.system.gatewayUrl);

async function staffToken(username: string): Promise<string> {
  const login = await graphql<Data>(harness.system.gatewayUrl, `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { username, password: demoStaffPassword } });
  if (login.errors) throw new Error(JSON.stringify(login.errors));
  return login.data!.login.accessToken;
}

async function submitAndAccept(itemName: string, clerk: string): Promise<string> {
  const { searchItems } = await data(citizen, `query ($c: String!, $k: String!) { searchItems(centerCode: $c, keyword: $k) { nodes { id name } } }`, { c: CENTER, k: itemName });
  const itemId = searchItems.nodes.find((item: Data) => item.name === itemName).id;
  const { submitCase } = await data(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
    i: { itemId, applicantName: "刘秀英", applicantIdNumber: ID_NUMBER, idempotencyKey: randomUUID() },
  });
  await data(await staffToken(clerk), `mutation ($id: ID!) { acceptCase(caseId: $id) { status } }`, { id: submitCase.id });
  return submitCase.id;
}

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_supervision", countySteps, { clock });
  const account = { name: "刘秀英", idNumber: ID_NUMBER, phone: "13881812345", password: "Liuxiuying-88" };
  await graphql(harness.system.gatewayUrl, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, { i: account });
  const login = await graphql<Data>(harness.system.gatewayUrl, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, { i: { idNumber: ID_NUMBER, password: account.password } });
  citizen = login.data!.loginCitizen.accessToken;
}, 1_500_000);

afterAll(async () => {
  await harness?.stop();
});

const countRow = (page: Page, departmentName: string) => page.getByTestId("sup-count-row").filter({ hasText: departmentName });

describe("the supervision dashboard", () => {
  test("a red warning appears without a reload when the clock passes a case's deadline, and the officer acknowledges it", async () => {
    clock.set(new Date());
    // 不动产抵押登记: promised in 1 working day, at 自然资源局.
    const caseId = await submitAndAccept("不动产抵押登记", "zrzyj-02");
    const supervisor = await staffToken("zx-jc-01");
    const view = await eventually(async () => {
      const answer = await data(supervisor, `query ($id: ID!) { caseSupervision(caseId: $id) { status deadline } }`, { id: caseId });
      return answer.caseSupervision?.status === "ACCEPTED" ? answer.caseSupervision : null;
    }, 30_000);

    clock.set(new Date());
    const page = await harness.open("desktop", "/staff");
    await signInStaff(page, "zx-jc-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/supervision$/);
    await page.locator('[data-testid="supervision-area"][data-stream="live"]').waitFor();
    await countRow(page, "自然资源局").waitFor();
    expect(await countRow(page, "自然资源局").getByTestId("sup-count-total").textContent()).toBe("1");
    expect(await countRow(page, "自然资源局").getByTestId("sup-count-overdue").textContent()).toBe("0");
    await page.getByTestId("sup-counts-chart").locator("svg").waitFor();
    await page.evaluate("window.__sameDocument = 'yes'");

    // Past the deadline (24:00 Beijing of its day): supervision's timer raises RED; the stream brings it.
    clock.set(new Date(Date.parse(view.deadline) + 1000));
    const movedAt = Date.now();
    const pushed = page.locator(`[data-testid="sup-feed-item"][data-case="${caseId}"][data-level="RED"][data-change="RAISED"]`);
    await pushed.waitFor({ timeout: 20_000 });
    const lag = Date.now() - movedAt;
    expect(await pushed.textContent()).toContain("办件超时");
    const row = page.locator(`[data-testid="sup-open-warnings"] [data-testid="sup-warning-row"][data-case="${caseId}"][data-level="RED"]`);
    await row.waitFor();
    await page.locator('[data-testid="sup-stat-overdue"]').filter({ hasText: "1" }).waitFor();
    expect(await page.evaluate("window.__sameDocument")).toBe("yes");
    console.log(`red warning on screen ${lag} ms after the clock passed the deadline`);

    await shootAll(page, "supervision-overview", async (locale) => {
      await page.getByText(locale === "zh" ? "实时预警" : "Live warnings", { exact: true }).first().waitFor();
    });

    // The officer acknowledges it with a note; a blank note is refused in the form.
    await row.getByTestId("sup-acknowledge").click();
    await page.getByTestId("sup-ack-submit").click();
    await page.getByText("请填写督办意见。").waitFor();
    await expectAccessible(page, "supervision acknowledge dialog");
    await shoot(page, "supervision-acknowledge-zh-desktop");
    await page.getByTestId("sup-ack-note").fill("已电话督办自然资源局，要求今日办结");
    await page.getByTestId("sup-ack-submit").click();
    await page.locator(`[data-testid="sup-feed-item"][data-case="${caseId}"][data-change="ACKNOWLEDGED"]`).waitFor({ timeout: 20_000 });
    await row.waitFor({ state: "detached" });
    const listed = await data(supervisor, `query ($f: SupervisionWarningFilter!) { supervisionWarnings(filter: $f) { nodes { level status case { id } acknowledgement { note acknowledgedBy } } } }`, {
      f: { centerCode: CENTER, kinds: ["CASE_DEADLINE"], levels: ["RED"] },
    });
    expect(listed.supervisionWarnings.nodes.find((warning: Data) => warning.case?.id === caseId)).toMatchObject({ status: "ACKNOWLEDGED", acknowledgement: { note: "已电话督办自然资源局，要求今日办结" } });
    expect(problemsOf(page)).toEqual([]);

    // The warnings section lists it as acknowledged, with its note.
    await page.getByTestId("sup-section-warnings").click();
    await page.locator(`[data-testid="sup-warnings"] [data-testid="sup-warning-row"][data-case="${caseId}"][data-status="ACKNOWLEDGED"]`).waitFor();
    await shootAll(page, "supervision-warnings", async (locale) => {
      await page.getByText(locale === "zh" ? "已签收：已电话督办自然资源局，要求今日办结" : "Acknowledged: 已电话督办自然资源局，要求今日办结").first().waitFor();
    });
  });

  test("irregular fees, rankings with charts, the monthly report as CSV and in print, ratings; each screen in both languages and sizes", async () => {
    clock.set(new Date(Math.max(Date.now(), clock.now().getTime())));
    const page = await harness.open("desktop", "/staff");
    await signInStaff(page, "zx-jc-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/supervision$/);

    await page.getByTestId("sup-section-fees").click();
    await page.getByTestId("sup-fees").waitFor();
    await page.getByTestId("sup-fee-irregularities").waitFor();
    await shootAll(page, "supervision-fees", async (locale) => {
      await page.getByText(locale === "zh" ? "财政收费系统发现的违规收费" : "Irregular fees found by the fee system", { exact: false }).waitFor();
    });

    await page.getByTestId("sup-section-rankings").click();
    await page.getByTestId("sup-rank-table").waitFor();
    await page.getByTestId("sup-rank-table").getByText("自然资源局").waitFor();
    await shootAll(page, "supervision-rankings", async (locale) => {
      await page.getByTestId("sup-rank-table").getByRole("columnheader", { name: locale === "zh" ? "按时办结率" : "On time" }).waitFor();
    });
    await page.locator(".ant-radio-button-wrapper").filter({ hasText: "工作人员" }).click();
    await page.getByTestId("sup-rank-table").waitFor();
    await expectAccessible(page, "supervision staff ranking");

    await page.getByTestId("sup-section-reports").click();
    await page.getByTestId("sup-report-title").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("sup-report-csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("类别");
    expect(csv).toContain("\r\n");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await shootAll(page, "supervision-reports", async (locale) => {
      await page.getByText(locale === "zh" ? "按时办结率" : "On-time rate", { exact: true }).first().waitFor();
    });
    await page.emulateMedia({ media: "print" });
    await shoot(page, "supervision-report-print");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.emulateMedia({ media: "screen" });
    await page.getByTestId("sup-report-quarter").count();

    await page.getByTestId("sup-section-ratings").click();
    await page.getByTestId("sup-ratings").waitFor();
    await shootAll(page, "supervision-ratings", async (locale) => {
      await page.getByText(locale === "zh" ? "只看待整改" : "Follow-ups due only").waitFor();
    });
    expect(problemsOf(page)).toEqual([]);
  });

  test("a department's chief representative sees their own department only", async () => {
    clock.set(new Date(Math.max(Date.now(), clock.now().getTime())));
    await submitAndAccept("商品房预售许可", "zjj-02");
    const page = await harness.open("desktop", "/staff/supervision");
    await signInStaff(page, "zjj-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/supervision$/);
    try {
      await countRow(page, "住房和城乡建设局").waitFor({ timeout: 60_000 });
    } catch (error) {
      await shoot(page, "supervision-department-failed");
      throw error;
    }
    expect(await page.getByTestId("sup-count-row").count()).toBe(1);
    await page.getByText("本部门").waitFor();
    // No acknowledge button: only the supervision office acknowledges.
    expect(await page.getByTestId("sup-acknowledge").count()).toBe(0);
    await shootAll(page, "supervision-department", async (locale) => {
      await page.getByText(locale === "zh" ? "本部门" : "My department").waitFor();
    });
  });

  test("the hall floor's figures: tickets taken, called, served and missed show in the 大厅效能 tab, as charts and tables", async () => {
    clock.set(new Date(Math.max(Date.now(), clock.now().getTime())));
    const { system } = harness;
    const adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: CENTER }, { expiresInSeconds: 3600 });
    const floor = await hallWindow({ keys: system.keys, data, adminToken, centerCode: CENTER }, "DTJ", "大厅测试局");
    const take = async () => (await data("", `mutation ($i: TakeTicketInput!) { takeTicket(input: $i) { id } }`, { i: { centerCode: CENTER, departmentId: floor.departmentId } })).takeTicket.id as string;
    const call = async () => (await data(floor.aToken, `mutation ($w: ID!) { callNextTicket(windowId: $w) { id } }`, { w: floor.windowId })).callNextTicket.id as string;
    for (let n = 0; n < 3; n += 1) await take();
    clock.advance(4 * 60_000);
    await call();
    clock.advance(3 * 60_000);
    const second = await call();
    await data(floor.aToken, `mutation ($t: ID!) { markTicketNoShow(ticketId: $t) { id } }`, { t: second });
    const third = await call();
    clock.advance(2 * 60_000);
    await data(floor.aToken, `mutation ($t: ID!) { finishTicket(ticketId: $t) { id } }`, { t: third });

    const page = await harness.open("desktop", "/staff");
    await signInStaff(page, "zx-jc-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/supervision$/);
    await page.getByTestId("sup-section-hall").click();
    const row = page.locator(`[data-testid="sup-hall-row"][data-key="${floor.windowId}"]`);
    await row.waitFor({ timeout: 30_000 });
    await page.getByTestId("sup-hall-hours-chart").locator("svg").waitFor();
    await page.getByTestId("sup-hall-times-chart").locator("svg").waitFor();
    // Three taken, all called; waiting 4, 7 and 7 minutes; one no-show.
    await row.filter({ hasText: "大厅测试局窗口" }).waitFor();
    expect(await row.locator("td").nth(2).textContent()).toBe("3");
    expect(await row.locator("td").nth(4).textContent()).toBe("1");
    expect(await row.locator("td").nth(6).textContent()).toBe("6.0 分钟");
    await shootAll(page, "supervision-hall", async (locale) => {
      await page.getByRole("columnheader", { name: locale === "zh" ? "平均等候" : "Mean wait" }).first().waitFor();
    });
    await page.locator(".ant-radio-button-wrapper").filter({ hasText: "事项" }).click();
    await page.getByTestId("sup-hall-table").getByText("大厅测试局 · 部门综合业务").waitFor();
    await expectAccessible(page, "supervision hall by item");
    expect(problemsOf(page)).toEqual([]);
  });
});
