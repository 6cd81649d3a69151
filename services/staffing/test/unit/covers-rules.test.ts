import { dutyAt, unattendedIntervals, type Absence, type Cover } from "@onestop/authorization";
import { assignCase, type ServingWindow } from "../../src/assignment/assignment.rules";
import { coverBoxProblems, coverByPostHolder, coverInForce, decisionViolation, type CoverRecord } from "../../src/covers/covers.rules";

const t = (iso: string) => new Date(iso);
const window = { windowId: "w1", aPostStaffId: "a", bPostStaffId: "b" };
const leave = (staffId: string, from: string, until: string | null): Absence => ({ staffId, from: t(from), until: until ? t(until) : null });
const cover: Cover = { coverId: "c1", windowId: "w1", staffId: "x", from: t("2026-03-02T01:00:00Z"), until: t("2026-03-02T09:00:00Z") };
const now = t("2026-03-02T00:00:00Z");

test("the time box: until after from, at most 72 hours, not starting in the past; each problem names its field", () => {
  expect(coverBoxProblems({ from: t("2026-03-02T01:00:00Z"), until: t("2026-03-05T01:00:00Z") }, now)).toEqual([]);
  expect(coverBoxProblems({ from: t("2026-03-02T01:00:00Z"), until: t("2026-03-02T01:00:00Z") }, now)).toEqual(["until: after from"]);
  expect(coverBoxProblems({ from: t("2026-03-02T01:00:00Z"), until: t("2026-03-05T01:00:01Z") }, now)).toEqual(["until: at most 72 hours after from"]);
  expect(coverBoxProblems({ from: t("2026-03-01T23:56:00Z"), until: t("2026-03-02T01:00:00Z") }, now)).toEqual([]);
  expect(coverBoxProblems({ from: t("2026-03-01T23:00:00Z"), until: t("2026-03-01T22:00:00Z") }, now)).toEqual(["from: not in the past", "until: after from"]);
});

test("the A and B holders are never a temporary cover; the requester never decides", () => {
  expect(coverByPostHolder("b", window)).toBe(true);
  expect(coverByPostHolder("a", window)).toBe(true);
  expect(coverByPostHolder("x", window)).toBe(false);
  expect(decisionViolation({ requestedBy: "admin-1" }, "admin-1")).toBe("SAME_REQUESTER_AND_APPROVER");
  expect(decisionViolation({ requestedBy: "chief-1" }, "admin-1")).toBeNull();
});

test("a cover counts once approved, until its end or its cancellation; pending, rejected or withdrawn ones never", () => {
  const record: CoverRecord = { id: "c1", windowId: "w1", staffId: "x", startsAt: cover.from, endsAt: cover.until, status: "APPROVED", decidedAt: now, cancelledAt: null };
  expect(coverInForce(record)).toEqual(cover);
  expect(coverInForce({ ...record, status: "CANCELLED", cancelledAt: t("2026-03-02T03:00:00Z") })).toEqual({ ...cover, until: t("2026-03-02T03:00:00Z") });
  expect(coverInForce({ ...record, status: "CANCELLED", cancelledAt: t("2026-03-02T00:30:00Z") })).toBeNull();
  expect(coverInForce({ ...record, status: "PENDING", decidedAt: null })).toBeNull();
  expect(coverInForce({ ...record, status: "REJECTED" })).toBeNull();
  expect(coverInForce({ ...record, status: "CANCELLED", decidedAt: null, cancelledAt: now })).toBeNull();
});

test("within its box the cover's person serves while A is away, before B; outside it, or away, B covers as always", () => {
  const aAway = [leave("a", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")];
  expect(dutyAt(window, aAway, t("2026-03-02T02:00:00Z"), [cover])).toEqual({ windowId: "w1", status: "TEMPORARY_COVER", staffId: "x", post: null, coverId: "c1" });
  expect(dutyAt(window, aAway, t("2026-03-02T09:00:00Z"), [cover])).toEqual({ windowId: "w1", status: "B_COVERING", staffId: "b", post: "B" });
  expect(dutyAt(window, aAway, t("2026-03-02T00:59:59Z"), [cover]).status).toBe("B_COVERING");
  expect(dutyAt(window, [], t("2026-03-02T02:00:00Z"), [cover]).status).toBe("A_ON_DUTY");
  expect(dutyAt(window, [...aAway, leave("x", "2026-03-02T02:00:00Z", "2026-03-02T03:00:00Z")], t("2026-03-02T02:30:00Z"), [cover]).status).toBe("B_COVERING");
  expect(dutyAt({ ...window, windowId: "w2" }, aAway, t("2026-03-02T02:00:00Z"), [cover]).status).toBe("B_COVERING");
  const bothAway = [...aAway, leave("b", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")];
  expect(dutyAt(window, bothAway, t("2026-03-02T02:00:00Z"), [cover]).status).toBe("TEMPORARY_COVER");
  expect(dutyAt(window, bothAway, t("2026-03-02T10:00:00Z"), [cover]).status).toBe("UNATTENDED");
});

test("no unattended warning for the part of an absence a cover's person serves; their own absence in the box is one", () => {
  const bAway = [leave("b", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")];
  const aLeave = { from: t("2026-03-02T00:00:00Z"), until: t("2026-03-02T12:00:00Z") };
  expect(unattendedIntervals(window, "a", aLeave, bAway, [cover])).toEqual([
    { from: t("2026-03-02T00:00:00Z"), until: t("2026-03-02T01:00:00Z") },
    { from: t("2026-03-02T09:00:00Z"), until: t("2026-03-02T12:00:00Z") },
  ]);
  const xAway = [leave("x", "2026-03-02T04:00:00Z", "2026-03-02T05:00:00Z")];
  expect(unattendedIntervals(window, "a", aLeave, [...bAway, ...xAway], [cover])).toHaveLength(3);
  // The cover's person leaves while both holders are away: unattended, but only within the box.
  const holdersAway = [...bAway, leave("a", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")];
  expect(unattendedIntervals(window, "x", { from: t("2026-03-02T08:00:00Z"), until: t("2026-03-02T16:00:00Z") }, holdersAway, [cover])).toEqual([
    { from: t("2026-03-02T08:00:00Z"), until: t("2026-03-02T09:00:00Z") },
  ]);
  expect(unattendedIntervals(window, "x", { from: t("2026-03-02T08:00:00Z"), until: t("2026-03-02T16:00:00Z") }, [], [cover])).toEqual([]);
  expect(unattendedIntervals(window, "y", aLeave, holdersAway, [cover])).toEqual([]);
});

test("assignment: the cover's person takes the case when on duty and authorized; else the holders present", () => {
  const serving: ServingWindow[] = [{ ...window, code: "W1", kind: "AB", departmentId: "d1", actsForDepartmentIds: [], open: true }];
  const letter = (staffId: string) => ({ letterId: `l-${staffId}`, centerCode: "c", staffId, departmentId: "d1", itemId: null, acts: ["ACCEPT" as const], validFrom: now, validUntil: null, revokedAt: null });
  const at = t("2026-03-02T02:00:00Z");
  const aAway = [leave("a", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")];
  const caseOf = { itemId: "i1", departmentId: "d1", entryWindowId: "w1" };
  expect(assignCase(caseOf, serving, aAway, [letter("x"), letter("b")], at, [cover])).toEqual({
    assigned: true,
    windowId: "w1",
    staffId: "x",
    post: null,
    coverId: "c1",
    route: "ENTRY_WINDOW",
  });
  expect(assignCase(caseOf, serving, aAway, [letter("b")], at, [cover])).toEqual({ assigned: true, windowId: "w1", staffId: "b", post: "B", route: "ENTRY_WINDOW" });
});
