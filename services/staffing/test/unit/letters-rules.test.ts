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

test("代办授权: a county department's letter to a township's agent carries only what the agent may do", () => {
  const township = { ...facts, staffServesDepartment: false, agentActs: ["ACCEPT", "DELIVER"] as const };
  expect(grantViolation({ ...letter, acts: ["ACCEPT", "DELIVER"] }, township)).toBeNull();
  expect(grantViolation({ ...letter, acts: ["ACCEPT", "APPROVE"] }, township)).toBe("ACT_NOT_FOR_AGENT");
  expect(grantViolation({ ...letter, acts: ["PRE_REVIEW_PROMISED"] }, township)).toBe("ACT_NOT_FOR_AGENT");
  const village = { ...facts, staffServesDepartment: false, agentActs: ["DELIVER"] as const };
  expect(grantViolation({ ...letter, acts: ["DELIVER"] }, village)).toBeNull();
  expect(grantViolation({ ...letter, acts: ["ACCEPT"] }, village)).toBe("ACT_NOT_FOR_AGENT");
  // The item rules hold for agents too.
  expect(grantViolation({ ...letter, acts: ["DELIVER"] }, { ...village, itemDepartmentId: "d2" })).toBe("ITEM_OF_ANOTHER_DEPARTMENT");
});
