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
    const { mismatches, response } = await runGuideExample(example, current.run);
    // SHOW_ANSWERS=1 prints what the system answered, to write a guide's documented answers from.
    if (process.env.SHOW_ANSWERS) console.log(example.name, JSON.stringify(response.data ?? response.errors));
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
          { input: { noticeId, reason: "重复缴费", idempotencyKey: randomUUID() } },
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

describe("docs/joint-approval.md", () => {
  const ENTERPRISE = "91511722MA62A3B7XM";
  const PROJECT_CODE = "2612-511722-04-01-583921";
  const replacements = new Map<string, string>();
  const tokens = new Map<string, string>([["public", ""]]);
  /** The guide's six participants, in its order: the department, its joint item, and the guide's ids for both. */
  const participants = [
    { code: "FGJ", item: "企业投资项目核准", departmentId: "3b1c2d4e-0000-4000-8000-000000000001", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a02", participantId: "a1f3e2d4-0000-4000-8000-0000000000a1" },
    { code: "ZRZYJ", item: "建设项目用地预审与选址意见书核发", departmentId: "3b1c2d4e-0000-4000-8000-000000000002", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a03", participantId: "a1f3e2d4-0000-4000-8000-0000000000a2" },
    { code: "ZJJ", item: "建设工程消防设计审查", departmentId: "3b1c2d4e-0000-4000-8000-000000000003", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a01", participantId: "a1f3e2d4-0000-4000-8000-0000000000a3" },
    { code: "STHJJ", item: "建设项目环境影响报告表审批", departmentId: "3b1c2d4e-0000-4000-8000-000000000004", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a04", participantId: "a1f3e2d4-0000-4000-8000-0000000000a4" },
    { code: "SLJ", item: "生产建设项目水土保持方案审批", departmentId: "3b1c2d4e-0000-4000-8000-000000000005", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a05", participantId: "a1f3e2d4-0000-4000-8000-0000000000a5" },
    { code: "QXJ", item: "防雷装置设计审核", departmentId: "3b1c2d4e-0000-4000-8000-000000000006", itemId: "7d0f5c1e-5b7a-4c55-9d5e-0a4f3c2b1a06", participantId: "a1f3e2d4-0000-4000-8000-0000000000a6" },
  ];

  async function signIn(username: string): Promise<string> {
    const result = await graphql<{ login: { accessToken: string } }>(system.gatewayUrl, `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, {
      i: { username, password: demoStaffPassword },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.login.accessToken;
  }

  beforeAll(async () => {
    tokens.set("bureau", await signIn("fgj-xm-01"));
    // The enterprise registers and signs in with its credit code: that makes it the applicant.
    const account = { name: "宣汉县普光饲料有限公司", idNumber: ENTERPRISE, phone: "13881800001", password: "Puguang-2026" };
    expect((await graphql(system.gatewayUrl, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, { i: account })).errors).toBeUndefined();
    const signedIn = await graphql<{ loginCitizen: { accessToken: string } }>(system.gatewayUrl, `mutation ($i: LoginCitizenInput!) { loginCitizen(input: $i) { accessToken } }`, {
      i: { idNumber: ENTERPRISE, password: account.password },
    });
    tokens.set("applicant", signedIn.data!.loginCitizen.accessToken);

    const { searchItems } = await asAdmin<{ searchItems: { nodes: Array<{ id: string; name: string; department: { code: string } }> } }>(
      `query ($c: String!) { searchItems(centerCode: $c, kind: JOINT, first: 50) { nodes { id name department { code } } } }`,
      { c: CENTER },
    );
    for (const participant of participants) {
      replacements.set(participant.departmentId, seeded.departmentIds.get(participant.code)!);
      replacements.set(participant.itemId, searchItems.nodes.find((item) => item.name === participant.item && item.department.code === participant.code)!.id);
    }
  }, 120_000);

  describeGuide("docs/joint-approval.md", () => ({
    run: { gatewayUrl: system.gatewayUrl, tokenFor: (caller) => tokens.get(caller ?? "")!, replacements },
    before: {
      // The six cases reach their departments over the bus; each window accepts its own.
      follow: async () => {
        const bureau = tokens.get("bureau")!;
        const opened = await eventually(async () => {
          const listed = await graphql<{ jointApprovals: { edges: Array<{ node: { id: string; projectCode: string; participants: Array<{ id: string; department: { id: string }; case: { id: string } | null }> } }> } }>(
            system.gatewayUrl,
            `query { jointApprovals(first: 20) { edges { node { id projectCode participants { id department { id } case { id } } } } } }`,
            {},
            { token: bureau },
          );
          const found = listed.data?.jointApprovals.edges.map((edge) => edge.node).find((node) => node.projectCode === PROJECT_CODE);
          return found && found.participants.every((p) => p.case) ? found : undefined;
        }, 30_000);
        replacements.set("6f0c2a9e-41d2-4c1b-9a57-3e8d2f1b0c11", opened.id);
        for (const participant of participants) {
          const joined = opened.participants.find((p) => p.department.id === seeded.departmentIds.get(participant.code))!;
          replacements.set(participant.participantId, joined.id);
          const clerk = await signIn(`${participant.code.toLowerCase()}-01`);
          const accepted = await graphql(system.gatewayUrl, `mutation ($id: ID!) { acceptCase(caseId: $id) { status } }`, { id: joined.case!.id }, { token: clerk });
          expect(accepted.errors).toBeUndefined();
        }
      },
    },
  }));
});

describe("docs/security.md", () => {
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    tokens.set("supervisor", await mintAccessToken(system.keys, { subject: "supervisor-1", roles: ["supervisor"], centerCode: CENTER }));
    const { createBankClient } = await asAdmin<{ createBankClient: { client: { id: string }; clientSecret: string } }>(
      `mutation ($input: CreateBankClientInput!) { createBankClient(input: $input) { client { id } clientSecret } }`,
      { input: { centerCode: CENTER, name: "农业银行宣汉支行政务中心代收点" } },
    );
    const issued = await graphql<{ clientCredentialsToken: { accessToken: string } }>(
      system.gatewayUrl,
      `mutation ($id: String!, $secret: String!) { clientCredentialsToken(clientId: $id, clientSecret: $secret) { accessToken } }`,
      { id: createBankClient.client.id, secret: createBankClient.clientSecret },
    );
    tokens.set("bank", issued.data!.clientCredentialsToken.accessToken);
  });

  describeGuide("docs/security.md", () => ({
    run: { gatewayUrl: system.gatewayUrl, tokenFor: (caller) => tokens.get(caller ?? "")!, replacements: new Map() },
    before: {},
  }));
});
