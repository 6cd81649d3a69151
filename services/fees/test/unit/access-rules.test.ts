import { applicantKey, type Identity } from "@onestop/platform";
import { isBankOf, mayConfigureAccounts, mayReconcile, maySeeCollections, maySeeNotice } from "../../src/access.rules";
import { occurrenceOf } from "../../src/supervision/supervision.rules";

const CENTER = "511722000000";
const who = (roles: Identity["roles"], centerCode: string | null = CENTER, departmentId: string | null = null, subject = "someone"): Identity => ({
  subject,
  roles,
  centerCode,
  departmentId,
  windowId: null,
});
const notice = { centerCode: CENTER, departmentId: "zj", payerSubject: "citizen-1", jointLeadDepartmentId: null };

describe("who sees and does what with fees (票款分离)", () => {
  test("a notice: its payer, the department's staff, the bank and the overseers of its center", () => {
    expect(maySeeNotice(who(["citizen"], null, null, "citizen-1"), notice)).toBe(true);
    expect(maySeeNotice(who(["citizen"], null, null, "citizen-2"), notice)).toBe(false);
    expect(maySeeNotice(who(["window_staff"], CENTER, "zj"), notice)).toBe(true);
    expect(maySeeNotice(who(["window_staff"], CENTER, "sf"), notice)).toBe(false);
    expect(maySeeNotice(who(["bank"]), notice)).toBe(true);
    expect(maySeeNotice(who(["bank"], "511721000000"), notice)).toBe(false);
    expect(maySeeNotice(who(["supervisor"]), notice)).toBe(true);
    expect(maySeeNotice(who(["bureau"]), notice)).toBe(false);
  });

  test("a joint case's notice: the applicant verified for its number, and the lead department's bureau and staff, besides the above", () => {
    const key = applicantKey("ENTERPRISE", "91350100M000100Y43");
    const joint = { ...notice, payerSubject: key, jointLeadDepartmentId: "fgj" };
    expect(maySeeNotice({ ...who(["citizen"], null, null, "account-1"), applicantKey: key }, joint)).toBe(true);
    expect(maySeeNotice({ ...who(["citizen"], null, null, "account-2"), applicantKey: applicantKey("PERSON", "11010519491231002X") }, joint)).toBe(false);
    expect(maySeeNotice(who(["window_staff"], CENTER, "fgj", key), joint)).toBe(true);
    expect(maySeeNotice(who(["bureau"], CENTER, "fgj"), joint)).toBe(true);
    expect(maySeeNotice(who(["chief_representative"], CENTER, "fgj"), joint)).toBe(true);
    expect(maySeeNotice(who(["bureau"], "511721000000", "fgj"), joint)).toBe(false);
    expect(maySeeNotice(who(["bureau"], CENTER, "sf"), joint)).toBe(false);
    // Not the lead of this one: the same bureau sees no other notice of the departments.
    expect(maySeeNotice(who(["bureau"], CENTER, "fgj"), notice)).toBe(false);
  });

  test("the bank is bound to its center; statements come from the bank or finance; accounts are set by administration or finance", () => {
    expect(isBankOf(who(["bank"], null), CENTER)).toBe(false);
    expect(mayReconcile(who(["finance"]), CENTER)).toBe(true);
    expect(mayReconcile(who(["window_staff"], CENTER, "zj"), CENTER)).toBe(false);
    expect(mayConfigureAccounts(who(["center_admin"]), CENTER)).toBe(true);
    expect(mayConfigureAccounts(who(["bank"]), CENTER)).toBe(false);
    expect(maySeeCollections(who(["chief_representative"], CENTER, "zj"), CENTER, "zj")).toBe(true);
    expect(maySeeCollections(who(["citizen"], null), CENTER, "zj")).toBe(false);
  });
});

describe("an irregularity is raised once per occurrence", () => {
  test("bank-side ones per transaction, assessment ones per case and fee", () => {
    expect(occurrenceOf("AMOUNT_MISMATCH", { bankTxnId: "T1" })).toBe(occurrenceOf("AMOUNT_MISMATCH", { bankTxnId: "T1", caseId: "c" }));
    expect(occurrenceOf("FEE_NOT_IN_STANDARD", { caseId: "c", feeCode: "F02" })).toBe("case:c:fee:F02");
    expect(() => occurrenceOf("PAYMENT_WITHOUT_NOTICE", {})).toThrow();
  });
});
