import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { staffingEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { IDENTITY_HEADER, namespacedSubject, signIdentity, type Identity, type RunningSubgraph, type SubgraphKey } from "@onestop/platform";
import { developmentIdentityKeyring, ensureDevelopmentKeys, eventually, graphql, resetEnvironment, startOneSubgraph } from "@onestop/testkit";
import { testEnvironment } from "../../../../test/support/environment";
import { itemInput } from "../support/items";

const environment = testEnvironment("catalog_integration");
const CENTER = "511722000000";
const OTHER_CENTER = "511721000000";

let catalog: RunningSubgraph;
let nats: NatsConnection;
let identityKey: SubgraphKey;

const admin: Identity = { subject: "admin-1", roles: ["center_admin"], centerCode: CENTER, departmentId: null, windowId: null };
const foreignAdmin: Identity = { ...admin, subject: "admin-9", centerCode: OTHER_CENTER };
const citizen: Identity = { subject: "citizen-1", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
const anonymous: Identity = { subject: "anonymous", roles: ["anonymous"], centerCode: null, departmentId: null, windowId: null };

const departments = { zj: randomUUID(), fg: randomUUID(), zr: randomUUID(), qx: randomUUID(), sf: randomUUID() };
const windows = { zj: randomUUID(), zh: randomUUID(), closed: randomUUID(), foreign: randomUUID() };

async function call<T = Record<string, unknown>>(identity: Identity, query: string, variables: Record<string, unknown> = {}, url = catalog.url) {
  const header = signIdentity(identity, `req-${randomUUID()}`, identityKey, new Date());
  return graphql<T>(url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
}

async function publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, occurredAt = new Date()): Promise<void> {
  const id = randomUUID();
  const envelope = { id, type: event.subject, occurredAt: occurredAt.toISOString(), requestId: null, centerCode: CENTER, payload };
  await jetstream(nats).publish(namespacedSubject(environment.namespace, event.subject), JSON.stringify(envelope), { msgID: id });
}

async function count(table: string): Promise<number> {
  const [row] = (await catalog.infrastructure.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: string }>;
  return Number(row.n);
}

/** Every table a command could write, so "nothing written" can be asserted. */
async function footprint() {
  const tables = ["item", "item_version", "item_fee_code", "item_listing", "item_entry", "outbox_message"];
  const counts = await Promise.all(tables.map(count));
  const [{ v }] = (await catalog.infrastructure.dataSource.query(
    "SELECT COALESCE(MAX(updated_at), 0) AS v FROM item_version",
  )) as Array<{ v: unknown }>;
  return { counts, lastVersionUpdate: String(v) };
}

async function outboxPayloads(subject: string): Promise<Array<Record<string, unknown>>> {
  const rows = (await catalog.infrastructure.dataSource.query("SELECT envelope FROM outbox_message WHERE subject = ? ORDER BY seq", [subject])) as Array<{
    envelope: string;
  }>;
  return rows.map((row) => JSON.parse(row.envelope).payload);
}

const CREATE = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id code version versionStatus status speedUpRatio } }`;
const PUBLISH = `mutation ($id: ID!, $v: Int!, $note: String) { publishItemVersion(itemId: $id, version: $v, changeNote: $note) { id version versionStatus } }`;
const EDIT = `mutation ($id: ID!, $v: Int!, $input: ItemDraftInput!) { editItemDraft(itemId: $id, version: $v, input: $input) { version status promisedLimitDays } }`;
const REVISE = `mutation ($id: ID!, $input: ItemDraftInput!) { reviseItem(itemId: $id, input: $input) { version status } }`;
const ITEM = `query ($id: ID!) { item(id: $id) { id code status version versionStatus name promisedLimitDays speedUpRatio free
  materials { code deferrable } feeItems { code amountFen description } feeStandard { kind amountFen }
  history { version publishedAt changeNote changes { field description } } draft { version } retiredReason mergedInto { id } } }`;

async function createItem(overrides: Record<string, unknown> = {}, departmentId = departments.zj) {
  const result = await call<{ createItem: { id: string; code: string } }>(admin, CREATE, { input: itemInput(CENTER, departmentId, overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createItem;
}

async function publishVersion(id: string, version: number, note: string | null = null) {
  const result = await call(admin, PUBLISH, { id, v: version, note });
  expect(result.errors).toBeUndefined();
  return result;
}

async function createPublished(overrides: Record<string, unknown> = {}, departmentId = departments.zj) {
  const item = await createItem(overrides, departmentId);
  await publishVersion(item.id, 1);
  return item;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  identityKey = developmentIdentityKeyring(ensureDevelopmentKeys(environment.keysDir)).keyFor("catalog");
  catalog = await startOneSubgraph("catalog", environment);
  nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const names: Record<keyof typeof departments, [string, string]> = {
    zj: ["ZJJ", "住房和城乡建设局"],
    fg: ["FGJ", "发展和改革局"],
    zr: ["ZRZYJ", "自然资源局"],
    qx: ["QXJ", "气象局"],
    sf: ["SFJ", "司法局"],
  };
  for (const [key, [code, name]] of Object.entries(names)) {
    await publish(staffingEvents.departmentRegistered, { departmentId: departments[key as keyof typeof departments], centerCode: CENTER, code, name });
  }
  const window = { centerCode: CENTER, hallId: null, aPostStaffId: null, bPostStaffId: null, revision: 1 };
  await publish(staffingEvents.windowPublished, { ...window, windowId: windows.zj, code: "W-ZJJ-1", name: "住建1号窗口", kind: "AB", departmentId: departments.zj, actsForDepartmentIds: [], open: true });
  await publish(staffingEvents.windowPublished, { ...window, windowId: windows.zh, code: "ZH-01", name: "综合窗口1", kind: "COMPREHENSIVE", departmentId: null, actsForDepartmentIds: [departments.qx, departments.sf], open: true });
  await publish(staffingEvents.windowPublished, { ...window, windowId: windows.closed, code: "W-FGJ", name: "发改窗口", kind: "RESIDENT", departmentId: departments.fg, actsForDepartmentIds: [], open: false });
  await publish(staffingEvents.windowPublished, { ...window, centerCode: OTHER_CENTER, windowId: windows.foreign, code: "W-X", name: "外县窗口", kind: "RESIDENT", departmentId: departments.zj, actsForDepartmentIds: [], open: true });
  await eventually(async () => ((await count("department_replica")) === 5 && (await count("window_replica")) === 4 ? true : null));
});

afterAll(async () => {
  await nats?.close();
  await catalog?.stop();
});

describe("drafts and publication", () => {
  test("a created item is a draft nobody but administration sees, until it is published", async () => {
    const created = await createItem({ name: "建设工程竣工规划核实" });
    expect(created).toMatchObject({ version: 1, versionStatus: "DRAFT", status: "ACTIVE", speedUpRatio: 0.65 });
    expect(created.code).toMatch(/^XK\d{8}511722000000115117220086510033$/);
    expect((await call(anonymous, ITEM, { id: created.id })).data).toEqual({ item: null });
    expect((await call<{ item: { versionStatus: string } }>(admin, ITEM, { id: created.id })).data!.item.versionStatus).toBe("DRAFT");

    const edited = await call(admin, EDIT, { id: created.id, v: 1, input: { promisedLimitDays: 8 } });
    expect(edited.data).toEqual({ editItemDraft: { version: 1, status: "DRAFT", promisedLimitDays: 8 } });
    await publishVersion(created.id, 1, "首次发布");
    const published = await call<{ item: Record<string, unknown> }>(anonymous, ITEM, { id: created.id });
    expect(published.data!.item).toMatchObject({
      status: "ACTIVE",
      version: 1,
      versionStatus: "PUBLISHED",
      promisedLimitDays: 8,
      speedUpRatio: 0.6,
      free: false,
      materials: [
        { code: "M01", deferrable: false },
        { code: "M02", deferrable: false },
        { code: "M03", deferrable: true },
        { code: "M04", deferrable: false },
      ],
      feeItems: [{ code: "F01", amountFen: 5000, description: "50元" }],
      feeStandard: { kind: "FIXED", amountFen: 5000 },
      history: [{ version: 1, changeNote: "首次发布", changes: [{ field: "item", description: "首次发布" }] }],
      draft: null,
    });
    const [event] = (await outboxPayloads("catalog.item.published")).filter((payload) => payload.itemId === created.id);
    expect(event).toMatchObject({
      version: 1,
      code: created.code,
      departmentId: departments.zj,
      promisedLimitDays: 8,
      feeStandard: { kind: "FIXED", amountFen: 5000 },
      feeItems: [{ code: "F01", calculation: { kind: "FIXED", amountFen: 5000 } }],
      stageLimits: { acceptanceDays: 1, reviewDays: 4, approvalDays: 2 },
      allowsDeficiencies: true,
      deferrableMaterialCodes: ["M03"],
      deemedApproval: false,
      vetoEscalation: "NONE",
      cancelledFeeCodes: [],
    });
    expect((event.materials as unknown[]).length).toBe(4);
  });

  test("publishing twice and editing a published version are typed errors that write nothing", async () => {
    const item = await createPublished();
    const before = await footprint();
    const twice = await call(admin, PUBLISH, { id: item.id, v: 1 });
    expect(twice.errors?.[0]?.extensions?.code).toBe("ALREADY_PUBLISHED");
    const edit = await call(admin, EDIT, { id: item.id, v: 1, input: { name: "改名" } });
    expect(edit.errors?.[0]?.extensions?.code).toBe("PUBLISHED_VERSION_IMMUTABLE");
    expect(await footprint()).toEqual(before);
  });

  test("two administrators publishing the same draft at once: one wins, one event", async () => {
    const item = await createItem();
    const results = await Promise.all([call(admin, PUBLISH, { id: item.id, v: 1 }), call(admin, PUBLISH, { id: item.id, v: 1 })]);
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? "OK").sort()).toEqual(["ALREADY_PUBLISHED", "OK"]);
    expect((await outboxPayloads("catalog.item.published")).filter((payload) => payload.itemId === item.id)).toHaveLength(1);
  });

  test("reform: a new version cuts the time limit, drops a material and a fee; every version is kept", async () => {
    const item = await createPublished({
      feeItems: [
        { code: "F01", name: "登记费", kind: "FIXED", amountFen: 8000, legalBasis: "发改价格规〔2016〕2559号" },
        { code: "F02", name: "证书工本费", kind: "FIXED", amountFen: 1000, legalBasis: "发改价格规〔2016〕2559号" },
      ],
    });
    const revised = await call(admin, REVISE, {
      id: item.id,
      input: {
        promisedLimitDays: 5,
        stageLimits: { acceptanceDays: 1, reviewDays: 2, approvalDays: 2 },
        materials: (itemInput(CENTER, departments.zj).materials as unknown[]).slice(0, 3),
        feeItems: [{ code: "F01", name: "登记费", kind: "FIXED", amountFen: 8000, legalBasis: "发改价格规〔2016〕2559号" }],
      },
    });
    expect(revised.data).toEqual({ reviseItem: { version: 2, status: "DRAFT" } });
    const again = await call(admin, REVISE, { id: item.id, input: {} });
    expect(again.errors?.[0]?.extensions?.code).toBe("DRAFT_EXISTS");
    // The public still reads version 1 while version 2 is a draft.
    expect((await call<{ item: { version: number } }>(anonymous, ITEM, { id: item.id })).data!.item.version).toBe(1);
    await publishVersion(item.id, 2, "压缩承诺时限");

    const view = await call<{ item: Record<string, unknown> }>(anonymous, ITEM, { id: item.id });
    expect(view.data!.item).toMatchObject({
      version: 2,
      promisedLimitDays: 5,
      feeStandard: { kind: "FIXED", amountFen: 8000 },
      history: [
        { version: 1 },
        {
          version: 2,
          changeNote: "压缩承诺时限",
          changes: [
            { field: "promisedLimitDays", description: "承诺时限压缩: 7个工作日 → 5个工作日" },
            { field: "stageLimits", description: "环节时限已调整" },
            { field: "materials", description: "减少申请材料: 授权委托书(原件1份, 非必要)" },
            { field: "feeItems", description: "取消收费项目: 证书工本费 10元" },
          ],
        },
      ],
    });
    const first = await call<{ itemVersion: Record<string, unknown> }>(
      anonymous,
      `query ($id: ID!) { itemVersion(itemId: $id, version: 1) { version promisedLimitDays feeStandard { amountFen } materials { code } } }`,
      { id: item.id },
    );
    expect(first.data!.itemVersion).toMatchObject({ version: 1, promisedLimitDays: 7, feeStandard: { amountFen: 9000 } });
    expect(first.data!.itemVersion.materials).toHaveLength(4);
    const events = (await outboxPayloads("catalog.item.published")).filter((payload) => payload.itemId === item.id);
    expect(events.map((event) => [event.version, event.cancelledFeeCodes])).toEqual([
      [1, []],
      [2, ["F02"]],
    ]);
  });

  test("a cancelled fee can never be charged again, not even by a later version", async () => {
    const item = await createPublished({ feeItems: [{ code: "F07", name: "工本费", kind: "FIXED", amountFen: 1000, legalBasis: "依据" }] });
    await call(admin, REVISE, { id: item.id, input: { feeItems: [] } });
    await publishVersion(item.id, 2);
    const before = await footprint();
    const back = await call(admin, REVISE, {
      id: item.id,
      input: { feeItems: [{ code: "F07", name: "工本费", kind: "FIXED", amountFen: 500, legalBasis: "依据" }] },
    });
    expect(back.errors?.[0]?.extensions).toMatchObject({ code: "FEE_CANCELLED", feeCodes: ["F07"] });
    expect(await footprint()).toEqual(before);
    // A draft cannot smuggle it in either.
    await call(admin, REVISE, { id: item.id, input: { name: "工本费已取消的事项" } });
    const sneak = await call(admin, EDIT, {
      id: item.id,
      v: 3,
      input: { feeItems: [{ code: "F07", name: "工本费", kind: "FIXED", amountFen: 500, legalBasis: "依据" }] },
    });
    expect(sneak.errors?.[0]?.extensions?.code).toBe("FEE_CANCELLED");
  });
});

describe("bad input: a typed error and nothing written", () => {
  const input = (overrides: Record<string, unknown>) => itemInput(CENTER, departments.zj, overrides);
  test.each([
    ["an unknown department", { departmentId: randomUUID() }, "UNKNOWN_DEPARTMENT"],
    ["an unknown joint department", { kind: "JOINT", jointDepartmentIds: [randomUUID()] }, "UNKNOWN_DEPARTMENT"],
    ["a promise longer than the law", { legalLimitDays: 5, promisedLimitDays: 9 }, "BAD_USER_INPUT"],
    ["a negative time limit", { legalLimitDays: -1, promisedLimitDays: 0 }, "BAD_USER_INPUT"],
    ["an instant item with a promised limit", { kind: "INSTANT", promisedLimitDays: 3, stageLimits: null }, "BAD_USER_INPUT"],
    ["stages longer than the promise", { stageLimits: { acceptanceDays: 5, reviewDays: 5 } }, "BAD_USER_INPUT"],
    ["a negative fee", { feeItems: [{ code: "F1", name: "费", kind: "FIXED", amountFen: -1, legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a fractional fee", { feeItems: [{ code: "F1", name: "费", kind: "FIXED", amountFen: 12.5, legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a fixed fee without an amount", { feeItems: [{ code: "F1", name: "费", kind: "FIXED", legalBasis: "x" }] }, "BAD_USER_INPUT"],
    ["a per-unit fee beside another", { feeItems: [
      { code: "F1", name: "费", kind: "PER_UNIT", unitName: "件", unitPriceFen: 100, legalBasis: "x" },
      { code: "F2", name: "费2", kind: "FIXED", amountFen: 100, legalBasis: "x" },
    ] }, "BAD_USER_INPUT"],
    ["a joint item without other departments", { kind: "JOINT" }, "BAD_USER_INPUT"],
    ["a reported item without its authority", { kind: "REPORTED" }, "BAD_USER_INPUT"],
    ["deferring a material the item does not ask for", { deferrableMaterialCodes: ["M99"] }, "BAD_USER_INPUT"],
    ["a base code of another category", { baseCode: "GG00001000" }, "BAD_USER_INPUT"],
    ["a malformed credit code", { agencyCreditCode: "12345" }, "BAD_USER_INPUT"],
    ["an empty name", { name: "  " }, "BAD_USER_INPUT"],
  ])("%s", async (_label, overrides, code) => {
    const before = await footprint();
    const result = await call(admin, CREATE, { input: input(overrides) });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await footprint()).toEqual(before);
  });

  test("a code already taken is a conflict", async () => {
    const first = await createItem({ baseCode: "XK99999000" });
    const before = await footprint();
    const again = await call(admin, CREATE, { input: input({ baseCode: "XK99999000" }) });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(first.code).toContain("XK99999000");
    expect(await footprint()).toEqual(before);
  });

  test("a bad edit of a draft leaves the draft as it was", async () => {
    const item = await createItem();
    const before = await footprint();
    const result = await call(admin, EDIT, { id: item.id, v: 1, input: { promisedLimitDays: 30 } });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const nulled = await call(admin, EDIT, { id: item.id, v: 1, input: { name: null } });
    expect(nulled.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint()).toEqual(before);
  });

  test("only the center's own administration may change the catalog", async () => {
    const item = await createItem();
    const before = await footprint();
    expect((await call(citizen, CREATE, { input: input({}) })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await call(anonymous, CREATE, { input: input({}) })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await call(foreignAdmin, CREATE, { input: input({}) })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await call(foreignAdmin, PUBLISH, { id: item.id, v: 1 })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await footprint()).toEqual(before);
  });
});

describe("cancel and merge", () => {
  const CANCEL = `mutation ($id: ID!, $r: String!) { cancelItem(itemId: $id, reason: $r) { status retiredReason } }`;
  const MERGE = `mutation ($id: ID!, $into: ID!, $r: String!) { mergeItem(itemId: $id, intoItemId: $into, reason: $r) { status mergedInto { id } } }`;

  test("a cancelled item leaves the public catalog, keeps its history, and announces its fees are gone", async () => {
    const item = await createPublished({ name: "临时占用城市道路审批（取消测试）" });
    expect((await call(admin, REVISE, { id: item.id, input: { promisedLimitDays: 7, maxVisits: 0 } })).errors).toBeUndefined();
    const cancelled = await call(admin, CANCEL, { id: item.id, r: "依据国发〔2025〕1号文件取消" });
    expect(cancelled.data).toEqual({ cancelItem: { status: "CANCELLED", retiredReason: "依据国发〔2025〕1号文件取消" } });
    const search = await call<{ searchItems: { totalCount: number } }>(
      anonymous,
      `query { searchItems(centerCode: "${CENTER}", keyword: "取消测试") { totalCount } }`,
    );
    expect(search.data!.searchItems.totalCount).toBe(0);
    const view = await call<{ item: Record<string, unknown> }>(anonymous, ITEM, { id: item.id });
    expect(view.data!.item).toMatchObject({ status: "CANCELLED", version: 1, history: [{ version: 1 }] });
    const [event] = (await outboxPayloads("catalog.item.cancelled")).filter((payload) => payload.itemId === item.id);
    expect(event).toMatchObject({ lastVersion: 1, mergedIntoItemId: null, cancelledFeeCodes: ["F01"] });
    for (const [query, variables, code] of [
      [REVISE, { id: item.id, input: {} }, "ITEM_RETIRED"],
      [PUBLISH, { id: item.id, v: 2 }, "DRAFT_DISCARDED"],
      [CANCEL, { id: item.id, r: "again" }, "ITEM_RETIRED"],
    ] as const) {
      const refused = await call(admin, query, variables);
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  test("a merged item points to the item that replaces it", async () => {
    const kept = await createPublished({ name: "建筑工程施工许可证核发（合并后）" });
    const merged = await createPublished({ name: "建筑工程施工许可证变更" });
    expect((await call(admin, MERGE, { id: merged.id, into: merged.id, r: "x" })).errors?.[0]?.extensions?.code).toBe("INVALID_MERGE");
    const draftOnly = await createItem();
    expect((await call(admin, MERGE, { id: merged.id, into: draftOnly.id, r: "x" })).errors?.[0]?.extensions?.code).toBe("INVALID_MERGE");
    const result = await call(admin, MERGE, { id: merged.id, into: kept.id, r: "两项合并为一项" });
    expect(result.data).toEqual({ mergeItem: { status: "MERGED", mergedInto: { id: kept.id } } });
    const [event] = (await outboxPayloads("catalog.item.cancelled")).filter((payload) => payload.itemId === merged.id);
    expect(event).toMatchObject({ mergedIntoItemId: kept.id, reason: "两项合并为一项" });
  });
});

describe("public search", () => {
  const SEARCH = `query ($kw: String, $dept: ID, $kind: ItemKind, $theme: ItemTheme, $first: Int, $after: String) {
    searchItems(centerCode: "${CENTER}", keyword: $kw, departmentId: $dept, kind: $kind, theme: $theme, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id name kind code department { id } } } }`;
  type Page = { searchItems: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Array<{ id: string; name: string; kind: string }> } };
  const search = async (variables: Record<string, unknown>) => {
    const result = await call<Page>(anonymous, SEARCH, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.searchItems;
  };
  const names = async (variables: Record<string, unknown>) => (await search({ first: 100, ...variables })).nodes.map((node) => node.name).sort();

  beforeAll(async () => {
    await createPublished({ name: "气象探测环境保护范围内建设项目审批", category: "ADMINISTRATIVE_LICENCE", themes: ["CONSTRUCTION_PROJECT"] }, departments.qx);
    await createPublished(
      { name: "法律援助申请", category: "PUBLIC_SERVICE", baseCode: "GG00011000", kind: "INSTANT", legalLimitDays: 0, promisedLimitDays: 0, stageLimits: null, feeItems: [], themes: ["SOCIAL_AFFAIRS"] },
      departments.sf,
    );
    await createPublished({ name: "企业投资项目核准", kind: "JOINT", jointDepartmentIds: [departments.zr, departments.zj], vetoEscalation: "DEPARTMENT_HEAD", themes: ["CONSTRUCTION_PROJECT", "ENTERPRISE_SETUP"] }, departments.fg);
    await createItem({ name: "建设项目草稿不可见" });
  });

  test("by Chinese substring, by pinyin initials, by whole pinyin; words are ANDed", async () => {
    expect(await names({ kw: "法律援助" })).toEqual(["法律援助申请"]);
    expect(await names({ kw: "flyz" })).toEqual(["法律援助申请"]);
    expect(await names({ kw: "FLYZ" })).toEqual(["法律援助申请"]);
    expect(await names({ kw: "falvyuanzhu" })).toEqual(["法律援助申请"]);
    expect(await names({ kw: "qxtc" })).toEqual(["气象探测环境保护范围内建设项目审批"]);
    expect(await names({ kw: "建设项目 qxtc" })).toEqual(["气象探测环境保护范围内建设项目审批"]);
    expect(await names({ kw: "建设项目 flyz" })).toEqual([]);
    expect(await names({ kw: "%" })).toEqual([]);
    expect(await names({ kw: "草稿不可见" })).toEqual([]);
  });

  test("by department, kind and theme", async () => {
    expect(await names({ dept: departments.fg })).toEqual(["企业投资项目核准"]);
    expect(await names({ kind: "INSTANT" })).toEqual(["法律援助申请"]);
    expect(await names({ kind: "JOINT", theme: "ENTERPRISE_SETUP" })).toEqual(["企业投资项目核准"]);
    expect(await names({ theme: "SOCIAL_AFFAIRS" })).toEqual(["法律援助申请"]);
  });

  test("by the everyday word (俗称) the catalog's synonyms give, typed in characters, initials or pinyin", async () => {
    await createPublished({ name: "城乡居民基本医疗保险参保登记" }, departments.sf);
    for (const kw of ["医保", "yb", "yibao", "YB 参保"]) expect(await names({ kw })).toEqual(["城乡居民基本医疗保险参保登记"]);
    expect(await names({ kw: "医保 法律" })).toEqual([]);
  });

  test("cursor pages walk the whole catalog once, in a stable order", async () => {
    const everything = await search({ first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: Page["searchItems"] = await search({ first: 3, after });
      expect(page.totalCount).toBe(everything.totalCount);
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.nodes.map((node) => node.id));
    expect(new Set(seen).size).toBe(everything.totalCount);
    const bad = await call(anonymous, SEARCH, { after: "garbage" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await call(anonymous, SEARCH, { first: 1000 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("a second instance never answers from an older catalog than the one just published", async () => {
    const second = await startOneSubgraph("catalog", environment);
    try {
      const count = async (url: string) =>
        (await call<Page>(anonymous, SEARCH, { kw: "实例一致性" }, url)).data!.searchItems.totalCount;
      expect(await count(second.url)).toBe(0);
      const item = await createPublished({ name: "实例一致性检查事项" });
      expect(await count(second.url)).toBe(1);
      await call(admin, `mutation ($id: ID!) { cancelItem(itemId: $id, reason: "测试") { status } }`, { id: item.id }, second.url);
      expect(await count(catalog.url)).toBe(0);
    } finally {
      await second.stop();
    }
  });

  test("a department's items and a joint item's departments, for federation", async () => {
    const result = await call<{ _entities: Array<{ items: Array<{ name: string; jointDepartments: Array<{ id: string }> }> }> }>(
      anonymous,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Department { items { name jointDepartments { id } } } } }`,
      { r: [{ __typename: "Department", id: departments.fg }] },
    );
    expect(result.data!._entities[0].items).toEqual([
      { name: "企业投资项目核准", jointDepartments: [{ id: departments.zr }, { id: departments.zj }] },
    ]);
  });
});

describe("entry into the hall (进驻)", () => {
  const ENTER = `mutation ($id: ID!, $input: ItemEntryInput!) { setItemEntry(itemId: $id, input: $input) { status window { id } notEnteredReason } }`;
  const RATE = `query { entryRate(centerCode: "${CENTER}") { rate { total entered notEntered undecided rate } departments { department { id } rate { total entered rate } } } }`;

  test("entered at its department's window or at a comprehensive window acting for it; otherwise refused", async () => {
    const zj = await createPublished({ name: "商品房预售许可" });
    const qx = await createPublished({ name: "雷电防护装置设计审核" }, departments.qx);
    const fg = await createPublished({ name: "政府投资项目建议书审批" }, departments.fg);
    expect((await call(admin, ENTER, { id: zj.id, input: { windowId: windows.zj } })).data).toEqual({
      setItemEntry: { status: "ENTERED", window: { id: windows.zj }, notEnteredReason: null },
    });
    expect((await call(admin, ENTER, { id: qx.id, input: { windowId: windows.zh } })).data?.setItemEntry).toMatchObject({ status: "ENTERED" });
    const before = await footprint();
    for (const [itemId, windowId, code] of [
      [zj.id, windows.zh, "WINDOW_NOT_FOR_DEPARTMENT"],
      [qx.id, windows.zj, "WINDOW_NOT_FOR_DEPARTMENT"],
      [fg.id, windows.closed, "WINDOW_CLOSED"],
      [zj.id, windows.foreign, "UNKNOWN_WINDOW"],
      [zj.id, randomUUID(), "UNKNOWN_WINDOW"],
    ]) {
      const refused = await call(admin, ENTER, { id: itemId, input: { windowId } });
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
    const both = await call(admin, ENTER, { id: fg.id, input: { windowId: windows.closed, notEnteredReason: "x" } });
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint()).toEqual(before);
    expect((await call(admin, ENTER, { id: fg.id, input: { notEnteredReason: "涉密事项，不进驻大厅" } })).data?.setItemEntry).toMatchObject({
      status: "NOT_ENTERED",
      notEnteredReason: "涉密事项，不进驻大厅",
    });
    const entries = await outboxPayloads("catalog.item.entry-changed");
    expect(entries.filter((entry) => [zj.id, qx.id, fg.id].includes(entry.itemId as string))).toHaveLength(3);
  });

  test("the entry rate counts the public catalog per department and for the center", async () => {
    type Rate = { entryRate: { rate: { total: number; entered: number; notEntered: number; undecided: number; rate: number }; departments: Array<{ department: { id: string }; rate: { total: number; entered: number; rate: number } }> } };
    const result = await call<Rate>(anonymous, RATE);
    const { rate, departments: perDepartment } = result.data!.entryRate;
    const [{ n: listed }] = (await catalog.infrastructure.dataSource.query("SELECT COUNT(*) AS n FROM item_listing WHERE center_code = ?", [CENTER])) as Array<{ n: string }>;
    expect(rate.total).toBe(Number(listed));
    expect(rate.entered + rate.notEntered + rate.undecided).toBe(rate.total);
    expect(rate.rate).toBeCloseTo(rate.entered / rate.total);
    expect(perDepartment.reduce((sum, d) => sum + d.rate.total, 0)).toBe(rate.total);
    const qx = perDepartment.find((d) => d.department.id === departments.qx)!;
    expect(qx.rate.entered).toBe(1);
    expect(qx.rate.total).toBe(2);
    expect(qx.rate.rate).toBe(0.5);
  });

  test("the window replica keeps the newest state even when events arrive out of order", async () => {
    const base = { windowId: windows.zh, centerCode: CENTER, code: "ZH-01", name: "综合窗口1", kind: "COMPREHENSIVE" as const, departmentId: null, hallId: null, aPostStaffId: null, bPostStaffId: null };
    await publish(staffingEvents.windowPublished, { ...base, actsForDepartmentIds: [departments.qx], open: true, revision: 3 });
    await publish(staffingEvents.windowPublished, { ...base, actsForDepartmentIds: [departments.qx, departments.sf], open: true, revision: 2 });
    // Every window event of this file applied: the four of beforeAll and these two.
    await eventually(async () => {
      const [{ n }] = (await catalog.infrastructure.dataSource.query("SELECT COUNT(*) AS n FROM inbox_message WHERE consumer = 'catalog_window-replica'")) as Array<{ n: string }>;
      return Number(n) === 6 ? true : null;
    });
    const [row] = (await catalog.infrastructure.dataSource.query("SELECT acts_for_department_ids AS a, revision FROM window_replica WHERE id = ?", [windows.zh])) as Array<{ a: unknown; revision: number }>;
    expect(typeof row.a === "string" ? JSON.parse(row.a) : row.a).toEqual([departments.qx]);
    expect(row.revision).toBe(3);
  });
});

describe("the administration's paged catalog (administeredItems)", () => {
  const ADMINISTERED = `query ($center: String!, $keyword: String, $status: ItemStatus, $withDraft: Boolean, $first: Int, $after: String) {
    administeredItems(centerCode: $center, keyword: $keyword, status: $status, withDraft: $withDraft, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id code name status versionStatus } } }`;
  type Page = { administeredItems: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Array<{ id: string; code: string; name: string; status: string; versionStatus: string }> } };

  test("pages walk every item once in code order, drafts and retired items too; filters narrow it", async () => {
    const draft = await createItem({ name: "管理目录草稿事项" });
    const published = await createPublished({ name: "管理目录已发布事项" });
    expect((await call(admin, REVISE, { id: published.id, input: { conditions: "已取得建设用地使用权。" } })).errors).toBeUndefined();

    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const result: { data?: Page | null; errors?: unknown } = await call<Page>(admin, ADMINISTERED, { center: CENTER, first: 3, after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.administeredItems;
      total = page.totalCount;
      seen.push(...page.nodes.map((node) => node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const [{ n }] = (await catalog.infrastructure.dataSource.query("SELECT COUNT(*) AS n FROM item WHERE center_code = ?", [CENTER])) as Array<{ n: string }>;
    expect(seen).toHaveLength(Number(n));
    expect(total).toBe(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);

    const byName = await call<Page>(admin, ADMINISTERED, { center: CENTER, keyword: "管理目录草稿" });
    expect(byName.data!.administeredItems.nodes.map((node) => [node.id, node.versionStatus])).toEqual([[draft.id, "DRAFT"]]);
    const byCode = await call<Page>(admin, ADMINISTERED, { center: CENTER, keyword: published.code });
    expect(byCode.data!.administeredItems.nodes.map((node) => node.id)).toEqual([published.id]);
    const withDraft = await call<Page>(admin, ADMINISTERED, { center: CENTER, withDraft: true, first: 100 });
    const ids = withDraft.data!.administeredItems.nodes.map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining([draft.id, published.id]));
    const retired = await call<Page>(admin, ADMINISTERED, { center: CENTER, status: "CANCELLED", first: 100 });
    expect(retired.data!.administeredItems.nodes.every((node) => node.status === "CANCELLED")).toBe(true);
    // A literal % matches only a %.
    expect((await call<Page>(admin, ADMINISTERED, { center: CENTER, keyword: "%" })).data!.administeredItems.totalCount).toBe(0);
  });

  test("only the center's administration; a cursor not from here is bad input naming `after`", async () => {
    expect((await call(foreignAdmin, ADMINISTERED, { center: CENTER })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await call(citizen, ADMINISTERED, { center: CENTER })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await call(admin, ADMINISTERED, { center: CENTER, after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.field).toBe("after");
    expect((await call(admin, ADMINISTERED, { center: CENTER, first: 500 })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
