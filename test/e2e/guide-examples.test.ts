import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { shanghaiDayOf } from "@onestop/calendar";
import { casesEvents, type EventPayload } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import { countySteps, demoCenter, demoStaffPassword, seedAccountNo, seedCounty, seedDepartments, type SeedContext } from "@onestop/seed";
import { eventually, fixedFee, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { readGuideExamples, runGuideExample, type GuideExample, type GuideRun } from "../support/guide-examples";
import { testEnvironment } from "../support/environment";

/**
 * The example requests of the guides, sent as written through the gateway of a started system
 * with the seeded demonstration county (test/support/guide-examples.ts reads them). Each guide
 * has a scenario: the callers' tokens, what the county must hold before an example (a notice
 * to pay, a refund to pay back), and the running system's values for the ones the guide shows.
 * Another guide is added with its own describe block, the same three parts.
 */
const environment = testEnvironment("e2e_guide_examples");
const CENTER = demoCenter.centerCode;
let system: RunningSystem;
let nats: NatsConnection;
let adminToken: string;
let seeded: SeedContext;

async function asAdmin<T>(query: string, variables: Record<string, unknown>) {
  const result = await graphql<T>(system.gatewayUrl, query, variables, { token: adminToken });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Runs a guide's examples in order, each after what its scenario does before it. */
function describeGuide(guide: string, scenario: () => { run: GuideRun; before: Record<string, () => Promise<void>> }) {
  const examples = readGuideExamples(guide);
  test(`${guide} has examples to run`, () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  let current: ReturnType<typeof scenario>;
  test.each(examples.map((example): [string, GuideExample] => [`${example.name} (line ${example.line})`, example]))("%s runs as written", async (_, example) => {
    current ??= scenario();
    await current.before[example.name]?.();
    const { mismatches } = await runGuideExample(example, current.run);
    expect(mismatches).toEqual([]);
  });
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: CENTER });
  seeded = await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, countySteps);
}, 300_000);

afterAll(async () => {
  await nats?.close();
  await system?.stop();
});

describe("docs/bank-integration.md", () => {
  const ZJJ = "ZJJ";
  const replacements = new Map<string, string>();
  let bankToken = "";
  let staffToken = "";
  let noticeId = "";

  /** A case of the planning licence accepted by 住建局, as cases announces it; fees issues its notice. */
  async function issueNotice(): Promise<string> {
    const departmentId = seeded.departmentIds.get(ZJJ)!;
    const { createItem } = await asAdmin<{ createItem: { id: string } }>(`mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`, {
      input: planningLicenceItem(CENTER, departmentId, { baseCode: "XK00077000", feeItems: [fixedFee("证照工本费")] }),
    });
    await asAdmin(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: createItem.id });
    const caseId = randomUUID();
    const payload = {
      caseId,
      receiptNo: `SL${Date.now()}`,
      centerCode: CENTER,
      itemId: createItem.id,
      itemVersion: 1,
      departmentId,
      handlerId: "staff-7",
      applicantSubject: "citizen-42",
      applicantName: "张三",
      quantity: 1,
      acceptedAt: new Date().toISOString(),
    } as EventPayload<typeof casesEvents.caseAccepted>;
    const envelope = { id: randomUUID(), type: casesEvents.caseAccepted.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: CENTER, payload };
    await jetstream(nats).publish(namespacedSubject(environment.namespace, casesEvents.caseAccepted.subject), JSON.stringify(envelope), { msgID: envelope.id });
    const notice = await eventually(async () => {
      const rows = (await system.subgraphs.fees.infrastructure.dataSource.query("SELECT id, notice_no FROM payment_notice WHERE case_id = ?", [caseId])) as Array<{ id: string; notice_no: string }>;
      return rows[0];
    }, 30_000);
    noticeId = notice.id;
    return notice.notice_no;
  }

  beforeAll(async () => {
    // The bank's token, as the bank gets it: administration registers its client, the client asks with its secret.
    const { createBankClient } = await asAdmin<{ createBankClient: { client: { id: string }; clientSecret: string } }>(
      `mutation ($input: CreateBankClientInput!) { createBankClient(input: $input) { client { id } clientSecret } }`,
      { input: { centerCode: CENTER, name: "工商银行宣汉支行政务中心代收点" } },
    );
    const token = await graphql<{ clientCredentialsToken: { accessToken: string } }>(
      system.gatewayUrl,
      `mutation ($id: String!, $secret: String!) { clientCredentialsToken(clientId: $id, clientSecret: $secret) { accessToken } }`,
      { id: createBankClient.client.id, secret: createBankClient.clientSecret },
    );
    bankToken = token.data!.clientCredentialsToken.accessToken;
    // A clerk of 住建局's window signs in; the seeded letter lets them ask for refunds.
    const clerk = await graphql<{ login: { accessToken: string } }>(
      system.gatewayUrl,
      `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`,
      { i: { username: "zjj-01", password: demoStaffPassword } },
    );
    staffToken = clerk.data!.login.accessToken;

    const now = Date.now();
    const today = shanghaiDayOf(new Date(now));
    // Instants of today that have passed, however early in the Beijing day the test runs.
    const todayAt = (msAgo: number) => new Date(Math.max(now - msAgo, Date.parse(`${today}T00:00:00+08:00`))).toISOString();
    replacements.set("51172226030200000420", await issueNotice());
    replacements.set("6222020200112233445", seedAccountNo(seedDepartments.findIndex((d) => d.code === ZJJ)));
    replacements.set("2026-03-02", today);
    replacements.set("2026-03-02T10:15:00+08:00", todayAt(60_000));
    replacements.set("2026-03-02T15:40:00+08:00", todayAt(30_000));
  }, 120_000);

  describeGuide("docs/bank-integration.md", () => ({
    run: { gatewayUrl: system.gatewayUrl, tokenFor: () => bankToken, replacements },
    before: {
      // The department's window asks for a refund of the paid notice; finance approves it.
      "approved-refunds": async () => {
        const requested = await graphql<{ requestRefund: { id: string } }>(
          system.gatewayUrl,
          `mutation ($input: RequestRefundInput!) { requestRefund(input: $input) { id } }`,
          { input: { noticeId, reason: "重复缴费" } },
          { token: staffToken },
        );
        const refundId = requested.data!.requestRefund.id;
        const finance = await mintAccessToken(system.keys, { subject: "finance-1", roles: ["finance"], centerCode: CENTER });
        const decided = await graphql(system.gatewayUrl, `mutation ($input: DecideRefundInput!) { decideRefund(input: $input) { id } }`, { input: { refundId, approve: true } }, { token: finance });
        expect(decided.errors).toBeUndefined();
        replacements.set("5d0b9d7e-0c4a-4f57-9d0e-2f4c1a7e8b21", refundId);
      },
    },
  }));
});
