import { randomUUID } from "node:crypto";
import { readSentRecords } from "@onestop/notifications";
import { eventually, fileDirectories, fixedFee, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { join } from "node:path";
import { departmentWithWindow } from "../support/department-with-window";
import { testEnvironment } from "../support/environment";
import { code, gatewayClient, type Data } from "../support/gateway-client";

/**
 * Notifications to applicants through the gateway (issue 19, point 3): a case's one-time notice,
 * acceptance, payment notice and conclusion each make exactly one inbox notification and, as the
 * applicant's contact preferences say, one SMS (the development gateway's record); the staff of
 * the case's department see how each went out, the number masked; nobody else sees them.
 */
jest.setTimeout(180_000);

const environment = testEnvironment("e2e_notifications");
const CENTER = "330110000000";
const PHONE = "13812341234";
let system: RunningSystem;
let adminToken: string;
let bankToken: string;
let supervisorToken: string;
const smsFile = () => join(fileDirectories(environment).root, "sms-outbox.jsonl");

const { gql, data, once } = gatewayClient(() => system.gatewayUrl);

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
  bankToken = await mintAccessToken(system.keys, { subject: "bank-hall", roles: ["bank"], centerCode: CENTER });
  supervisorToken = await mintAccessToken(system.keys, { subject: "jcj-01", roles: ["supervisor"], centerCode: CENTER });
});

afterAll(async () => {
  await system?.stop();
});

const INBOX = `query ($first: Int, $offset: Int, $unread: Boolean) { myNotifications(first: $first, offset: $offset, unreadOnly: $unread) {
  nodes { id cause caseId title body readAt details { receiptNo deadline materials { name problem note } noticeNo amountFen expiresAt outcome windowName } }
  totalCount unreadCount hasNextPage } }`;
const DELIVERIES = `query ($id: ID!) { caseNotifications(caseId: $id) { id cause channel status attempts lastError phone text sentAt } }`;
const PREFERENCES = `mutation ($i: SetContactPreferencesInput!) { setMyContactPreferences(input: $i) { phone smsCauses } }`;

async function caseThroughToConclusion(dept: Awaited<ReturnType<typeof departmentWithWindow>>, itemId: string, citizenToken: string): Promise<{ caseId: string; receiptNo: string }> {
  const { submitCase } = await once(["UNKNOWN_ITEM"], () =>
    gql(citizenToken, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`, { i: { itemId, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }),
  );
  const caseId = submitCase.id as string;
  // 一次性告知, then the applicant supplies it; accepted.
  await once(["NOT_AUTHORIZED"], () =>
    gql(dept.token, `mutation ($id: ID!) { issueMaterialNotice(caseId: $id, materials: [{ code: "M01", problem: MISSING, note: "需加盖单位公章" }]) { id } }`, { id: caseId }),
  );
  await data(citizenToken, `mutation ($id: ID!) { supplyMaterials(caseId: $id, materials: [{ code: "M01", documentRef: "纸质件已交窗口" }]) { id } }`, { id: caseId });
  await data(dept.token, `mutation ($id: ID!) { acceptCase(caseId: $id) { id } }`, { id: caseId });
  // The payment notice, paid at the bank.
  const fee = await eventually(async () => {
    const inbox = (await data(citizenToken, INBOX, { first: 50 })).myNotifications.nodes as Data[];
    return inbox.find((n) => n.cause === "FEE_DUE" && n.caseId === caseId) ?? null;
  }, 30_000);
  await data(bankToken, `mutation ($i: RecordBankPaymentInput!) { recordBankPayment(input: $i) { receiptNo } }`, {
    i: { noticeNo: fee.details.noticeNo, amountFen: 5000, bankTxnId: `ICBC-${caseId.slice(0, 8)}`, paidAt: new Date(Date.now() - 60_000).toISOString(), channel: "COUNTER" },
  });
  await data(dept.token, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全") { id } }`, { id: caseId });
  await data(dept.chiefToken, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`, { id: caseId });
  await once(["FEE_NOT_SETTLED"], () => gql(dept.token, `mutation ($id: ID!) { concludeCase(caseId: $id) { id status } }`, { id: caseId }));
  return { caseId, receiptNo: submitCase.receiptNo as string };
}

test("one-time notice, acceptance, fee and conclusion: one inbox notification and one SMS each, as preferred; staff see the deliveries masked", async () => {
  const zjj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "ZJJ", "住房和城乡建设局");
  const hbj = await departmentWithWindow({ system, data, adminToken, centerCode: CENTER }, "HBJ", "生态环境局");
  await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: ConfigureFeeAccountInput!) { configureFeeAccount(input: $i) { id } }`, {
      i: { departmentId: zjj.id, accountNo: "6222020200112233445", accountName: "住房和城乡建设局非税收入户", bankName: "中国工商银行宣汉支行" },
    }),
  );
  const { createItem } = await once(["UNKNOWN_DEPARTMENT"], () =>
    gql(adminToken, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, zjj.id, { feeItems: [fixedFee("证照工本费")] }) }),
  );
  await data(adminToken, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });

  // Applicant A wants every SMS; applicant B none for fees; the number comes back masked.
  const citizenA = await mintAccessToken(system.keys, { subject: `citizen-a-${randomUUID()}`, roles: ["citizen"] });
  const citizenB = await mintAccessToken(system.keys, { subject: `citizen-b-${randomUUID()}`, roles: ["citizen"] });
  expect((await data(citizenA, `{ myContactPreferences { phone smsCauses } }`)).myContactPreferences).toEqual({ phone: null, smsCauses: expect.arrayContaining(["ACCEPTED", "FEE_DUE"]) });
  const all = ["ACCEPTED", "MATERIALS_REQUESTED", "FEE_DUE", "DEADLINE_EXTENDED", "RESULT_READY", "FOLLOW_UP_ANSWERED"];
  expect((await data(citizenA, PREFERENCES, { i: { phone: PHONE, smsCauses: all } })).setMyContactPreferences).toEqual({ phone: "138****1234", smsCauses: all });
  await data(citizenB, PREFERENCES, { i: { phone: "13900001111", smsCauses: all.filter((c) => c !== "FEE_DUE") } });
  // Bad input names the field and changes nothing.
  const invalid = await gql(citizenA, PREFERENCES, { i: { phone: "12345", smsCauses: [] } });
  expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.phone" });
  expect((await data(citizenA, `{ myContactPreferences { phone smsCauses } }`)).myContactPreferences).toEqual({ phone: "138****1234", smsCauses: all });
  expect(code(await gql(zjj.token, PREFERENCES, { i: { phone: PHONE, smsCauses: [] } }))).toBe("FORBIDDEN");

  const a = await caseThroughToConclusion(zjj, createItem.id, citizenA);
  const b = await caseThroughToConclusion(zjj, createItem.id, citizenB);

  // Each cause once in the inbox, in order of arrival, newest first.
  const causes = ["MATERIALS_REQUESTED", "ACCEPTED", "FEE_DUE", "RESULT_READY"];
  for (const [token, done] of [[citizenA, a], [citizenB, b]] as const) {
    const inbox = await eventually(async () => {
      const page = (await data(token, INBOX, { first: 50 })).myNotifications;
      return page.totalCount >= 4 ? page : null;
    }, 30_000);
    expect(inbox.totalCount).toBe(4);
    expect(inbox.unreadCount).toBe(4);
    expect((inbox.nodes as Data[]).map((n) => n.cause).sort()).toEqual([...causes].sort());
    expect((inbox.nodes as Data[]).every((n) => n.caseId === done.caseId && n.details.receiptNo === done.receiptNo)).toBe(true);
    const byCause = Object.fromEntries((inbox.nodes as Data[]).map((n) => [n.cause, n]));
    expect(byCause.MATERIALS_REQUESTED.details.materials).toEqual([{ name: "建设工程规划许可申请表", problem: "MISSING", note: "需加盖单位公章" }]);
    expect(byCause.MATERIALS_REQUESTED.body).toContain("需加盖单位公章");
    expect(byCause.ACCEPTED.details.deadline).toMatch(/T16:00:00.000Z$/);
    expect(byCause.FEE_DUE.details).toMatchObject({ amountFen: 5000, noticeNo: expect.stringMatching(/^\d{20}$/) });
    expect(byCause.FEE_DUE.body).toContain("¥50.00");
    expect(byCause.RESULT_READY.details).toMatchObject({ outcome: "APPROVED", windowName: "住房和城乡建设局窗口" });
  }

  // The SMS as the development gateway got them: A's four, B's three (no fee SMS), each once.
  const deliveriesA = await eventually(async () => {
    const rows = (await data(zjj.token, DELIVERIES, { id: a.caseId })).caseNotifications as Data[];
    return rows.filter((r) => r.channel === "SMS" && r.status === "SENT").length === 4 ? rows : null;
  }, 30_000);
  const deliveriesB = await eventually(async () => {
    const rows = (await data(zjj.token, DELIVERIES, { id: b.caseId })).caseNotifications as Data[];
    return rows.filter((r) => r.channel === "SMS" && r.status === "SENT").length === 3 ? rows : null;
  }, 30_000);
  expect(deliveriesA).toHaveLength(8);
  expect(deliveriesB.find((r) => r.channel === "SMS" && r.cause === "FEE_DUE")).toMatchObject({ status: "SKIPPED", lastError: expect.stringContaining("turned SMS off"), phone: null });
  const sent = await readSentRecords(smsFile());
  for (const row of [...deliveriesA, ...deliveriesB].filter((r) => r.channel === "SMS" && r.status === "SENT")) {
    const records = sent.filter((s) => s.key === row.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.text).toBe(row.text);
    expect([...records[0]!.text].length).toBeLessThanOrEqual(70);
    expect(records[0]!.text.startsWith("【政务服务中心】")).toBe(true);
  }
  expect(sent.filter((s) => deliveriesA.some((r) => r.id === s.key)).map((s) => s.to)).toEqual(["138****1234", "138****1234", "138****1234", "138****1234"]);
  expect(deliveriesA.filter((r) => r.channel === "SMS").every((r) => r.phone === "138****1234" && r.attempts === 1)).toBe(true);

  // The full number appears in no answer; the department, the supervisor see; others do not.
  expect(JSON.stringify(deliveriesA)).not.toContain(PHONE);
  expect(JSON.stringify(await readSentRecords(smsFile()))).not.toContain(PHONE);
  expect(((await data(supervisorToken, DELIVERIES, { id: a.caseId })).caseNotifications as Data[]).length).toBe(8);
  expect(code(await gql(hbj.token, DELIVERIES, { id: a.caseId }))).toBe("FORBIDDEN");
  expect(code(await gql(citizenA, DELIVERIES, { id: a.caseId }))).toBe("FORBIDDEN");
  expect(code(await gql(zjj.token, DELIVERIES, { id: randomUUID() }))).toBe("NOTIFICATION_CASE_UNKNOWN");

  // Read marks: one, then all; only one's own; paging.
  const page = (await data(citizenA, INBOX, { first: 2 })).myNotifications;
  expect(page).toMatchObject({ totalCount: 4, hasNextPage: true });
  expect(page.nodes).toHaveLength(2);
  expect((await data(citizenB, `mutation ($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) }`, { i: { ids: [page.nodes[0].id] } })).markNotificationsRead).toBe(4);
  expect((await data(citizenA, `mutation ($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) }`, { i: { ids: [page.nodes[0].id] } })).markNotificationsRead).toBe(3);
  expect((await data(citizenA, INBOX, { unread: true })).myNotifications.totalCount).toBe(3);
  expect((await data(citizenA, `mutation { markNotificationsRead(input: {}) }`)).markNotificationsRead).toBe(0);
  expect((await data(citizenA, `{ myUnreadNotificationCount }`)).myUnreadNotificationCount).toBe(0);
  expect(code(await gql(zjj.token, `{ myUnreadNotificationCount }`))).toBe("FORBIDDEN");
  expect(code(await gql(null as unknown as string, `{ myUnreadNotificationCount }`))).toBe("UNAUTHENTICATED");
});

test("the number registered with the account is the applicant's SMS number until they choose another; masked in every answer", async () => {
  const account = { name: "刘秀英", idNumber: "110105198001010016", phone: "13987654321", password: "Liuxiuying-88" };
  const registered = await gql(null as unknown as string, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id phone } }`, { i: account });
  expect(registered.errors).toBeUndefined();
  expect(JSON.stringify(registered.data)).not.toContain(account.phone);
  const login = await gql(null as unknown as string, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, { i: { idNumber: account.idNumber, password: account.password } });
  const citizen = (login.data as Data).loginCitizen.accessToken as string;
  // Staffing's citizen.registered reaches notifications: the number is there, masked to its holder too.
  const preferences = await eventually(async () => {
    const mine = (await data(citizen, `{ myContactPreferences { phone smsCauses } }`)).myContactPreferences;
    return mine.phone ? mine : null;
  }, 30_000);
  expect(preferences).toEqual({ phone: "139****4321", smsCauses: expect.arrayContaining(["ACCEPTED", "RESULT_READY"]) });
  // Their own choice stands: removed here, it stays removed.
  expect((await data(citizen, PREFERENCES, { i: { removePhone: true, smsCauses: ["ACCEPTED"] } })).setMyContactPreferences).toEqual({ phone: null, smsCauses: ["ACCEPTED"] });
  expect((await data(citizen, `{ myContactPreferences { phone } }`)).myContactPreferences.phone).toBeNull();
});
