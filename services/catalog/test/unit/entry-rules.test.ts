import { entryRate, windowEntryRefusal, type WindowState } from "../../src/entry/entry.rules";

const item = { centerCode: "511722000000", departmentId: "dept-zj" };
const resident: WindowState = { id: "w1", centerCode: item.centerCode, kind: "RESIDENT", departmentId: "dept-zj", actsForDepartmentIds: [], open: true };

test("a resident or A/B window takes its own department's items", () => {
  expect(windowEntryRefusal(resident, item)).toBeNull();
  expect(windowEntryRefusal({ ...resident, kind: "AB" }, item)).toBeNull();
  expect(windowEntryRefusal({ ...resident, departmentId: "dept-sc" }, item)).toBe("WINDOW_NOT_FOR_DEPARTMENT");
});

test("a comprehensive window takes the items of the departments it acts for", () => {
  const comprehensive: WindowState = { ...resident, kind: "COMPREHENSIVE", departmentId: null, actsForDepartmentIds: ["dept-qx", "dept-zj"] };
  expect(windowEntryRefusal(comprehensive, item)).toBeNull();
  expect(windowEntryRefusal({ ...comprehensive, actsForDepartmentIds: ["dept-qx"] }, item)).toBe("WINDOW_NOT_FOR_DEPARTMENT");
});

test("unknown, foreign and closed windows are refused", () => {
  expect(windowEntryRefusal(null, item)).toBe("UNKNOWN_WINDOW");
  expect(windowEntryRefusal({ ...resident, centerCode: "511700000000" }, item)).toBe("UNKNOWN_WINDOW");
  expect(windowEntryRefusal({ ...resident, open: false }, item)).toBe("WINDOW_CLOSED");
});

test("the entry rate: 331 of 386 items is 85.7%; undecided items owe an answer", () => {
  const rate = entryRate({ total: 386, entered: 331, notEntered: 40 });
  expect(rate.rate).toBeCloseTo(0.8575, 4);
  expect(rate.undecided).toBe(15);
  expect(entryRate({ total: 0, entered: 0, notEntered: 0 }).rate).toBe(0);
});
