import type { Page } from "playwright-core";
import { demoStaffPassword, seedSteps } from "@onestop/seed";
import { seedStaffingStep } from "../../../../packages/seed/src/staffing";
import { seedStaff } from "../../../../packages/seed/src/staffing-roster";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * The staff side of the portal (/staff): sign-in by user name, then only the work areas the
 * person's roles open; a reload keeps the sign-in (the refresh cookie), an area the roles do not
 * open sends the person to their own. On the seeded county's roster.
 */
let harness: PortalHarness;

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_staff", [seedSteps.departments, seedStaffingStep]);
}, 240_000);

afterAll(async () => {
  await harness?.stop();
});

const username = (code: string) => code.toLowerCase();
const clerk = seedStaff.find((staff) => staff.roles.includes("window_staff"))!;
const areaLinks = async (page: Page) => (await page.getByRole("navigation", { name: /工作区导航|Work areas/ }).getByRole("link").allTextContents()).sort();

describe("the staff side of the portal", () => {
  test("a wrong password is refused in plain words; the administrator gets the administration's areas, not the workbench", async () => {
    const page = await harness.open("desktop", "/staff");
    await page.getByTestId("staff-sign-in-form").waitFor();
    await shootAll(page, "staff-sign-in", async (locale) => {
      await page.getByText(locale === "zh" ? "工作人员登录" : "Staff sign-in", { exact: true }).first().waitFor();
    });

    await page.getByTestId("staff-username").fill("zx-gl-01");
    await page.getByTestId("staff-password").fill("not-the-password");
    await page.getByTestId("staff-sign-in-submit").click();
    await page.getByTestId("staff-sign-in-refused").waitFor();
    expect(await page.getByTestId("staff-sign-in-refused").textContent()).toContain("用户名或密码不正确");

    await page.getByTestId("staff-password").fill(demoStaffPassword);
    await page.getByTestId("staff-sign-in-submit").click();
    await page.getByTestId("staff-shell").waitFor();
    await page.waitForURL(/\/staff\/admin$/);
    expect(await areaLinks(page)).toEqual(["中心管理", "电子监察", "财务", "并联审批", "乡镇与代办"].sort());
    expect(await page.getByTestId("staff-area-workbench").count()).toBe(0);

    // A reload keeps the sign-in: the page renews from the HttpOnly cookie and names the person.
    await page.reload();
    await page.getByTestId("staff-shell").waitFor();
    await page.getByTestId("account-name").waitFor();
    expect(await page.getByTestId("account-name").textContent()).toContain(seedStaff.find((staff) => staff.code === "ZX-GL-01")!.name);
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  });

  test("a clerk sees only the workbench, and an area their roles do not open sends them there", async () => {
    const page = await harness.open("desktop", "/staff/admin");
    await signInStaff(page, username(clerk.code), demoStaffPassword);
    // Signed in, the shell sends the clerk from the administration to the workbench.
    await page.waitForURL(/\/staff\/workbench$/);
    // The workbench, and the department's own supervision view if the roster made them its chief representative.
    const links = await areaLinks(page);
    expect(links).toContain("窗口工作台");
    expect(links.filter((link) => ["中心管理", "财务", "并联审批"].includes(link))).toEqual([]);
    await shootAll(page, "staff-shell-clerk", async (locale) => {
      await page.getByTestId("staff-area-workbench").getByText(locale === "zh" ? "窗口工作台" : "Window workbench").waitFor();
    });
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(harness.origin + "/staff/workbench");
    await page.getByTestId("staff-sign-in-form").waitFor();
  });
});
