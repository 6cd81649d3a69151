import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import type { Page } from "playwright-core";
import { casesEvents, type EventPayload } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import { demoCenter, demoStaffPassword, seedAccountNo, seedDepartments, seedFeeAccountsStep, seedSteps } from "@onestop/seed";
import { eventually, fixedFee, graphql, mintAccessToken, planningLicenceItem } from "@onestop/testkit";
import { seedStaffingStep } from "../../../../packages/seed/src/staffing";
import { testNamespace } from "../../../../test/support/environment";
import { problemsOf, shootAll, signInStaff, startPortalHarness, type PortalHarness } from "./support";

/**
 * 财务 in a real browser, on the seeded county (departments, fee accounts, staff): a clerk's
 * reduction and refund await finance (ZX-CW-01), who approves them; the day's takings show the
 * two payments the bank made; the bank's statement of the account, uploaded as a file, matches
 * both and lists its one discrepancy: a line for a notice the bank never confirmed.
 */
const ENVIRONMENT = "e2e_portal_finance";
const CENTER = demoCenter.centerCode;
const FEE_ACTS = ["CANCEL_FEE_NOTICE", "REISSUE_FEE_NOTICE", "REQUEST_FEE_REDUCTION", "REQUEST_FEE_REFUND"];
const ACCOUNT = seedAccountNo(seedDepartments.findIndex((department) => department.code === "ZJJ"));

let harness: PortalHarness;
let nats: NatsConnection;
let departmentId: string;
let itemId: string;
let clerk: string;
const notices: Record<"a" | "b" | "c" | "d", string> = { a: "", b: "", c: "", d: "" };
const noticeIds: Record<string, string> = {};

async function api<T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(harness.system.gatewayUrl, query, variables, { token });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** A case accepted, as cases announces it: fees issues its payment notice. */
async function acceptedCase(name: string): Promise<string> {
  const caseId = randomUUID();
  const payload = {
    caseId, receiptNo: `SL${Date.now()}${name}`, centerCode: CENTER, itemId, itemVersion: 1, departmentId, handlerId: clerk,
    applicantSubject: `citizen-${name}`, applicantName: `申请人${name}`, quantity: 1, acceptedAt: new Date().toISOString(),
  } as EventPayload<typeof casesEvents.caseAccepted>;
  const envelope = { id: randomUUID(), type: casesEvents.caseAccepted.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload };
  await jetstream(nats).publish(namespacedSubject(testNamespace(ENVIRONMENT), casesEvents.caseAccepted.subject), JSON.stringify(envelope), { msgID: envelope.id });
  const [row] = await eventually(async () => {
    const rows = (await harness.system.subgraphs.fees.infrastructure.dataSource.query("SELECT id, notice_no FROM payment_notice WHERE case_id = ?", [caseId])) as Array<{ id: string; notice_no: string }>;
    return rows.length ? rows : null;
  }, 30_000);
  noticeIds[row!.notice_no] = row!.id;
  return row!.notice_no;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

beforeAll(async () => {
  harness = await startPortalHarness(ENVIRONMENT, [seedSteps.departments, seedFeeAccountsStep, seedStaffingStep]);
  nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const admin = harness.adminToken;
  const { departments } = await api<{ departments: Array<{ id: string; code: string }> }>(admin, `query ($c: String!) { departments(centerCode: $c) { id code } }`, { c: CENTER });
  departmentId = departments.find((department) => department.code === "ZJJ")!.id;
  const created = await api<{ createItem: { id: string } }>(admin, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, {
    i: planningLicenceItem(CENTER, departmentId, { baseCode: "XK00088000", name: "财务测试收费事项", feeItems: [fixedFee("证照工本费")] }),
  });
  itemId = created.createItem.id;
  await api(admin, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: itemId });
  const { registerStaff } = await api<{ registerStaff: { id: string } }>(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
    i: { centerCode: CENTER, code: "ZJJ-CW-TEST", name: "王收费", departmentId },
  });
  await api(admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId: registerStaff.id, departmentId, acts: FEE_ACTS } });
  clerk = await mintAccessToken(harness.system.keys, { subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId });

  // Fees hears of the item by event: retry the first notice until it is issued.
  notices.a = await eventually(() => acceptedCase("A"), 60_000);
  notices.b = await acceptedCase("B");
  notices.c = await acceptedCase("C");
  notices.d = await acceptedCase("D");
  const bank = await mintAccessToken(harness.system.keys, { subject: "bank-icbc-hall", roles: ["bank"], centerCode: CENTER });
  for (const [key, no] of [["A", notices.a], ["B", notices.b]] as const) {
    await api(bank, `mutation ($i: RecordBankPaymentInput!) { recordBankPayment(input: $i) { receiptNo } }`, {
      i: { noticeNo: no, amountFen: 5000, bankTxnId: `ICBC-FIN-${key}`, paidAt: minutesAgo(5), channel: "COUNTER" },
    });
  }
  // The clerk asks (once fees' replica of letters has the clerk's): a refund of B, half off C.
  await eventually(async () => {
    const result = await graphql(harness.system.gatewayUrl, `mutation ($i: RequestRefundInput!) { requestRefund(input: $i) { id } }`, {
      i: { noticeId: noticeIds[notices.b], reason: "重复缴费，申请退还", idempotencyKey: randomUUID() },
    }, { token: clerk });
    if (result.errors?.[0]?.extensions?.code === "NOT_AUTHORIZED") return null;
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return true;
  }, 30_000);
  await api(clerk, `mutation ($i: RequestFeeReductionInput!) { requestFeeReduction(input: $i) { id } }`, {
    i: { noticeId: noticeIds[notices.c], percent: 50, policy: "小微企业减半收取", reason: "申请人为小微企业" },
  });
}, 900_000);

afterAll(async () => {
  await nats?.close();
  await harness?.stop();
});

async function settled(page: Page): Promise<void> {
  await page.locator(".ant-spin-spinning, .ant-skeleton").first().waitFor({ state: "detached" }).catch(() => undefined);
}

describe("finance in a browser", () => {
  test("finance decides the clerk's requests, reads the day's takings and reconciles a statement with one discrepancy", async () => {
    const page = await harness.open("desktop", "/staff/finance");
    await signInStaff(page, "zx-cw-01", demoStaffPassword);
    await page.waitForURL(/\/staff\/finance$/);

    // 1. What awaits a decision, from the server's pages.
    await page.getByTestId("finance-reduction").waitFor();
    await page.getByTestId("finance-refund").waitFor();
    await shootAll(page, "finance-decisions", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "待审批的减免和退费" : "Reductions and refunds awaiting a decision" }).waitFor();
      await settled(page);
    });
    await page.getByTestId("finance-reduction").getByTestId("finance-decision-note").fill("核实为小微企业");
    await page.getByTestId("finance-reduction").getByTestId("finance-approve").click();
    await page.getByTestId("finance-reductions").getByTestId("finance-decided").waitFor();
    await page.getByTestId("finance-reduction").waitFor({ state: "detached" });
    // By keyboard: the refund's approve button reached with Tab from its note.
    await page.getByTestId("finance-refund").getByTestId("finance-decision-note").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("finance-refunds").getByTestId("finance-decided").waitFor();
    await page.getByTestId("finance-refund").waitFor({ state: "detached" });

    // 2. The day's takings per department account: the two payments on ZJJ's.
    await page.getByTestId("finance-section-takings").click();
    const zjjRow = page.getByTestId("takings-table").locator("tr", { hasText: ACCOUNT });
    await zjjRow.waitFor();
    expect(await zjjRow.textContent()).toContain("¥100.00");
    await shootAll(page, "finance-takings", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "各部门账户当日收款" : "Takings per department account" }).waitFor();
      await settled(page);
    });

    // 3. The bank's statement of ZJJ's account today: A and B as recorded, and D, which the bank never confirmed.
    await page.getByTestId("finance-section-statements").click();
    await page.getByTestId("finance-statements").waitFor();
    await page.locator("#statement-account").click();
    await page.keyboard.type(ACCOUNT);
    await page.keyboard.press("Enter");
    // The account list closes before the screen is judged: an open list lies over the upload button.
    await page.locator(".ant-select-dropdown").first().waitFor({ state: "hidden" });
    const csv = [
      "bankTxnId,noticeNo,amountFen,paidAt",
      `ICBC-FIN-A,${notices.a},5000,${minutesAgo(5)}`,
      `ICBC-FIN-B,${notices.b},5000,${minutesAgo(5)}`,
      `ICBC-FIN-D,${notices.d},5000,${minutesAgo(3)}`,
    ].join("\n");
    await page.getByTestId("statement-file").setInputFiles({ name: "ICBC-20260302.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("statement-file-state").getByText("ICBC-20260302.csv").waitFor();
    // Judged at rest: the upload button enabled (account, day and file chosen), its colour change from
    // grey to red finished (Ant Design animates it over 0.2 s; axe mid-way reads a pale background).
    await page.locator('[data-testid="statement-upload"]:not([disabled])').waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await shootAll(page, "finance-statement-upload", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "银行对账" : "Bank statement reconciliation" }).waitFor();
      await page.getByTestId("statement-file-state").getByText(locale === "zh" ? "合计 ¥150.00" : "total ¥150.00").waitFor();
    });
    // The progress shows while the parts go up (recorded by the page as it happens).
    await page.evaluate(`window.__progressSeen = false; new MutationObserver(() => { if (document.querySelector('[data-testid="statement-progress"] .ant-progress')) window.__progressSeen = true; }).observe(document.body, { subtree: true, childList: true });`);
    await page.getByTestId("statement-upload").click();
    await page.getByTestId("finance-report").waitFor();
    expect(await page.evaluate("window.__progressSeen")).toBe(true);
    expect(await page.getByTestId("report-count-matched").textContent()).toBe("2");
    expect(await page.getByTestId("report-count-PAID_AT_BANK_UNKNOWN_HERE").textContent()).toBe("1");
    const rows = page.getByTestId("report-discrepancies").locator("tbody tr.ant-table-row");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("银行未向中心确认此笔缴款");
    expect(await rows.first().textContent()).toContain(notices.d);
    expect(await page.getByTestId("report-balance").textContent()).toContain("¥50.00");
    await shootAll(page, "finance-report", async (locale) => {
      await page.getByRole("heading", { name: locale === "zh" ? "对账结果" : "Reconciliation report" }).waitFor();
      await settled(page);
    });

    // 4. A notice by its number: C, replaced by the reduced notice once approved.
    await page.getByTestId("finance-section-notice").click();
    await page.getByRole("searchbox").fill(notices.c);
    await page.keyboard.press("Enter");
    await page.getByTestId("finance-notice").getByText("已作废").waitFor();
    await shootAll(page, "finance-notice", async (locale) => {
      await page.getByTestId("finance-notice").getByText(locale === "zh" ? "已作废" : "Cancelled").waitFor();
    });
    expect(problemsOf(page).filter((problem) => !problem.includes("401"))).toEqual([]);
  }, 600_000);
});
