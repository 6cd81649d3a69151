import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { eventually, graphql, planningLicenceItem } from "@onestop/testkit";
import { departmentWithWindow } from "../../../../test/support/department-with-window";
import { gatewayClient, type Data } from "../../../../test/support/gateway-client";
import { citizenPassword, problemsOf, registerInPage, residentId, shootAll, startPortalHarness, type PortalHarness } from "./support";

/**
 * 电子证照 in a real browser (issue 19): a concluded case's licence verifies on the public page
 * (/verify/<code>, where its QR code points), a revoked one reads revoked, a tampered code finds
 * nothing; the applicant downloads the case's documents and sees their licences. Screenshots zh/en,
 * phone/desktop, into apps/portal/test-output/screenshots; every screen checked by axe and for
 * sideways scrolling.
 */
const CENTER = "511722000000";

let harness: PortalHarness;
const { gql, data, once } = gatewayClient(() => harness.system.gatewayUrl);

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_results");
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

test("a concluded case's licence verifies on the public page, a revoked one reads revoked, a tampered code finds nothing; the applicant's documents and licences", async () => {
  const { system, adminToken, origin } = harness;
  const zjj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "ZJJ", "县住房和城乡建设局");
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () => gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.id) }));
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });

  // The applicant registers in the page (signed in there), applies through the API; the department decides.
  const idNumber = residentId(901);
  const page = await harness.open("desktop", "/signin");
  await registerInPage(page, "张三", idNumber);
  await page.getByTestId("my-cases-page").waitFor();
  const login = await graphql<Data>(system.gatewayUrl, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, { i: { idNumber, password: citizenPassword } });
  const citizen = login.data!.loginCitizen.accessToken as string;
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: idNumber, idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;
  await once(["NOT_AUTHORIZED"], () => gql(zjj.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId }));
  await data(zjj.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await once(["NOT_AUTHORIZED"], () => gql(zjj.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId }));
  await data(zjj.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id } }`, { id: caseId });
  const licence = await eventually(async () => {
    const documents = ((await data(citizen, `query ($id: ID!) { case(id: $id) { documents { kind verificationCode licence { id } } } }`, { id: caseId })).case.documents ?? []) as Data[];
    return documents.find((d) => d.kind === "LICENCE") ?? null;
  }, 30_000);
  const verificationCode = String(licence.verificationCode);

  // The case's documents, downloaded from the case page as PDFs.
  await page.goto(`${origin}/my/cases/${caseId}`);
  await page.locator('[data-testid="case-document"][data-kind="LICENCE"]').waitFor();
  expect(await page.getByTestId("case-document").count()).toBe(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="case-document"][data-kind="LICENCE"]').getByTestId("document-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^准予行政许可决定书-ZZ511722-\d{4}-000001\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe("%PDF-");
  await page.getByTestId("case-documents").scrollIntoViewIfNeeded();
  await shootAll(page, "case-documents", async (locale) => {
    await page.getByTestId("case-documents").getByText(locale === "zh" ? "办件文书" : "Documents of this case").waitFor();
  });

  // My licences.
  await page.getByTestId("nav-my-licences").click();
  await page.locator('[data-testid="licence"][data-status="VALID"]').waitFor();
  await shootAll(page, "my-licences", async (locale) => {
    await page.getByText(locale === "zh" ? "我的证照" : "My licences", { exact: true }).first().waitFor();
  });

  // The QR code's address, in a browser nobody signed in to: valid, and no name on the page.
  const visitor = await harness.open("phone", `/verify/${verificationCode.replace(/-/g, "")}`);
  await visitor.locator('[data-testid="verify-status"][data-status="VALID"]').waitFor();
  expect(await visitor.getByTestId("verify-found").textContent()).not.toContain("张三");
  await shootAll(visitor, "verify-valid", async (locale) => {
    await visitor.getByTestId("verify-status").filter({ hasText: locale === "zh" ? "有效" : "Valid" }).waitFor();
  });

  // Revoked by the department: the same address now reads revoked.
  await data(zjj.chiefToken, `mutation ($i: LicenceChangeInput!) { revokeLicence(input: $i) { id status } }`, { i: { licenceId: licence.licence.id, reason: "以欺骗手段取得许可" } });
  await visitor.reload();
  await visitor.locator('[data-testid="verify-status"][data-status="REVOKED"]').waitFor();
  await shootAll(visitor, "verify-revoked", async (locale) => {
    await visitor.getByTestId("verify-status").filter({ hasText: locale === "zh" ? "已撤销" : "Revoked" }).waitFor();
  });

  // A tampered code, typed on the public page (keyboard only): nothing found.
  await visitor.goto(`${origin}/verify`);
  const plain = verificationCode.replace(/-/g, "");
  const tampered = plain.slice(0, 5) + (plain[5] === "7" ? "8" : "7") + plain.slice(6);
  await visitor.getByTestId("verify-input").focus();
  await visitor.keyboard.type(tampered);
  await visitor.keyboard.press("Enter");
  await visitor.getByTestId("verify-not-found").waitFor();
  // The address carries the code as typed; a check symbol such as = or $ is escaped in it.
  expect(decodeURIComponent(new URL(visitor.url()).pathname)).toBe(`/verify/${tampered}`);
  await shootAll(visitor, "verify-not-found", async (locale) => {
    await visitor.getByTestId("verify-not-found").filter({ hasText: locale === "zh" ? "未找到" : "No document" }).waitFor();
  });
  expect(problemsOf(page)).toEqual([]);
  expect(problemsOf(visitor)).toEqual([]);
}, 300_000);
