import { compareListed, decodeCursor, encodeCursor, matches, nameIndex, parseKeyword, searchListing, sortKeyOf, synonymIndex, withSynonyms, type Searchable } from "../../src/search/search.rules";

describe("pinyin index of a name", () => {
  test("initials and whole pinyin, as typed at a kiosk", () => {
    expect(nameIndex("建设工程规划许可证核发")).toEqual({ initials: "jsgcghxkzhf", pinyin: "jianshegongchengguihuaxukezhenghefa" });
  });
  test("polyphonic characters follow the word (银行 is yin hang)", () => {
    expect(nameIndex("银行开户许可").initials).toBe("yhkhxk");
  });
  test("latin letters and digits are kept as typed, punctuation is dropped", () => {
    expect(nameIndex("《B超》检查110")).toEqual({ initials: "bcjc110", pinyin: "bchaojiancha110" });
  });
});

describe("keywords", () => {
  test("words are ANDed; latin words are matched against pinyin in lower case", () => {
    expect(parseKeyword("  JSGC  许可 ")).toEqual({
      terms: [
        { text: "jsgc", latin: true },
        { text: "许可", latin: false },
      ],
      problems: [],
    });
    expect(parseKeyword(null)).toEqual({ terms: [], problems: [] });
  });
  test("too many or too long words are refused", () => {
    expect(parseKeyword("a b c d e f").problems).toHaveLength(1);
    expect(parseKeyword("x".repeat(41)).problems).toHaveLength(1);
  });
});

describe("cursors", () => {
  test("round trip, and anything else is not a cursor", () => {
    const position = { sortKey: sortKeyOf(nameIndex("户口迁移"), "户口迁移"), id: "b7f3" };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ a: 1 })).toString("base64url"))).toBeNull();
  });
  test("the sort key orders by pinyin", () => {
    const keys = ["建设工程", "安全生产", "户口迁移"].map((name) => sortKeyOf(nameIndex(name), name)).sort();
    expect(keys.map((key) => key.split(" ")[1])).toEqual(["安全生产", "户口迁移", "建设工程"]);
  });
});

describe("searching a listing in memory", () => {
  const listed = (itemId: string, name: string, extra: Partial<Searchable> = {}): Searchable => {
    const index = nameIndex(name);
    return {
      itemId,
      departmentId: "d1",
      code: `XK${itemId}`,
      name,
      nameInitials: index.initials,
      namePinyin: index.pinyin,
      sortKey: sortKeyOf(index, name),
      kind: "PROMISED",
      themes: "CONSTRUCTION_PROJECT",
      ...extra,
    };
  };
  const catalog = [
    listed("1", "建设工程规划许可证核发"),
    listed("2", "建筑工程施工许可证核发", { departmentId: "d2" }),
    listed("3", "B超检查", { kind: "INSTANT", themes: "EDUCATION_AND_HEALTH,SOCIAL_AFFAIRS" }),
    listed("4", "户口迁移", { kind: "INSTANT", themes: "HOUSEHOLD_AND_IDENTITY" }),
  ].sort(compareListed);
  const names = (filter: Parameters<typeof searchListing>[1]) => searchListing(catalog, filter, null, 10).page.map((item) => item.name);
  const terms = (keyword: string) => parseKeyword(keyword).terms;

  test("Chinese in the name or code, latin in the pinyin, every word", () => {
    expect(names({ terms: terms("许可证") })).toEqual(["建设工程规划许可证核发", "建筑工程施工许可证核发"]);
    expect(names({ terms: terms("jsgc") })).toEqual(["建设工程规划许可证核发"]);
    expect(names({ terms: terms("b") })).toEqual(expect.arrayContaining(["B超检查"]));
    expect(names({ terms: terms("huko") })).toEqual(["户口迁移"]);
    expect(names({ terms: terms("许可证 sgxk") })).toEqual(["建筑工程施工许可证核发"]);
    expect(names({ terms: terms("xk3") })).toEqual(["B超检查"]);
  });
  test("department, kind and theme narrow the list", () => {
    expect(names({ terms: [], departmentId: "d2" })).toEqual(["建筑工程施工许可证核发"]);
    expect(names({ terms: [], kind: "INSTANT", theme: "SOCIAL_AFFAIRS" })).toEqual(["B超检查"]);
    expect(names({ terms: [], theme: "SOCIAL" })).toEqual([]);
  });
  test("pages follow the order and the cursor, with the total of all pages", () => {
    const first = searchListing(catalog, { terms: [] }, null, 3);
    expect(first).toMatchObject({ total: 4, hasNextPage: true });
    const last = first.page.at(-1)!;
    const second = searchListing(catalog, { terms: [] }, { sortKey: last.sortKey, id: last.itemId }, 3);
    expect(second).toMatchObject({ total: 4, hasNextPage: false });
    expect([...first.page, ...second.page]).toEqual(catalog);
    expect(catalog.map((item) => item.name)).toEqual(["B超检查", "户口迁移", "建设工程规划许可证核发", "建筑工程施工许可证核发"]);
  });
});

describe("everyday words (俗称)", () => {
  const index = synonymIndex([
    { word: "医保", expansion: "医疗保险" },
    { word: "医保", expansion: "医疗保障" },
    { word: "驾照", expansion: "机动车驾驶证" },
  ]);
  const item = (name: string): Searchable => {
    const typed = nameIndex(name);
    return { itemId: name, departmentId: "d", code: "c", name, nameInitials: typed.initials, namePinyin: typed.pinyin, sortKey: sortKeyOf(typed, name), kind: "PROMISED", themes: "" };
  };
  const found = (keyword: string, names: string[]) =>
    names.filter((name) => matches(item(name), { terms: withSynonyms(parseKeyword(keyword).terms, index) }));
  const names = ["城乡居民基本医疗保险参保登记", "医疗保障定点医药机构申请", "机动车驾驶证换证", "公共场所卫生许可", "普通护照签发"];

  test("the word, its pinyin initials and its whole pinyin find what it stands for", () => {
    expect(found("医保", names)).toEqual(["城乡居民基本医疗保险参保登记", "医疗保障定点医药机构申请"]);
    expect(found("yb", names)).toEqual(["城乡居民基本医疗保险参保登记", "医疗保障定点医药机构申请"]);
    expect(found("YiBao", names)).toEqual(["城乡居民基本医疗保险参保登记", "医疗保障定点医药机构申请"]);
    expect(found("驾照", names)).toEqual(["机动车驾驶证换证"]);
    expect(found("jz", names)).toEqual(["机动车驾驶证换证"]);
  });

  test("only a whole word stands for something: a part of it, or a longer word, does not", () => {
    expect(found("医保卡", names)).toEqual([]);
    expect(found("y", names)).toEqual(names.filter((name) => nameIndex(name).initials.includes("y")));
  });

  test("an everyday word still ANDs with the other words", () => {
    expect(found("医保 参保", names)).toEqual(["城乡居民基本医疗保险参保登记"]);
  });

  test("one key for two words joins their expansions", () => {
    const both = synonymIndex([
      { word: "驾照", expansion: "机动车驾驶证" },
      { word: "建筑", expansion: "建设工程" },
    ]);
    expect(both.get("jz")).toEqual(["机动车驾驶证", "建设工程"]);
  });
});
