import { clockState, WorkingCalendar } from "@onestop/calendar";
import { caseUsageAt, extensionAllowance, stageOf, timeLimit, timerChanges, wantedTimers, workingDaysBetween, type CaseClocks } from "../../src/clocks/clocks.rules";

const calendar = WorkingCalendar.shipped();
const at = (text: string) => new Date(text);

test("a clock counts only the suspensions and extensions that came after it started", () => {
  const before = { reason: "SUPPLEMENTING_MATERIALS" as const, from: at("2025-03-01T10:00:00+08:00"), until: at("2025-03-02T10:00:00+08:00") };
  const after = { reason: "HEARING" as const, from: at("2025-03-05T10:00:00+08:00"), until: null };
  const limit = timeLimit(at("2025-03-03T10:00:00+08:00"), 5, [before, after], [{ workingDays: 2, approvedAt: at("2025-03-04T10:00:00+08:00") }]);
  expect(limit.suspensions).toEqual([after]);
  expect(limit.extensions).toHaveLength(1);
});

test("on time and working days used at conclusion", () => {
  const limit = timeLimit(at("2025-03-03T10:00:00+08:00"), 5, []);
  expect(caseUsageAt(calendar, limit, at("2025-03-06T10:00:00+08:00"))).toMatchObject({ onTime: true, usedWorkingDays: 3 });
  expect(caseUsageAt(calendar, limit, at("2025-03-11T09:00:00+08:00"))).toMatchObject({ onTime: false, level: "RED" });
});

test("a step's time in working days leaves out the day it started from", () => {
  expect(workingDaysBetween(calendar, at("2025-03-07T16:00:00+08:00"), at("2025-03-10T09:00:00+08:00"))).toBe(1);
  expect(workingDaysBetween(calendar, at("2025-03-07T09:00:00+08:00"), at("2025-03-07T16:00:00+08:00"))).toBe(0);
});

test("stages of the statuses", () => {
  expect(stageOf("SUBMITTED")).toBe("ACCEPTANCE");
  expect(stageOf("MATERIALS_REQUESTED")).toBe("ACCEPTANCE");
  expect(stageOf("ACCEPTED")).toBe("REVIEW");
  expect(stageOf("VETO_PROPOSED")).toBe("APPROVAL");
  expect(stageOf("APPROVED")).toBeNull();
});

describe("the timers a case needs", () => {
  const base: CaseClocks = {
    caseId: "c1",
    kind: "PROMISED",
    status: "ACCEPTED",
    deemedApproval: false,
    caseLimit: timeLimit(at("2025-03-03T10:00:00+08:00"), 5, []),
    stage: "REVIEW",
    stageLimit: null,
    deficiencyDueAt: null,
  };

  test("yellow and red for the case clock", () => {
    expect(wantedTimers(calendar, base).map((t) => [t.kind, t.key])).toEqual([
      ["case-clock", `c1:CASE:YELLOW:${at("2025-03-07T00:00:00+08:00").getTime()}`],
      ["case-clock", `c1:CASE:RED:${at("2025-03-11T00:00:00+08:00").getTime()}`],
    ]);
  });

  test("deemed approval replaces red on a promised item that enables it, not on a joint case", () => {
    expect(wantedTimers(calendar, { ...base, deemedApproval: true }).map((t) => t.kind)).toEqual(["case-clock", "deemed-approval"]);
    expect(wantedTimers(calendar, { ...base, kind: "JOINT", deemedApproval: true }).map((t) => t.kind)).toEqual(["case-clock", "case-clock"]);
  });

  test("a stage with its own limit, and deferred materials, get their own timers", () => {
    const timers = wantedTimers(calendar, { ...base, stageLimit: timeLimit(at("2025-03-03T10:00:00+08:00"), 2, []), deficiencyDueAt: at("2025-03-06T00:00:00+08:00") });
    expect(timers.map((t) => t.payload)).toEqual([
      { caseId: "c1", clock: "CASE", level: "YELLOW" },
      { caseId: "c1", clock: "CASE", level: "RED" },
      { caseId: "c1", clock: "REVIEW", level: "YELLOW" },
      { caseId: "c1", clock: "REVIEW", level: "RED" },
      { caseId: "c1" },
    ]);
  });

  test("a closed case needs none", () => {
    expect(wantedTimers(calendar, { ...base, status: "CONCLUDED" })).toEqual([]);
  });

  test("changes cancel what is no longer wanted and set only what is new", () => {
    const wanted = wantedTimers(calendar, base);
    const current = [{ kind: "case-clock", key: wanted[0]!.key }, { kind: "deemed-approval", key: "c1:1" }];
    const changes = timerChanges(current, wanted);
    expect(changes.cancel).toEqual([{ kind: "deemed-approval", key: "c1:1" }]);
    expect(changes.schedule.map((t) => t.key)).toEqual([wanted[1]!.key]);
  });
});

describe("the legal limit (法定时限) binds extensions", () => {
  test("an extension may add what is left between the promised days, the extensions so far and the legal limit", () => {
    expect(extensionAllowance({ legalLimitDays: 20, promisedDays: 5, extendedDays: 0 })).toBe(15);
    expect(extensionAllowance({ legalLimitDays: 20, promisedDays: 5, extendedDays: 10 })).toBe(5);
    expect(extensionAllowance({ legalLimitDays: 20, promisedDays: 5, extendedDays: 15 })).toBe(0);
    // A promise at the legal limit leaves nothing; a catalog error (promise beyond the law) never yields a negative allowance.
    expect(extensionAllowance({ legalLimitDays: 5, promisedDays: 5, extendedDays: 0 })).toBe(0);
    expect(extensionAllowance({ legalLimitDays: 3, promisedDays: 5, extendedDays: 0 })).toBe(0);
  });

  test("the whole allowance takes the case to its legal deadline and no further, suspensions left out of both", () => {
    const acceptedAt = at("2026-04-27T10:00:00+08:00"); // the Monday before the May Day holiday
    const suspensions = [
      { reason: "EXPERT_REVIEW" as const, from: at("2026-05-11T09:00:00+08:00"), until: at("2026-05-20T17:00:00+08:00") },
      { reason: "SUPPLEMENTING_MATERIALS" as const, from: at("2026-05-25T09:00:00+08:00"), until: at("2026-05-27T09:00:00+08:00") },
    ];
    const limits = { legalLimitDays: 20, promisedDays: 8, extendedDays: 3 };
    const extensions = [
      { workingDays: 3, approvedAt: at("2026-05-06T10:00:00+08:00") },
      { workingDays: extensionAllowance(limits), approvedAt: at("2026-05-07T10:00:00+08:00") },
    ];
    const extended = clockState(calendar, timeLimit(acceptedAt, limits.promisedDays, suspensions, extensions));
    const legal = clockState(calendar, timeLimit(acceptedAt, limits.legalLimitDays, suspensions));
    expect(extended.dueDay).toBe(legal.dueDay);
    const oneMore = clockState(calendar, timeLimit(acceptedAt, limits.promisedDays, suspensions, [...extensions, { workingDays: 1, approvedAt: at("2026-05-08T10:00:00+08:00") }]));
    expect(oneMore.dueDay! > legal.dueDay!).toBe(true);
  });
});
