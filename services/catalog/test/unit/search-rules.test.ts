import { containsPattern, decodeCursor, encodeCursor, nameIndex, parseKeyword, sortKeyOf } from "../../src/search/search.rules";

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
  test("LIKE wildcards in a keyword match themselves", () => {
    expect(containsPattern("100%_\\")).toBe("%100\\%\\_\\\\%");
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
