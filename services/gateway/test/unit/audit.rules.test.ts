import { createHash } from "node:crypto";
import { parse, type OperationDefinitionNode } from "graphql";
import type { Identity } from "@onestop/platform";
import {
  ChainWalker,
  entryCenters,
  entryHash,
  entryValues,
  GENESIS_HASH,
  mutationFields,
  nextEntry,
  REDACTED,
  redact,
  sealed,
  type AuditEntry,
  type AuditFacts,
} from "../../src/audit/audit.rules";

const staff: Identity = { subject: "staff-7", roles: ["window_staff"], centerCode: "330110000000", departmentId: "d-1", windowId: "w-3" };
const citizen: Identity = { subject: "citizen-42", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
const client = { ip: "10.0.0.5", forwardedFor: null, userAgent: "kiosk/1.0", clientName: "hall-kiosk", clientVersion: "2.3" };

function operationOf(query: string) {
  const document = parse(query);
  return { document, operation: document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode };
}

describe("redaction", () => {
  test("personal data and secrets go by argument name, at any depth, whatever the value", () => {
    expect(
      redact({
        input: { applicantName: "张三", applicantIdNumber: "11010519491231002X", contactPhone: "13800138000", items: [{ idCard: "x" }] },
        password: "hunter2",
        newPassword: "s3cret!",
        clientSecret: "abc",
        refreshToken: "t",
        itemId: "i-1",
      }),
    ).toEqual({
      input: { applicantName: "张三", applicantIdNumber: REDACTED, contactPhone: REDACTED, items: [{ idCard: REDACTED }] },
      password: REDACTED,
      newPassword: REDACTED,
      clientSecret: REDACTED,
      refreshToken: REDACTED,
      itemId: "i-1",
    });
  });

  test("ID and mobile numbers typed into free text are cut out; other numbers stay", () => {
    expect(redact({ remarks: "申请人身份证11010519491231002X，电话13800138000，通知书号 33011000000000000001" })).toEqual({
      remarks: `申请人身份证${REDACTED}，电话${REDACTED}，通知书号 33011000000000000001`,
    });
  });
});

describe("what a mutation did", () => {
  test("its fields through fragments, aliases kept, arguments resolved from variables and redacted", () => {
    const { document, operation } = operationOf(`
      mutation Apply($input: SubmitCaseInput!, $id: ID!) {
        submitCase(input: $input) { id }
        again: acceptCase(caseId: $id) { id __typename }
        ...More
        __typename
      }
      fragment More on Mutation { withdrawCase(caseId: "c-9", reason: "申请人电话13800138000") { id } }`);
    const fields = mutationFields(document, operation, { input: { itemId: "i-1", applicantIdNumber: "11010519491231002X" }, id: "c-1" });
    expect(fields).toEqual([
      { field: "submitCase", arguments: { input: { itemId: "i-1", applicantIdNumber: REDACTED } } },
      { field: "acceptCase", alias: "again", arguments: { caseId: "c-1" } },
      { field: "withdrawCase", arguments: { caseId: "c-9", reason: `申请人电话${REDACTED}` } },
    ]);
  });

  test("belongs to the caller's center and the centers the operation changed, never to one the input names (issue 15, point 2)", () => {
    const entry = (identity: Identity, fields: AuditFacts["fields"], touchedCenters: string[]) =>
      nextEntry({ requestId: "r", identity, operationName: null, fields, client, errorCodes: [], touchedCenters }, { seq: 0, hash: GENESIS_HASH }, new Date(0));
    expect(entryCenters(entry(staff, [], []))).toEqual(["330110000000"]);
    expect(entryCenters(entry(staff, [], ["330110001000", "not-a-center"]))).toEqual(["330110000000", "330110001000"]);
    const decoy = [
      { field: "withdrawCase", arguments: { caseId: "c-1" } },
      { field: "createBankClient", arguments: { input: { centerCode: "000000000001" } } },
    ];
    expect(entry(citizen, decoy, ["330110000000"]).centerCode).toBeNull();
    expect(entryCenters(entry(citizen, decoy, ["330110000000"]))).toEqual(["330110000000"]);
    expect(entryCenters(entry(citizen, [{ field: "submitCase", arguments: { input: { itemId: "i", centerCode: "000000000001" } } }], []))).toEqual([]);
  });

  test("an entry written before the touched centers were kept hashes as it did; a later one hashes them", () => {
    const later = nextEntry({ requestId: "r", identity: staff, operationName: null, fields: [], client, errorCodes: [], touchedCenters: ["330110001000"] }, { seq: 0, hash: GENESIS_HASH }, new Date(0));
    const earlier = { ...later, touchedCenters: null };
    const before = createHash("sha256").update(`${earlier.prevHash}\n${JSON.stringify(entryValues(earlier))}`, "utf8").digest("hex");
    expect(entryHash(earlier)).toBe(before);
    expect(entryHash(earlier)).not.toBe(entryHash(later));
    expect(entryHash({ ...later, touchedCenters: "[]" })).not.toBe(entryHash(later));
  });
});

describe("the chain", () => {
  const facts = (overrides: Partial<AuditFacts> = {}): AuditFacts => ({
    requestId: "req-00000001",
    identity: staff,
    operationName: "Accept",
    fields: [{ field: "acceptCase", arguments: { caseId: "c-1" } }],
    client,
    errorCodes: [],
    touchedCenters: [],
    ...overrides,
  });

  function chain(length: number): AuditEntry[] {
    const entries: AuditEntry[] = [];
    let previous = { seq: 0, hash: GENESIS_HASH };
    for (let i = 0; i < length; i++) {
      const entry = sealed(nextEntry(facts({ requestId: `req-0000000${i}`, errorCodes: i === 1 ? ["FORBIDDEN", "FORBIDDEN"] : [] }), previous, new Date(Date.UTC(2026, 2, 2, 8, 0, i))));
      entries.push(entry);
      previous = entry;
    }
    return entries;
  }

  function verdict(entries: AuditEntry[], head = { seq: entries.at(-1)?.seq ?? 0, hash: entries.at(-1)?.hash ?? GENESIS_HASH }) {
    const walker = new ChainWalker();
    for (const entry of entries) if (!walker.accept(entry)) break;
    return walker.finish(head);
  }

  test("entries carry who, what, when, from where and the outcome, linked by hash", () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({
      seq: 1,
      subject: "staff-7",
      roles: '["window_staff"]',
      centerCode: "330110000000",
      departmentId: "d-1",
      windowId: "w-3",
      operationName: "Accept",
      clientIp: "10.0.0.5",
      userAgent: "kiosk/1.0",
      clientName: "hall-kiosk",
      outcome: "ok",
      errorCodes: "[]",
      prevHash: GENESIS_HASH,
    });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, outcome: "error", errorCodes: '["FORBIDDEN"]' });
  });

  test("an intact chain verifies, and so does an empty one", () => {
    expect(verdict(chain(5))).toEqual({ ok: true, last: { seq: 5, hash: chain(5)[4].hash } });
    expect(verdict([])).toEqual({ ok: true, last: { seq: 0, hash: GENESIS_HASH } });
  });

  test("an altered entry is the first broken link", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], subject: "someone-else" };
    expect(verdict(entries)).toEqual({ ok: false, broken: { seq: 3, problem: expect.stringContaining("altered") } });
  });

  test("an altered entry whose hash was recomputed breaks the link after it", () => {
    const entries = chain(5);
    entries[2] = sealed({ ...entries[2], outcome: "ok", errorCodes: "[]", subject: "someone-else" });
    expect(verdict(entries)).toEqual({ ok: false, broken: { seq: 4, problem: expect.stringContaining("links to") } });
  });

  test("a removed entry, one removed from the end, and one added around the log are found", () => {
    const entries = chain(5);
    expect(verdict([...entries.slice(0, 2), ...entries.slice(3)])).toEqual({ ok: false, broken: { seq: 4, problem: expect.stringContaining("expected entry 3") } });
    expect(verdict(entries.slice(0, 4), { seq: 5, hash: entries[4].hash })).toEqual({ ok: false, broken: { seq: 5, problem: expect.stringContaining("removed") } });
    const forged = sealed(nextEntry(facts({ requestId: "req-forged01" }), entries[4], new Date()));
    expect(verdict([...entries, forged], { seq: 5, hash: entries[4].hash })).toEqual({ ok: false, broken: { seq: 6, problem: expect.stringContaining("added around") } });
  });

  test("text that could not be stored as given is made storable before it is hashed", () => {
    const entry = nextEntry(facts({ client: { ...client, userAgent: `${"x".repeat(399)}😀😀 \uD800` } }), { seq: 0, hash: GENESIS_HASH }, new Date());
    expect(Array.from(entry.userAgent ?? "")).toHaveLength(400);
    expect(entry.userAgent?.endsWith("😀")).toBe(true);
    expect(nextEntry(facts({ identity: { ...staff, subject: "a\uD800b" } }), { seq: 0, hash: GENESIS_HASH }, new Date()).subject).toBe("a\uFFFDb");
  });
});
