import { checkDeficiencies, checkMaterialNotice, matchSupply, type MaterialRequest } from "../../src/materials/materials.rules";
import { feeGate, laterNoticeState, owesFee } from "../../src/payments/payments.rules";

const materials = [
  { code: "M01", name: "申请表", mandatory: true },
  { code: "M02", name: "身份证明", mandatory: true },
  { code: "M03", name: "场地证明", mandatory: false },
];
const request = (code: string, suppliedAt: Date | null, noticeSeq = 1): MaterialRequest => ({ kind: "ONE_TIME_NOTICE", noticeSeq, materialCode: code, problem: "MISSING", suppliedAt });

describe("the one-time notice (一次性告知)", () => {
  test("the first notice may list any materials of the item version, all at once", () => {
    expect(checkMaterialNotice(materials, [], [{ code: "M01", problem: "MISSING" }, { code: "M03", problem: "WRONG" }])).toEqual({ ok: true, noticeSeq: 1 });
  });

  test("a material the item does not have, or listed twice, or nothing at all, is refused", () => {
    expect(checkMaterialNotice(materials, [], [{ code: "X9", problem: "MISSING" }])).toMatchObject({ ok: false, code: "UNKNOWN_MATERIAL" });
    expect(checkMaterialNotice(materials, [], [{ code: "M01", problem: "MISSING" }, { code: "M01", problem: "WRONG" }])).toMatchObject({ ok: false, code: "BAD_USER_INPUT" });
    expect(checkMaterialNotice(materials, [], [])).toMatchObject({ ok: false, code: "EMPTY_NOTICE" });
  });

  test("a second notice for a material that was not on the first is refused", () => {
    const earlier = [request("M01", new Date())];
    expect(checkMaterialNotice(materials, earlier, [{ code: "M02", problem: "MISSING" }])).toMatchObject({ ok: false, code: "ONE_TIME_NOTICE_VIOLATED", details: { materials: ["M02"] } });
    expect(checkMaterialNotice(materials, earlier, [{ code: "M02", problem: "WRONG" }])).toMatchObject({ ok: false, code: "ONE_TIME_NOTICE_VIOLATED" });
  });

  test("unless it names a supplied material that is itself wrong", () => {
    expect(checkMaterialNotice(materials, [request("M01", new Date())], [{ code: "M01", problem: "WRONG" }])).toEqual({ ok: true, noticeSeq: 2 });
    expect(checkMaterialNotice(materials, [request("M01", new Date()), request("M01", new Date(), 2)], [{ code: "M01", problem: "WRONG" }])).toEqual({ ok: true, noticeSeq: 3 });
  });

  test("no second notice while the first still waits", () => {
    expect(checkMaterialNotice(materials, [request("M01", null)], [{ code: "M01", problem: "WRONG" }])).toMatchObject({ ok: false, code: "MATERIALS_OUTSTANDING" });
  });
});

describe("acceptance with deficiencies (容缺受理)", () => {
  const policy = { allowsDeficiencies: true, deferrableMaterialCodes: ["M03"] };
  test("named deferrable materials may follow by a later day no later than the deadline day", () => {
    expect(checkDeficiencies(policy, ["M03"], "2025-03-07", "2025-03-03", "2025-03-10")).toEqual({ ok: true });
  });
  test.each([
    [{ ...policy, allowsDeficiencies: false }, ["M03"], "2025-03-07", "DEFICIENCIES_NOT_ALLOWED"],
    [policy, ["M01"], "2025-03-07", "MATERIAL_NOT_DEFERRABLE"],
    [policy, ["M03"], "2025-03-03", "BAD_USER_INPUT"],
    [policy, ["M03"], "2025-03-11", "DEFICIENCY_DUE_AFTER_DEADLINE"],
    [policy, [], "2025-03-07", "BAD_USER_INPUT"],
  ])("refused: %#", (p, codes, due, code) => {
    expect(checkDeficiencies(p, codes, due, "2025-03-03", "2025-03-10")).toMatchObject({ ok: false, code });
  });
});

test("a supply answers outstanding requests and nothing else", () => {
  const outstanding = [request("M01", null), request("M02", new Date())];
  expect(matchSupply(outstanding, ["M01"])).toMatchObject({ ok: true, answered: [outstanding[0]] });
  expect(matchSupply(outstanding, ["M02"])).toMatchObject({ ok: false, code: "MATERIAL_NOT_REQUESTED" });
});

describe("the fee gate", () => {
  test("the fee standard says whether anything is owed", () => {
    expect(owesFee({ kind: "FREE" }, 1)).toBe(false);
    expect(owesFee({ kind: "FIXED", amountFen: 5000 }, 1)).toBe(true);
    expect(owesFee({ kind: "FIXED", amountFen: 0 }, 1)).toBe(false);
    expect(owesFee({ kind: "PER_UNIT", unitName: "件", unitPriceFen: 100 }, 3)).toBe(true);
    const tiers = { kind: "TIERED" as const, unitName: "平方米", tiers: [{ upTo: 100, unitPriceFen: 0 }, { upTo: null, unitPriceFen: 50 }] };
    expect(owesFee(tiers, 80)).toBe(false);
    expect(owesFee(tiers, 120)).toBe(true);
  });

  test("a fee owed keeps the gate shut until a notice is settled and none is open", () => {
    expect(feeGate(false, [])).toEqual({ open: true });
    expect(feeGate(true, [])).toEqual({ open: false, reason: "NOTICE_NOT_YET_ISSUED" });
    expect(feeGate(true, ["ISSUED"])).toEqual({ open: false, reason: "NOTICE_UNSETTLED" });
    expect(feeGate(true, ["SETTLED", "ISSUED"])).toEqual({ open: false, reason: "NOTICE_UNSETTLED" });
    expect(feeGate(true, ["CANCELLED"])).toEqual({ open: false, reason: "NOTICE_NOT_YET_ISSUED" });
    expect(feeGate(true, ["CANCELLED", "SETTLED"])).toEqual({ open: true });
  });

  test("fees finding nothing to charge (the version's fees cancelled in the catalog) opens the gate unless a notice is open", () => {
    expect(feeGate(true, [], "NOTHING_TO_CHARGE")).toEqual({ open: true });
    expect(feeGate(true, ["CANCELLED"], "NOTHING_TO_CHARGE")).toEqual({ open: true });
    expect(feeGate(true, ["ISSUED"], "NOTHING_TO_CHARGE")).toEqual({ open: false, reason: "NOTICE_UNSETTLED" });
    expect(feeGate(true, [], "AWAITING_ACCOUNT")).toEqual({ open: false, reason: "NOTICE_NOT_YET_ISSUED" });
    expect(feeGate(true, [], "NOTICE_ISSUED")).toEqual({ open: false, reason: "NOTICE_NOT_YET_ISSUED" });
  });

  test("notice states never go back, whatever order the events arrive in", () => {
    expect(laterNoticeState(null, "SETTLED")).toBe("SETTLED");
    expect(laterNoticeState("SETTLED", "ISSUED")).toBe("SETTLED");
    expect(laterNoticeState("CANCELLED", "ISSUED")).toBe("CANCELLED");
    expect(laterNoticeState("ISSUED", "CANCELLED")).toBe("CANCELLED");
  });
});
