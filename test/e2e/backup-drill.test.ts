// The backup drill at a small scale, against this test's own databases and streams: books are
// made through the gateway, backed up (streams first, then one snapshot of every database),
// destroyed, restored, and the system started again on the restored state. The books must be
// identical; an event published after the streams were saved must still be delivered (the outbox
// republishes it) and no event may be applied twice (the inboxes and the domain tables unchanged).
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { createConnection } from "mysql2/promise";
import { backup, booksOf, compareBooks, restore, type BackupManifest, type MysqlTarget } from "../../packages/platform/src/operations/backup";
import { databaseName, eventually, fixedFee, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, subgraphNames, type RunningSystem } from "@onestop/testkit";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_backup_drill");
const CENTER = "330110000000";
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const mysql: MysqlTarget = { host: process.env.DB_HOST ?? "127.0.0.1", port: Number(process.env.DB_PORT ?? 3306), user: process.env.DB_USER ?? "root", password: process.env.DB_PASSWORD ?? "" };
const databases = [...subgraphNames, "gateway"].map((name) => databaseName(environment.databasePrefix, name));
/** Rows that change by design across a restore: the outbox's publication marks (republished) and nothing else. */
const CHANGED_BY_RESTORE = ["outbox_message"];

let system: RunningSystem | null = null;
let directory: string;
let adminToken: string;

async function call<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string) {
  return graphql<T>(system!.gatewayUrl, query, variables, { token });
}

/** Every service's outbox published and every consumer caught up: nothing moves until someone acts. */
async function settled(): Promise<void> {
  const connection = await createConnection({ ...mysql });
  try {
    await eventually(async () => {
      for (const database of databases) {
        const [rows] = (await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.outbox_message WHERE published_at IS NULL`).catch(() => [[{ n: 0 }]])) as unknown as [Array<{ n: number }>];
        if (Number(rows[0].n) > 0) return null;
      }
      const nc = await connect({ servers: NATS_URL });
      try {
        const jsm = await jetstreamManager(nc);
        for await (const stream of jsm.streams.list()) {
          if (!stream.config.name.startsWith(`${environment.namespace.toUpperCase()}_`)) continue;
          for await (const consumer of jsm.consumers.list(stream.config.name)) {
            // The gateway's followers are ephemeral ordered consumers; only the durable ones apply events.
            if (consumer.config.durable_name && consumer.num_pending + consumer.num_ack_pending > 0) return null;
          }
        }
      } finally {
        await nc.close();
      }
      return true;
    }, 30_000);
  } finally {
    await connection.end();
  }
}

async function registerDepartment(code: string, name: string): Promise<string> {
  const result = await call<{ registerDepartment: { id: string } }>("mutation ($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }", { input: { centerCode: CENTER, code, name } }, adminToken);
  expect(result.errors).toBeUndefined();
  return result.data!.registerDepartment.id;
}

async function makeBooks(): Promise<void> {
  const departmentId = await registerDepartment("ZJJ", "住房和城乡建设局");
  await eventually(async () => {
    const result = await call("mutation ($input: ConfigureFeeAccountInput!) { configureFeeAccount(input: $input) { id } }", { input: { departmentId, accountNo: "6222020200112233445", accountName: "住房和城乡建设局非税收入户", bankName: "中国工商银行宣汉支行" } }, adminToken);
    return result.errors?.[0]?.extensions?.code === "UNKNOWN_DEPARTMENT" ? null : result;
  });
  const created = await eventually(async () => {
    const result = await call<{ createItem: { id: string } }>("mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }", { input: planningLicenceItem(CENTER, departmentId, { feeItems: [fixedFee()] }) }, adminToken);
    return result.errors?.[0]?.extensions?.code === "UNKNOWN_DEPARTMENT" ? null : result;
  });
  const itemId = created.data!.createItem.id;
  expect((await call("mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }", { id: itemId }, adminToken)).errors).toBeUndefined();
  const staff = await call<{ registerStaff: { id: string } }>("mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }", { i: { centerCode: CENTER, code: "ZJJ-07", name: "王七", departmentId } }, adminToken);
  const staffId = staff.data!.registerStaff.id;
  expect((await call("mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }", { i: { staffId, departmentId, acts: ["ACCEPT"] } }, adminToken)).errors).toBeUndefined();
  const staffToken = await mintAccessToken(system!.keys, { subject: staffId, roles: ["window_staff"], centerCode: CENTER, departmentId });
  const citizenToken = await mintAccessToken(system!.keys, { subject: "citizen-42", roles: ["citizen"] });
  for (let i = 0; i < 3; i += 1) {
    const submitted = await eventually(async () => {
      const result = await call<{ submitCase: { id: string } }>("mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { id } }", { input: { itemId, applicantName: "张三", applicantIdNumber: "11010519491231002X", idempotencyKey: randomUUID() } }, citizenToken);
      return result.errors?.[0]?.extensions?.code === "UNKNOWN_ITEM" ? null : result;
    });
    expect(submitted.errors).toBeUndefined();
    if (i === 2) continue;
    // Accepted cases get a payment notice from fees (by event).
    const accepted = await eventually(async () => {
      const result = await call("mutation ($id: ID!) { acceptCase(caseId: $id) { id } }", { id: submitted.data!.submitCase.id }, staffToken);
      return result.errors?.[0]?.extensions?.code === "NOT_AUTHORIZED" ? null : result;
    });
    expect(accepted.errors).toBeUndefined();
  }
}

async function countRows(database: string, table: string): Promise<number> {
  const connection = await createConnection({ ...mysql });
  try {
    const [rows] = (await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``)) as unknown as [Array<{ n: number }>];
    return Number(rows[0].n);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "onestop-backup-drill-"));
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER });
});

afterAll(async () => {
  await system?.stop();
  await resetEnvironment(environment);
  await rm(directory, { recursive: true, force: true });
});

test("backup, destroy, restore: the books are identical, the event published during the backup is delivered, none is applied twice", async () => {
  const step = (what: string) => process.env.DRILL_TRACE && process.stderr.write(`${new Date().toISOString()} ${what}\n`);
  await makeBooks();
  step("books made");
  await settled();
  step("settled");
  const cases = databaseName(environment.databasePrefix, "cases");
  const fees = databaseName(environment.databasePrefix, "fees");
  expect(await countRows(cases, "service_case")).toBe(3);
  expect(await countRows(fees, "payment_notice")).toBe(2);

  // A department registered after the streams were copied and before the databases were: its
  // event is in staffing's outbox (published) and in catalog's and fees' replicas, not in the copy.
  let lateDepartment = "";
  const manifest: BackupManifest = await backup({
    mysql,
    databases,
    natsUrl: NATS_URL,
    namespace: environment.namespace,
    directory,
    afterStreamsSaved: async () => {
      lateDepartment = await registerDepartment("FGJ", "发展和改革局");
      await settled();
    },
  });
  expect(manifest.streams.length).toBeGreaterThan(0);
  const staffingStream = manifest.streams.find((s) => s.name.endsWith("_STAFFING"))!;

  step("backed up");
  // Destroy: the services stop, their databases and streams are dropped.
  await system!.stop();
  system = null;
  await resetEnvironment(environment);
  expect(await countRows(cases, "service_case").catch(() => "gone")).toBe("gone");

  await restore({ mysql, natsUrl: NATS_URL, directory });
  step("restored");
  expect(compareBooks(manifest.books, await booksOf(mysql, databases), { ignoreTables: CHANGED_BY_RESTORE })).toEqual([]);

  // The system starts on the restored state: the relays publish the outbox rows published since
  // the streams were copied again; the consumers' inboxes drop those they had applied.
  system = await startSystem(environment);
  await settled();
  step("settled again");
  expect(compareBooks(manifest.books, await booksOf(mysql, databases), { ignoreTables: CHANGED_BY_RESTORE })).toEqual([]);
  const nc = await connect({ servers: NATS_URL });
  try {
    const info = await (await jetstreamManager(nc)).streams.info(staffingStream.name);
    // The late department's event is in the stream again, published from staffing's outbox.
    expect(info.state.messages).toBe(staffingStream.messages + 1);
  } finally {
    await nc.close();
  }
  expect(lateDepartment).not.toBe("");
  expect(await countRows(cases, "service_case")).toBe(3);
  expect(await countRows(fees, "payment_notice")).toBe(2);
}, 240_000);
