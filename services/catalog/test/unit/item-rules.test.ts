import {
  baseCodeProblems,
  creditCodePattern,
  editRefusal,
  itemCode,
  kindProblems,
  materialProblems,
  publishRefusal,
  retireRefusal,
  reviseRefusal,
  speedUpRatio,
  stageLimitProblems,
  timeLimitProblems,
  type Material,
} from "../../src/items/item.rules";

describe("time limits (法定时限 / 承诺时限)", () => {
  test("a promise within the law is fine; beyond it is refused", () => {
    expect(timeLimitProblems("PROMISED", 20, 7)).toEqual([]);
    expect(timeLimitProblems("PROMISED", 20, 20)).toEqual([]);
    expect(timeLimitProblems("PROMISED", 5, 9)).toEqual(["promisedLimitDays: 9 exceeds the legal limit of 5 working days"]);
  });
  test("an instant item is promised in 0 days", () => {
    expect(timeLimitProblems("INSTANT", 0, 0)).toEqual([]);
    expect(timeLimitProblems("INSTANT", 5, 0)).toEqual([]);
    expect(timeLimitProblems("INSTANT", 5, 1)).toHaveLength(1);
  });
  test("speed-up is 1 − promised/legal, and 0 when the law sets no days", () => {
    expect(speedUpRatio(20, 7)).toBeCloseTo(0.65);
    expect(speedUpRatio(20, 10)).toBe(0.5);
    expect(speedUpRatio(0, 0)).toBe(0);
  });
  test("stage limits fit inside the promise; unset stages count for nothing", () => {
    expect(stageLimitProblems({ acceptanceDays: 1, reviewDays: 3, approvalDays: 2 }, 6)).toEqual([]);
    expect(stageLimitProblems({ acceptanceDays: null, reviewDays: null, approvalDays: null }, 0)).toEqual([]);
    expect(stageLimitProblems({ acceptanceDays: 1, reviewDays: 5, approvalDays: null }, 5)).toEqual([
      "stageLimits: the stages add up to 6 working days, beyond the promised 5",
    ]);
  });
});

describe("the four kinds (四件管理)", () => {
  const base = { kind: "PROMISED" as const, jointDepartmentIds: [], reportedTo: null, deemedApproval: false };
  test("a joint item names other departments, and only a joint item does", () => {
    expect(kindProblems({ ...base, kind: "JOINT", jointDepartmentIds: ["d2", "d3"] }, "d1")).toEqual([]);
    expect(kindProblems({ ...base, kind: "JOINT" }, "d1")).toHaveLength(1);
    expect(kindProblems({ ...base, kind: "JOINT", jointDepartmentIds: ["d1"] }, "d1")).toHaveLength(1);
    expect(kindProblems({ ...base, kind: "JOINT", jointDepartmentIds: ["d2", "d2"] }, "d1")).toHaveLength(1);
    expect(kindProblems({ ...base, jointDepartmentIds: ["d2"] }, "d1")).toHaveLength(1);
  });
  test("a reported item names its higher authority, and only a reported item does", () => {
    expect(kindProblems({ ...base, kind: "REPORTED", reportedTo: "达州市自然资源和规划局" }, "d1")).toEqual([]);
    expect(kindProblems({ ...base, kind: "REPORTED" }, "d1")).toHaveLength(1);
    expect(kindProblems({ ...base, reportedTo: "省厅" }, "d1")).toHaveLength(1);
  });
  test("deemed approval needs a deadline the hall answers for: not instant, not reported", () => {
    expect(kindProblems({ ...base, deemedApproval: true }, "d1")).toEqual([]);
    expect(kindProblems({ ...base, kind: "INSTANT", deemedApproval: true }, "d1")).toHaveLength(1);
    expect(kindProblems({ ...base, kind: "REPORTED", reportedTo: "市局", deemedApproval: true }, "d1")).toHaveLength(1);
  });
});

describe("materials and 容缺受理", () => {
  const material = (code: string, mandatory = true): Material => ({ code, name: `材料${code}`, form: "ORIGINAL", copies: 1, mandatory, notes: null });
  const three = [material("M01"), material("M02"), material("M03", false)];
  test("codes and names are unique", () => {
    expect(materialProblems(three, [])).toEqual([]);
    expect(materialProblems([material("M01"), material("M01")], [])).toHaveLength(2);
  });
  test("only mandatory materials of the item may be deferred, and never all of them", () => {
    expect(materialProblems(three, ["M02"])).toEqual([]);
    expect(materialProblems(three, ["M09"])).toEqual(["deferrableMaterialCodes: M09 is not a material of this item"]);
    expect(materialProblems(three, ["M03"])).toEqual(["deferrableMaterialCodes: M03 is optional, so there is nothing to defer"]);
    expect(materialProblems(three, ["M01", "M02"])).toHaveLength(1);
  });
});

describe("item codes (事项编码)", () => {
  test("the implementation code is base code + division code + credit code", () => {
    expect(itemCode("XK00101000", "511722000000", "11511722008651001A")).toBe("XK0010100051172200000011511722008651001A");
  });
  test("the base code opens with the category's type code", () => {
    expect(baseCodeProblems("ADMINISTRATIVE_LICENCE", "XK00101000")).toEqual([]);
    expect(baseCodeProblems("PUBLIC_SERVICE", "GG00007001")).toEqual([]);
    expect(baseCodeProblems("PUBLIC_SERVICE", "XK00101000")).toEqual(["baseCode: a PUBLIC_SERVICE item's base code starts with GG"]);
    expect(baseCodeProblems("ADMINISTRATIVE_LICENCE", "XK001")).toHaveLength(1);
    expect(baseCodeProblems("ADMINISTRATIVE_LICENCE", "xk00101000")).toHaveLength(1);
  });
  test("credit codes have 18 characters of the GB 32100 alphabet", () => {
    expect(creditCodePattern.test("11511722MB1520110X")).toBe(true);
    expect(creditCodePattern.test("11511722MB1520110")).toBe(false);
    expect(creditCodePattern.test("11511722MB152011OX")).toBe(false);
  });
});

describe("version transitions", () => {
  const active = { status: "ACTIVE" as const, currentVersion: 1, draftVersion: 2 };
  test("publishing twice is refused, and so is editing a published version", () => {
    expect(publishRefusal(active, "DRAFT")).toBeNull();
    expect(publishRefusal(active, "PUBLISHED")).toBe("ALREADY_PUBLISHED");
    expect(editRefusal(active, "DRAFT")).toBeNull();
    expect(editRefusal(active, "PUBLISHED")).toBe("PUBLISHED_VERSION_IMMUTABLE");
  });
  test("a retired item changes no more; its draft was discarded", () => {
    const cancelled = { ...active, status: "CANCELLED" as const, draftVersion: null };
    expect(publishRefusal(cancelled, "DISCARDED")).toBe("DRAFT_DISCARDED");
    expect(editRefusal(cancelled, "DRAFT")).toBe("ITEM_RETIRED");
    expect(reviseRefusal(cancelled)).toBe("ITEM_RETIRED");
    expect(retireRefusal(cancelled, false)).toBe("ITEM_RETIRED");
  });
  test("one draft at a time, started from a published version", () => {
    expect(reviseRefusal(active)).toBe("DRAFT_EXISTS");
    expect(reviseRefusal({ ...active, draftVersion: null })).toBeNull();
    expect(reviseRefusal({ status: "ACTIVE", currentVersion: null, draftVersion: null })).toBe("NOT_PUBLISHED");
  });
  test("only a published item can be merged; a draft-only one may still be cancelled", () => {
    const draftOnly = { status: "ACTIVE" as const, currentVersion: null, draftVersion: 1 };
    expect(retireRefusal(draftOnly, true)).toBe("NOT_PUBLISHED");
    expect(retireRefusal(draftOnly, false)).toBeNull();
  });
});
