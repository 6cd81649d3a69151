import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { eventually, graphql, mintAccessToken, type RunningSystem } from "@onestop/testkit";
import { demoCenter } from "@onestop/seed";
import { openSeedWindowsIfMissing } from "../../../../packages/seed/src/catalog-windows";
import { seedItemsStep } from "../../../../packages/seed/src/items";
import { seedSteps } from "../../../../packages/seed/src/load";
import { withChallengeWhenAsked } from "../../../../test/support/challenge";
import { gatewayClient } from "../../../../test/support/gateway-client";
import { citizenPassword, expectAccessible, expectNoOverflow, problemsOf, registerInPage, residentId as residentIdOf, shoot, shootAll, shootBoth, startPortalHarness, viewports, type PortalHarness, type Viewport } from "./support";

/**
 * The public portal in a real browser (Debian's chromium through playwright-core), served by the
 * gateway of the real system on the seeded county: search by Chinese and by pinyin initials, an
 * item's disclosure with its fee in ¥, the language switch, the progress look-up that reveals
 * nothing for a wrong pair. Screenshots (zh and en, phone and desktop) go to
 * apps/portal/test-output/screenshots, which git ignores: look at them.
 */

// What the public sees: the departments, the hall's windows and the 177 items (no staff roster or
// fee accounts, which the public pages never show), to keep the suite near a minute.
const steps = [seedSteps.departments, openSeedWindowsIfMissing, seedItemsStep];

let harness: PortalHarness;
let system: RunningSystem;
let origin: string;
let adminToken: string;
const open = (viewport: Viewport, path = "/") => harness.open(viewport, path);

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal", steps);
  ({ system, origin, adminToken } = harness);
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

/** The results are no longer loading (a screenshot mid-fetch shows them faded). */
async function settled(page: Page): Promise<void> {
  // Locators, not page functions: the portal's CSP allows no eval, which a string predicate needs.
  await page.locator('[data-testid="results"][aria-busy="true"]').waitFor({ state: "detached" });
}

async function search(page: Page, words: string): Promise<void> {
  const box = page.getByTestId("search-input");
  await box.fill("");
  await box.pressSequentially(words, { delay: 30 });
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

/** A resident of Xuanhan born on 8 August 1988, with the given 3-digit sequence. */
const residentId = (sequence: number) => residentIdOf(sequence, "19880808");


/** Registers through the page (the register tab), which signs in and lands on my cases. */
async function registerAndLand(page: Page, name: string, idNumber: string): Promise<void> {
  await page.goto(`${origin}/signin`);
  await registerInPage(page, name, idNumber);
  await page.getByTestId("my-cases-page").waitFor();
  await page.getByTestId("account-name").waitFor();
}

/** Applies for an item through the API as the citizen (the online application form is another part of the issue). */
async function applyThroughApi(idNumber: string, name: string, itemName: string): Promise<{ id: string; receiptNo: string }> {
  // This address may have failed a sign-in in an earlier test: then staffing asks for a challenge.
  const login = await withChallengeWhenAsked(system.gatewayUrl, "signInChallenge", (challenge) =>
    graphql<{ loginCitizen: { accessToken: string } }>(system.gatewayUrl, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, {
      i: { idNumber, password: citizenPassword, challenge },
    }),
  );
  const token = login.data!.loginCitizen.accessToken;
  const found = await graphql<{ searchItems: { nodes: Array<{ id: string; name: string }> } }>(
    system.gatewayUrl,
    `query ($c: String!, $k: String) { searchItems(centerCode: $c, keyword: $k) { nodes { id name } } }`,
    { c: demoCenter.centerCode, k: itemName },
  );
  const item = found.data!.searchItems.nodes.find((node) => node.name === itemName)!;
  const idempotencyKey = randomUUID();
  return eventually(async () => {
    const result = await graphql<{ submitCase: { id: string; receiptNo: string } }>(
      system.gatewayUrl,
      `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`,
      { i: { itemId: item.id, applicantName: name, applicantIdNumber: idNumber, idempotencyKey } },
      { token },
    );
    if (result.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM") return null;
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.submitCase;
  }, 20_000);
}

describe("applying online in a browser, to the end", () => {
  test("finds the item, applies with uploads, answers the one-time notice, pays through the bank, rates the conclusion; a stranger sees nothing", async () => {
    const idNumber = residentId(501);
    const { itemId, clerk, chief } = await passportDepartment();
    const page = await open("desktop");

    // Found by an everyday name and by pinyin initials; the disclosure read.
    await search(page, "驾照");
    await page.getByRole("link", { name: "机动车驾驶证换证" }).waitFor();
    await search(page, "hz");
    await page.getByRole("link", { name: "普通护照签发" }).click();
    await page.getByTestId("disclosure-materials").waitFor();
    expect(await page.getByTestId("fee-amount").first().textContent()).toBe("¥120.00");

    // Not signed in: asked to, and brought back to the form after registering.
    await page.getByTestId("item-apply").click();
    await page.getByTestId("sign-in-first").waitFor();
    expect(await page.getByTestId("sign-in-first").textContent()).toContain("在线申请需要先登录");
    await page.getByTestId("sign-in-first").getByRole("link").click();
    await registerInPage(page, "赵六", idNumber);
    await page.getByTestId("apply-applicant").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/items/${itemId}/apply`);

    // 1. The applicant, prefilled from the account.
    expect(await page.getByTestId("apply-name").inputValue()).toBe("赵六");
    expect(await page.getByTestId("apply-id-number").inputValue()).toBe(idNumber);
    await shootAll(page, "apply-applicant", async (locale) => {
      await page.getByTestId("apply-step").filter({ hasText: locale === "zh" ? "申请人信息" : "Applicant" }).waitFor();
    });
    await page.getByTestId("apply-next").click();

    // 2. The materials: a refused kind told beside its line (by name here, by content at the gateway).
    await page.getByTestId("apply-materials").waitFor();
    const lines = page.locator('[data-testid^="material-line-"]');
    expect(await lines.count()).toBe(3);
    const [formLine, idLine, photoLine] = ["M01", "M02", "M03"];
    const choose = (code: string) => page.getByTestId(`material-line-${code}`).locator('input[type="file"]');
    await choose(formLine).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a pdf") });
    await page.getByTestId(`material-problem-${formLine}`).filter({ hasText: "不是 PDF、JPG 或 PNG 文件" }).waitFor();
    await choose(formLine).setInputFiles({ name: "renamed.pdf", mimeType: "application/pdf", buffer: Buffer.from("plain text dressed as a pdf") });
    await page.getByTestId(`material-problem-${formLine}`).filter({ hasText: "“renamed.pdf”不是 PDF" }).waitFor();
    await choose(formLine).setInputFiles(pdfNamed("申请表.pdf", "form"));
    await page.getByTestId(`material-line-${formLine}`).getByText("申请表.pdf").waitFor();
    await choose(photoLine).setInputFiles({ name: "照片.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId(`material-line-${photoLine}`).getByText("照片.png").waitFor();
    await uploadsDone(page);
    // The ID card left out: required, so the next step waits and says why beside the line.
    await page.getByTestId("apply-next").click();
    await page.getByTestId("apply-missing").waitFor();
    expect(await page.getByTestId(`material-problem-${idLine}`).textContent()).toBe("这项材料是必需的，请先上传，再点“下一步”。");
    await shootAll(page, "apply-materials", async (locale) => {
      await page.getByTestId("apply-missing").filter({ hasText: locale === "zh" ? "必需材料" : "required material" }).waitFor();
    });
    await choose(idLine).setInputFiles(pdfNamed("身份证.pdf", "id-first"));
    await page.getByTestId(`material-line-${idLine}`).getByText("身份证.pdf").waitFor();
    await uploadsDone(page);
    await page.getByTestId("apply-next").click();

    // 3. Review, then submit once (the request carries the key made for this submission).
    await page.getByTestId("apply-review").waitFor();
    await shootAll(page, "apply-review", async (locale) => {
      await page.getByTestId("apply-step").filter({ hasText: locale === "zh" ? "核对并提交" : "Review and submit" }).waitFor();
    });
    const keys: string[] = [];
    page.on("request", (request) => {
      const body = request.url().endsWith("/graphql") ? (request.postDataJSON() as { operationName?: string; variables?: { input?: { idempotencyKey?: string } } } | null) : null;
      if (body?.operationName === "SubmitCase") keys.push(String(body.variables?.input?.idempotencyKey));
    });
    await page.getByTestId("apply-submit").click();
    await page.getByTestId("apply-done").waitFor();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const receiptNo = (await page.getByTestId("receipt-no").textContent())!;
    await shootAll(page, "apply-receipt", async (locale) => {
      await page.getByText(locale === "zh" ? "网上申请回执" : "Online application receipt").waitFor();
    });
    await page.emulateMedia({ media: "print" });
    await shoot(page, "apply-receipt-print-zh-desktop");
    await page.emulateMedia({ media: null }); // back to the default: "screen" would also print the PDF with screen styles

    await page.getByTestId("receipt-open-case").click();
    await page.getByTestId("case-page").waitFor();
    const caseId = new URL(page.url()).pathname.split("/").pop()!;
    expect(await page.getByTestId("file-name").allTextContents()).toEqual(["申请表.pdf", "身份证.pdf", "照片.png"]);
    // One's own file opens: fetched with the token, offered as a download of its very bytes.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("file-download").nth(2).click()]);
    expect(download.suggestedFilename()).toBe("照片.png");
    const { readFile } = await import("node:fs/promises");
    expect((await readFile((await download.path())!)).equals(PNG)).toBe(true);

    // The clerk's one-time notice (through the API): the ID card copy is not legible.
    await once(["NOT_AUTHORIZED"], () =>
      api(clerk, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "${idLine}", problem: WRONG, note: "身份证复印件不清晰" }]) { id } }`, { id: caseId }),
    );
    await page.reload();
    await page.getByTestId("answer-notice").waitFor();
    expect(await page.getByTestId("case-status").textContent()).toBe("请补正材料");
    await page.getByTestId("supply-submit").click();
    await page.getByTestId(`material-problem-${idLine}`).filter({ hasText: "请先为这项上传文件" }).waitFor();
    await shootAll(page, "case-answer-notice", async (locale) => {
      await page.getByText(locale === "zh" ? "补交材料（一次性告知）" : "Hand in missing materials").waitFor();
    });
    await page.getByTestId("answer-notice").locator('input[type="file"]').setInputFiles(pdfNamed("身份证-清晰.pdf", "id-clear"));
    await page.getByTestId("answer-notice").getByText("身份证-清晰.pdf").waitFor();
    await uploadsDone(page);
    await page.getByTestId("supply-submit").click();
    await page.getByTestId("supplied").waitFor();
    await page.getByTestId("case-status").filter({ hasText: "已申请，等待窗口受理" }).waitFor();
    expect(await page.getByTestId("file-name").allTextContents()).toContain("身份证-清晰.pdf");

    // Accepted: fees issues the real payment notice; the test pays it as the bank does.
    await apiData(clerk, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId });
    const noticeNo = await eventually(async () => {
      await page.reload();
      await page.getByTestId("case-page").waitFor();
      return (await page.getByTestId("payment-notice").count()) ? page.getByTestId("notice-no").textContent() : null;
    }, 30_000);
    expect(await page.getByTestId("notice-total").textContent()).toBe("¥120.00");
    await shootAll(page, "payment-notice", async (locale) => {
      await page.getByText(locale === "zh" ? "在哪里、怎样缴费" : "Where and how to pay").waitFor();
    });
    await page.getByTestId("case-documents").waitFor();
    await page.evaluate("document.documentElement.dataset.printing = 'notice'; document.querySelector('[data-notice]').classList.add('print-target')");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("routing-slip").isVisible()).toBe(false);
    // The case's documents (receipt, notices) are not part of the payment notice's sheet.
    expect(await page.getByTestId("case-documents").isVisible()).toBe(false);
    expect((await page.pdf({ format: "A4" })).toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(1);
    await shoot(page, "payment-notice-print-zh-desktop");
    await page.emulateMedia({ media: null });
    await page.evaluate("delete document.documentElement.dataset.printing");
    const bank = await mintAccessToken(system.keys, { subject: "bank-icbc-hall", roles: ["bank"], centerCode: demoCenter.centerCode });
    const paid = await apiData(bank, `mutation ($i: RecordBankPaymentInput!) { recordBankPayment(input: $i) { notice { status } } }`, {
      i: { noticeNo, amountFen: 12000, bankTxnId: `ICBC-${caseId.slice(0, 8)}`, paidAt: new Date(Date.now() - 60_000).toISOString(), channel: "COUNTER" },
    });
    expect(paid.recordBankPayment.notice.status).toBe("PAID");

    // Reviewed, approved by the chief, concluded once the fee is settled.
    await apiData(clerk, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
    await once(["NOT_AUTHORIZED"], () => api(chief, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予签发") { id } }`, { id: caseId }));
    await once(["FEE_NOT_SETTLED"], () => api(clerk, `mutation ($id: ID!) { concludeCase(caseId: $id) { id } }`, { id: caseId }));
    const supervisor = await mintAccessToken(system.keys, { subject: "jcj-portal", roles: ["supervisor"], centerCode: demoCenter.centerCode });
    await eventually(async () => ((await apiData(supervisor, `query ($id: ID!) { caseSupervision(caseId: $id) { status } }`, { id: caseId })).caseSupervision?.status === "CONCLUDED" ? true : null), 30_000);

    // The conclusion, and the rating: a bad one asks for a reason; what is typed stays text.
    await page.reload();
    await page.getByTestId("case-status").filter({ hasText: "已办结" }).waitFor();
    // A concluded case has no working days "left".
    expect(await page.getByTestId("case-page").textContent()).not.toContain("剩余");
    await page.getByTestId("rating-form").waitFor();
    await shootAll(page, "case-rate", async (locale) => {
      await page.getByText(locale === "zh" ? "评价本次服务（好差评）" : "Rate this service").waitFor();
    });
    await page.getByText("非常不满意", { exact: true }).click();
    await page.getByTestId("rating-submit").click();
    await page.locator(".ant-form-item-explain-error").filter({ hasText: "请写明原因" }).waitFor();
    await page.getByTestId("rating-comment").fill("<b>等候两小时</b>");
    await page.getByTestId("rating-submit").click();
    await page.getByTestId("rating-given").waitFor();
    expect(await page.getByTestId("rating-level").textContent()).toBe("非常不满意");
    expect(await page.getByTestId("rating-comment-given").textContent()).toBe("<b>等候两小时</b>");
    expect(await page.getByTestId("rating-follow-up").textContent()).toContain("部门正在处理");
    await page.getByTestId("rating-add-text").fill("补充：窗口后来主动致歉");
    await page.getByTestId("rating-add-submit").click();
    await page.getByTestId("rating-additions").filter({ hasText: "补充：窗口后来主动致歉" }).waitFor();
    await shootAll(page, "case-rated", async (locale) => {
      await page.getByTestId("rating-follow-up").filter({ hasText: locale === "zh" ? "差评整改情况" : "Follow-up" }).waitFor();
    });
    // The browser logs the gateway's refusal of the file dressed as a PDF; nothing else went wrong.
    expect(problemsOf(page).filter((problem) => !problem.includes("status of 415"))).toEqual([]);

    // A stranger: neither the case's page nor its files, by the page or by a direct GET.
    const strangerId = residentId(502);
    const stranger = await open("phone");
    await registerAndLand(stranger, "孙七", strangerId);
    await stranger.goto(`${origin}/my/cases/${caseId}`);
    await stranger.getByTestId("case-not-found").waitFor();
    expect(await stranger.content()).not.toContain(receiptNo);
    const mine = await apiData(await citizenToken(idNumber), `query ($id: ID!) { case(id: $id) { materialFiles { fileId } } }`, { id: caseId });
    const fileId = mine.case.materialFiles[0].fileId as string;
    const theirs = await fetch(`${origin}/files/${fileId}`, { headers: { authorization: `Bearer ${await citizenToken(strangerId)}` } });
    expect(theirs.status).toBe(404);
    expect((await fetch(`${origin}/files/${fileId}`, { headers: { authorization: `Bearer ${await citizenToken(idNumber)}` } })).status).toBe(200);
    expect(problemsOf(stranger)).toEqual([]);
  }, 300_000);
});

describe("the applicant in a browser", () => {
  test.each(["desktop", "phone"] as const)("on a %s: finds items by an everyday word and its pinyin initials", async (viewport) => {
    const page = await open(viewport);
    await search(page, "医保");
    await page.getByRole("link", { name: "城乡居民基本医疗保险参保登记" }).waitFor();
    await search(page, "yb");
    await page.getByRole("link", { name: "城乡居民基本医疗保险参保登记" }).waitFor();
    await search(page, "驾照");
    await page.getByRole("link", { name: "机动车驾驶证换证" }).waitFor();
    await search(page, "gjj");
    await page.getByRole("link", { name: "住房公积金提取（租房）" }).waitFor();
    await settled(page);
    await expectAccessible(page, `home ${viewport}`);
    await shoot(page, `search-everyday-zh-${viewport}`);
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  test("the disclosure prints on one A4 page, and every public page passes axe", async () => {
    const page = await open("desktop");
    await search(page, "护照");
    await page.getByRole("link", { name: "普通护照签发" }).click();
    await page.getByTestId("disclosure-materials").waitFor();
    await expectAccessible(page, "item zh");
    const pdfPages = async () => (await page.pdf({ format: "A4", printBackground: true })).toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length;
    expect(await pdfPages()).toBe(1);
    await page.emulateMedia({ media: "print" });
    await shoot(page, "item-print-zh-desktop");
    await page.emulateMedia({ media: null });
    // The seeded item with the longest disclosure (six materials) fits one sheet too; shot as
    // the sheet sees it (A4 at 96 dpi less the margins).
    await page.goto(`${origin}/`);
    await search(page, "建设工程规划许可证");
    await page.getByRole("link", { name: "建设工程规划许可证核发" }).click();
    await page.getByTestId("disclosure-materials").waitFor();
    expect(await pdfPages()).toBe(1);
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: "print" });
    await shoot(page, "item-print-long-zh-desktop");
    await page.emulateMedia({ media: null });
    await page.setViewportSize(viewports.desktop);
    await page.goto(`${origin}/progress`);
    await page.getByTestId("progress-form").waitFor();
    await expectAccessible(page, "progress zh");
    await page.getByTestId("language-switch").click();
    await page.locator('html[lang="en"]').waitFor({ state: "attached" });
    await expectAccessible(page, "progress en");
  }, 60_000);

  test.each(["desktop", "phone"] as const)(
    "on a %s: registers, stays signed in across a reload with no token a script can read, follows and withdraws a case, signs out",
    async (viewport) => {
      const idNumber = residentId(viewport === "desktop" ? 101 : 102);
      const page = await open(viewport, "/signin");
      await shootBoth(page, "sign-in", viewport, async () => {
        await page.getByTestId("sign-in-form").waitFor();
      });
      await registerAndLand(page, "张三", idNumber);
      await page.getByText("您还没有办件").waitFor();

      const submitted = await applyThroughApi(idNumber, "张三", "普通护照签发");

      // A reload: the access token is gone with the page; the cookie renews it silently.
      await page.reload();
      await page.getByTestId("my-case").first().waitFor();
      expect(await page.getByTestId("account-name").textContent()).toBe("已登录：张三");
      expect(await page.evaluate("document.cookie")).toBe("");
      const cookies = await page.context().cookies();
      expect(cookies.map(({ name, httpOnly, secure, sameSite, path }) => ({ name, httpOnly, secure, sameSite, path }))).toEqual([
        { name: "onestop_refresh", httpOnly: true, secure: true, sameSite: "Strict", path: "/auth" },
      ]);
      expect(await page.evaluate("JSON.stringify(window.localStorage)")).not.toContain(cookies[0].value);
      await shootBoth(page, "my-cases", viewport, async (locale) => {
        await page.getByTestId("my-case").first().waitFor();
        await page.getByText(locale === "zh" ? "已申请，等待窗口受理" : "Applied, waiting for a window to accept").waitFor();
      });

      await page.getByRole("link", { name: "普通护照签发" }).click();
      await page.getByTestId("case-page").waitFor();
      expect(await page.getByTestId("case-status").textContent()).toBe("已申请，等待窗口受理");
      expect(await page.getByTestId("routing-slip").textContent()).toContain("您提交了申请");
      await shootBoth(page, "case", viewport, async (locale) => {
        await page.getByText(locale === "zh" ? "办理过程" : "What has happened").waitFor();
      });

      await page.getByTestId("withdraw-open").click();
      await page.getByRole("button", { name: "确认撤回" }).click();
      await page.getByText("请写明撤回原因").waitFor();
      await page.getByTestId("withdraw-reason").fill("<b>材料还没准备好</b>");
      await page.getByRole("button", { name: "确认撤回" }).click();
      await page.getByTestId("withdrawn").waitFor();
      await page.getByTestId("case-status").filter({ hasText: "已撤回" }).waitFor();
      expect(await page.getByTestId("routing-slip").textContent()).toContain("您撤回了申请");
      expect(await page.getByTestId("withdraw-open").count()).toBe(0);

      // A stranger, signed in as someone else, opening the case's address learns nothing of it.
      const stranger = await open(viewport);
      await registerAndLand(stranger, "李四", residentId(viewport === "desktop" ? 201 : 202));
      await stranger.goto(`${origin}/my/cases/${submitted.id}`);
      await stranger.getByTestId("case-not-found").waitFor();
      expect(await stranger.content()).not.toContain(submitted.receiptNo);
      await shootBoth(stranger, "case-not-yours", viewport, async () => {
        await stranger.getByTestId("case-not-found").waitFor();
      });
      expect(problemsOf(stranger)).toEqual([]);

      await page.getByTestId("sign-out").click();
      await page.getByTestId("nav-sign-in").waitFor();
      expect(await page.context().cookies()).toEqual([]);
      await page.goto(`${origin}/my`);
      await page.getByTestId("sign-in-first").waitFor();
      expect(problemsOf(page)).toEqual([]);
    },
    120_000,
  );

  test("after a wrong password the next sign-in solves a challenge in the page; a challenge that cannot be solved is told in plain words", async () => {
    const page = await open("phone", "/signin");
    await page.getByTestId("auth-id").first().fill(residentId(301));
    await page.getByTestId("auth-password").fill("wrong-password-1");
    await page.getByTestId("sign-in-submit").click();
    await page.getByTestId("auth-refused").waitFor();
    expect(await page.getByTestId("auth-refused").textContent()).toContain("证件号码或密码不正确");
    await shoot(page, "sign-in-refused-zh-phone");

    // This client has failed lately: staffing asks for a challenge, the page solves it and signs in.
    const operations: string[] = [];
    page.on("request", (request) => {
      const body = request.url().endsWith("/graphql") ? (request.postDataJSON() as { operationName?: string } | null) : null;
      if (body?.operationName) operations.push(body.operationName);
    });
    await registerAndLand(page, "赵六", residentId(301));
    expect(operations).toEqual(expect.arrayContaining(["RegisterCitizen", "SignInChallenge"]));
    expect(operations.filter((name) => name === "LoginCitizen")).toHaveLength(2);

    const stranger = await open("phone", "/signin");
    await stranger.route("**/graphql", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ data: null, errors: [{ message: "solve it", extensions: { code: "CHALLENGE_REQUIRED" } }] }) }),
    );
    await stranger.getByTestId("auth-id").first().fill(residentId(302));
    await stranger.getByTestId("auth-password").fill("wrong-password-2");
    await stranger.getByTestId("sign-in-submit").click();
    await stranger.getByTestId("auth-refused").filter({ hasText: "安全验证" }).waitFor();
    expect(await stranger.content()).not.toContain("solve it");
  }, 90_000);
});

// Real bytes of the three kinds the gateway takes (it judges by content), and one it refuses.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const pdfNamed = (name: string, marker: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.concat([PDF, Buffer.from(`% ${marker}\n`)]) });

const { gql: api, data: apiData, once } = gatewayClient(() => system.gatewayUrl);

/** The passport item's department, its entry window, a clerk (受理, 审核) and a chief representative (批准), with their letters. */
async function passportDepartment(): Promise<{ itemId: string; clerk: string; chief: string }> {
  const found = await apiData(adminToken, `query ($c: String!) { searchItems(centerCode: $c, keyword: "普通护照签发") { nodes { id name } } }`, { c: demoCenter.centerCode });
  const itemId = (found.searchItems.nodes as Array<{ id: string; name: string }>).find((node) => node.name === "普通护照签发")!.id;
  const { item } = await apiData(adminToken, `query ($id: ID!) { item(id: $id) { department { id } entry { window { id } } } }`, { id: itemId });
  const departmentId = item.department.id as string;
  const windowId = item.entry.window.id as string;
  // 统一收费: the department's fee account, without which fees holds the payment notice back.
  await once(["UNKNOWN_DEPARTMENT"], () =>
    api(adminToken, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, {
      i: { departmentId, accountNo: "2308020519000099001", accountName: "公安局非税收入专户", bankName: "中国工商银行宣汉支行" },
    }),
  );
  const staff = async (code: string, name: string, acts: string[], roles: Parameters<typeof mintAccessToken>[1]["roles"]) => {
    const { registerStaff } = await apiData(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: demoCenter.centerCode, code, name, departmentId },
    });
    await apiData(adminToken, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId, acts } });
    return mintAccessToken(system.keys, { subject: registerStaff.id, roles, centerCode: demoCenter.centerCode, departmentId, windowId });
  };
  const clerk = await staff("GAJ-PORTAL-07", "赵受理", ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"], ["window_staff"]);
  const chief = await staff("GAJ-PORTAL-00", "钱首席", ["APPROVE"], ["window_staff", "chief_representative"]);
  return { itemId, clerk, chief };
}

async function citizenToken(idNumber: string): Promise<string> {
  const { loginCitizen } = await apiData("", `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, { i: { idNumber, password: citizenPassword } });
  return loginCitizen.accessToken as string;
}

/** No file of the page is still on its way to the gateway. */
async function uploadsDone(page: Page): Promise<void> {
  await eventually(async () => ((await page.locator(".ant-upload-list-item-uploading").count()) === 0 ? true : null), 20_000);
}

