import { grantViolation } from "../../src/authorization/letters.rules";

const letter = { staffId: "s1", departmentId: "d1", itemId: "i1", acts: ["ACCEPT" as const] };
const facts = { itemDepartmentId: "d1", staffServesDepartment: true, chiefStaffId: null };

test("a department authorizes only its own items", () => {
  expect(grantViolation(letter, facts)).toBeNull();
  expect(grantViolation(letter, { ...facts, itemDepartmentId: "d2" })).toBe("ITEM_OF_ANOTHER_DEPARTMENT");
  expect(grantViolation(letter, { ...facts, itemDepartmentId: null })).toBe("UNKNOWN_ITEM");
  expect(grantViolation({ ...letter, itemId: null }, { ...facts, itemDepartmentId: null })).toBeNull();
});

test("only to people serving the department", () => {
  expect(grantViolation(letter, { ...facts, staffServesDepartment: false })).toBe("STAFF_NOT_OF_DEPARTMENT");
});

test("the veto is the chief representative's alone", () => {
  const veto = { ...letter, acts: ["ACCEPT" as const, "SIGN_VETO" as const] };
  expect(grantViolation(veto, facts)).toBe("VETO_NEEDS_CHIEF_REPRESENTATIVE");
  expect(grantViolation(veto, { ...facts, chiefStaffId: "s2" })).toBe("VETO_NEEDS_CHIEF_REPRESENTATIVE");
  expect(grantViolation(veto, { ...facts, chiefStaffId: "s1" })).toBeNull();
});
