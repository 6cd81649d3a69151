import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { eventually, graphql, mintAccessToken } from "@onestop/testkit";
import { demoCenter, demoStaffPassword, seedSteps } from "@onestop/seed";
import { seedItemsStep } from "../../../../packages/seed/src/items";
import { seedStaffingStep } from "../../../../packages/seed/src/staffing";
import { windowActs } from "../../../../packages/seed/src/staffing-roster";
import { gatewayClient } from "../../../../test/support/gateway-client";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 窗口工作台 in a real browser, on the seeded county (民政局: its window W-MZJ, MZJ-02 the clerk
 * at its B post, MZJ-01 its chief representative with the approval power): a clerk works a
 * morning's queue by mouse and keys (accept, one-time notice, pre-review), the chief
 * representative approves, and a second clerk of the department, without the approval power, is
 * offered no approval and is refused when trying anyway.
 */
jest.setTimeout(900_000);

let harness: PortalHarness;
/** Where the test is, on stderr as it goes (a hang shows its place). */
const step = (what: string) => process.stderr.write(`[workbench ${new Date().toISOString().slice(11, 19)}] ${what}\n`);
const { data: apiData } = gatewayClient(() => harness.system.gatewayUrl);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
const ITEM = "困难残疾人生活补贴和重度残疾人护理补贴申领";
const ID_NUMBERS = ["110105198001010016", "110105198001010024", "110105198001010032"];

beforeAll(async () => {
  step("starting the system and seeding the county");
  harness = await startPortalHarness("e2e_portal_workbench", [seedSteps.departments, seedStaffingStep, seedItemsStep]);
}, 900_000);

afterAll(async () => {
  await harness?.stop();
});

/** A citizen applies through the API with one uploaded file (the online form is tested elsewhere). */
async function apply(applicantName: string, idNumber: string, itemId: string): Promise<{ id: string; receiptNo: string }> {
  const token = await mintAccessToken(harness.system.keys, { subject: `citizen-wb-${idNumber}`, roles: ["citizen"] });
  const upload = await fetch(`${harness.origin}/uploads?name=${encodeURIComponent("残疾人证.pdf")}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: PDF });
  const { fileId } = (await upload.json()) as { fileId: string };
  return eventually(async () => {
    const result = await graphql<{ submitCase: { id: string; receiptNo: string } }>(
      harness.system.gatewayUrl,
      `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`,
      { i: { itemId, applicantName, applicantIdNumber: idNumber, idempotencyKey: randomUUID(), materials: [{ code: "M02", fileIds: [fileId] }] } },
      { token },
    );
    if (result.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM") return null;
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.submitCase;
  }, 20_000);
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.locator(`[data-testid="wb-queue-case"][data-case-id="${caseId}"]`).click();
  await page.locator(`[data-testid="wb-case"][data-case-id="${caseId}"]`).waitFor();
}

async function statusIs(page: Page, caseId: string, status: string): Promise<void> {
  await page.locator(`[data-testid="wb-case"][data-case-id="${caseId}"][data-status="${status}"]`).waitFor();
}

const confirm = (page: Page) => page.locator('[data-testid="act-dialog"] .ant-modal-footer .ant-btn-primary, .ant-modal-footer .ant-btn-primary').last().click();

describe("the window workbench in a browser", () => {
  test("a clerk works a morning's queue (accept, one-time notice, pre-review) and the chief representative approves; a second clerk cannot approve", async () => {
    const found = await apiData(harness.adminToken, `query ($c: String!, $k: String) { searchItems(centerCode: $c, keyword: $k) { nodes { id name department { id } } } }`, {
      c: demoCenter.centerCode,
      k: ITEM,
    });
    const item = (found.searchItems.nodes as Array<{ id: string; name: string; department: { id: string } }>).find((node) => node.name === ITEM)!;
    const first = await apply("王小明", ID_NUMBERS[0]!, item.id);
    const second = await apply("李小红", ID_NUMBERS[1]!, item.id);
    const third = await apply("赵大力", ID_NUMBERS[2]!, item.id);

    step("cases applied for; the clerk signs in");
    // The clerk at the window signs in: the window's queue, with each case's clock.
    const page = await harness.open("desktop", "/staff/workbench");
    await signInStaff(page, "mzj-02", demoStaffPassword);
    await page.getByTestId("wb-queue").waitFor();
    await page.locator(`[data-testid="wb-queue-case"][data-case-id="${third.id}"]`).waitFor();
    expect(await page.getByTestId("wb-queue-case").count()).toBe(3);
    await shootAll(page, "workbench-queue", async (locale) => {
      await page.getByText(locale === "zh" ? "待办队列" : "Queue", { exact: true }).waitFor();
    });

    step("queue shot");
    // Clock in; the window's duty shows who serves it.
    await page.getByTestId("duty-clock-in").click();
    await page.getByTestId("duty-punched").waitFor();
    await page.getByTestId("duty-window").first().waitFor();

    step("clocked in");
    // First case: opened from the queue without a reload, accepted with the `a` key.
    await page.evaluate("window.__noReload = true");
    await openCase(page, first.id);
    expect(await page.getByTestId("wb-file-name").first().textContent()).toBe("残疾人证.pdf");
    await page.keyboard.press("a");
    await page.getByTestId("act-form-ACCEPT").waitFor();
    await confirm(page);
    await statusIs(page, first.id, "ACCEPTED");
    await page.getByTestId("wb-done").waitFor();

    step("first accepted");
    // Second case: a one-time notice, ticking the missing material.
    await openCase(page, second.id);
    await page.getByTestId("act-ISSUE_MATERIAL_NOTICE").click();
    await page.getByTestId("act-material-M04").click();
    await confirm(page);
    await statusIs(page, second.id, "MATERIALS_REQUESTED");
    await page.getByTestId("wb-requests").waitFor();

    step("notice issued");
    // Third case accepted by the button; then the first pre-reviewed with the `r` key and an opinion.
    await openCase(page, third.id);
    await page.getByTestId("act-ACCEPT").click();
    await confirm(page);
    await statusIs(page, third.id, "ACCEPTED");
    await openCase(page, first.id);
    await page.keyboard.press("r");
    await page.getByTestId("act-opinion").fill("材料齐全，符合补贴条件，拟同意。");
    await confirm(page);
    await statusIs(page, first.id, "REVIEWED");
    // The reviewer is never offered the approval (审批分离), and its key says so.
    expect(await page.getByTestId("act-DECIDE").count()).toBe(0);
    await page.keyboard.press("p");
    await page.getByText(/当前不能“批准或不予批准”/).waitFor();
    expect(await page.evaluate("window.__noReload === true")).toBe(true);
    await shootAll(page, "workbench-case", async (locale) => {
      await page.getByText(locale === "zh" ? "流转单" : "Routing slip", { exact: true }).waitFor();
    });

    step("reviewed");
    // The shortcuts are documented on screen.
    await page.keyboard.press("?");
    await page.getByTestId("wb-help-table").waitFor();
    expect(await page.getByTestId("wb-help-table").textContent()).toContain("受理");
    await page.keyboard.press("Escape");
    await page.getByTestId("wb-help-table").waitFor({ state: "hidden" });
    expect(problemsOf(page)).toEqual([]);

    step("help shown");
    // A second clerk of the department, with a window letter and no approval power.
    const { registerStaff } = await apiData(harness.adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: demoCenter.centerCode, code: "MZJ-03", name: "孙新员", departmentId: item.department.id },
    });
    await apiData(harness.adminToken, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, {
      i: { staffId: registerStaff.id, username: "mzj-03", password: demoStaffPassword, roles: ["window_staff"] },
    });
    await apiData(harness.adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
      i: { staffId: registerStaff.id, departmentId: item.department.id, acts: [...windowActs] },
    });
    const colleague = await harness.open("desktop", "/staff/workbench");
    await signInStaff(colleague, "mzj-03", demoStaffPassword);
    await colleague.locator(`[data-testid="wb-queue-case"][data-case-id="${first.id}"]`).waitFor();
    await openCase(colleague, first.id);
    await statusIs(colleague, first.id, "REVIEWED");
    // Their letter opens other acts on the case (referral), never the approval.
    await colleague.getByTestId("wb-acts").waitFor();
    expect(await colleague.getByTestId("act-DECIDE").count()).toBe(0);
    // Asking the service anyway (as a tampered page would) is refused: the letter decides, not the page.
    const login = await graphql<{ login: { accessToken: string } }>(harness.system.gatewayUrl, `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, {
      i: { username: "mzj-03", password: demoStaffPassword },
    });
    const refused = await graphql(harness.system.gatewayUrl, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "同意") { id } }`, { id: first.id }, {
      token: login.data!.login.accessToken,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_AUTHORIZED");

    step("second clerk refused");
    // The chief representative approves with an opinion.
    const chief = await harness.open("desktop", "/staff/workbench");
    await signInStaff(chief, "mzj-01", demoStaffPassword);
    await chief.locator(`[data-testid="wb-queue-case"][data-case-id="${first.id}"]`).waitFor();
    await openCase(chief, first.id);
    await chief.getByTestId("act-DECIDE").click();
    await chief.getByTestId("act-opinion").fill("同意发放。");
    await confirm(chief);
    await statusIs(chief, first.id, "APPROVED");
    expect(await chief.getByTestId("wb-routing").textContent()).toContain("材料齐全，符合补贴条件，拟同意。");
    expect(problemsOf(chief)).toEqual([]);
  });
});
