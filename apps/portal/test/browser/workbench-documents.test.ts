import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { eventually, fixedFee, mintAccessToken, planningLicenceItem } from "@onestop/testkit";
import { departmentWithWindow } from "../../../../test/support/department-with-window";
import { gatewayClient, type Data } from "../../../../test/support/gateway-client";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 窗口打印 (issue 19, point 4) in a real browser: as a case reaches its one-time notice, its
 * acceptance with a payment notice, and its conclusion, the clerk's workbench lists the 告知书, the
 * 受理回执, the 缴款通知书 and the licence with a print button each, which fetches the A4 PDF (the
 * same file results keeps) into a tab of its own to print from; the routing slip shows each document's number and
 * SHA-256. Screenshots zh/en, phone/desktop; axe on every screen.
 */
jest.setTimeout(600_000);

const CENTER = "511722000000";
const PASSWORD = "window-pass-2026";
let harness: PortalHarness;
const { gql, data, once } = gatewayClient(() => harness.system.gatewayUrl);

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_workbench_documents");
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

/** The print button of the document of `kind` fetches its PDF: 200, application/pdf, the bytes results recorded (its etag is their SHA-256). */
async function printsPdf(page: Page, caseId: string, kind: string): Promise<void> {
  const row = page.locator(`[data-testid="wb-document"][data-kind="${kind}"]`);
  await row.waitFor({ timeout: 60_000 });
  const documents = (await data(harness.adminToken, `query ($id: ID!) { case(id: $id) { documents { id kind sha256 } } }`, { id: caseId })).case.documents as Data[];
  const document = documents.find((d) => d.kind === kind)!;
  const [tab, response] = await Promise.all([
    page.context().waitForEvent("page"),
    page.waitForResponse((r) => new URL(r.url()).pathname === `/documents/${document.id}`),
    row.getByTestId("wb-document-print").click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers().etag).toContain(document.sha256);
  // The PDF opens in a tab of its own, to print from the browser's viewer.
  await eventually(async () => (tab.url().startsWith("blob:") ? true : null), 10_000);
  await tab.close();
}

test("the workbench prints the one-time notice, the receipt, the payment notice and the licence as the case reaches them", async () => {
  const { system, adminToken, origin } = harness;
  const zjj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "ZJJ", "县住房和城乡建设局");
  await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, {
      i: { departmentId: zjj.id, accountNo: "6222020200112233445", accountName: "县住房和城乡建设局非税收入户", bankName: "中国工商银行宣汉支行" },
    }),
  );
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.id, { feeItems: [fixedFee("证照工本费")] }) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  // The clerk who prints signs in on the page: a staff member of the department with an account.
  const { registerStaff } = await data(adminToken, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: "ZJJ-05", name: "周窗口", departmentId: zjj.id } });
  await data(adminToken, `mutation ($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { username } }`, { i: { staffId: registerStaff.id, username: "zjj-05", password: PASSWORD, roles: ["window_staff"] } });

  const citizen = await mintAccessToken(system.keys, { subject: `citizen-print-${randomUUID()}`, roles: ["citizen"] });
  const bank = await mintAccessToken(system.keys, { subject: "bank-hall", roles: ["bank"], centerCode: CENTER });
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;

  const page = await harness.open("desktop", "/staff/workbench");
  await signInStaff(page, "zjj-05", PASSWORD);
  await page.goto(`${origin}/staff/workbench/cases/${caseId}`);
  await page.locator(`[data-testid="wb-case"][data-case-id="${caseId}"]`).waitFor();
  await page.getByTestId("wb-documents-none").waitFor();

  // 一次性告知: the 告知书 to print.
  await once(["NOT_AUTHORIZED"], () => gql(zjj.token, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "M01", problem: MISSING, note: "需加盖单位公章" }]) { id } }`, { id: caseId }));
  await page.reload();
  await printsPdf(page, caseId, "MATERIAL_NOTICE");

  // Supplied and accepted: the receipt, then fees' payment notice.
  await data(citizen, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M01", documentRef: "纸质件已交窗口" }]) { id } }`, { id: caseId });
  await data(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId });
  await page.reload();
  await printsPdf(page, caseId, "RECEIPT");
  // The page asks again while documents may still be coming: the payment notice appears without a reload.
  await printsPdf(page, caseId, "PAYMENT_NOTICE");

  // Paid, reviewed, approved, concluded: the licence.
  const noticeNo = await eventually(async () => {
    const documents = (await data(zjj.token, `query ($id: ID!) { case(id: $id) { paymentNotices { noticeNo } } }`, { id: caseId })).case.paymentNotices as Data[];
    return documents[0]?.noticeNo ?? null;
  }, 30_000);
  await data(bank, `mutation ($i: RecordBankPaymentInput!) { recordBankPayment(input: $i) { receiptNo } }`, {
    i: { noticeNo, amountFen: 5000, bankTxnId: `ICBC-${caseId.slice(0, 8)}`, paidAt: new Date(Date.now() - 60_000).toISOString(), channel: "COUNTER" },
  });
  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await once(["NOT_AUTHORIZED"], () => gql(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId }));
  await once(["FEE_NOT_SETTLED"], () => gql(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId }));
  await page.reload();
  await printsPdf(page, caseId, "LICENCE");
  expect(await page.getByTestId("wb-document").count()).toBe(4);
  // Each with its verification code, and on the routing slip with its number and SHA-256.
  const results = (await data(zjj.token, `query ($id: ID!) { case(id: $id) { documents { kind documentNo verificationCode sha256 } } }`, { id: caseId })).case.documents as Data[];
  for (const document of results) {
    await page.locator(`[data-testid="wb-document"][data-kind="${document.kind}"]`).getByText(document.verificationCode, { exact: false }).waitFor();
    const onSlip = page.locator(`[data-testid="wb-routing-document"][data-kind="${document.kind}"]`);
    await onSlip.waitFor();
    expect(await onSlip.textContent()).toContain(document.documentNo);
    expect(await onSlip.textContent()).toContain(document.sha256);
  }
  // 通知记录: the window sees how the applicant was told of each step: the inbox always, no SMS
  // without a number; what the page lists is what notifications recorded.
  const deliveries = await eventually(async () => {
    const list = (await data(zjj.token, `query ($id: ID!) { caseNotifications(caseId: $id) { cause channel status } }`, { id: caseId })).caseNotifications as Data[];
    return list.some((d) => d.cause === "RESULT_READY") ? list : null;
  }, 30_000);
  expect(deliveries.filter((d) => d.channel === "INBOX").map((d) => d.cause).sort()).toEqual(["ACCEPTED", "FEE_DUE", "MATERIALS_REQUESTED", "RESULT_READY"]);
  await page.getByTestId("wb-notifications-toggle").click();
  await page.getByTestId("wb-notification").first().waitFor();
  const shown = await page.getByTestId("wb-notification").evaluateAll((rows) => rows.map((row) => `${row.getAttribute("data-cause")}/${row.getAttribute("data-channel")}/${row.getAttribute("data-status")}`).sort());
  expect(shown).toEqual(deliveries.map((d) => `${d.cause}/${d.channel}/${d.status}`).sort());
  await page.locator('[data-testid="wb-notification"][data-cause="FEE_DUE"][data-channel="INBOX"]').getByText("缴费通知").waitFor();

  await page.getByTestId("wb-documents").scrollIntoViewIfNeeded();
  await shootAll(page, "workbench-documents", async (locale) => {
    await page.getByTestId("wb-documents").getByText(locale === "zh" ? "文书打印" : "Documents to print", { exact: true }).waitFor();
  });
  expect(problemsOf(page)).toEqual([]);
});
