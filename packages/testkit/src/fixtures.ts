/**
 * A small valid CreateItemInput for tests and benchmarks: 建设工程规划许可证核发, a promised
 * item of 7 working days with one required material and no fee, under a random base code.
 * Override what a test is about (fees, materials, a fixed base code).
 */
export function planningLicenceItem(centerCode: string, departmentId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    centerCode,
    departmentId,
    baseCode: `XK${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}000`,
    agencyCreditCode: "115117220086510033",
    name: "建设工程规划许可证核发",
    category: "ADMINISTRATIVE_LICENCE",
    kind: "PROMISED",
    content: "核发建设工程规划许可证",
    legalBasis: "《中华人民共和国城乡规划法》第四十条",
    conditions: "已取得建设用地使用权",
    procedure: "申请、受理、审查、决定",
    materials: [{ code: "M01", name: "建设工程规划许可申请表", form: "ORIGINAL" }],
    legalLimitDays: 20,
    promisedLimitDays: 7,
    supervisionContact: "0818-5222110",
    maxVisits: 1,
    ...overrides,
  };
}

/** The one FIXED fee of 50 yuan the fee tests and benchmarks charge. */
export const fixedFee = (name = "建设工程规划许可证核发") => ({ code: "F01", name, kind: "FIXED", amountFen: 5000, legalBasis: "收费文件" });
