import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { demoStaffPassword, seedSteps } from "@onestop/seed";
import { eventually, graphql, planningLicenceItem } from "@onestop/testkit";
import { seedStaffingStep } from "../../../../packages/seed/src/staffing";
import { seedStaff } from "../../../../packages/seed/src/staffing-roster";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 中心管理, the hall's side, in a real browser on the seeded county: the administrator (ZX-GL-01)
 * enters an item at a window, closes and reopens a window and opens a new one, proposes a
 * person for a B post and approves it, registers the bank's collection point and sees its
 * secret once, and downloads the month's red-flag ranking.
 */
let harness: PortalHarness;
const CENTER = "511722000000";
const ITEMS = 3;
const NEW_STAFF = { code: "RSJ-03", name: "测试岗员" };
let departmentId: string;

type Api = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
let api: Api;

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_admin_hall", [seedSteps.departments, seedStaffingStep]);
  api = async <T,>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await graphql<T>(harness.system.gatewayUrl, query, variables, { token: harness.adminToken });
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const departments = await api<{ departments: Array<{ id: string; code: string }> }>(`query ($c: String!) { departments(centerCode: $c) { id code } }`, { c: CENTER });
  departmentId = departments.departments.find((department) => department.code === "RSJ")!.id;
  for (let index = 0; index < ITEMS; index += 1) {
    const input = planningLicenceItem(CENTER, departmentId, { baseCode: `XK${String(20000 + index).padStart(5, "0")}000`, name: `进驻测试事项${index + 1}`, feeItems: [], stageLimits: null, legalLimitDays: 10, promisedLimitDays: 3 });
    const created = await eventually(async () => {
      try {
        return (await api<{ createItem: { id: string } }>(`mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input })).createItem;
      } catch (error) {
        if (String(error).includes("UNKNOWN_DEPARTMENT")) return null;
        throw error;
      }
    }, 30_000);
    await api(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: created.id });
  }
  await api(`mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, ...NEW_STAFF, departmentId } });
}, 900_000);

afterAll(async () => {
  await harness?.stop();
});

async function openSignedIn(path: string): Promise<Page> {
  const page = await harness.open("desktop", path);
  await signInStaff(page, "zx-gl-01", demoStaffPassword);
  return page;
}

/** Answers the open confirmation bubble with its button of that name (Ant Design spaces two characters: 批 准). */
async function confirm(page: Page, name: string): Promise<void> {
  const spaced = name.length === 2 ? `${name[0]} ${name[1]}` : name;
  await page.locator(".ant-popover:not(.ant-popover-hidden)").getByRole("button", { name: new RegExp(`^(${name}|${spaced})$`) }).click();
}

/**
 * Picks an option of an Ant Design select by keyboard: focus, type, Enter once the highlighted
 * option is the one typed for. (A searching select's list first shows the answer to a shorter
 * search, RSJ-00 … RSJ-03 for "RSJ-0", highlighting its first line.)
 */
async function pick(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active").filter({ hasText: text }).waitFor();
  await page.keyboard.press("Enter");
}

const settled = (page: Page) => page.locator(".ant-spin-spinning, .ant-skeleton").first().waitFor({ state: "detached" }).catch(() => undefined);

describe("the hall's administration in a browser", () => {
  test("entry into the hall: the rate, an item entered at a window, another kept out with a reason", async () => {
    const page = await openSignedIn("/staff/admin/entry");
    await page.getByTestId("admin-entry-rate").waitFor();
    await page.getByTestId("admin-entry-total").filter({ hasText: String(ITEMS) }).waitFor();
    await settled(page);
    await shootAll(page, "admin-entry", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "事项进驻" : "Entry into the hall", exact: true }).waitFor();
    });

    await page.locator('[data-testid="admin-entry-set"][data-item^="XK20000"]').click();
    await page.getByTestId("admin-entry-dialog").waitFor();
    await page.getByTestId("admin-entry-window").getByText(/人力资源和社会保障局1号窗口/).waitFor();
    await page.getByTestId("admin-entry-save").click();
    await page.getByTestId("admin-entry-notice").getByText("进驻测试事项1 的进驻情况已保存。").waitFor();
    await page.getByTestId("admin-entry-items").getByText("进驻：人力资源和社会保障局1号窗口").waitFor();

    await page.locator('[data-testid="admin-entry-set"][data-item^="XK20001"]').click();
    await page.getByTestId("admin-entry-not").click();
    await page.getByTestId("admin-entry-reason").fill("涉密事项");
    await page.getByTestId("admin-entry-save").click();
    await page.getByTestId("admin-entry-items").getByText("不进驻：涉密事项").waitFor();

    const rate = await eventually(async () => {
      const data = await api<{ entryRate: { departments: Array<{ department: { id: string }; rate: { entered: number; notEntered: number; undecided: number } }> } }>(
        `query ($c: String!) { entryRate(centerCode: $c) { departments { department { id } rate { entered notEntered undecided } } } }`,
        { c: CENTER },
      );
      const own = data.entryRate.departments.find((row) => row.department.id === departmentId);
      return own && own.rate.entered === 1 ? own.rate : null;
    });
    expect(rate).toEqual({ entered: 1, notEntered: 1, undecided: ITEMS - 2 });
    await page.getByTestId("admin-entry-rate").getByText(/已进驻 1 · 不进驻 1/).waitFor();
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);

  test("halls and windows: a window closed and reopened, a new one opened by keyboard", async () => {
    const page = await openSignedIn("/staff/admin/halls");
    await page.getByTestId("admin-windows").waitFor();
    await pick(page, page.locator("#hall-select"), "社会事务服务区");
    const row = page.getByTestId("admin-windows").locator("tr", { hasText: "W-RSJ-2" });
    await row.waitFor();
    await settled(page);
    await shootAll(page, "admin-halls", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "大厅与窗口" : "Halls and windows", exact: true }).waitFor();
    });

    await row.getByTestId("admin-window-close").click();
    await confirm(page, "关闭");
    await row.getByText("已关闭").waitFor();
    const closed = await api<{ windows: Array<{ code: string; open: boolean }> }>(`query ($c: String!) { windows(centerCode: $c) { code open } }`, { c: CENTER });
    expect(closed.windows.find((window) => window.code === "W-RSJ-2")?.open).toBe(false);
    await row.getByTestId("admin-window-reopen").click();
    await row.getByText("开放", { exact: true }).waitFor();

    await page.getByTestId("admin-window-code").fill("W-RSJ-3");
    await page.getByTestId("admin-window-name").fill("人力资源和社会保障局3号窗口");
    await pick(page, page.locator("#window-department"), "人力资源和社会保障局");
    await page.getByTestId("admin-window-submit").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("admin-halls-notice").getByText("窗口 人力资源和社会保障局3号窗口 已开设。").waitFor();
    await page.getByTestId("admin-windows").locator("tr", { hasText: "W-RSJ-3" }).getByText("空缺 / 空缺").waitFor();
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);

  test("A/B posts: a person proposed for a B post, the request approved, the post changed", async () => {
    const page = await openSignedIn("/staff/admin/posts");
    await page.getByTestId("admin-posts-total").filter({ hasText: /\d/ }).waitFor();
    await pick(page, page.locator("#post-window"), "人力资源和社会保障局1号窗口");
    await page.locator("#post-position").click();
    await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: "B岗" }).click();
    await pick(page, page.locator("#post-staff"), NEW_STAFF.code);
    await page.getByTestId("admin-post-reason").fill("轮岗安排");
    await page.getByTestId("admin-post-submit").click();
    await page.getByTestId("admin-posts-notice").getByText("申请已提交，等待审批。").waitFor();
    const pending = page.getByTestId("admin-posts-table").locator("tr", { hasText: NEW_STAFF.name });
    await pending.getByText("待审批").waitFor();
    // The administrator who asked is named, as they will be as the one who decided.
    const administrator = seedStaff.find((staff) => staff.code === "ZX-GL-01")!.name;
    await pending.getByTestId("admin-post-requester").filter({ hasText: `申请人：${administrator}` }).waitFor();
    await settled(page);
    await shootAll(page, "admin-posts", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "AB岗申请与审批" : "A/B post requests and approvals", exact: true }).waitFor();
      // The notice of the act just done reads in the language switched to.
      await page.getByTestId("admin-posts-notice").getByText(locale === "zh" ? "申请已提交，等待审批。" : "The request is submitted and awaits a decision.").waitFor();
    });

    await pending.getByTestId("admin-post-approve").click();
    await page.locator(".ant-popover:not(.ant-popover-hidden)").getByTestId("admin-post-note").fill("同意");
    await confirm(page, "批准");
    await page.getByTestId("admin-posts-notice").getByText(`已批准：${NEW_STAFF.name} 任 人力资源和社会保障局1号窗口 B岗。`).waitFor();
    const window = await api<{ windows: Array<{ code: string; bPost: { holder: { code: string } } | null }> }>(`query ($c: String!) { windows(centerCode: $c) { code bPost { holder { code } } } }`, { c: CENTER });
    expect(window.windows.find((w) => w.code === "W-RSJ-1")?.bPost?.holder.code).toBe(NEW_STAFF.code);

    // The approved request is under 已批准, from the server's page of that status.
    await page.getByTestId("admin-posts-filter").getByText("已批准").click();
    await page.getByTestId("admin-posts-table").locator("tr", { hasText: NEW_STAFF.name }).getByText(new RegExp(`^${administrator} 于 .+ 审批 · 同意$`)).waitFor();
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);

  test("bank clients: the secret shown once signs the bank in; a new one issued, the old one revoked stops working", async () => {
    const page = await openSignedIn("/staff/admin/bank");
    await page.getByTestId("admin-bank-table").waitFor();
    await page.getByTestId("admin-bank-name").fill("工商银行宣汉支行代收点");
    await page.getByTestId("admin-bank-name").press("Enter");
    const shown = page.getByTestId("admin-bank-secret");
    await shown.waitFor();
    const secret = (await page.getByTestId("admin-bank-secret-value").textContent())!.trim();
    const clientId = (await page.getByTestId("admin-bank-table").locator("tbody tr", { hasText: "工商银行宣汉支行代收点" }).locator(".mono").textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    await shootAll(page, "admin-bank-secret", async (locale) => {
      await shown.getByText(locale === "zh" ? "请立即保存密钥" : "Save the secret now").waitFor();
    });
    const TOKEN = `mutation ($id: String!, $s: String!) { clientCredentialsToken(clientId: $id, clientSecret: $s) { accessToken } }`;
    const signIn = (value: string) => graphql<{ clientCredentialsToken: { accessToken: string } }>(harness.system.gatewayUrl, TOKEN, { id: clientId, s: value });
    expect((await signIn(secret)).data?.clientCredentialsToken.accessToken).toBeTruthy();
    await page.getByTestId("admin-bank-secret-done").click();
    await shown.waitFor({ state: "detached" });
    // Once closed, the secret is nowhere on the page.
    expect(await page.content()).not.toContain(secret);

    const row = page.getByTestId("admin-bank-table").locator("tbody tr", { hasText: "工商银行宣汉支行代收点" });
    await row.getByTestId("admin-bank-rotate").click();
    await shown.waitFor();
    const second = (await page.getByTestId("admin-bank-secret-value").textContent())!.trim();
    expect(second).not.toBe(secret);
    await page.getByTestId("admin-bank-secret-done").click();
    await shown.waitFor({ state: "detached" });
    await row.getByTestId("admin-bank-secret-line").nth(1).waitFor();
    await row.getByTestId("admin-bank-revoke").first().click();
    await confirm(page, "收回");
    await page.getByTestId("admin-bank-notice").getByText("密钥已收回。").waitFor();
    await row.locator('[data-revoked="yes"]').waitFor();
    expect((await signIn(secret)).errors?.length).toBeGreaterThan(0);
    expect((await signIn(second)).data?.clientCredentialsToken.accessToken).toBeTruthy();
    await settled(page);
    await shootAll(page, "admin-bank", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "银行代收点" : "Bank collection points", exact: true }).waitFor();
    });
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);

  test("assessment: the month's red-flag ranking downloaded as CSV, the quarter's report read", async () => {
    const page = await openSignedIn("/staff/admin/assessment");
    const ranking = page.getByTestId("admin-assess-ranking");
    await ranking.locator("tbody tr.ant-table-row").first().waitFor();
    const rows = await ranking.locator("tbody tr.ant-table-row").count();
    await settled(page);
    await shootAll(page, "admin-assessment", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "月度考核与红旗窗口" : "Monthly assessment and red-flag windows", exact: true }).waitFor();
    });

    const download = page.waitForEvent("download");
    await page.getByTestId("admin-assess-csv").click();
    const file = await (await download).path();
    const csv = await readFile(file!, "utf8");
    expect(csv.startsWith("\uFEFF名次,编号,窗口,部门")).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(rows + 1);

    await page.getByTestId("admin-assess-view").getByText("季度通报").click();
    await page.getByTestId("admin-assess-summary").waitFor();
    await settled(page);
    await shootAll(page, "admin-assessment-quarter", async (locale) => {
      await page.getByTestId("admin-assess-summary").waitFor();
      await page.getByText(locale === "zh" ? "各月红旗窗口" : "Red-flag windows by month").waitFor();
    });
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);
});
