import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Clock } from "@onestop/platform";
import { mintAccessToken, resetEnvironment, startSystem, type EnvironmentOptions, type RunningSystem } from "@onestop/testkit";
import { demoCenter, seedCounty } from "@onestop/seed";
import { testEnvironment } from "../../../../test/support/environment";

/**
 * What every browser test of the portal shares: the real system (six subgraphs and the gateway
 * serving the Vite build) on a seeded county, Debian's chromium through playwright-core, and the
 * checks every screen passes (axe-core, no sideways scrolling on a phone, screenshots in Chinese
 * and English, phone and desktop, into apps/portal/test-output/screenshots, which git ignores:
 * look at them).
 */
const portalDist = join(__dirname, "..", "..", "dist", "index.html");
export const shots = join(__dirname, "..", "..", "test-output", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 768 },
  /** The hall's calling screen and public board: a 1920×1080 display. */
  screen: { width: 1920, height: 1080 },
} as const;
export type Viewport = keyof typeof viewports;
// axe-core, run inside the page: serious and critical findings fail the test.
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type SeedSteps = Parameters<typeof seedCounty>[1];

export interface PortalHarness {
  /** The system's databases and NATS namespace, for a test that starts a subgraph again. */
  environment: EnvironmentOptions;
  system: RunningSystem;
  origin: string;
  browser: Browser;
  /** A center administrator's token of the demo county, for arranging through the API. */
  adminToken: string;
  /** A fresh browser context (no cookies, no cache) at this size, on `path`; page errors are collected. */
  open(viewport: Viewport, path?: string): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts the system on its own databases (`environmentName`), seeds `steps` (none: an empty county
 * the test arranges itself) and launches chromium. `clock`: the services' time (a ManualClock lets
 * a test move it, e.g. past a deadline). `stop` closes every context, the browser and the system,
 * and a subgraph the test restarted in its place (`system.subgraphs.hall = ...`).
 */
export async function startPortalHarness(environmentName: string, steps: SeedSteps = [], options: { clock?: Clock } = {}): Promise<PortalHarness> {
  if (!existsSync(portalDist)) throw new Error("apps/portal/dist is missing: run `pnpm build` first");
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(shots, { recursive: true });
  const environment = testEnvironment(environmentName);
  await resetEnvironment(environment);
  const system = await startSystem({ ...environment, clock: options.clock });
  const started = new Set(Object.values(system.subgraphs));
  const origin = new URL(system.gatewayUrl).origin;
  let adminToken: string;
  let browser: Browser;
  try {
    adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: demoCenter.centerCode });
    await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, steps);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  } catch (error) {
    // No harness reaches the test's afterAll: a system left running would keep jest from exiting.
    await system.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  (globalThis as FailureHook).__describePortalFailure = (testName) => describeOpenPages(contexts, testName);
  return {
    environment,
    system,
    origin,
    browser,
    adminToken,
    async open(viewport, path = "/") {
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
      recordGraphqlErrors(page);
      await page.goto(origin + path);
      return page;
    },
    async stop() {
      delete (globalThis as FailureHook).__describePortalFailure;
      try {
        for (const context of contexts) await context.close().catch(() => undefined);
        await browser.close();
      } finally {
        await system.stop();
        // A subgraph the test restarted is not among those the system started, so not among those it stops.
        for (const subgraph of Object.values(system.subgraphs)) if (!started.has(subgraph)) await subgraph.stop();
      }
    },
  };
}

/** Called by test/support/browser-environment.js when a test fails, before its pages close. */
type FailureHook = typeof globalThis & { __describePortalFailure?: (testName: string) => Promise<void> };

/** The GraphQL errors a page's requests were answered with, the last twenty (what a failed test most often needs). */
const graphqlErrorsOf = (page: Page) => ((page as Page & { graphqlErrors?: string[] }).graphqlErrors ??= []);

function recordGraphqlErrors(page: Page): void {
  page.on("response", async (response) => {
    if (!response.url().includes("/graphql") || !(response.headers()["content-type"] ?? "").includes("json")) return;
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }> } | null;
    if (!body?.errors?.length) return;
    const operation = (response.request().postDataJSON() as { operationName?: string } | null)?.operationName ?? "?";
    const requestId = response.headers()["x-request-id"];
    const errors = graphqlErrorsOf(page);
    for (const error of body.errors) {
      // The field that failed says which service to look at; the request's id, which line of its log.
      errors.push(`${operation}${error.path ? ` at ${error.path.join(".")}` : ""}: ${error.extensions?.code ?? "?"} ${error.message}${requestId ? ` (request ${requestId})` : ""}`);
    }
    errors.splice(0, errors.length - 20);
  });
}

/**
 * What a failed test's open pages showed, for CI's log: each page's address, the alerts and
 * notices on screen, the GraphQL errors it received and its page errors, and a screenshot
 * (`FAILED-<test>-<n>.png` beside the others).
 */
async function describeOpenPages(contexts: BrowserContext[], testName: string): Promise<void> {
  const pages = contexts.flatMap((context) => context.pages()).filter((page) => !page.isClosed());
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 60);
  const lines = [`The failed test "${testName}" left ${pages.length} page(s) open:`];
  for (const [index, page] of pages.entries()) {
    const file = join(shots, `FAILED-${slug}-${index + 1}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5000 }).catch(() => undefined);
    const notices = (await page
      .evaluate(
        "Array.from(document.querySelectorAll('[role=alert], .ant-alert, .ant-message-notice, .ant-notification-notice, .ant-form-item-explain-error')).map((element) => element.textContent.trim()).filter(Boolean)",
      )
      .catch(() => [])) as string[];
    lines.push(`  ${index + 1}. ${page.url()} (screenshot ${file})`);
    for (const notice of notices.slice(0, 10)) lines.push(`     on screen: ${notice.slice(0, 200)}`);
    for (const error of graphqlErrorsOf(page)) lines.push(`     GraphQL: ${error.slice(0, 300)}`);
    for (const problem of problemsOf(page).slice(-10)) lines.push(`     page error: ${problem.slice(0, 300)}`);
  }
  console.error(lines.join("\n"));
}

/** The page errors and console errors the page has had since it opened. */
export const problemsOf = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** WCAG 2.1 A and AA as axe-core checks them: no serious or critical finding on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(axeSource);
  // Colours are judged at rest: not under the pointer that just clicked a button (its hover colour
  // is lighter) and not halfway through a fade (a closing dialog's mask). Motion is stilled first,
  // so the pointer leaving for the page's corner changes colours at once, and whatever was already
  // moving (a transition keeps the duration it started with) is finished; the style goes afterwards.
  await page.evaluate(`(() => {
    const style = document.createElement("style");
    style.dataset.axeStill = "";
    style.textContent = "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; }";
    document.head.append(style);
  })()`);
  await page.mouse.move(0, 0);
  await page.evaluate(`(() => {
    for (const animation of document.getAnimations()) {
      if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
    }
  })()`);
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
  const findings = (await page.evaluate(
    "window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  )) as AxeFinding[];
  // (A string is run as an expression: a function in it would be returned, not called.)
  await page.evaluate("document.querySelectorAll('style[data-axe-still]').forEach((style) => style.remove())");
  const serious = findings.filter((finding) => finding.impact === "serious" || finding.impact === "critical");
  expect({ page: what, serious: serious.map((f) => `${f.id}: ${f.help} at ${f.nodes.map((n) => n.target.join(" ")).join(", ")}`) }).toEqual({ page: what, serious: [] });
}

/** Switches the page's language with its switch (the first, where a page has two) and waits for it. */
async function switchLanguage(page: Page, to: "zh-CN" | "en"): Promise<void> {
  await page.getByTestId("language-switch").first().click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: "attached" });
}

/**
 * A shot in Chinese and one in English of the same screen (`<name>-<zh|en>-<viewport>.png`),
 * checked by axe and for sideways scrolling in both; the page is left in Chinese.
 */
export async function shootBoth(page: Page, name: string, viewport: Viewport, ready: (locale: "zh" | "en") => Promise<void>): Promise<void> {
  await ready("zh");
  await expectNoOverflow(page);
  await expectAccessible(page, `${name} zh ${viewport}`);
  await shoot(page, `${name}-zh-${viewport}`);
  await switchLanguage(page, "en");
  await ready("en");
  expect(await page.getAttribute("html", "lang")).toBe("en");
  await expectNoOverflow(page);
  await expectAccessible(page, `${name} en ${viewport}`);
  await shoot(page, `${name}-en-${viewport}`);
  await switchLanguage(page, "zh-CN");
  await ready("zh");
  expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
}

/** Nothing is wider than the screen: no sideways scrolling on a phone. */
export async function expectNoOverflow(page: Page): Promise<void> {
  // Expressions as strings: they run in the page, whose DOM types this (node) program does not load.
  const widths = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as {
    scroll: number;
    client: number;
  };
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/**
 * The same screen at both sizes (desktop, then phone, whatever size the page was opened at), in
 * both languages, each checked as shootBoth does; the page is left at desktop size.
 */
export async function shootAll(page: Page, name: string, ready: (locale: "zh" | "en") => Promise<void>): Promise<void> {
  await page.setViewportSize(viewports.desktop);
  await shootBoth(page, name, "desktop", ready);
  await page.setViewportSize(viewports.phone);
  await shootBoth(page, name, "phone", ready);
  await page.setViewportSize(viewports.desktop);
}

/** A valid resident ID number (MOD 11-2 check character) of a person of Xuanhan born on `birthDate`, with the given 3-digit sequence. */
export function residentId(sequence: number, birthDate = "19900101"): string {
  const body = `511722${birthDate}${String(sequence).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return body + "10X98765432"[sum % 11];
}

/** The password the tests' citizens register with. */
export const citizenPassword = "portal-pass-2026";

/** Fills the sign-in page's register tab (phone 13800138000) and submits it: the page signs the person in. */
export async function registerInPage(page: Page, name: string, idNumber: string): Promise<void> {
  await page.getByRole("tab", { name: "注册" }).click();
  await page.getByTestId("register-name").fill(name);
  await page.locator('[data-testid="register-form"]').getByTestId("auth-id").fill(idNumber);
  await page.getByTestId("register-phone").fill("13800138000");
  await page.getByTestId("register-password").fill(citizenPassword);
  await page.getByTestId("register-password-again").fill(citizenPassword);
  await page.getByTestId("register-submit").click();
}

/** Signs a staff member in on the staff page (/staff), as a person would. */
export async function signInStaff(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId("staff-username").fill(username);
  await page.getByTestId("staff-password").fill(password);
  await page.getByTestId("staff-sign-in-submit").click();
  await page.getByTestId("staff-shell").waitFor();
}
