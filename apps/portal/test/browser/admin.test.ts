import type { Page } from "playwright-core";
import { demoStaffPassword, seedSteps } from "@onestop/seed";
import { eventually, graphql, planningLicenceItem } from "@onestop/testkit";
import { seedStaffingStep } from "../../../../packages/seed/src/staffing";
import { seedStaff } from "../../../../packages/seed/src/staffing-roster";
import { problemsOf, shootAll, shots, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 中心管理 in a real browser, on the seeded county: the administrator (ZX-GL-01) finds an item in
 * the paged catalog, drafts its next version, sees the change against the current version side
 * by side, publishes it with a note, and the public page shows the new version.
 */
let harness: PortalHarness;

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_admin", [seedSteps.departments, seedStaffingStep]);
  // The catalog: 25 published items of one department (the seeded 177 take minutes on a shared machine).
  const api = async (query: string, variables: Record<string, unknown>) => {
    const result = await graphql<Record<string, { id: string }>>(harness.system.gatewayUrl, query, variables, { token: harness.adminToken });
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return Object.values(result.data!)[0]!;
  };
  const departments = await graphql<{ departments: Array<{ id: string; code: string }> }>(harness.system.gatewayUrl, `query ($c: String!) { departments(centerCode: $c) { id code } }`, { c: "511722000000" });
  const departmentId = departments.data!.departments.find((department) => department.code === "RSJ")!.id;
  for (let index = 0; index < ITEMS; index += 1) {
    const name = index === 0 ? ITEM_NAME : `测试事项${String(index).padStart(2, "0")}`;
    const input = planningLicenceItem("511722000000", departmentId, { baseCode: `XK${String(10000 + index).padStart(5, "0")}000`, name, feeItems: [], stageLimits: null, legalLimitDays: 10, promisedLimitDays: 3 });
    const created = await eventually(async () => {
      try {
        return await api(`mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: input });
      } catch (error) {
        if (String(error).includes("UNKNOWN_DEPARTMENT")) return null;
        throw error;
      }
    }, 30_000);
    await api(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: created.id });
  }
}, 900_000);

afterAll(async () => {
  await harness?.stop();
});

const ITEM_NAME = "失业保险金申领";
const ITEMS = 25;
const ADDED = "（另须提交本人社会保障卡。）";

async function catalogSettled(page: Page): Promise<void> {
  await page.getByTestId("admin-catalog-total").filter({ hasText: /\d/ }).waitFor();
  await page.locator('[data-testid="admin-catalog-table"] .ant-spin-spinning').waitFor({ state: "detached" });
}

describe("center administration in a browser", () => {
  test("the administrator publishes a new item version and the public page shows it", async () => {
    const page = await harness.open("desktop", "/staff/admin");
    await signInStaff(page, "zx-gl-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/admin$/);
    await catalogSettled(page);
    const total = Number((await page.getByTestId("admin-catalog-total").textContent())!.replace(/\D/g, ""));
    expect(total).toBe(ITEMS);
    await page.mouse.move(0, 0);
    await page.locator(".ant-spin-blur, .ant-skeleton").first().waitFor({ state: "detached" }).catch(() => undefined);
    expect(await page.getByTestId("admin-item-link").count()).toBe(20);
    await shootAll(page, "admin-catalog", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "事项目录管理" : "Item catalog" }).waitFor();
      await catalogSettled(page);
    });

    // The next page comes from the server: 20 other items.
    const firstPage = await page.getByTestId("admin-item-link").allTextContents();
    await page.getByTestId("admin-catalog-next").click();
    await page.getByText("第 2 页").waitFor();
    await catalogSettled(page);
    const secondPage = await page.getByTestId("admin-item-link").allTextContents();
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

    // By keyboard: type the name in the search box, Enter, then follow the link with Enter.
    await page.getByRole("searchbox", { name: "按编码或名称查找" }).focus();
    await page.keyboard.type(ITEM_NAME);
    await page.keyboard.press("Enter");
    await page.getByText("第 1 页").waitFor();
    await eventually(async () => {
      const names = await page.getByTestId("admin-item-link").allTextContents();
      return names.length > 0 && names.every((name) => name.includes(ITEM_NAME)) ? true : null;
    });
    await page.getByTestId("admin-item-link").filter({ hasText: new RegExp(`^${ITEM_NAME}$`) }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("admin-item").waitFor();
    const itemId = decodeURIComponent(page.url().split("/").pop()!);
    const before = Number((await page.getByTestId("admin-item-current").textContent())!.replace(/\D/g, ""));

    // Draft the next version, change its conditions, and see the change beside the current version.
    await page.getByTestId("admin-draft-start").click();
    await page.getByTestId("admin-draft-form").waitFor();
    const conditions = page.getByTestId("admin-draft-conditions");
    const oldConditions = await conditions.inputValue();
    await conditions.fill(oldConditions + ADDED);
    await page.getByTestId("admin-draft-save").click();
    await page.getByTestId("admin-item-notice").getByText("草稿已保存").waitFor();
    const changed = page.getByTestId("admin-diff-row-conditions");
    await changed.locator("ins").filter({ hasText: "社会保障卡" }).waitFor();
    expect(await page.locator('[data-testid^="admin-diff-row-"]').count()).toBe(1);
    await page.getByTestId("admin-change-note").fill("受理条件增加社会保障卡。");
    await shootAll(page, "admin-item-draft", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "版本对比" : "Compare versions" }).waitFor();
      await changed.locator("ins").waitFor();
    });

    // A draft that breaks the catalog's rules is refused naming the field; nothing changes.
    const promised = page.getByTestId("admin-draft-promisedLimitDays");
    const oldPromised = await promised.inputValue();
    await promised.fill("365");
    await page.getByTestId("admin-draft-save").click();
    await page.getByTestId("admin-error").filter({ hasText: "承诺时限" }).waitFor();
    await promised.fill(oldPromised);

    // Publish: the form as it stands is saved, then published.
    await page.getByTestId("admin-publish").click();
    await page.getByTestId("admin-publish-confirm").click();
    await page.getByTestId("admin-item-notice").getByText(`第 ${before + 1} 版已发布`).waitFor();
    await page.getByTestId(`admin-history-${before + 1}`).getByText("受理条件增加社会保障卡。").waitFor();
    expect(await page.getByTestId("admin-item-current").textContent()).toContain(String(before + 1));
    await shootAll(page, "admin-item-published", async (locale) => {
      await page.getByText(locale === "zh" ? "版本历史" : "Version history").waitFor();
    });

    // The public page (no sign-in needed) shows the new version's conditions.
    const publicPage = await harness.open("phone", `/items/${encodeURIComponent(itemId)}`);
    await eventually(async () => {
      await publicPage.reload();
      await publicPage.getByTestId("disclosure-conditions").waitFor();
      return (await publicPage.getByTestId("disclosure-conditions").textContent())?.includes("社会保障卡") ? true : null;
    }, 20_000);
    const api = await graphql<{ item: { version: number; conditions: string } }>(harness.system.gatewayUrl, `query ($id: ID!) { item(id: $id) { version conditions } }`, { id: itemId });
    expect(api.data!.item.version).toBe(before + 1);
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);

  test("the administrator grants a clerk a letter, prints it on one A4 page and revokes it", async () => {
    const clerk = seedStaff.find((staff) => staff.roles.includes("window_staff"))!;
    const page = await harness.open("desktop", "/staff/admin/staff");
    await signInStaff(page, "zx-gl-01", demoStaffPassword);
    await page.getByTestId("admin-staff-table").locator("tbody tr").nth(19).waitFor();
    await page.mouse.move(0, 0);
    await page.locator(".ant-spin-blur, .ant-skeleton").first().waitFor({ state: "detached" }).catch(() => undefined);
    await shootAll(page, "admin-staff", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "工作人员与授权书" : "Staff and authorization letters" }).waitFor();
    });
    await page.getByTestId("admin-staff-search").getByRole("searchbox").fill(clerk.code);
    await page.keyboard.press("Enter");
    await page.getByTestId("admin-staff-link").filter({ hasText: clerk.name }).click();
    await page.getByTestId("admin-staff-detail").waitFor();
    const letters = page.getByTestId("admin-letters").locator("tbody tr.ant-table-row");
    await letters.first().waitFor();
    const before = await letters.count();

    await page.getByTestId("admin-grant").getByText("送达", { exact: true }).click();
    const answer = page.waitForResponse(async (response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("AdminGrantAuthorization"));
    await page.getByTestId("admin-grant-submit").click();
    const letterId = ((await (await answer).json()) as { data: { grantAuthorization: { id: string } } }).data.grantAuthorization.id;
    await page.getByTestId("admin-staff-notice").getByText("授权书已授予").waitFor();
    await eventually(async () => ((await letters.count()) === before + 1 ? true : null));
    await shootAll(page, "admin-staff-letters", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "授权书" : "Authorization letters", exact: true }).waitFor();
    });

    // One letter alone on one A4 sheet.
    const granted = letters.filter({ has: page.locator(`[data-letter="${letterId}"]`) });
    await page.evaluate(`document.documentElement.dataset.printing = 'letter'; document.getElementById(${JSON.stringify(`letter-print-${letterId}`)}).classList.add('print-target')`);
    await page.emulateMedia({ media: "print" });
    expect((await page.pdf({ format: "A4" })).toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(1);
    await page.screenshot({ path: `${shots}/admin-letter-print-zh-desktop.png`, fullPage: true });
    await page.emulateMedia({ media: null });
    await page.evaluate("delete document.documentElement.dataset.printing");

    await granted.getByTestId("admin-letter-revoke").click();
    await page.getByTestId("admin-revoke-reason").fill("岗位调整");
    await page.getByRole("button", { name: "收 回" }).or(page.getByRole("button", { name: "收回" })).last().click();
    await page.getByTestId("admin-staff-notice").getByText("授权书已收回").waitFor();
    await page.getByTestId("admin-letters").getByText("已收回：岗位调整").waitFor();
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);
});
