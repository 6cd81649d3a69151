import { randomUUID } from "node:crypto";
import { eventually, fixedFee, mintAccessToken, planningLicenceItem } from "@onestop/testkit";
import { departmentWithWindow } from "../../../../test/support/department-with-window";
import { gatewayClient, type Data } from "../../../../test/support/gateway-client";
import { citizenPassword, problemsOf, registerInPage, residentId, shootBoth, startPortalHarness, viewports, type PortalHarness } from "./support";

/**
 * 我的消息 in a browser: a real case's one-time notice, acceptance, fee and result reach the signed-in
 * applicant's inbox (the header's badge counts the unread), in Chinese and English, read marks,
 * and the SMS settings form with the number shown masked. Screenshots zh/en, phone/desktop, each
 * checked by axe, into apps/portal/test-output/screenshots.
 */
jest.setTimeout(240_000);

const CENTER = "511722000000";

let harness: PortalHarness;
const { gql, data, once } = gatewayClient(() => harness.system.gatewayUrl);

beforeAll(async () => {
  harness = await startPortalHarness("e2e_portal_inbox");
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

/** A case of the applicant through notice, acceptance, fee and conclusion, by staff and bank through the API. */
async function caseToConclusion(citizenToken: string): Promise<string> {
  const { system } = harness;
  const adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  const bankToken = await mintAccessToken(system.keys, { subject: "bank-hall", roles: ["bank"], centerCode: CENTER });
  const dept = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "ZJJ", "住房和城乡建设局");
  await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, { i: { departmentId: dept.id, accountNo: "6222020200112233445", accountName: "住房和城乡建设局非税收入户", bankName: "中国工商银行宣汉支行" } }),
  );
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, dept.id, { feeItems: [fixedFee("证照工本费")] }) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, { i: { itemId: createItem.id, applicantName: "张三", applicantIdNumber: residentId(11), idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;
  await once(["NOT_AUTHORIZED"], () => gql(dept.token, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "M01", problem: MISSING, note: "需加盖单位公章" }]) { id } }`, { id: caseId }));
  await data(citizenToken, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M01", documentRef: "纸质件已交窗口" }]) { id } }`, { id: caseId });
  await data(dept.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId });
  const fee = await eventually(async () => ((await data(citizenToken, `{ myNotifications(first: 20) { nodes { cause details { noticeNo } } } }`)).myNotifications.nodes as Data[]).find((n) => n.cause === "FEE_DUE") ?? null, 30_000);
  await data(bankToken, `mutation ($i: RecordBankPaymentInput!) { recordBankPayment(input: $i) { receiptNo } }`, {
    i: { noticeNo: fee.details.noticeNo, amountFen: 5000, bankTxnId: `ICBC-${caseId.slice(0, 8)}`, paidAt: new Date(Date.now() - 60_000).toISOString(), channel: "COUNTER" },
  });
  await data(dept.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await data(dept.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId });
  await once(["FEE_NOT_SETTLED"], () => gql(dept.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id } }`, { id: caseId }));
  return caseId;
}

test("the inbox: four messages of a real case with the unread badge, in both languages at both sizes; read marks; the SMS settings masked", async () => {
  const idNumber = residentId(7);
  // Registers in the page, which signs in.
  const page = await harness.open("desktop", "/signin");
  await registerInPage(page, "张三", idNumber);
  await page.getByTestId("my-cases-page").waitFor();

  // The SMS settings: the number given at registration, masked (it reaches notifications by an
  // event, so it may take a moment); a wrong number is refused beside the field; a right one shows masked.
  await page.getByTestId("nav-notifications").click();
  await page.getByTestId("notifications-page").waitFor();
  await page.getByText("还没有消息").waitFor();
  await eventually(async () => {
    if ((await page.getByTestId("prefs-phone").textContent())?.includes("138****8000")) return true;
    await page.reload();
    await page.getByTestId("notifications-page").waitFor();
    return null;
  }, 30_000, 500);
  await page.getByTestId("prefs-phone-input").fill("12345");
  await page.getByTestId("prefs-save").click();
  await page.getByText("请输入 11 位手机号码。").waitFor();
  await page.getByTestId("prefs-phone-input").fill("13912345678");
  await page.getByTestId("prefs-save").click();
  await page.getByTestId("prefs-saved").waitFor();
  await page.getByText("当前接收短信的号码：139****5678").waitFor();
  expect(await page.content()).not.toContain("13912345678");

  const { loginCitizen } = await data("", `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, { i: { idNumber, password: citizenPassword } });
  await caseToConclusion(loginCitizen.accessToken as string);

  await eventually(async () => {
    await page.reload();
    await page.getByTestId("notifications-page").waitFor();
    return (await page.getByTestId("inbox-item").count()) === 4 ? true : null;
  }, 60_000, 1000);
  expect(await page.getByTestId("nav-unread").textContent()).toBe("4");
  expect(await page.getByTestId("nav-notifications").textContent()).toBe("我的消息4（4 条未读）");
  const causes: Array<string | null> = [];
  for (let i = 0; i < 4; i += 1) causes.push(await page.getByTestId("inbox-item").nth(i).getAttribute("data-cause"));
  // Newest first: the notice first of all, the result last (the fee and the acceptance come from two streams, in either order).
  expect(causes[0]).toBe("RESULT_READY");
  expect(causes[3]).toBe("MATERIALS_REQUESTED");
  expect([...causes].sort()).toEqual(["ACCEPTED", "FEE_DUE", "MATERIALS_REQUESTED", "RESULT_READY"]);
  await page.getByText("建设工程规划许可申请表（缺少：需加盖单位公章）").waitFor();
  await page.getByText(/应缴费用 ¥50\.00/).waitFor();

  // shootBoth checks there is no sideways scrolling, in both languages.
  for (const viewport of ["desktop", "phone"] as const) {
    await page.setViewportSize(viewports[viewport]);
    await shootBoth(page, "inbox", viewport, async (locale) => {
      await page.getByText(locale === "zh" ? "办理结果已出" : "The result is ready").waitFor();
    });
  }
  await page.setViewportSize(viewports.desktop);

  // One read by its button, then the rest: the badge follows.
  await page.getByTestId("inbox-mark-read").first().click();
  await page.getByTestId("inbox-unread").filter({ hasText: "3 条未读" }).waitFor();
  await eventually(async () => ((await page.getByTestId("nav-unread").textContent()) === "3" ? true : null), 10_000);
  await page.getByTestId("inbox-mark-all").click();
  await page.getByTestId("inbox-unread").filter({ hasText: "全部已读" }).waitFor();
  await page.getByTestId("nav-unread").waitFor({ state: "detached" });
  expect(await page.getByTestId("nav-notifications").textContent()).toBe("我的消息");

  // Keyboard: the settings are reachable and savable without a mouse.
  await page.getByTestId("prefs-causes").getByText("需缴费").click();
  await page.getByTestId("prefs-save").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("prefs-saved").waitFor();
  await shootBoth(page, "inbox-read", "desktop", async () => {
    await page.getByTestId("contact-preferences").waitFor();
  });
  const { myContactPreferences } = await data(loginCitizen.accessToken as string, `{ myContactPreferences { phone smsCauses } }`);
  expect(myContactPreferences).toEqual({ phone: "139****5678", smsCauses: ["ACCEPTED", "MATERIALS_REQUESTED", "DEADLINE_EXTENDED", "RESULT_READY", "FOLLOW_UP_ANSWERED"] });
  expect(problemsOf(page)).toEqual([]);
});
