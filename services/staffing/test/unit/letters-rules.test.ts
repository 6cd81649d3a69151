import { grantViolation } from "../../src/authorization/letters.rules";

const letter = { staffId: "s1", departmentId: "d1", itemId: "i1", acts: ["ACCEPT" as const] };
const facts = { itemDepartmentId: "d1", staffServesDepartment: true };

test("a department authorizes only its own items", () => {
  expect(grantViolation(letter, facts)).toBeNull();
  expect(grantViolation(letter, { ...facts, itemDepartmentId: "d2" })).toBe("ITEM_OF_ANOTHER_DEPARTMENT");
  expect(grantViolation(letter, { ...facts, itemDepartmentId: null })).toBe("UNKNOWN_ITEM");
  expect(grantViolation({ ...letter, itemId: null }, { ...facts, itemDepartmentId: null })).toBeNull();
});

test("only to people serving the department", () => {
  expect(grantViolation(letter, { ...facts, staffServesDepartment: false })).toBe("STAFF_NOT_OF_DEPARTMENT");
});
