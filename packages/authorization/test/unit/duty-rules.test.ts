import {
  absencesFromPunches,
  dutyAt,
  intersection,
  mergeIntervals,
  unattendedIntervals,
  unattendedStretches,
  type Absence,
} from "../../src/duty.rules";

const t = (iso: string) => new Date(iso);
const window = { windowId: "w1", aPostStaffId: "a", bPostStaffId: "b" };
const leave = (staffId: string, from: string, until: string | null): Absence => ({ staffId, from: t(from), until: until ? t(until) : null });

test("A serves when present; B covers while A is away; nobody when both are away", () => {
  const absences = [leave("a", "2026-03-02T01:00:00Z", "2026-03-02T05:00:00Z"), leave("b", "2026-03-02T04:00:00Z", "2026-03-02T06:00:00Z")];
  expect(dutyAt(window, absences, t("2026-03-02T00:59:59Z"))).toEqual({ windowId: "w1", status: "A_ON_DUTY", staffId: "a", post: "A" });
  expect(dutyAt(window, absences, t("2026-03-02T01:00:00Z"))).toEqual({ windowId: "w1", status: "B_COVERING", staffId: "b", post: "B" });
  expect(dutyAt(window, absences, t("2026-03-02T04:30:00Z"))).toEqual({ windowId: "w1", status: "UNATTENDED", staffId: null, post: null });
  expect(dutyAt(window, absences, t("2026-03-02T05:00:00Z")).status).toBe("A_ON_DUTY");
  expect(dutyAt(window, [absences[1]], t("2026-03-02T05:59:59Z")).status).toBe("A_ON_DUTY");
});

test("an unfilled A post is covered by B; no holders at all is UNSTAFFED", () => {
  expect(dutyAt({ windowId: "w", aPostStaffId: null, bPostStaffId: "b" }, [], t("2026-03-02T01:00:00Z")).status).toBe("B_COVERING");
  expect(dutyAt({ windowId: "w", aPostStaffId: null, bPostStaffId: null }, [], t("2026-03-02T01:00:00Z")).status).toBe("UNSTAFFED");
});

test("a clock-out is an absence until the next clock-in that day, or the day's end", () => {
  const absences = absencesFromPunches([
    { staffId: "a", kind: "IN", at: t("2026-03-02T00:30:00Z") },
    { staffId: "a", kind: "OUT", at: t("2026-03-02T04:00:00Z") },
    { staffId: "a", kind: "IN", at: t("2026-03-02T05:30:00Z") },
    { staffId: "a", kind: "OUT", at: t("2026-03-02T09:00:00Z") },
    { staffId: "a", kind: "IN", at: t("2026-03-03T00:30:00Z") },
  ]);
  expect(absences).toEqual([leave("a", "2026-03-02T04:00:00Z", "2026-03-02T05:30:00Z"), leave("a", "2026-03-02T09:00:00Z", "2026-03-02T16:00:00Z")]);
});

test("intersection and merging of intervals", () => {
  expect(intersection(leave("a", "2026-03-02T01:00:00Z", "2026-03-02T05:00:00Z"), leave("b", "2026-03-02T05:00:00Z", null))).toBeNull();
  expect(intersection(leave("a", "2026-03-02T01:00:00Z", null), leave("b", "2026-03-02T03:00:00Z", null))).toEqual({ from: t("2026-03-02T03:00:00Z"), until: null });
  expect(
    mergeIntervals([
      { from: t("2026-03-02T03:00:00Z"), until: t("2026-03-02T04:00:00Z") },
      { from: t("2026-03-02T01:00:00Z"), until: t("2026-03-02T03:00:00Z") },
      { from: t("2026-03-02T06:00:00Z"), until: null },
    ]),
  ).toEqual([
    { from: t("2026-03-02T01:00:00Z"), until: t("2026-03-02T04:00:00Z") },
    { from: t("2026-03-02T06:00:00Z"), until: null },
  ]);
});

test("a new absence of A leaves the window unattended where B is away too", () => {
  const bAway = [leave("b", "2026-03-02T04:00:00Z", "2026-03-02T06:00:00Z"), leave("x", "2026-03-02T00:00:00Z", null)];
  const intervals = unattendedIntervals(window, "a", leave("a", "2026-03-02T01:00:00Z", "2026-03-02T05:00:00Z"), bAway);
  expect(intervals).toEqual([{ from: t("2026-03-02T04:00:00Z"), until: t("2026-03-02T05:00:00Z") }]);
  expect(unattendedIntervals(window, "a", leave("a", "2026-03-02T01:00:00Z", "2026-03-02T03:00:00Z"), bAway)).toEqual([]);
  expect(unattendedIntervals(window, "x", leave("x", "2026-03-02T01:00:00Z", null), bAway)).toEqual([]);
  const alone = { windowId: "w2", aPostStaffId: "a", bPostStaffId: null };
  expect(unattendedIntervals(alone, "a", leave("a", "2026-03-02T01:00:00Z", "2026-03-02T03:00:00Z"), [])).toEqual([
    { from: t("2026-03-02T01:00:00Z"), until: t("2026-03-02T03:00:00Z") },
  ]);
});

test("unattended stretches: where nobody serves the window once a leave is gone or a cover stands in the box", () => {
  const from = t("2026-03-02T01:00:00Z");
  const until = t("2026-03-02T09:00:00Z");
  const bothAway = [leave("a", "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z"), leave("b", "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z")];
  expect(unattendedStretches(window, bothAway, [], from, until)).toEqual([{ from, until }]);
  // B's leave cancelled: nothing left.
  expect(unattendedStretches(window, [bothAway[0]], [], from, until)).toEqual([]);
  // A cover from 03:00 to 05:00: unattended before and after the box, not in it.
  const cover = { coverId: "c1", windowId: "w1", staffId: "x", from: t("2026-03-02T03:00:00Z"), until: t("2026-03-02T05:00:00Z") };
  expect(unattendedStretches(window, bothAway, [cover], from, until)).toEqual([
    { from, until: cover.from },
    { from: cover.until, until },
  ]);
  // The cover's person away for part of the box: that part stays unattended, joined to what comes before it.
  const xAway = leave("x", "2026-03-02T02:00:00Z", "2026-03-02T04:00:00Z");
  expect(unattendedStretches(window, [...bothAway, xAway], [cover], from, until)).toEqual([
    { from, until: t("2026-03-02T04:00:00Z") },
    { from: cover.until, until },
  ]);
  // No known end: the last stretch has none either.
  expect(unattendedStretches(window, [leave("a", "2026-03-02T00:00:00Z", null), leave("b", "2026-03-02T00:00:00Z", null)], [], from, null)).toEqual([{ from, until: null }]);
});
