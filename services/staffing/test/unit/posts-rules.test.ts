import { mayHoldPostAt, postChangeViolation, rotationStatus, termEndsOn } from "../../src/posts/posts.rules";

test("a term ends on the same calendar day one or two years later", () => {
  expect(termEndsOn("2026-03-02", 1)).toBe("2027-03-02");
  expect(termEndsOn("2026-03-02", 2)).toBe("2028-03-02");
  expect(termEndsOn("2028-02-29", 1)).toBe("2029-03-01");
});

test("a term is due soon within 30 days of its end and due from its end", () => {
  expect(rotationStatus("2026-03-02", 1, "2027-01-30")).toBe("IN_TERM");
  expect(rotationStatus("2026-03-02", 1, "2027-01-31")).toBe("DUE_SOON");
  expect(rotationStatus("2026-03-02", 1, "2027-01-31", 10)).toBe("IN_TERM");
  expect(rotationStatus("2026-03-02", 1, "2027-03-01")).toBe("DUE_SOON");
  expect(rotationStatus("2026-03-02", 1, "2027-03-02")).toBe("DUE");
  expect(rotationStatus("2026-03-02", 2, "2027-03-02")).toBe("IN_TERM");
});

test("who may sit at a window: its department's staff, or at a comprehensive window those of the departments it acts for", () => {
  expect(mayHoldPostAt("d1", { kind: "AB", departmentId: "d1" }, [])).toBe(true);
  expect(mayHoldPostAt("d2", { kind: "RESIDENT", departmentId: "d1" }, [])).toBe(false);
  expect(mayHoldPostAt("d2", { kind: "COMPREHENSIVE", departmentId: null }, ["d1", "d2"])).toBe(true);
  expect(mayHoldPostAt("d3", { kind: "COMPREHENSIVE", departmentId: null }, ["d1", "d2"])).toBe(false);
  expect(mayHoldPostAt(null, { kind: "COMPREHENSIVE", departmentId: null }, ["d1"])).toBe(false);
});

test("A and B are two people; nobody holds two windows' A posts", () => {
  const none = { otherPostHolderId: null, aPostWindowIdOfStaff: null };
  expect(postChangeViolation({ windowId: "w1", position: "B", staffId: "s1" }, { ...none, otherPostHolderId: "s1" })).toBe("B_POST_HELD_BY_A_HOLDER");
  expect(postChangeViolation({ windowId: "w1", position: "A", staffId: "s1" }, { ...none, otherPostHolderId: "s1" })).toBe("B_POST_HELD_BY_A_HOLDER");
  expect(postChangeViolation({ windowId: "w1", position: "A", staffId: "s1" }, { ...none, aPostWindowIdOfStaff: "w2" })).toBe("ALREADY_ON_A_POST");
  expect(postChangeViolation({ windowId: "w1", position: "A", staffId: "s1" }, { ...none, aPostWindowIdOfStaff: "w1" })).toBeNull();
  expect(postChangeViolation({ windowId: "w1", position: "B", staffId: "s1" }, { ...none, aPostWindowIdOfStaff: "w2" })).toBeNull();
  expect(postChangeViolation({ windowId: "w1", position: "B", staffId: "s1" }, none)).toBeNull();
});
