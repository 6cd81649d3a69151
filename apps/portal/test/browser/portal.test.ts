import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { eventually, graphql, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { demoCenter, seedCounty } from "@onestop/seed";
import { openSeedWindowsIfMissing } from "../../../../packages/seed/src/catalog-windows";
import { seedItemsStep } from "../../../../packages/seed/src/items";
import { seedSteps } from "../../../../packages/seed/src/load";
import { testEnvironment } from "../../../../test/support/environment";

/**
 * The public portal in a real browser (Debian's chromium through playwright-core), served by the
 * gateway of the real system on the seeded county: search by Chinese and by pinyin initials, an
 * item's disclosure with its fee in ¥, the language switch, the progress look-up that reveals
 * nothing for a wrong pair. Screenshots (zh and en, phone and desktop) go to
 * apps/portal/test-output/screenshots, which git ignores: look at them.
 */
const environment = testEnvironment("e2e_portal");
const portalDist = join(__dirname, "..", "..", "dist", "index.html");
const shots = join(__dirname, "..", "..", "test-output", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const viewports = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1366, height: 900 },
} as const;
type Viewport = keyof typeof viewports;

// What the public sees: the departments, the hall's windows and the 177 items (no staff roster or
// fee accounts, which the public pages never show), to keep the suite near a minute.
const steps = [seedSteps.departments, openSeedWindowsIfMissing, seedItemsStep];

let system: RunningSystem;
let origin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(portalDist)) throw new Error("apps/portal/dist is missing: run `pnpm build` first");
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(shots, { recursive: true });
  await resetEnvironment(environment);
  system = await startSystem(environment);
  origin = new URL(system.gatewayUrl).origin;
  const adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: demoCenter.centerCode });
  await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, steps);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await system?.stop();
});

async function open(viewport: Viewport, path = "/"): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(origin + path);
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/**
 * The results are no longer loading (a screenshot mid-fetch shows them faded). A locator, not a
 * function polled in the page: the CSP allows no eval, which waitForFunction's polling needs.
 */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="results"][aria-busy="true"]').waitFor({ state: "detached" });
}

async function search(page: Page, words: string): Promise<void> {
  const box = page.getByTestId("search-input");
  await box.fill("");
  await box.pressSequentially(words, { delay: 30 });
}

/** Nothing is wider than the screen: no sideways scrolling on a phone. */
async function expectNoOverflow(page: Page): Promise<void> {
  // Expressions as strings: they run in the page, whose DOM types this (node) program does not load.
  const widths = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as {
    scroll: number;
    client: number;
  };
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe("the public portal in a browser", () => {
  test("the gateway serves the portal beside its own endpoints, with a history fallback", async () => {
    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toContain("text/html");
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    const deep = await fetch(`${origin}/items/some-item`);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${origin}/health`)).headers.get("content-type")).toContain("application/json");
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/../package.json`)).status).toBe(404);
    const graphql = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: "Query" } });
  });

  test.each(["desktop", "phone"] as const)("on a %s: search by Chinese and pinyin initials, read the disclosure, switch to English and back", async (viewport) => {
    const page = await open(viewport);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.getByRole("heading", { name: "查找办事事项" }).waitFor();

    await search(page, "护照");
    await page.getByRole("link", { name: "普通护照签发" }).waitFor();
    await search(page, "hz");
    await page.getByRole("link", { name: "普通护照签发" }).waitFor();
    await settled(page);
    await expectNoOverflow(page);
    await shoot(page, `home-zh-${viewport}`);

    await page.getByRole("link", { name: "普通护照签发" }).click();
    await page.getByTestId("item-page").waitFor();
    for (const section of ["content", "legal-basis", "procedure", "conditions", "time-limits", "fees", "materials"]) {
      await page.getByTestId(`disclosure-${section}`).waitFor();
    }
    expect(await page.getByTestId("fee-amount").first().textContent()).toBe("¥120.00");
    expect(await page.getByTestId("promised-limit").textContent()).toBe("7 个工作日");
    expect(await page.getByTestId("legal-limit").textContent()).toBe("15 个工作日");
    await expectNoOverflow(page);
    await shoot(page, `item-zh-${viewport}`);

    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Fees" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByTestId("promised-limit").textContent()).toBe("7 working days");
    await expectNoOverflow(page);
    await shoot(page, `item-en-${viewport}`);

    // Remembered: a reload stays in English.
    await page.goBack();
    await page.reload();
    await page.getByRole("heading", { name: "Find a government service" }).waitFor();
    await page.getByRole("link", { name: "普通护照签发" }).waitFor();
    await settled(page);
    await expectNoOverflow(page);
    await shoot(page, `home-en-${viewport}`);

    await page.getByRole("link", { name: "Case progress" }).click();
    await page.getByLabel("Receipt number").fill("XH-2026-000000");
    await page.getByLabel("ID number").fill("51172219900101001X");
    await page.getByTestId("progress-submit").click();
    await page.getByTestId("progress-not-found").waitFor();
    expect(await page.getByTestId("progress-not-found").textContent()).toContain("No case found");
    await expectNoOverflow(page);
    await shoot(page, `progress-en-${viewport}`);

    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "办件进度查询" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.getByLabel("受理编号").fill("XH-2026-000000");
    await page.getByLabel("身份证号码").fill("51172219900101001X");
    await page.getByTestId("progress-submit").click();
    await page.getByTestId("progress-not-found").waitFor();
    expect(await page.getByTestId("progress-not-found").textContent()).toBe("未查到办件。请核对受理编号和身份证号码是否与受理回执一致。");
    await shoot(page, `progress-zh-${viewport}`);

    expect(problemsOf(page)).toEqual([]);
  }, 120_000);

  test("browse by theme and by department, keyboard only", async () => {
    const page = await open("desktop", "/?theme=HOUSEHOLD_AND_IDENTITY");
    await page.getByRole("link", { name: "普通护照签发" }).waitFor();
    const count = Number((await page.getByTestId("result-count").textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(177);

    // The skip link is the first stop; the search box takes typing.
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("跳到主要内容");
    await page.goto(`${origin}/`);
    await page.getByLabel("按部门").click();
    await page.keyboard.type("公安");
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "普通护照签发" }).waitFor();
    expect(new URL(page.url()).searchParams.get("dept")).toBeTruthy();
    await shoot(page, "browse-department-zh-desktop");
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  test("the progress look-up finds a real case: the browser solves the challenge under the strict CSP, nothing to click", async () => {
    // A case of a seeded item, submitted by its applicant; cases hears of the item by event.
    const idNumber = "11010519491231002X";
    const citizen = await mintAccessToken(system.keys, { subject: "citizen-portal", roles: ["citizen"] });
    const found = await graphql<{ searchItems: { nodes: Array<{ id: string }> } }>(system.gatewayUrl, `query ($c: String!) { searchItems(centerCode: $c, keyword: "护照") { nodes { id } } }`, {
      c: demoCenter.centerCode,
    });
    const itemId = found.data!.searchItems.nodes[0]!.id;
    const idempotencyKey = randomUUID();
    const receiptNo = await eventually(async () => {
      const submitted = await graphql<{ submitCase: { receiptNo: string } }>(
        system.gatewayUrl,
        `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { receiptNo } }`,
        { i: { itemId, applicantName: "李四", applicantIdNumber: idNumber, idempotencyKey } },
        { token: citizen },
      );
      if (submitted.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM") return null;
      if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
      return submitted.data.submitCase.receiptNo;
    }, 20_000);

    const page = await open("phone", "/progress");
    const sent: Array<Record<string, unknown>> = [];
    page.on("request", (request) => {
      const body = request.url().endsWith("/graphql") ? (request.postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null) : null;
      if (body?.operationName === "CaseProgress") sent.push(body.variables ?? {});
    });
    await page.getByLabel("受理编号").fill(receiptNo);
    await page.getByLabel("身份证号码").fill(idNumber);
    await page.getByTestId("progress-submit").click();
    await page.getByTestId("progress-found").waitFor();
    expect(await page.getByTestId("progress-found").textContent()).toContain(receiptNo);
    // The look-up carried a solved challenge (base64 JSON of { challenge, solution }).
    expect(sent).toHaveLength(1);
    const payload = JSON.parse(Buffer.from(String(sent[0]!.challenge), "base64").toString("utf8")) as { solution: { counter: number } };
    expect(payload.solution.counter).toEqual(expect.any(Number));
    await shoot(page, "progress-found-zh-phone");

    // Again: a new challenge each time (a spent one is refused), solved again.
    await page.getByTestId("progress-submit").click();
    await eventually(async () => (sent.length === 2 ? true : null), 10_000);
    expect(sent[1]!.challenge).not.toEqual(sent[0]!.challenge);
    await page.getByTestId("progress-found").waitFor();
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  test("an error is told in plain words by its code, bad input beside its field, never the server's text", async () => {
    const page = await open("phone", "/progress");
    let answer: object = {};
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string };
      if (body.operationName !== "CaseProgress") return route.continue();
      await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(answer) });
    });
    const raw = "Error: boom\n    at QueriesService.publicProgress (queries.service.ts:80:11)";

    answer = { data: null, errors: [{ message: raw, extensions: { code: "BAD_USER_INPUT", field: "idNumber", problems: [{ field: "idNumber", message: raw }] } }] };
    await page.getByLabel("受理编号").fill("XH-2026-000001");
    await page.getByLabel("身份证号码").fill("123");
    await page.getByTestId("progress-submit").click();
    await page.getByText("请输入正确的 18 位身份证号码。").waitFor();
    expect(await page.getByLabel("身份证号码").getAttribute("aria-invalid")).toBe("true");
    await shoot(page, "progress-bad-input-zh-phone");

    answer = { data: { caseProgress: null }, errors: [{ message: raw, extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
    await page.getByLabel("身份证号码").fill("51172219900101001X");
    await page.getByTestId("progress-submit").click();
    await page.getByTestId("error-notice").waitFor();
    expect(await page.getByTestId("error-notice").textContent()).toContain("系统暂时无法处理您的请求，请稍后再试。");
    expect(await page.content()).not.toContain("boom");
    expect(await page.content()).not.toContain("queries.service");

    // A refused challenge (spent, expired) is told as a check to run again.
    answer = { data: { caseProgress: null }, errors: [{ message: raw, extensions: { code: "CHALLENGE_FAILED", field: "challenge" } }] };
    await page.getByTestId("progress-submit").click();
    await page.getByText("安全验证未能完成，请再点一次“查询”。").waitFor();
    expect(await page.getByTestId("error-notice").getAttribute("data-code")).toBe("CHALLENGE_FAILED");
  }, 60_000);
});
