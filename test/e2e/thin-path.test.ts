import { randomUUID } from "node:crypto";
import { developmentIdentityKeyring, eventually, graphql, mintAccessToken, fixedFee, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { IDENTITY_HEADER, signIdentity } from "@onestop/platform";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_thin_path");
const CENTER = "330110000000";
let system: RunningSystem;
let adminToken: string;

const REGISTER_DEPARTMENT = /* GraphQL */ `
  mutation ($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id code name centerCode } }`;
const CREATE_ITEM = /* GraphQL */ `
  mutation ($input: CreateItemInput!) { createItem(input: $input) { id name version speedUpRatio feeStandard { kind amountFen } } }`;
const PUBLISH_ITEM = /* GraphQL */ `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id versionStatus } }`;
const SUBMIT_CASE = /* GraphQL */ `
  mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { id status receiptNo } }`;
const ACCEPT_CASE = /* GraphQL */ `mutation ($id: ID!) { acceptCase(caseId: $id) { id status itemVersion acceptedAt } }`;
const CASE_ACROSS_FOUR_SUBGRAPHS = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id) {
      id status receiptNo
      item { name promisedLimitDays department { name code } }
      paymentNotices { noticeNo amountFen status lineItems { description amountFen } }
    }
  }`;

function itemInput(departmentId: string, overrides: Record<string, unknown> = {}) {
  return planningLicenceItem(CENTER, departmentId, { feeItems: [fixedFee()], ...overrides });
}

async function registerDepartment(code: string, name: string): Promise<string> {
  const result = await graphql<{ registerDepartment: { id: string } }>(
    system.gatewayUrl,
    REGISTER_DEPARTMENT,
    { input: { centerCode: CENTER, code, name } },
    { token: adminToken },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.registerDepartment.id;
}

/** Fees issues notices only to a department with a fee account; it too learns of the department by event. */
async function configureFeeAccount(departmentId: string, accountNo: string): Promise<void> {
  const result = await eventually(async () => {
    const attempt = await graphql(
      system.gatewayUrl,
      `mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id } }`,
      { input: { departmentId, accountNo, accountName: "住房和城乡建设局非税收入户", bankName: "中国工商银行宣汉支行" } },
      { token: adminToken },
    );
    return attempt.errors?.[0]?.extensions?.code === "UNKNOWN_DEPARTMENT" ? null : attempt;
  });
  expect(result.errors).toBeUndefined();
}

/** Catalog learns of a department through an event, so the first attempt may come too early. The draft is then published. */
async function createItemOnceDepartmentKnown(input: Record<string, unknown>) {
  const created = await eventually(async () => {
    const result = await graphql<{ createItem: { id: string; speedUpRatio: number } }>(
      system.gatewayUrl,
      CREATE_ITEM,
      { input },
      { token: adminToken },
    );
    if (result.errors?.[0]?.extensions?.code === "UNKNOWN_DEPARTMENT") return null;
    return result;
  });
  if (created.data) {
    const published = await graphql(system.gatewayUrl, PUBLISH_ITEM, { id: created.data.createItem.id }, { token: adminToken });
    expect(published.errors).toBeUndefined();
  }
  return created;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
});

afterAll(async () => {
  await system?.stop();
});

test("department → item → case → acceptance → payment notice, read back in one query across four subgraphs", async () => {
  const departmentId = await registerDepartment("ZJJ", "住房和城乡建设局");
  await configureFeeAccount(departmentId, "6222020200112233445");
  const created = await createItemOnceDepartmentKnown(itemInput(departmentId));
  expect(created.errors).toBeUndefined();
  const itemId = created.data!.createItem.id;
  expect(created.data!.createItem.speedUpRatio).toBeCloseTo(0.65);

  const citizenToken = await mintAccessToken(system.keys, { subject: "citizen-42", roles: ["citizen"] });
  const idempotencyKey = randomUUID();
  const submitted = await eventually(async () => {
    const result = await graphql<{ submitCase: { id: string; status: string; receiptNo: string } }>(
      system.gatewayUrl,
      SUBMIT_CASE,
      { input: { itemId, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey } },
      { token: citizenToken },
    );
    return result.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM" ? null : result;
  });
  expect(submitted.errors).toBeUndefined();
  const caseId = submitted.data!.submitCase.id;
  expect(submitted.data!.submitCase).toMatchObject({ status: "SUBMITTED", receiptNo: expect.stringMatching(/^SL\d{14}$/) });

  // Acceptance needs an authorization letter (授权书) that staffing grants and cases learns of by event.
  const staff = await graphql<{ registerStaff: { id: string } }>(
    system.gatewayUrl,
    `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`,
    { i: { centerCode: CENTER, code: "ZJJ-07", name: "王七", departmentId } },
    { token: adminToken },
  );
  const staffId = staff.data!.registerStaff.id;
  const granted = await graphql(system.gatewayUrl, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, { i: { staffId, departmentId, acts: ["ACCEPT"] } }, { token: adminToken });
  expect(granted.errors).toBeUndefined();
  const staffToken = await mintAccessToken(system.keys, {
    subject: staffId,
    roles: ["window_staff"],
    centerCode: CENTER,
    departmentId,
  });
  const requestId = `req-accept-${caseId}`;
  const accepted = await eventually(async () => {
    const result = await graphql(system.gatewayUrl, ACCEPT_CASE, { id: caseId }, { token: staffToken, headers: { "x-request-id": requestId } });
    return result.errors?.[0]?.extensions?.code === "NOT_AUTHORIZED" ? null : result;
  });
  expect(accepted.errors).toBeUndefined();
  expect(accepted.data).toMatchObject({ acceptCase: { status: "ACCEPTED", itemVersion: 1 } });

  const view = await eventually(async () => {
    const result = await graphql<{ case: { paymentNotices: Array<{ noticeNo: string }> } }>(
      system.gatewayUrl,
      CASE_ACROSS_FOUR_SUBGRAPHS,
      { id: caseId },
      { token: citizenToken },
    );
    return result.data?.case.paymentNotices.length ? result : null;
  });
  expect(view.errors).toBeUndefined();
  expect(view.data).toEqual({
    case: {
      id: caseId,
      status: "ACCEPTED",
      receiptNo: submitted.data!.submitCase.receiptNo,
      item: { name: "建设工程规划许可证核发", promisedLimitDays: 7, department: { name: "住房和城乡建设局", code: "ZJJ" } },
      paymentNotices: [
        {
          noticeNo: expect.stringMatching(/^\d{20}$/),
          amountFen: 5000,
          status: "ISSUED",
          lineItems: [{ description: "建设工程规划许可证核发", amountFen: 5000 }],
        },
      ],
    },
  });

  // The request id given at the gateway travels with the acceptance event and on into the event fees publishes in turn.
  const envelopeRequestIds = async (service: "cases" | "fees", subject: string) =>
    ((await system.subgraphs[service].infrastructure.dataSource.query("SELECT envelope FROM outbox_message WHERE subject = ?", [subject])) as Array<{
      envelope: string;
    }>).map((row) => JSON.parse(row.envelope).requestId);
  expect(await envelopeRequestIds("cases", "cases.case.accepted")).toContain(requestId);
  expect(await envelopeRequestIds("fees", "fees.notice.issued")).toContain(requestId);

  const again = await graphql(system.gatewayUrl, ACCEPT_CASE, { id: caseId }, { token: staffToken });
  expect(again.errors?.[0]?.extensions?.code).toBe("INVALID_TRANSITION");
});

describe("bad input gets a typed error and writes nothing", () => {
  let departmentId: string;

  beforeAll(async () => {
    departmentId = await registerDepartment("SCJGJ", "市场监督管理局");
    await createItemOnceDepartmentKnown(itemInput(departmentId, { baseCode: "XK00001000" }));
  });

  async function itemCodes(): Promise<string[]> {
    const result = await graphql<{ items: Array<{ code: string }> }>(
      system.gatewayUrl,
      `query ($c: String!) { items(centerCode: $c, scope: ALL) { code } }`,
      { c: CENTER },
      { token: adminToken },
    );
    return result.data!.items.map((item) => item.code).sort();
  }

  test.each([
    ["an unknown department", { departmentId: "00000000-0000-0000-0000-000000000000" }, "UNKNOWN_DEPARTMENT"],
    ["a promise longer than the law", { legalLimitDays: 5, promisedLimitDays: 9 }, "BAD_USER_INPUT"],
    ["an instant item with a promised limit", { kind: "INSTANT", promisedLimitDays: 3 }, "BAD_USER_INPUT"],
    ["a negative fee", { feeItems: [{ code: "F01", name: "费", kind: "FIXED", amountFen: -1, legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a fractional fee", { feeItems: [{ code: "F01", name: "费", kind: "FIXED", amountFen: 12.5, legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a fixed fee without an amount", { feeItems: [{ code: "F01", name: "费", kind: "FIXED", legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a code already taken", { baseCode: "XK00001000" }, "CONFLICT"],
    ["a wrong type", { legalLimitDays: "twenty" }, "BAD_USER_INPUT"],
  ])("%s", async (_label, overrides, code) => {
    const before = await itemCodes();
    const result = await graphql(system.gatewayUrl, CREATE_ITEM, { input: itemInput(departmentId, overrides) }, { token: adminToken });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await itemCodes()).toEqual(before);
  });

  test("a missing field", async () => {
    const { name: _name, ...withoutName } = itemInput(departmentId);
    const result = await graphql(system.gatewayUrl, CREATE_ITEM, { input: withoutName }, { token: adminToken });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("an unknown case id is null, an unknown item cannot be applied for", async () => {
    const citizenToken = await mintAccessToken(system.keys, { subject: "citizen-43", roles: ["citizen"] });
    const missing = await graphql(system.gatewayUrl, `query { case(id: "nope") { id } }`, {}, { token: citizenToken });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ case: null });
    const unknown = await graphql(
      system.gatewayUrl,
      SUBMIT_CASE,
      { input: { itemId: "nope", applicantName: "李四", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } },
      { token: citizenToken },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("UNKNOWN_ITEM");
  });

  test("a citizen may not create items, and anonymous callers are asked to sign in", async () => {
    const citizenToken = await mintAccessToken(system.keys, { subject: "citizen-44", roles: ["citizen"] });
    const before = await itemCodes();
    const asCitizen = await graphql(system.gatewayUrl, CREATE_ITEM, { input: itemInput(departmentId) }, { token: citizenToken });
    expect(asCitizen.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await graphql(system.gatewayUrl, CREATE_ITEM, { input: itemInput(departmentId) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await itemCodes()).toEqual(before);
  });

  test("a forged or expired access token is refused at the gateway", async () => {
    const token = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "x", roles: ["center_admin"], center: CENTER })).toString("base64url");
    const forged = await graphql(system.gatewayUrl, `{ items(centerCode: "${CENTER}") { id } }`, {}, { token: `${header}.${forgedPayload}.${signature}` });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const expired = await mintAccessToken(system.keys, { subject: "a", roles: ["center_admin"] }, { expiresInSeconds: -60 });
    const late = await graphql(system.gatewayUrl, `{ items(centerCode: "${CENTER}") { id } }`, {}, { token: expired });
    expect(late.status).toBe(401);
  });
});

describe("a subgraph reached without the gateway", () => {
  const query = `mutation { registerDepartment(input: { centerCode: "${CENTER}", code: "ROGUE", name: "x" }) { id } }`;

  test("answers 401 to an unsigned call and does nothing", async () => {
    const result = await graphql(system.subgraphs.staffing.url, query);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("answers 401 to a tampered identity", async () => {
    const signed = signIdentity(
      { subject: "citizen-1", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null },
      "req-12345678",
      developmentIdentityKeyring(system.keys).keyFor("staffing"),
      new Date(),
    );
    const [body, signature] = signed.split(".");
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ["center_admin"], centerCode: CENTER })).toString("base64url");
    const result = await graphql(system.subgraphs.staffing.url, query, {}, { headers: { [IDENTITY_HEADER]: `${elevated}.${signature}` } });
    expect(result.status).toBe(401);
    const departments = await graphql<{ departments: Array<{ code: string }> }>(
      system.gatewayUrl,
      `query ($c: String!) { departments(centerCode: $c) { code } }`,
      { c: CENTER },
      { token: adminToken },
    );
    expect(departments.data!.departments.map((d) => d.code)).not.toContain("ROGUE");
  });
});
