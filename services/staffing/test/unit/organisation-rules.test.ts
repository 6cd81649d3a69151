import { departmentsServed, windowShapeProblems } from "../../src/organisation/organisation.rules";

test("resident and A/B windows belong to one department; comprehensive ones act for others", () => {
  expect(windowShapeProblems("RESIDENT", "d1", [])).toEqual([]);
  expect(windowShapeProblems("AB", null, [])).toEqual(["departmentId: a two-person A/B window belongs to a department"]);
  expect(windowShapeProblems("RESIDENT", "d1", ["d2"])).toEqual(["actsForDepartmentIds: only a comprehensive window acts for other departments"]);
  expect(windowShapeProblems("COMPREHENSIVE", null, ["d1", "d2"])).toEqual([]);
  expect(windowShapeProblems("COMPREHENSIVE", "d1", [])).toHaveLength(2);
  expect(windowShapeProblems("COMPREHENSIVE", null, ["d1", "d1"])).toEqual(["actsForDepartmentIds: a department is named twice"]);
});

test("the departments a window serves", () => {
  expect(departmentsServed({ kind: "AB", departmentId: "d1" }, [])).toEqual(["d1"]);
  expect(departmentsServed({ kind: "COMPREHENSIVE", departmentId: null }, ["d2", "d3"])).toEqual(["d2", "d3"]);
});
