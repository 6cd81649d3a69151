import { createConnection, type Connection } from "mysql2/promise";
import { runAuditVerify, startGateway, type AuditRecord, type RunningGateway } from "@onestop/gateway";
import { eventually, gatewayAuditDatabase, gatewayEnvFor, graphql, mintAccessToken, planningLicenceItem, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import type { Role } from "@onestop/platform";
import { nextEntry, sealed } from "../../services/gateway/src/audit/audit.rules";
import { testEnvironment } from "../support/environment";

const environment = testEnvironment("e2e_gateway_audit");
jest.setTimeout(60_000);

const CENTER = "330110000000";
const OTHER_CENTER = "330110001000";
const ID_NUMBER = "11010519491231002X";
const REGISTER_DEPARTMENT = `mutation Register($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { id } }`;
const SUBMIT_CASE = `mutation Apply($input: SubmitCaseInput!) { submitCase(input: $input) { id } }`;

let system: RunningSystem;
let second: RunningGateway;
let database: Connection;
const auditEnv = gatewayAuditDatabase(environment);

const token = (subject: string, roles: Role[], centerCode: string | null = null) => mintAccessToken(system.keys, { subject, roles, centerCode });

interface AuditPage {
  entries: AuditRecord[];
  next: number | null;
  head: { seq: number; hash: string };
}

async function readAudit(bearer: string | null, query = "", url = system.gatewayUrl): Promise<{ status: number; body: AuditPage & { errors?: Array<{ extensions: { code: string } }> } }> {
  const response = await fetch(`${url.replace(/\/graphql$/, "/audit")}${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: response.status, body: (await response.json()) as AuditPage & { errors?: Array<{ extensions: { code: string } }> } };
}

/** Every entry after `seq` as the log holds it, whichever center it belongs to (GET /audit shows a center's only). */
async function logged(after: number): Promise<Array<Pick<AuditRecord, "seq" | "requestId" | "who" | "operationName" | "fields" | "outcome" | "errorCodes" | "prevHash" | "hash"> & { recordedAt: string; client: AuditRecord["client"] }>> {
  const [rows] = (await database.query("SELECT * FROM audit_entry WHERE seq > ? ORDER BY seq", [after])) as unknown as [Array<Record<string, string | null>>];
  return rows.map((row) => ({
    seq: Number(row.seq),
    recordedAt: (row.recorded_at as unknown as Date).toISOString(),
    requestId: String(row.request_id),
    who: { subject: String(row.subject), roles: JSON.parse(String(row.roles)) as string[], centerCode: row.center_code, departmentId: row.department_id, windowId: row.window_id },
    operationName: row.operation_name,
    fields: JSON.parse(String(row.fields)) as unknown[],
    client: { ip: row.client_ip, forwardedFor: row.forwarded_for, userAgent: row.user_agent, name: row.client_name, version: row.client_version },
    outcome: row.outcome as "ok" | "error",
    errorCodes: JSON.parse(String(row.error_codes)) as string[],
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  }));
}

async function verify(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runAuditVerify(args, auditEnv, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  second = await startGateway(
    gatewayEnvFor(system.subgraphs, system.keys, environment, { LOG_LEVEL: "silent", ...auditEnv }),
  );
  database = await createConnection({
    host: auditEnv.AUDIT_DB_HOST,
    port: Number(auditEnv.AUDIT_DB_PORT),
    user: auditEnv.AUDIT_DB_USER,
    password: auditEnv.AUDIT_DB_PASSWORD,
    database: auditEnv.AUDIT_DB_NAME,
  });
});

afterAll(async () => {
  await database?.end();
  await second?.stop();
  await system?.stop();
});

describe("every mutation through the gateway is in the audit log", () => {
  let supervisor: string;
  let mark: number;

  beforeAll(async () => {
    supervisor = await token("supervisor-1", ["supervisor"], CENTER);
    mark = (await readAudit(supervisor)).body.head.seq;
    const admin = await token("admin-1", ["center_admin"], CENTER);
    const citizen = await token("citizen-42", ["citizen"]);

    const registered = await graphql(system.gatewayUrl, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" } }, {
      token: admin,
      headers: {
        "x-request-id": "req-audit-0001",
        "user-agent": "hall-portal/3.1 (Windows NT 10.0)",
        "apollographql-client-name": "hall-portal",
        "apollographql-client-version": "3.1.0",
        "x-forwarded-for": "203.0.113.7",
      },
    });
    expect(registered.errors).toBeUndefined();
    const applied = await graphql(system.gatewayUrl, SUBMIT_CASE, { input: { itemId: "nope", applicantName: "张三", applicantIdNumber: ID_NUMBER, idempotencyKey: "audit-apply-0001" } }, { token: citizen });
    expect(applied.errors?.[0]?.extensions?.code).toBe("UNKNOWN_ITEM");
    const inline = await graphql(
      system.gatewayUrl,
      `mutation { submitCase(input: { itemId: "nope", applicantName: "李四 电话13800138000", applicantIdNumber: "${ID_NUMBER}", idempotencyKey: "audit-apply-0002" }) { id } }`,
      {},
      { token: citizen },
    );
    expect(inline.errors?.[0]?.extensions?.code).toBe("UNKNOWN_ITEM");
    const refused = await graphql(system.gatewayUrl, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code: "X", name: "越权" } }, { token: citizen });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const query = await graphql(system.gatewayUrl, `query ($c: String!) { departments(centerCode: $c) { code } }`, { c: CENTER }, { token: admin });
    expect(query.errors).toBeUndefined();
  });

  test("in order, with who, what, when, from which client and the outcome, recorded before the answer left", async () => {
    const entries = await logged(mark);
    expect(entries.map((e) => [e.seq - mark, e.operationName, e.fields.map((f) => (f as { field: string }).field), e.outcome, e.errorCodes])).toEqual([
      [1, "Register", ["registerDepartment"], "ok", []],
      [2, "Apply", ["submitCase"], "error", ["UNKNOWN_ITEM"]],
      [3, null, ["submitCase"], "error", ["UNKNOWN_ITEM"]],
      [4, "Register", ["registerDepartment"], "error", ["FORBIDDEN"]],
    ]);
    const [first, second] = entries;
    expect((await readAudit(supervisor, `?after=${mark}`)).body.entries[0]).toEqual({ ...first, centers: [CENTER] });
    expect(first).toMatchObject({
      requestId: "req-audit-0001",
      who: { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null },
      fields: [{ field: "registerDepartment", arguments: { input: { centerCode: CENTER, code: "ZJJ", name: "住房和城乡建设局" } } }],
      client: { ip: expect.stringMatching(/127\.0\.0\.1/), forwardedFor: "203.0.113.7", userAgent: "hall-portal/3.1 (Windows NT 10.0)", name: "hall-portal", version: "3.1.0" },
    });
    expect(Date.now() - Date.parse(first.recordedAt)).toBeLessThan(60_000);
    expect(second).toMatchObject({ who: { subject: "citizen-42", roles: ["citizen"], centerCode: null } });
    expect(second.prevHash).toBe(first.hash);
  });

  test("without personal data, whether it came in variables or written into the operation", async () => {
    const entries = await logged(mark);
    expect(entries[1].fields).toEqual([{ field: "submitCase", arguments: { input: { itemId: "nope", applicantName: "张三", applicantIdNumber: "[redacted]", idempotencyKey: "audit-apply-0001" } } }]);
    expect(entries[2].fields).toEqual([
      { field: "submitCase", arguments: { input: { itemId: "nope", applicantName: "李四 电话[redacted]", applicantIdNumber: "[redacted]", idempotencyKey: "audit-apply-0002" } } },
    ]);
    const stored = JSON.stringify(await database.query("SELECT * FROM audit_entry"));
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain("13800138000");
    expect(stored).toContain("住房和城乡建设局");
  });

  test("supervision reads its center's entries; a citizen's that changed nothing belongs to no center, even one it names; others may not read it", async () => {
    expect((await readAudit(supervisor, `?after=${mark}`)).body.entries.map((e) => e.seq - mark)).toEqual([1]);
    const elsewhere = await readAudit(await token("supervisor-9", ["supervisor"], OTHER_CENTER), `?after=${mark}`);
    expect(elsewhere.body.entries).toEqual([]);

    expect((await readAudit(null)).status).toBe(401);
    const citizen = await readAudit(await token("citizen-42", ["citizen"]));
    expect({ status: citizen.status, code: citizen.body.errors?.[0]?.extensions.code }).toEqual({ status: 403, code: "FORBIDDEN" });
    expect((await readAudit(await token("admin-1", ["center_admin"], CENTER))).status).toBe(403);
    expect((await readAudit(await token("supervisor-0", ["supervisor"]))).status).toBe(403);
    expect((await readAudit(supervisor, "?limit=0")).status).toBe(400);
    expect((await readAudit(supervisor, "?after=-1")).status).toBe(400);
    const response = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, "/audit")}`, { method: "POST", headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(405);
  });

  test("reads in pages", async () => {
    const from = (await readAudit(supervisor)).body.head.seq;
    const admin = await token("admin-1", ["center_admin"], CENTER);
    for (const code of ["P1", "P2", "P3", "P4"]) {
      await graphql(system.gatewayUrl, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code, name: `部门${code}` } }, { token: admin });
    }
    const page = await readAudit(supervisor, `?after=${from}&limit=2`);
    expect(page.body.entries.map((e) => e.seq - from)).toEqual([1, 2]);
    expect(page.body.next).toBe(from + 2);
    const rest = await readAudit(supervisor, `?after=${page.body.next}&limit=2`);
    expect(rest.body.entries.map((e) => e.seq - from)).toEqual([3, 4]);
  });

  test("the table refuses UPDATE and DELETE", async () => {
    await expect(database.query("UPDATE audit_entry SET subject = 'someone-else' WHERE seq = ?", [mark + 1])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(database.query("DELETE FROM audit_entry WHERE seq = ?", [mark + 1])).rejects.toThrow(/append-only: DELETE refused/);
    const [rows] = await database.query("SELECT subject FROM audit_entry WHERE seq = ?", [mark + 1]);
    expect(rows).toEqual([{ subject: "admin-1" }]);
  });
});

test("an entry is filed under the caller's center and the centers the operation changed, never a center a decoy field names (issue 15, point 2)", async () => {
  const DECOY_CENTER = "000000000001";
  const admin = await token("admin-1", ["center_admin"], CENTER);
  const citizen = await token("citizen-77", ["citizen"]);
  const department = await graphql<{ registerDepartment: { id: string } }>(system.gatewayUrl, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code: "GTJ", name: "国土局" } }, { token: admin });
  const departmentId = department.data!.registerDepartment.id;
  const itemId = await eventually(async () => {
    const created = await graphql<{ createItem: { id: string } }>(system.gatewayUrl, `mutation ($i: CreateItemInput!) { createItem(input: $i) { id } }`, { i: planningLicenceItem(CENTER, departmentId) }, { token: admin });
    return created.data?.createItem.id;
  });
  await graphql(system.gatewayUrl, `mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 1) { id } }`, { id: itemId }, { token: admin });
  const caseId = await eventually(async () => {
    const submitted = await graphql<{ submitCase: { id: string } }>(system.gatewayUrl, SUBMIT_CASE, { input: { itemId, applicantName: "王五", applicantIdNumber: ID_NUMBER, idempotencyKey: "audit-withdrawn-case" } }, { token: citizen });
    return submitted.data?.submitCase.id;
  });
  const mark = (await readAudit(await token("supervisor-1", ["supervisor"], CENTER))).body.head.seq;

  // The withdrawal rides with a decoy that names another center and is refused.
  const attack = await graphql(
    system.gatewayUrl,
    `mutation Decoy { withdrawCase(caseId: "${caseId}", reason: "不办了") { id } createBankClient(input: { centerCode: "${DECOY_CENTER}", name: "某银行" }) { secretId } }`,
    {},
    { token: citizen },
  );
  expect(attack.errors?.map((error) => error.extensions?.code)).toContain("FORBIDDEN");

  const own = await readAudit(await token("supervisor-1", ["supervisor"], CENTER), `?after=${mark}`);
  const entry = own.body.entries.find((e) => e.operationName === "Decoy");
  expect(entry).toMatchObject({ who: { subject: "citizen-77", centerCode: null }, centers: [CENTER] });
  expect(entry?.fields.map((f) => (f as { field: string }).field)).toEqual(["withdrawCase", "createBankClient"]);
  const decoy = await readAudit(await token("supervisor-9", ["supervisor"], DECOY_CENTER), `?after=${mark}`);
  expect(decoy.body.entries).toEqual([]);
  const elsewhere = await readAudit(await token("supervisor-9", ["supervisor"], OTHER_CENTER), `?after=${mark}`);
  expect(elsewhere.body.entries).toEqual([]);
  expect((await verify()).code).toBe(0);
});

test("concurrent mutations through two gateway instances keep one valid chain", async () => {
  const admin = await token("admin-1", ["center_admin"], CENTER);
  const before = (await verify()).output;
  expect(before).toMatch(/intact/);
  const headBefore = Number(/head (\d+):/.exec(before)?.[1]);
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      graphql(i % 2 === 0 ? system.gatewayUrl : second.url, REGISTER_DEPARTMENT, { input: { centerCode: CENTER, code: `C${String(i).padStart(2, "0")}`, name: `部门${i}` } }, { token: admin }),
    ),
  );
  expect(results.filter((r) => r.errors)).toEqual([]);
  const after = await verify();
  expect(after.code).toBe(0);
  expect(Number(/head (\d+):/.exec(after.output)?.[1])).toBe(headBefore + 24);
  const [rows] = await database.query("SELECT seq FROM audit_entry ORDER BY seq");
  expect((rows as Array<{ seq: number }>).map((r) => Number(r.seq))).toEqual(Array.from({ length: headBefore + 24 }, (_, i) => i + 1));
});

// Last: it breaks the chain on purpose.
test("tampering is found by the verify command, which names the first broken link", async () => {
  const intact = await verify();
  expect(intact.code).toBe(0);
  const [, headSeq, headHash] = /head (\d+):([0-9a-f]{64})/.exec(intact.output) ?? [];
  const last = Number(headSeq);
  expect((await verify("--anchor", `${headSeq}:${headHash}`)).output).toMatch(/intact, \d+ entries, 1 anchor\(s\) confirmed/);
  const wrongAnchor = await verify("--anchor", `${headSeq}:${"f".repeat(64)}`);
  expect(wrongAnchor).toEqual({ code: 1, output: expect.stringContaining(`BROKEN at entry ${headSeq}: its hash is not the one noted for it earlier`) });
  expect((await verify("--anchor", "nonsense")).code).toBe(2);

  // Someone with the database's keys gets the triggers out of the way.
  await database.query("DROP TRIGGER audit_entry_no_update");
  await database.query("DROP TRIGGER audit_entry_no_delete");

  await database.query("UPDATE audit_entry SET outcome = 'ok', error_codes = '[]' WHERE seq = 2");
  expect(await verify()).toEqual({ code: 1, output: expect.stringMatching(/BROKEN at entry 2: its content does not give its recorded hash/) });
  await database.query(`UPDATE audit_entry SET outcome = 'error', error_codes = '["UNKNOWN_ITEM"]' WHERE seq = 2`);
  expect((await verify()).code).toBe(0);

  // A row slipped in at the end: with a made-up hash, and with one computed as the gateway would.
  const [[copied]] = (await database.query("SELECT * FROM audit_entry WHERE seq = ?", [last])) as unknown as [Array<Record<string, unknown>>];
  await database.query("INSERT INTO audit_entry SET ?", [{ ...copied, seq: last + 1, subject: "forger", prev_hash: copied.hash, hash: "a".repeat(64) }]);
  expect((await verify()).output).toMatch(new RegExp(`BROKEN at entry ${last + 1}: its content does not give its recorded hash`));
  await database.query("DELETE FROM audit_entry WHERE seq = ?", [last + 1]);
  expect((await verify()).code).toBe(0);
  const forged = sealed(
    nextEntry(
      { requestId: "req-forged-01", identity: { subject: "forger", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null }, operationName: null, fields: [], client: { ip: null, forwardedFor: null, userAgent: null, clientName: null, clientVersion: null }, errorCodes: [], touchedCenters: [] },
      { seq: last, hash: String(copied.hash) },
      new Date(),
    ),
  );
  await database.query("INSERT INTO audit_entry SET ?", [
    { ...copied, seq: forged.seq, recorded_at: forged.recordedAt, request_id: forged.requestId, subject: forged.subject, roles: forged.roles, center_code: forged.centerCode, department_id: null, window_id: null, operation_name: null, fields: forged.fields, client_ip: null, forwarded_for: null, user_agent: null, client_name: null, client_version: null, outcome: forged.outcome, error_codes: forged.errorCodes, touched_centers: forged.touchedCenters, prev_hash: forged.prevHash, hash: forged.hash },
  ]);
  expect((await verify()).output).toMatch(new RegExp(`BROKEN at entry ${last + 1}: the log was written up to entry ${last}; entries after it were added around the log`));
  await database.query("DELETE FROM audit_entry WHERE seq = ?", [last + 1]);
  expect((await verify()).code).toBe(0);

  await database.query("DELETE FROM audit_entry WHERE seq = 3");
  expect((await verify()).output).toMatch(/BROKEN at entry 4: expected entry 3 after 2, found 4/);
  await database.query("DELETE FROM audit_entry WHERE seq >= ?", [last]);
  expect((await verify()).output).toMatch(/BROKEN at entry 4/);
});
