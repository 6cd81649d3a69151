import { graphql, mintAccessToken, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import { countySteps, demoCenter, seedCounty, type SeedContext } from "@onestop/seed";
import { openSeedWindowsIfMissing } from "../../packages/seed/src/catalog-windows";
import { seedItems, seedItemsStep } from "../../packages/seed/src/items";
import { testEnvironment } from "../support/environment";

/**
 * The catalog through the gateway, on the seeded county: public search without signing in,
 * one item with everything (across catalog and staffing), versions and their history, entry
 * into the hall, and the administration's typed errors.
 */
const environment = testEnvironment("e2e_catalog");
const CENTER = demoCenter.centerCode;
let system: RunningSystem;
let adminToken: string;
let seeded: SeedContext;

/** The county's steps, with the hall's windows opened for the catalog if the staffing step opened none. */
const steps = countySteps.flatMap((step) => (step === seedItemsStep ? [openSeedWindowsIfMissing, step] : [step]));

const anonymous = <T>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(system.gatewayUrl, query, variables);
const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(system.gatewayUrl, query, variables, { token: adminToken });

async function catalogFootprint() {
  const tables = ["item", "item_version", "item_fee_code", "item_listing", "item_entry", "outbox_message"];
  const dataSource = system.subgraphs.catalog.infrastructure.dataSource;
  return Promise.all(tables.map(async (table) => Number(((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0].n)));
}

async function itemIdByName(name: string): Promise<string> {
  const result = await anonymous<{ searchItems: { nodes: Array<{ id: string; name: string }> } }>(
    `query ($k: String!) { searchItems(centerCode: "${CENTER}", keyword: $k) { nodes { id name } } }`,
    { k: name },
  );
  const found = result.data!.searchItems.nodes.find((node) => node.name === name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found.id;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  adminToken = await mintAccessToken(system.keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: CENTER });
  seeded = await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, steps);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("the seeded county catalog", () => {
  test("seeding again changes nothing", async () => {
    const before = await catalogFootprint();
    expect(before[0]).toBe(seedItems.length);
    await seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, steps);
    expect(await catalogFootprint()).toEqual(before);
  });

  test("anyone finds items by Chinese, by pinyin initials, by theme and kind, page by page", async () => {
    type Page = { searchItems: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: Array<{ id: string; name: string }> } };
    const search = async (args: string) => (await anonymous<Page>(`{ searchItems(centerCode: "${CENTER}", ${args}) { totalCount pageInfo { endCursor hasNextPage } nodes { id name } } }`)).data!.searchItems;
    expect((await search(`keyword: "jsgc"`)).nodes.map((n) => n.name)).toEqual(
      expect.arrayContaining(["建设工程规划许可证核发", "建设工程消防设计审查", "建设工程竣工联合验收"]),
    );
    expect((await search(`keyword: "不动产 登记"`)).totalCount).toBeGreaterThanOrEqual(6);
    expect((await search(`keyword: "hz"`)).nodes.map((n) => n.name)).toContain("普通护照签发");
    expect((await search(`theme: ENTERPRISE_SETUP`)).nodes.map((n) => n.name)).toContain("企业设立登记");
    expect((await search(`kind: REPORTED`)).totalCount).toBe(seedItems.filter((item) => item.kind === "REPORTED").length);

    const everything: string[] = [];
    let after = "";
    for (let page = 0; page < 20; page++) {
      const result = await search(`first: 40${after ? `, after: "${after}"` : ""}`);
      everything.push(...result.nodes.map((n) => n.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(everything).toHaveLength(seedItems.length);
    expect(new Set(everything).size).toBe(seedItems.length);
  });

  test("one item with everything: its disclosure, its department and window from staffing, its reform history", async () => {
    const id = await itemIdByName("建筑工程施工许可证核发");
    const result = await anonymous<{ item: Record<string, unknown> }>(
      `query ($id: ID!) { item(id: $id) {
        code name kind category legalBasis conditions procedure supervisionContact maxVisits legalLimitDays promisedLimitDays speedUpRatio
        allowsCommitment deemedApproval vetoEscalation allowsDeficiencies stageLimits { acceptanceDays reviewDays approvalDays }
        materials { code name form copies mandatory deferrable } feeItems { code } free
        department { name code }
        entry { status window { code name kind } }
        history { version publishedAt changeNote changes { field description } }
      } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const item = result.data!.item;
    expect(item).toMatchObject({
      code: "XK03001000511722000000115117220086510033",
      kind: "JOINT",
      category: "ADMINISTRATIVE_LICENCE",
      legalLimitDays: 7,
      promisedLimitDays: 3,
      allowsCommitment: true,
      deemedApproval: true,
      vetoEscalation: "DEPARTMENT_HEAD",
      allowsDeficiencies: true,
      stageLimits: { acceptanceDays: 1, reviewDays: 1, approvalDays: 1 },
      free: true,
      department: { name: "住房和城乡建设局", code: "ZJJ" },
      entry: { status: "ENTERED", window: { code: "W-ZJJ-1", kind: "AB" } },
    });
    expect(item.speedUpRatio).toBeCloseTo(1 - 3 / 7);
    expect((item.materials as Array<{ deferrable: boolean }>).filter((m) => m.deferrable)).toHaveLength(1);
    expect(item.history).toEqual([
      { version: 1, publishedAt: expect.any(String), changeNote: "首次发布", changes: [{ field: "item", description: "首次发布" }] },
      {
        version: 2,
        publishedAt: expect.any(String),
        changeNote: "优化营商环境：承诺时限由5个工作日压缩至3个工作日",
        changes: [
          { field: "promisedLimitDays", description: "承诺时限压缩: 5个工作日 → 3个工作日" },
          { field: "stageLimits", description: "环节时限已调整" },
        ],
      },
    ]);
    const first = await anonymous<{ itemVersion: { promisedLimitDays: number } }>(
      `query ($id: ID!) { itemVersion(itemId: $id, version: 1) { promisedLimitDays } }`,
      { id },
    );
    expect(first.data!.itemVersion.promisedLimitDays).toBe(5);
  });

  test("departments (owned by staffing) carry their items and entry rate; the center its overall rate", async () => {
    const result = await anonymous<{ departments: Array<{ code: string; items: Array<{ name: string }>; entryRate: { total: number; entered: number; rate: number } }> }>(
      `{ departments(centerCode: "${CENTER}") { code items { name } entryRate { total entered rate } } }`,
    );
    expect(result.errors).toBeUndefined();
    const departments = result.data!.departments;
    expect(departments).toHaveLength(26);
    const scjgj = departments.find((d) => d.code === "SCJGJ")!;
    expect(scjgj.items.map((i) => i.name)).toContain("食品经营许可证核发");
    expect(scjgj.entryRate.total).toBe(seedItems.filter((item) => item.department === "SCJGJ").length);
    const center = await anonymous<{ entryRate: { rate: { total: number; entered: number; notEntered: number; undecided: number; rate: number } } }>(
      `{ entryRate(centerCode: "${CENTER}") { rate { total entered notEntered undecided rate } } }`,
    );
    const rate = center.data!.entryRate.rate;
    const notEntered = seedItems.filter((item) => item.notEntered).length;
    expect(rate).toMatchObject({ total: seedItems.length, notEntered, undecided: 0, entered: seedItems.length - notEntered });
    expect(rate.rate).toBeGreaterThan(0.8);
    expect(seeded.windowIds.size).toBe(29);
  });
});

describe("administration through the gateway: typed errors, nothing written", () => {
  test("publishing twice, editing a published version, reintroducing a cancelled fee, fractional money", async () => {
    const marriage = await itemIdByName("内地居民婚姻登记（结婚）");
    const before = await catalogFootprint();
    const twice = await asAdmin(`mutation ($id: ID!) { publishItemVersion(itemId: $id, version: 2) { id } }`, { id: marriage });
    expect(twice.errors?.[0]?.extensions?.code).toBe("ALREADY_PUBLISHED");
    const edit = await asAdmin(`mutation ($id: ID!) { editItemDraft(itemId: $id, version: 1, input: { promisedLimitDays: 0 }) { version } }`, { id: marriage });
    expect(edit.errors?.[0]?.extensions?.code).toBe("PUBLISHED_VERSION_IMMUTABLE");
    const fee = { code: "F01", name: "结婚证书工本费", kind: "FIXED", amountFen: 900, legalBasis: "计价格〔1996〕1号" };
    const back = await asAdmin(`mutation ($id: ID!, $input: ItemDraftInput!) { reviseItem(itemId: $id, input: $input) { version } }`, {
      id: marriage,
      input: { feeItems: [fee] },
    });
    expect(back.errors?.[0]?.extensions?.code).toBe("FEE_CANCELLED");
    const fractional = await asAdmin(`mutation ($id: ID!, $input: ItemDraftInput!) { reviseItem(itemId: $id, input: $input) { version } }`, {
      id: marriage,
      input: { feeItems: [{ ...fee, code: "F02", amountFen: 9.5 }] },
    });
    expect(fractional.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymousCancel = await anonymous(`mutation ($id: ID!) { cancelItem(itemId: $id, reason: "x") { id } }`, { id: marriage });
    expect(anonymousCancel.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await catalogFootprint()).toEqual(before);
  });

  test("a cancelled item leaves the public catalog and the entry rate, and keeps its history", async () => {
    const id = await itemIdByName("再生资源回收经营者备案");
    const cancelled = await asAdmin<{ cancelItem: { status: string } }>(
      `mutation ($id: ID!) { cancelItem(itemId: $id, reason: "依据国务院决定取消该备案事项") { status } }`,
      { id },
    );
    expect(cancelled.data).toEqual({ cancelItem: { status: "CANCELLED" } });
    const search = await anonymous<{ searchItems: { totalCount: number } }>(`{ searchItems(centerCode: "${CENTER}", keyword: "再生资源") { totalCount } }`);
    expect(search.data!.searchItems.totalCount).toBe(0);
    const rate = await anonymous<{ entryRate: { rate: { total: number } } }>(`{ entryRate(centerCode: "${CENTER}") { rate { total } } }`);
    expect(rate.data!.entryRate.rate.total).toBe(seedItems.length - 1);
    const view = await anonymous<{ item: { status: string; retiredReason: string; history: unknown[] } }>(
      `query ($id: ID!) { item(id: $id) { status retiredReason history { version } } }`,
      { id },
    );
    expect(view.data!.item).toEqual({ status: "CANCELLED", retiredReason: "依据国务院决定取消该备案事项", history: [{ version: 1 }] });
  });
});
