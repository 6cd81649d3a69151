import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { eventually, graphql } from "@onestop/testkit";
import { countySteps, demoCenter, demoStaffPassword } from "@onestop/seed";
import { gatewayClient, type Data } from "../../../../test/support/gateway-client";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 并联审批 in a real browser, on the seeded county: the development bureau's project officer opens a
 * four-department joint approval on the board (choosing each department's item), urges one
 * department, and watches the board while the departments accept, review, approve and conclude
 * their joint cases through the API, until the joint approval concludes approved, without a
 * reload. A second one is withdrawn from the board. Screens in both languages and sizes, axe-checked.
 */
jest.setTimeout(1_500_000);

const CENTER = demoCenter.centerCode;
const ENTERPRISE = { name: "宣汉县普光饲料有限公司", idNumber: "91511722MA62A3B7XM" };
const ITEMS: Record<string, string> = {
  FGJ: "企业投资项目核准",
  ZRZYJ: "建设项目用地预审与选址意见书核发",
  ZJJ: "建设工程消防设计审查",
  STHJJ: "建设项目环境影响报告表审批",
};
let harness: PortalHarness;
const { data } = gatewayClient(() => harness.system.gatewayUrl);
const tokens = new Map<string, string>();

async function staffToken(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const login = await graphql<Data>(harness.system.gatewayUrl, `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { username, password: demoStaffPassword } });
    if (login.errors) throw new Error(JSON.stringify(login.errors));
    tokens.set(username, login.data!.login.accessToken);
  }
  return tokens.get(username)!;
}

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_joint", countySteps);
}, 1_500_000);

afterAll(async () => {
  await harness?.stop();
});

const participantRow = (page: Page, department: string) => page.locator(`[data-testid="joint-participant"][data-department="${department}"]`);

/** A department decides its joint case: the clerk accepts and reviews, the chief representative approves, the clerk concludes. */
async function departmentDecides(deptCode: string, caseId: string): Promise<void> {
  const clerk = await staffToken(`${deptCode.toLowerCase()}-02`);
  const chief = await staffToken(`${deptCode.toLowerCase()}-01`);
  await data(clerk, `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "accept") { id } }`, { id: caseId });
  await data(clerk, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全，符合要求", idempotencyKey: "review") { id } }`, { id: caseId });
  await data(chief, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "同意", idempotencyKey: "decide") { id } }`, { id: caseId });
  await data(clerk, `mutation ($id: ID!) { concludeCase(caseId: $id, idempotencyKey: "conclude") { id } }`, { id: caseId });
}

describe("the development bureau's joint approval board", () => {
  test("the bureau opens a four-department joint approval, urges one, and watches it conclude while the departments act", async () => {
    const page = await harness.open("desktop", "/staff");
    await signInStaff(page, "fgj-xm-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/joint$/);
    await page.getByTestId("joint-list").waitFor();
    await page.getByTestId("joint-new").click();
    await page.waitForURL(/\/staff\/joint\/new$/);

    // The form refuses too few departments before asking the service.
    await page.locator(`[data-testid="joint-item"][data-item="${ITEMS.FGJ}"]`).waitFor();
    await page.getByTestId("joint-project-name").fill("宣汉县普光镇年产十万吨饲料加工项目");
    await page.getByTestId("joint-project-code").fill("2612-511722-04-01-583921");
    await page.getByTestId("joint-applicant-name").fill(ENTERPRISE.name);
    await page.getByTestId("joint-id-number").fill(ENTERPRISE.idNumber);
    await page.locator(`[data-testid="joint-item"][data-item="${ITEMS.FGJ}"]`).click();
    await page.getByTestId("joint-submit").click();
    await page.getByTestId("joint-form-error").getByText("请至少选择两个部门的事项。").waitFor();
    for (const code of ["ZRZYJ", "ZJJ", "STHJJ"]) await page.locator(`[data-testid="joint-item"][data-item="${ITEMS[code]}"]`).click();
    // A deadline shorter than 环评's 15 promised days: the service's refusal in plain words, nothing opened.
    await page.getByTestId("joint-deadline").fill("10");
    await page.getByTestId("joint-submit").click();
    await page.getByTestId("joint-form-error").getByText("联审时限短于某个事项的承诺时限").waitFor();
    await page.getByTestId("joint-deadline").fill("30");
    await shootAll(page, "joint-new", async (locale) => {
      await page.getByText(locale === "zh" ? "已选 4 个部门" : "4 departments chosen").waitFor();
    });
    await page.getByTestId("joint-submit").click();
    await page.waitForURL(/\/staff\/joint\/[0-9a-f-]{36}$/);
    const jointId = page.url().split("/").pop()!;
    await page.getByTestId("joint-detail").waitFor();
    expect(await page.getByTestId("joint-participant").count()).toBe(4);

    // The cases appear in each department within moments; the board shows them without a reload.
    await page.evaluate("window.__sameDocument = 'yes'");
    for (const name of ["发展和改革局", "自然资源局", "住房和城乡建设局", "生态环境局"]) {
      await participantRow(page, name).and(page.locator('[data-status="AWAITING_ACCEPTANCE"]')).waitFor({ timeout: 60_000 });
    }

    // Urge the housing bureau (催办), once.
    await participantRow(page, "住房和城乡建设局").getByTestId("joint-urge").click();
    await page.getByTestId("joint-urge-note").fill("请于本周内出具意见");
    await page.getByTestId("joint-urge-submit").click();
    await participantRow(page, "住房和城乡建设局").getByTestId("joint-urge-count").getByText("已催办 1 次").waitFor();
    await shootAll(page, "joint-detail-running", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "各部门办理进度" : "Each department's progress" }).waitFor();
    });

    // The departments act; the board follows them to the end.
    const bureau = await staffToken("fgj-xm-01");
    const { jointApproval } = await data(bureau, `query ($id: ID!) { jointApproval(id: $id) { participants { department { id } departmentName case { id } } } }`, { id: jointId });
    const codeOf: Record<string, string> = { 发展和改革局: "FGJ", 自然资源局: "ZRZYJ", 住房和城乡建设局: "ZJJ", 生态环境局: "STHJJ" };
    const started = Date.now();
    for (const participant of jointApproval.participants) {
      await departmentDecides(codeOf[participant.departmentName], participant.case.id);
      await participantRow(page, participant.departmentName).and(page.locator('[data-status="APPROVED"]')).waitFor({ timeout: 60_000 });
    }
    await page.locator('[data-testid="joint-detail"][data-status="APPROVED"]').waitFor({ timeout: 60_000 });
    console.log(`joint approval concluded on screen ${Date.now() - started} ms after the first department began`);
    expect(await page.getByTestId("joint-progress").textContent()).toContain("4 / 4");
    expect(await page.evaluate("window.__sameDocument")).toBe("yes");
    // The history names each department's steps in words, never by their codes.
    const history = (await page.getByTestId("joint-history").textContent()) ?? "";
    expect(history).toContain("· 批准");
    expect(history).not.toMatch(/· [A-Z_]{4,}/);
    await shootAll(page, "joint-detail-approved", async (locale) => {
      await page.getByText(locale === "zh" ? "已通过" : "Approved", { exact: true }).first().waitFor();
    });

    await page.getByText("返回项目列表").click();
    await page.locator(".ant-radio-button-wrapper").filter({ hasText: "全部" }).click();
    await page.locator('[data-testid="joint-row"][data-status="APPROVED"]').waitFor();
    await shootAll(page, "joint-list", async (locale) => {
      await page.getByText(locale === "zh" ? "并联审批项目" : "Joint approvals", { exact: true }).first().waitFor();
    });
    expect(problemsOf(page)).toEqual([]);
  });

  test("the bureau withdraws a running joint approval for the applicant; the open cases are withdrawn", async () => {
    const bureau = await staffToken("fgj-xm-01");
    const { searchItems } = await data(bureau, `query ($c: String!) { searchItems(centerCode: $c, kind: JOINT, first: 50) { nodes { id name department { id code } } } }`, { c: CENTER });
    const item = (name: string) => searchItems.nodes.find((node: Data) => node.name === name);
    const { startJointApproval } = await data(bureau, `mutation ($i: StartJointApprovalInput!) { startJointApproval(input: $i) { id } }`, {
      i: {
        projectName: "宣汉县普光镇饲料仓储项目",
        projectCode: "2612-511722-04-01-583922",
        applicant: ENTERPRISE,
        leadDepartmentId: item(ITEMS.FGJ).department.id,
        participants: [ITEMS.FGJ, ITEMS.STHJJ].map((name) => ({ departmentId: item(name).department.id, itemId: item(name).id })),
        deadlineWorkingDays: 20,
        idempotencyKey: randomUUID(),
      },
    });
    const page = await harness.open("phone", `/staff/joint/${startJointApproval.id}`);
    await signInStaff(page, "fgj-xm-01", demoStaffPassword);
    await page.getByTestId("joint-detail").waitFor();
    await page.getByTestId("joint-withdraw").click();
    await page.getByTestId("joint-withdraw-submit").click();
    await page.getByText("请填写原因。").waitFor();
    await page.getByTestId("joint-withdraw-reason").fill("项目选址调整");
    await page.getByTestId("joint-withdraw-submit").click();
    await page.locator('[data-testid="joint-detail"][data-status="WITHDRAWN"]').waitFor({ timeout: 30_000 });
    const after = await eventually(async () => {
      const { jointApproval } = await data(bureau, `query ($id: ID!) { jointApproval(id: $id) { status conclusionReason participants { status } } }`, { id: startJointApproval.id });
      return jointApproval.participants.every((participant: Data) => participant.status === "WITHDRAWN") ? jointApproval : null;
    }, 30_000);
    expect(after.conclusionReason).toContain("项目选址调整");
    expect(problemsOf(page)).toEqual([]);
  });
});
