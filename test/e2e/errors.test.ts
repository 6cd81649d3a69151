import { graphql, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

/**
 * What a caller gets when a request fails, through the gateway: the HTTP status of each kind
 * of failure (docs/security.md, "Errors and HTTP status"), and where bad input lies
 * (`extensions.field`, `extensions.problems`), whether GraphQL's type checks at the gateway or a
 * service's own check found it.
 */
const environment = testEnvironment("e2e_errors");
const CENTER = "511722000000";
let system: RunningSystem;
let bankToken: string;
let staffToken: string;

const PAY = `mutation ($input: RecordBankPaymentInput!) { recordBankPayment(input: $input) { receiptNo } }`;
const DAY = `query ($c: String!, $day: String!, $first: Int) { bankTransactions(centerCode: $c, day: $day, first: $first) { nextCursor } }`;
const payment = { noticeNo: "51172226030200000420", amountFen: 5000, bankTxnId: "ICBC-E2E-1", paidAt: "2026-03-02T10:15:00+08:00", channel: "COUNTER" };

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  bankToken = await mintAccessToken(system.keys, { subject: "bank-icbc-hall", roles: ["bank"], centerCode: CENTER });
  staffToken = await mintAccessToken(system.keys, { subject: "staff-1", roles: ["window_staff"], centerCode: CENTER });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("HTTP status: 200 once the operation ran, 4xx when the request was refused before it", () => {
  test("no token: the anonymous caller's operation runs and its field answers UNAUTHENTICATED (200)", async () => {
    const result = await graphql(system.gatewayUrl, DAY, { c: CENTER, day: "2026-03-02" });
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result).toHaveProperty("data", null);
  });

  test("a bad or expired token is refused before GraphQL (401 UNAUTHENTICATED)", async () => {
    const expired = await mintAccessToken(system.keys, { subject: "bank-icbc-hall", roles: ["bank"], centerCode: CENTER }, { expiresInSeconds: -60 });
    for (const token of [expired, "not.a.token"]) {
      const result = await graphql(system.gatewayUrl, DAY, { c: CENTER, day: "2026-03-02" }, { token });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result).not.toHaveProperty("data");
    }
  });

  test("a role that may not: FORBIDDEN (200)", async () => {
    const result = await graphql(system.gatewayUrl, PAY, { input: payment }, { token: staffToken });
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  test("bad input a service's check finds: BAD_USER_INPUT (200), the field named", async () => {
    const result = await graphql(system.gatewayUrl, DAY, { c: CENTER, day: "2026-13-01", first: 501 }, { token: bankToken });
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      serviceName: "fees",
      field: "day",
      problems: [
        { field: "day", message: "not a calendar day" },
        { field: "first", message: expect.stringContaining("500") },
      ],
    });
  });

  test("bad input GraphQL's types refuse, in a variable: BAD_USER_INPUT (400), every fault listed", async () => {
    const result = await graphql(system.gatewayUrl, PAY, { input: { ...payment, amountFen: "5000", channel: "CASH" } }, { token: bankToken });
    expect(result.status).toBe(400);
    expect(result).not.toHaveProperty("data");
    const problems = [
      { field: "input.amountFen", message: expect.stringContaining("Int cannot represent") },
      { field: "input.channel", message: expect.stringContaining("Value \"CASH\" does not exist") },
    ];
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "input.amountFen", problems },
      { code: "BAD_USER_INPUT", field: "input.channel", problems },
    ]);
  });

  test("a variable inside a list, and one named otherwise than its argument", async () => {
    const reconcile = `mutation ($input: ReconcileBankStatementInput!) { reconcileBankStatement(input: $input) { statementId } }`;
    const line = { bankTxnId: "ICBC-1", noticeNo: payment.noticeNo, amountFen: 5000, paidAt: payment.paidAt };
    const inList = await graphql(system.gatewayUrl, reconcile, { input: { statementDate: "2026-03-02", accountNo: "1", entries: [line, { ...line, amountFen: 12.5 }] } }, { token: bankToken });
    expect(inList.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.entries.1.amountFen" });
    const renamed = await graphql(system.gatewayUrl, `query ($no: String!) { paymentNotice(noticeNo: $no) { status } }`, { no: 42 }, { token: bankToken });
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "noticeNo" });
  });

  test("bad input written into the document: BAD_USER_INPUT (400), the field found from the document", async () => {
    const result = await graphql(
      system.gatewayUrl,
      `mutation { recordBankPayment(input: { noticeNo: "51172226030200000420", amountFen: "5000", bankTxnId: "X", paidAt: "2026-03-02T10:15:00+08:00" }) { receiptNo } }`,
      {},
      { token: bankToken },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.extensions?.field)).toEqual(["input.channel", "input.amountFen"]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", problems: [{ field: "input.channel" }, { field: "input.amountFen" }] });
  });

  test("a query over the limits: QUERY_TOO_DEEP / QUERY_TOO_COMPLEX (400), nothing run", async () => {
    const deep = `{ departments(centerCode: "${CENTER}") { ${"jointApprovals(first: 1) { edges { node { leadDepartment { ".repeat(3)}id${" } } } }".repeat(3)} } }`;
    const result = await graphql(system.gatewayUrl, deep, {}, { token: bankToken });
    expect([result.status, result.errors?.[0]?.extensions?.code]).toEqual([400, "QUERY_TOO_DEEP"]);
    const wide = await graphql(system.gatewayUrl, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: paymentNotice(noticeNo: "${i}") { status }`).join(" ")} }`, {}, { token: bankToken });
    expect([wide.status, wide.errors?.[0]?.extensions?.code]).toEqual([400, "QUERY_TOO_COMPLEX"]);
  });

  test("a request a browser could send across sites without asking: BAD_REQUEST (400, CSRF prevention)", async () => {
    const response = await fetch(system.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${bankToken}` },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  test("a query named by its hash alone: PERSISTED_QUERY_NOT_SUPPORTED; a mutation over GET: 405", async () => {
    const hashed = await fetch(system.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    });
    expect([hashed.status, ((await hashed.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code]).toEqual([400, "PERSISTED_QUERY_NOT_SUPPORTED"]);
    const overGet = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent("mutation { logout(refreshToken: \"x\") }")}`, { headers: { "apollo-require-preflight": "1" } });
    expect(overGet.status).toBe(405);
  });

  test("a body that is not JSON, and one over the size limit: BAD_REQUEST (400), PAYLOAD_TOO_LARGE (413)", async () => {
    const post = (body: string) => fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
    const notJson = await post("{ query");
    expect([notJson.status, ((await notJson.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code]).toEqual([400, "BAD_REQUEST"]);
    const large = await post(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(1_100_000) } }));
    expect(large.status).toBe(413);
  });
});
