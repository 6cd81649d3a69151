import { leaveProblems, overlappingLeave, overlaps, punchViolation } from "../../src/attendance/attendance.rules";

const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour));

test("leave intervals are half-open: touching is not overlapping", () => {
  expect(overlaps({ startsAt: at(1), endsAt: at(3) }, { startsAt: at(2), endsAt: at(4) })).toBe(true);
  expect(overlaps({ startsAt: at(1), endsAt: at(3) }, { startsAt: at(3), endsAt: at(4) })).toBe(false);
  expect(overlaps({ startsAt: at(1), endsAt: at(5) }, { startsAt: at(2), endsAt: at(3) })).toBe(true);
});

test("a new leave notice overlapping a standing one is found", () => {
  const standing = [{ id: "l1", startsAt: at(1), endsAt: at(3) }];
  expect(overlappingLeave({ startsAt: at(2), endsAt: at(6) }, standing)?.id).toBe("l1");
  expect(overlappingLeave({ startsAt: at(3), endsAt: at(6) }, standing)).toBeNull();
});

test("a leave notice ends after it starts and lasts at most 90 days", () => {
  expect(leaveProblems({ startsAt: at(3), endsAt: at(3) })).toEqual(["endsAt: must be after startsAt"]);
  expect(leaveProblems({ startsAt: at(3), endsAt: new Date(at(3).getTime() + 91 * 86_400_000) })).toHaveLength(1);
  expect(leaveProblems({ startsAt: at(3), endsAt: at(4) })).toEqual([]);
});

test("clock-ins and clock-outs alternate within a day", () => {
  expect(punchViolation("IN", null)).toBeNull();
  expect(punchViolation("IN", "IN")).toBe("ALREADY_CLOCKED_IN");
  expect(punchViolation("OUT", null)).toBe("NOT_CLOCKED_IN");
  expect(punchViolation("OUT", "OUT")).toBe("NOT_CLOCKED_IN");
  expect(punchViolation("OUT", "IN")).toBeNull();
  expect(punchViolation("IN", "OUT")).toBeNull();
});
