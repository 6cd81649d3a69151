import type { AuthorizationLetter } from "@onestop/authorization";
import { assignCase, candidateWindows, type ServingWindow } from "../../src/assignment/assignment.rules";
import type { Absence } from "@onestop/authorization";

const at = new Date("2026-03-02T02:00:00Z");
const window = (overrides: Partial<ServingWindow>): ServingWindow => ({
  windowId: "w",
  code: "W",
  kind: "AB",
  departmentId: "d1",
  actsForDepartmentIds: [],
  open: true,
  aPostStaffId: null,
  bPostStaffId: null,
  ...overrides,
});
const letterFor = (staffId: string, departmentId = "d1", acts: AuthorizationLetter["acts"] = ["ACCEPT"]): AuthorizationLetter => ({
  letterId: `L-${staffId}-${departmentId}`,
  centerCode: "511722000000",
  staffId,
  departmentId,
  itemId: null,
  acts,
  validFrom: new Date("2026-01-01T00:00:00Z"),
  validUntil: null,
  revokedAt: null,
});
const away = (staffId: string): Absence => ({ staffId, from: new Date("2026-03-02T00:00:00Z"), until: null });

const entry = window({ windowId: "w-entry", code: "W-2", aPostStaffId: "a1", bPostStaffId: "b1" });
const other = window({ windowId: "w-other", code: "W-1", aPostStaffId: "a2", bPostStaffId: "b2" });
const comprehensive = window({ windowId: "w-zh", code: "ZH-01", kind: "COMPREHENSIVE", departmentId: null, actsForDepartmentIds: ["d1", "d9"], aPostStaffId: "z1", bPostStaffId: "z2" });
const elsewhere = window({ windowId: "w-else", code: "W-0", departmentId: "d2", aPostStaffId: "e1" });
const closed = window({ windowId: "w-closed", code: "W-00", open: false, aPostStaffId: "c1" });
const windows = [comprehensive, elsewhere, closed, other, entry];
const letters = ["a1", "b1", "a2", "b2", "z1", "z2", "c1"].map((s) => letterFor(s));
const caseOf = { itemId: "i1", departmentId: "d1", entryWindowId: "w-entry" };

test("windows are tried: the entry window, the department's other windows, then comprehensive ones; never closed or foreign ones", () => {
  expect(candidateWindows(caseOf, windows).map((c) => [c.window.windowId, c.route])).toEqual([
    ["w-entry", "ENTRY_WINDOW"],
    ["w-other", "DEPARTMENT_WINDOW"],
    ["w-zh", "COMPREHENSIVE_WINDOW"],
  ]);
  expect(candidateWindows({ ...caseOf, entryWindowId: null }, windows).map((c) => c.window.windowId)).toEqual(["w-other", "w-entry", "w-zh"]);
  expect(candidateWindows({ ...caseOf, departmentId: "d9", entryWindowId: "w-zh" }, windows).map((c) => [c.window.windowId, c.route])).toEqual([
    ["w-zh", "COMPREHENSIVE_WINDOW"],
  ]);
});

test("the A post holder of the entry window takes the case", () => {
  expect(assignCase(caseOf, windows, [], letters, at)).toEqual({ assigned: true, windowId: "w-entry", staffId: "a1", post: "A", route: "ENTRY_WINDOW" });
});

test("B takes it while A is on leave", () => {
  expect(assignCase(caseOf, windows, [away("a1")], letters, at)).toMatchObject({ windowId: "w-entry", staffId: "b1", post: "B" });
});

test("the present B takes it when the A on duty holds no letter for the item", () => {
  const withoutA1 = letters.filter((l) => l.staffId !== "a1");
  expect(assignCase(caseOf, windows, [], withoutA1, at)).toMatchObject({ windowId: "w-entry", staffId: "b1", post: "B" });
});

test("with the entry window unattended, the next window of the department, then the comprehensive window", () => {
  expect(assignCase(caseOf, windows, [away("a1"), away("b1")], letters, at)).toMatchObject({ windowId: "w-other", staffId: "a2", route: "DEPARTMENT_WINDOW" });
  expect(assignCase(caseOf, windows, ["a1", "b1", "a2", "b2"].map(away), letters, at)).toMatchObject({
    windowId: "w-zh",
    staffId: "z1",
    route: "COMPREHENSIVE_WINDOW",
  });
});

test("the reasons a case cannot be assigned", () => {
  expect(assignCase({ ...caseOf, departmentId: "d7", entryWindowId: null }, windows, [], letters, at)).toEqual({ assigned: false, reason: "NO_WINDOW" });
  expect(assignCase(caseOf, windows, ["a1", "b1", "a2", "b2", "z1", "z2"].map(away), letters, at)).toEqual({
    assigned: false,
    reason: "NO_ONE_ON_DUTY",
  });
  expect(assignCase(caseOf, windows, [], [], at)).toEqual({ assigned: false, reason: "NO_AUTHORIZED_STAFF" });
});

test("the act required can be other than acceptance", () => {
  const deliverOnlyB1 = [...letters, letterFor("b1", "d1", ["DELIVER"])];
  expect(assignCase({ ...caseOf, act: "DELIVER" }, windows, [], deliverOnlyB1, at)).toMatchObject({ staffId: "b1", post: "B" });
});
