import fc from "fast-check";
import { WorkingCalendar } from "@onestop/calendar";
import { evaluateCase, type CaseRules, type StepEvent } from "../../src/projection/case.rules";
import { runsOf, yellowInstant } from "../../src/projection/clock.rules";
import { evaluateWindow } from "../../src/projection/window.rules";
import { diffWarnings, warningStatus } from "../../src/projection/warning.rules";
import { step } from "../support/steps";

const calendar = WorkingCalendar.shipped();
const rules: CaseRules = { calendar, yellowShare: 0.8, forwardWithinWorkingDays: 2 };
/** Accepted Monday 2026-03-02 10:00 Beijing with 10 working days: due Monday 2026-03-16, 24:00 Beijing. */
const DEADLINE = "2026-03-16T16:00:00.000Z";
const accepted = step(2, { deadline: DEADLINE });
const submitted = step(1, { action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", acceptedAt: null, occurredAt: "2026-03-02T01:00:00.000Z", handlerId: null });
const levels = (steps: StepEvent[], now: string, extra: Partial<Parameters<typeof evaluateCase>[0]> = {}) =>
  evaluateCase({ steps, concluded: null, extensions: [], ...extra }, new Date(now), rules).causes.map((c) => `${c.kind}:${c.level}:${c.closedAt ? "closed" : "open"}`).sort();

describe("the share of a clock's time", () => {
  test("YELLOW at 00:00 Beijing of the day after which at most 20% of 10 working days remain", () => {
    // Working days after Thursday 03-12 up to Monday 03-16: Friday and Monday, 2 = 20% of 10.
    expect(yellowInstant(rules, new Date(DEADLINE), 10)?.toISOString()).toBe("2026-03-11T16:00:00.000Z");
    expect(yellowInstant({ ...rules, yellowShare: 0.5 }, new Date(DEADLINE), 10)?.toISOString()).toBe("2026-03-08T16:00:00.000Z");
  });

  test("a 0-day clock (即办件) never turns yellow, only red", () => {
    expect(yellowInstant(rules, new Date(DEADLINE), 0)).toBeNull();
  });

  test("a case is green before the yellow instant, yellow after it, red (yellow closed) past its deadline", () => {
    expect(levels([submitted, accepted], "2026-03-11T15:59:59.000Z")).toEqual([]);
    expect(levels([submitted, accepted], "2026-03-11T16:00:00.000Z")).toEqual(["CASE_DEADLINE:YELLOW:open"]);
    expect(levels([submitted, accepted], "2026-03-16T16:00:00.000Z")).toEqual(["CASE_DEADLINE:RED:open", "CASE_DEADLINE:YELLOW:closed"]);
  });

  test("the next instant to look again is the yellow one, then the deadline", () => {
    const evaluate = (now: string) => evaluateCase({ steps: [submitted, accepted], concluded: null, extensions: [] }, new Date(now), rules).nextAt?.toISOString();
    expect(evaluate("2026-03-03T00:00:00.000Z")).toBe("2026-03-11T16:00:00.000Z");
    expect(evaluate("2026-03-12T00:00:00.000Z")).toBe(DEADLINE);
    expect(evaluate("2026-03-17T00:00:00.000Z")).toBeUndefined();
  });

  test("concluding closes the red warning at the conclusion; nothing more is raised after it", () => {
    const concluded = step(3, { action: "CONCLUDE", fromStatus: "APPROVED", toStatus: "CONCLUDED", concludes: true, outcome: "APPROVED", occurredAt: "2026-03-18T02:00:00.000Z", deadline: DEADLINE });
    const result = evaluateCase({ steps: [submitted, accepted, concluded], concluded: null, extensions: [] }, new Date("2026-04-01T00:00:00Z"), rules);
    expect(result.causes.map((c) => [c.level, c.closedAt?.toISOString()])).toEqual(
      expect.arrayContaining([
        ["YELLOW", DEADLINE],
        ["RED", "2026-03-18T02:00:00.000Z"],
      ]),
    );
    expect(result.view?.endedAt?.toISOString()).toBe("2026-03-18T02:00:00.000Z");
    expect(result.nextAt).toBeNull();
  });

  test("a stage with its own limit warns on its own clock and stops when the stage ends", () => {
    const review = step(2, { deadline: DEADLINE, stage: "REVIEW", stageDeadline: "2026-03-04T16:00:00.000Z" });
    const reviewed = step(3, { action: "REVIEW", fromStatus: "ACCEPTED", toStatus: "REVIEWED", occurredAt: "2026-03-06T02:00:00.000Z", deadline: DEADLINE, stage: "APPROVAL", stageDeadline: null });
    expect(levels([submitted, review, reviewed], "2026-03-10T00:00:00.000Z")).toEqual(["STAGE_DEADLINE:RED:closed", "STAGE_DEADLINE:YELLOW:closed"]);
  });
});

describe("breaches on the routing slip", () => {
  test("a refusal without a reason, after everything asked for was supplied, is two warnings", () => {
    const notice = step(2, { action: "ISSUE_MATERIAL_NOTICE", toStatus: "MATERIALS_REQUESTED", acceptedAt: null });
    const supplied = step(3, { action: "SUPPLY_MATERIALS", fromStatus: "MATERIALS_REQUESTED", toStatus: "SUBMITTED", acceptedAt: null, actorKind: "APPLICANT" });
    const refused = step(4, { action: "REFUSE", fromStatus: "SUBMITTED", toStatus: "REFUSED", opinion: "  ", acceptedAt: null });
    expect(levels([submitted, notice, supplied, refused], "2026-03-03T00:00:00Z")).toEqual(["REFUSED_QUALIFYING:RED:open", "UNREASONED_REJECTION:RED:open"]);
  });

  test("a refusal with a reason right after a notice is no breach", () => {
    const notice = step(2, { action: "ISSUE_MATERIAL_NOTICE", toStatus: "MATERIALS_REQUESTED", acceptedAt: null });
    const refused = step(3, { action: "REFUSE", fromStatus: "MATERIALS_REQUESTED", toStatus: "REFUSED", opinion: "不属于本部门职权范围", acceptedAt: null });
    expect(levels([submitted, notice, refused], "2026-03-03T00:00:00Z")).toEqual([]);
  });

  test("a step out of order: from a status the previous step did not leave, or a decision without review", () => {
    const approved = step(3, { action: "APPROVE", fromStatus: "ACCEPTED", toStatus: "APPROVED", deadline: DEADLINE });
    expect(levels([submitted, accepted, approved], "2026-03-03T00:00:00Z")).toEqual(["OUT_OF_ORDER:RED:open"]);
    const wrongFrom = step(3, { action: "REVIEW", fromStatus: "REVIEWED", toStatus: "REVIEWED", deadline: DEADLINE });
    expect(levels([submitted, accepted, wrongFrom], "2026-03-03T00:00:00Z")).toEqual(["OUT_OF_ORDER:RED:open"]);
    // A gap (step 2 not heard yet) judges nothing.
    expect(levels([submitted, wrongFrom], "2026-03-03T00:00:00Z")).toEqual([]);
  });

  test("a reported case forwarded after its forwarding limit", () => {
    const reported = (occurredAt: string) => [
      step(1, { ...submitted, kind: "REPORTED" }),
      step(2, { kind: "REPORTED", deadline: DEADLINE }),
      step(3, { kind: "REPORTED", action: "FORWARD", fromStatus: "ACCEPTED", toStatus: "FORWARDED", occurredAt, deadline: DEADLINE }),
    ];
    expect(levels(reported("2026-03-04T08:00:00Z"), "2026-03-05T00:00:00Z")).toEqual([]);
    expect(levels(reported("2026-03-05T08:00:00Z"), "2026-03-06T00:00:00Z")).toEqual(["LATE_FORWARD:RED:open"]);
  });
});

describe("order and repetition", () => {
  const arbitrarySteps = fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 });
  const steps = [
    submitted,
    accepted,
    step(3, { action: "SUSPEND_CLOCK", fromStatus: "ACCEPTED", toStatus: "ACCEPTED", onHold: true, deadline: null, occurredAt: "2026-03-05T02:00:00Z" }),
    step(4, { action: "RESUME_CLOCK", fromStatus: "ACCEPTED", toStatus: "ACCEPTED", deadline: "2026-03-19T16:00:00.000Z", occurredAt: "2026-03-09T02:00:00Z" }),
    step(5, { action: "REVIEW", fromStatus: "ACCEPTED", toStatus: "REVIEWED", deadline: "2026-03-19T16:00:00.000Z", occurredAt: "2026-03-18T02:00:00Z" }),
    step(6, { action: "APPROVE", fromStatus: "REVIEWED", toStatus: "APPROVED", opinion: null, deadline: "2026-03-19T16:00:00.000Z", occurredAt: "2026-03-20T02:00:00Z" }),
  ];

  test("any order, any repetition of the same events gives the same projection and warnings", () => {
    const reference = evaluateCase({ steps, concluded: null, extensions: [] }, new Date("2026-03-25T00:00:00Z"), rules);
    fc.assert(
      fc.property(arbitrarySteps, fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), (order, repeats) => {
        const shuffled = [...order.map((i) => steps[i]), ...repeats.map((i) => steps[i])];
        expect(evaluateCase({ steps: shuffled, concluded: null, extensions: [] }, new Date("2026-03-25T00:00:00Z"), rules)).toEqual(reference);
      }),
    );
    expect(reference.causes.map((c) => `${c.level}:${c.deadline?.toISOString()}`).sort()).toEqual([
      "RED:2026-03-19T16:00:00.000Z",
      "YELLOW:2026-03-19T16:00:00.000Z",
    ]);
  });

  test("runs: a hold ends one, the same deadline after one point is one run", () => {
    const d = new Date(DEADLINE);
    const runs = runsOf(
      [
        { at: new Date("2026-03-02T00:00:00Z"), deadline: d, totalWorkingDays: 10 },
        { at: new Date("2026-03-03T00:00:00Z"), deadline: d, totalWorkingDays: 10 },
        { at: new Date("2026-03-04T00:00:00Z"), deadline: null, totalWorkingDays: 10 },
      ],
      null,
    );
    expect(runs).toEqual([{ deadline: d, from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-04T00:00:00Z"), totalWorkingDays: 10 }]);
  });
});

describe("the warning lifecycle", () => {
  const base = evaluateCase({ steps: [submitted, accepted], concluded: null, extensions: [] }, new Date("2026-03-12T00:00:00Z"), rules).causes;

  test("raised once: the same cause seen again changes nothing", () => {
    expect(diffWarnings([], base).changes.map((c) => c.change)).toEqual(["RAISED"]);
    expect(diffWarnings(base, base)).toEqual({ upserts: [], withdrawn: [], changes: [] });
  });

  test("closed when its cause is gone; withdrawn when a late event shows it never held", () => {
    const closed = base.map((w) => ({ ...w, closedAt: new Date("2026-03-13T00:00:00Z") }));
    expect(diffWarnings(base, closed).changes.map((c) => c.change)).toEqual(["CLOSED"]);
    expect(diffWarnings(base, []).changes.map((c) => c.change)).toEqual(["WITHDRAWN"]);
  });

  test("status: closed wins over acknowledged, acknowledged over open", () => {
    const at = new Date();
    expect([warningStatus(null, null), warningStatus(null, at), warningStatus(at, at)]).toEqual(["OPEN", "ACKNOWLEDGED", "CLOSED"]);
  });
});

describe("windows with nobody on duty", () => {
  const absence = {
    warningId: "u-1",
    centerCode: "330110000000",
    windowId: "win-1",
    windowCode: "W01",
    aPostStaffId: "a",
    bPostStaffId: "b",
    from: "2026-03-02T06:00:00.000Z",
    until: null,
    cause: "CLOCK_OUT" as const,
  };

  test("raised from the absence's start; closed when the A or B post holder clocks in again", () => {
    const facts = { published: [], unattended: [absence], ended: [], punches: [{ punchId: "p", centerCode: "330110000000", staffId: "b", kind: "IN" as const, at: "2026-03-02T07:00:00.000Z" }] };
    expect(evaluateWindow(facts, new Date("2026-03-02T05:00:00Z")).causes).toEqual([]);
    expect(evaluateWindow(facts, new Date("2026-03-02T05:00:00Z")).nextAt?.toISOString()).toBe(absence.from);
    expect(evaluateWindow(facts, new Date("2026-03-02T06:30:00Z")).causes[0].closedAt).toBeNull();
    expect(evaluateWindow(facts, new Date("2026-03-02T08:00:00Z")).causes[0].closedAt?.toISOString()).toBe("2026-03-02T07:00:00.000Z");
  });
  test("closed where staffing says it ended early (a leave cancelled, a cover approved); the earliest word counts; never raised when it ends before it starts", () => {
    const leave = { ...absence, until: "2026-03-02T10:00:00.000Z", cause: "LEAVE" as const };
    const ended = (endedAt: string, warningId = "u-1") => ({ warningId, centerCode: "330110000000", windowId: "win-1", endedAt });
    const facts = { published: [], unattended: [leave], ended: [ended("2026-03-02T08:00:00.000Z"), ended("2026-03-02T07:30:00.000Z"), ended("2026-03-02T06:10:00.000Z", "u-other")], punches: [] };
    expect(evaluateWindow(facts, new Date("2026-03-02T07:00:00Z"))).toMatchObject({ causes: [{ closedAt: null }], nextAt: new Date("2026-03-02T07:30:00.000Z") });
    expect(evaluateWindow(facts, new Date("2026-03-02T09:00:00Z")).causes[0].closedAt?.toISOString()).toBe("2026-03-02T07:30:00.000Z");
    // Cancelled before it began: nothing to raise, then or later.
    const before = { ...facts, ended: [ended(leave.from)] };
    expect(evaluateWindow(before, new Date("2026-03-02T05:00:00Z"))).toMatchObject({ causes: [], nextAt: null });
    expect(evaluateWindow(before, new Date("2026-03-02T09:00:00Z")).causes).toEqual([]);
  });
});
