/** A complete, valid CreateItemInput for tests; override what a test is about. */
export function itemInput(centerCode: string, departmentId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    centerCode,
    departmentId,
    baseCode: `XK${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}000`,
    agencyCreditCode: "115117220086510033",
    name: "建设工程规划许可证核发",
    category: "ADMINISTRATIVE_LICENCE",
    kind: "PROMISED",
    themes: ["CONSTRUCTION_PROJECT"],
    content: "在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，核发建设工程规划许可证。",
    legalBasis: "《中华人民共和国城乡规划法》第四十条",
    conditions: "已取得建设用地使用权；建设工程设计方案符合控制性详细规划和规划条件。",
    procedure: "申请 → 受理 → 审查 → 批准 → 办结送达",
    materials: [
      { code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL", copies: 1 },
      { code: "M02", name: "建设用地使用权证明", form: "COPY", copies: 1 },
      { code: "M03", name: "建设工程设计方案", form: "ORIGINAL", copies: 2 },
      { code: "M04", name: "授权委托书", form: "ORIGINAL", copies: 1, mandatory: false, notes: "委托办理的提供" },
    ],
    legalLimitDays: 20,
    promisedLimitDays: 7,
    stageLimits: { acceptanceDays: 1, reviewDays: 4, approvalDays: 2 },
    feeItems: [{ code: "F01", name: "执照工本费", kind: "FIXED", amountFen: 5000, legalBasis: "《国家计委、财政部关于规范房屋所有权登记费计费方式和收费标准等有关问题的通知》" }],
    supervisionContact: "宣汉县政务服务中心效能投诉 0818-5222110",
    maxVisits: 1,
    deferrableMaterialCodes: ["M03"],
    ...overrides,
  };
}
