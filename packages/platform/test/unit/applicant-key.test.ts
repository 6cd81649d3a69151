import { applicantKey, applicantKeyOf, applicantKeyPattern, applicantKindOf, storedApplicantKey } from "../../src/applicant-key";
import { applicantSubjectsOf, isApplicant } from "../../src/authz";
import { identitySchema, type Identity } from "../../src/identity";

const PERSON = "11010519491231002X";
const ENTERPRISE = "91350100M000100Y43";

describe("the applicant key", () => {
  test("is pinned: the same number gives the same key in every service, release after release", () => {
    // Changing the derivation orphans every stored key: it needs a new version and a migration.
    expect(applicantKey("PERSON", PERSON)).toBe("applicant:96LpNEM6fJvkR0w0dMFeOO2bWk3Y68mNrdu_Pl4zLZo");
    expect(applicantKey("ENTERPRISE", ENTERPRISE)).toBe("applicant:2bXQ-LkhY-zxLV7poePdm77i3jzLELBMDn3D9ozGi8Y");
  });

  test("never carries the number, and has the shape identities accept", () => {
    for (const key of [applicantKey("PERSON", PERSON), applicantKey("ENTERPRISE", ENTERPRISE)]) {
      expect(key).toMatch(applicantKeyPattern);
      expect(key).not.toContain(PERSON.slice(6, 14));
      expect(key).not.toContain(ENTERPRISE.slice(8, 16));
    }
  });

  test("normalizes the number: blanks around it and a lower-case check letter give the same key", () => {
    expect(applicantKey("PERSON", ` ${PERSON.toLowerCase()} `)).toBe(applicantKey("PERSON", PERSON));
    expect(applicantKeyOf(" 11010519491231002x")).toBe(applicantKey("PERSON", PERSON));
  });

  test("tells the kinds apart: the same characters as a person's and an enterprise's are two keys", () => {
    expect(applicantKey("PERSON", ENTERPRISE)).not.toBe(applicantKey("ENTERPRISE", ENTERPRISE));
  });

  test("is made only of a valid number (resident IDs with their MOD 11-2 check and a real birth date, credit codes with their MOD 31 check), classified the one way every service classifies it", () => {
    expect(applicantKindOf(PERSON)).toBe("PERSON");
    expect(applicantKindOf(ENTERPRISE)).toBe("ENTERPRISE");
    expect(applicantKindOf("110105194912310021")).toBeNull(); // wrong check character
    expect(applicantKindOf("110105194902300012")).toBeNull(); // 30 February
    expect(applicantKindOf("91350100M000100Y42")).toBeNull();
    expect(applicantKindOf("'; DROP TABLE staff;")).toBeNull();
    expect(applicantKeyOf("91350100M000100Y42")).toBeNull();
    expect(applicantKeyOf(ENTERPRISE)).toBe(applicantKey("ENTERPRISE", ENTERPRISE));
  });

  test("a number stored before keys existed gets its key; one no account can hold still loses its raw form", () => {
    expect(storedApplicantKey("11010519491231002x")).toBe(applicantKey("PERSON", PERSON));
    expect(storedApplicantKey(ENTERPRISE)).toBe(applicantKey("ENTERPRISE", ENTERPRISE));
    expect(storedApplicantKey("110105194902300012")).toBe(applicantKey("PERSON", "110105194902300012"));
    expect(storedApplicantKey("110105194902300012")).toMatch(applicantKeyPattern);
  });
});

describe("who is the applicant", () => {
  const key = applicantKey("PERSON", PERSON);
  const citizen: Identity = { subject: "account-1", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null, applicantKey: key };

  test("the account that applied, or the account whose verified number the record was opened for", () => {
    expect(isApplicant(citizen, "account-1")).toBe(true);
    expect(isApplicant(citizen, key)).toBe(true);
    expect(isApplicant({ ...citizen, applicantKey: null }, key)).toBe(false);
    expect(isApplicant(citizen, applicantKey("ENTERPRISE", ENTERPRISE))).toBe(false);
    expect(applicantSubjectsOf(citizen)).toEqual(["account-1", key]);
    expect(applicantSubjectsOf({ ...citizen, applicantKey: undefined })).toEqual(["account-1"]);
  });

  test("only a citizen or enterprise account: staff with the same subject or key are not", () => {
    const staff: Identity = { ...citizen, roles: ["window_staff"] };
    expect(isApplicant(staff, "account-1")).toBe(false);
    expect(isApplicant(staff, key)).toBe(false);
    expect(applicantSubjectsOf(staff)).toEqual([]);
  });

  test("an identity carries only a well-formed key", () => {
    expect(identitySchema.safeParse(citizen).success).toBe(true);
    expect(identitySchema.safeParse({ ...citizen, applicantKey: `applicant:${PERSON}` }).success).toBe(false);
    expect(identitySchema.safeParse({ ...citizen, applicantKey: undefined }).success).toBe(true);
  });
});
