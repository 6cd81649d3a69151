import { describeChanges, describeFee } from "../../src/items/history.rules";
import type { ItemContent } from "../../src/items/item.rules";

const content: ItemContent = {
  name: "建设工程规划许可证核发",
  category: "ADMINISTRATIVE_LICENCE",
  kind: "PROMISED",
  themes: ["CONSTRUCTION_PROJECT"],
  content: "内容",
  legalBasis: "《中华人民共和国城乡规划法》第四十条",
  conditions: "条件",
  procedure: "流程",
  materials: [
    { code: "M01", name: "申请表", form: "ORIGINAL", copies: 1, mandatory: true, notes: null },
    { code: "M02", name: "设计方案", form: "COPY", copies: 2, mandatory: true, notes: null },
  ],
  legalLimitDays: 20,
  promisedLimitDays: 7,
  stageLimits: { acceptanceDays: null, reviewDays: null, approvalDays: null },
  feeItems: [{ code: "F1", name: "工本费", calculation: { kind: "FIXED", amountFen: 1000 }, legalBasis: "依据" }],
  preferentialPolicies: null,
  supervisionContact: "0818-5222222",
  maxVisits: 1,
  deemedApproval: false,
  vetoEscalation: "NONE",
  deferrableMaterialCodes: [],
  allowsCommitment: false,
  jointDepartmentIds: [],
  reportedTo: null,
};

test("the first version is its own publication", () => {
  expect(describeChanges(null, content)).toEqual([{ field: "item", description: "首次发布" }]);
});

test("a reform that cuts the time limit, drops a material and a fee is told in those words", () => {
  const next: ItemContent = { ...content, promisedLimitDays: 5, materials: [content.materials[0]], feeItems: [] };
  expect(describeChanges(content, next)).toEqual([
    { field: "promisedLimitDays", description: "承诺时限压缩: 7个工作日 → 5个工作日" },
    { field: "materials", description: "减少申请材料: 设计方案(复印件2份)" },
    { field: "feeItems", description: "取消收费项目: 工本费 10元" },
  ]);
});

test("an unchanged version lists nothing", () => {
  expect(describeChanges(content, { ...content, themes: [...content.themes] })).toEqual([]);
});

test("fees are worded as a public notice words them", () => {
  expect(describeFee({ kind: "FIXED", amountFen: 8050 })).toBe("80.50元");
  expect(describeFee({ kind: "PER_UNIT", unitName: "件", unitPriceFen: 8000 })).toBe("80元/件");
  expect(describeFee({ kind: "TIERED", unitName: "㎡", tiers: [{ upTo: 100, unitPriceFen: 50 }, { upTo: null, unitPriceFen: 30 }] })).toBe(
    "0-100㎡ 0.50元/㎡; 100㎡以上 0.30元/㎡",
  );
});
