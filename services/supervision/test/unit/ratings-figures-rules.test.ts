import { WorkingCalendar } from "@onestop/calendar";
import { evaluateRating, followUpDue, isBad, levelOf, scoreOf, type RatingSubmitted } from "../../src/ratings/rating.rules";
import { csv, csvField, figuresOf, monthPeriod, noCounts, periodInstants, quarterPeriod, rank, ratingSummary, redFlagObstacles, scoreOf as figureScore, type Counts, type RedFlagRule } from "../../src/figures/figures.rules";

const calendar = WorkingCalendar.shipped();

describe("好差评: levels and bad ratings", () => {
  test("five levels, 5 very satisfied to 1 very dissatisfied; the bottom two are bad", () => {
    expect(["VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED"].map((l) => scoreOf(l as never))).toEqual([5, 4, 3, 2, 1]);
    expect([5, 4, 3, 2, 1].map(isBad)).toEqual([false, false, false, true, true]);
    expect(levelOf(2)).toBe("DISSATISFIED");
    expect(() => levelOf(6)).toThrow();
  });

  test("the follow-up is due at 24:00 Beijing of the n-th working day after the rating's day, on the county calendar", () => {
    // Friday 10:00 Beijing, 3 working days: Monday, Tuesday, Wednesday.
    expect(followUpDue(calendar, 1, new Date("2026-03-06T02:00:00Z"), 3)?.toISOString()).toBe("2026-03-11T16:00:00.000Z");
    // Friday 23:30 Beijing is still Friday (15:30 UTC).
    expect(followUpDue(calendar, 2, new Date("2026-03-06T15:30:00Z"), 3)?.toISOString()).toBe("2026-03-11T16:00:00.000Z");
    // Across the National Day holiday: the day after 30 September that counts is 8 October.
    expect(followUpDue(calendar, 2, new Date("2026-09-30T02:00:00Z"), 1)?.toISOString()).toBe("2026-10-08T16:00:00.000Z");
    expect(followUpDue(calendar, 3, new Date("2026-03-06T02:00:00Z"), 3)).toBeNull();
  });
});

describe("差评未整改: the warning of an unanswered bad rating", () => {
  const submitted: RatingSubmitted = {
    ratingId: "r-1", caseId: "case-1", receiptNo: "R1", centerCode: "330110000000", departmentId: "dept-1", windowId: "win-1", handlerId: "staff-1",
    score: 1, channel: "APPLICANT", ratedAt: "2026-03-06T02:00:00.000Z", followUpDue: "2026-03-11T16:00:00.000Z",
  };
  const before = new Date("2026-03-11T15:59:59Z");
  const after = new Date("2026-03-12T01:00:00Z");
  const answered = (at: string) => ({ ...submitted, answer: "CALLBACK" as const, answeredAt: at });

  test("none before the deadline; the next look is at the deadline", () => {
    expect(evaluateRating({ submitted, answered: null, decided: null }, before)).toEqual({ causes: [], nextAt: new Date("2026-03-11T16:00:00Z") });
  });

  test("RED at the deadline when unanswered, closed by a late answer, never raised after an answer in time", () => {
    const open = evaluateRating({ submitted, answered: null, decided: null }, after);
    expect(open.causes).toHaveLength(1);
    expect(open.causes[0]).toMatchObject({ kind: "BAD_RATING_UNANSWERED", level: "RED", raisedAt: new Date("2026-03-11T16:00:00Z"), closedAt: null, departmentId: "dept-1" });
    const late = evaluateRating({ submitted, answered: answered("2026-03-12T03:00:00.000Z"), decided: null }, after);
    expect(late.causes[0]).toMatchObject({ id: open.causes[0].id, closedAt: new Date("2026-03-12T03:00:00Z") });
    expect(evaluateRating({ submitted, answered: answered("2026-03-10T03:00:00.000Z"), decided: null }, after).causes).toEqual([]);
  });

  test("an appeal upheld voids the rating: no warning; rejected: the warning stands", () => {
    const decided = (decision: "UPHELD" | "REJECTED") => ({ ...submitted, decision, decidedAt: "2026-03-12T02:00:00.000Z" });
    expect(evaluateRating({ submitted, answered: null, decided: decided("UPHELD") }, after).causes).toEqual([]);
    expect(evaluateRating({ submitted, answered: null, decided: decided("REJECTED") }, after).causes).toHaveLength(1);
  });

  test("a rating that is not bad has no follow-up and never warns", () => {
    expect(evaluateRating({ submitted: { ...submitted, score: 4, followUpDue: null }, answered: null, decided: null }, after)).toEqual({ causes: [], nextAt: null });
  });
});

const counts = (c: Partial<Counts>): Counts => ({ ...noCounts, ...c });

describe("figures: rates", () => {
  test("rates from the counts, null where nothing was counted", () => {
    const f = figuresOf(
      counts({ accepted: 10, acceptedInstant: 8, concluded: 9, timed: 8, onTime: 6, promisedConcluded: 4, early: 3, workingDaysUsed: 10, promisedDays: 20, notified: 2, ratings: 4, ratingSum: 14 }),
      3,
    );
    expect(f).toMatchObject({ onTimeRate: 0.75, earlyCompletionRate: 0.75, averageWorkingDaysUsed: 2.5, averagePromisedDays: 5, oneTimeNoticeRate: 0.2, instantShare: 0.8, averageRating: 3.5, satisfaction: 0.75 });
    expect(figuresOf(noCounts)).toMatchObject({ onTimeRate: null, earlyCompletionRate: null, instantShare: null, averageRating: null, satisfaction: null });
  });

  test("the score weighs on time 50, early 20, satisfaction 20, few notices 10, scaled over the parts with data", () => {
    expect(figureScore(figuresOf(counts({ accepted: 10, timed: 10, onTime: 10, promisedConcluded: 10, early: 10, ratings: 2, ratingSum: 10 }), 2))).toBe(100);
    // Only on time known, at 80%: 80, not 40.
    expect(figureScore(figuresOf(counts({ timed: 10, onTime: 8 })))).toBe(80);
    expect(figureScore(figuresOf(noCounts))).toBeNull();
  });
});

describe("rankings and the red-flag window rule", () => {
  const rule: RedFlagRule = { minConcluded: 5, minOnTimeRate: 0.9, minSatisfaction: 0.8, maxRedWarnings: 0, flags: 2 };
  const win = (key: string, c: Partial<Counts>, good = 0, unansweredBad = 0) => ({ key, figures: figuresOf(counts(c), good), unansweredBad });
  const perfect = { concluded: 10, timed: 10, onTime: 10 };

  test("each obstacle to the flag is named", () => {
    expect(redFlagObstacles(figuresOf(counts(perfect)), 0, rule)).toEqual([]);
    expect(redFlagObstacles(figuresOf(counts({ concluded: 3, timed: 3, onTime: 2, redWarnings: 1, ratings: 2 }), 0), 1, rule)).toEqual([
      "fewer than 5 concluded",
      "on-time rate below 0.9",
      "satisfaction below 0.8",
      "more than 0 red warnings",
      "a bad rating unanswered",
    ]);
  });

  test("ranked by score, then volume, then key; the best eligible `flags` windows carry the flag; nothing concluded is unranked", () => {
    const rows = rank(
      [
        win("w-idle", {}),
        win("w-b", perfect),
        win("w-a", { ...perfect, concluded: 12 }),
        win("w-red", { ...perfect, redWarnings: 1 }),
        win("w-c", perfect, 0, 1),
        win("w-d", { concluded: 10, timed: 10, onTime: 9 }),
      ],
      rule,
    );
    expect(rows.map((r) => [r.key, r.rank, r.redFlag])).toEqual([
      ["w-a", 1, true],
      ["w-b", 2, true],
      ["w-c", 3, false],
      ["w-red", 4, false],
      ["w-d", 5, false],
      ["w-idle", null, false],
    ]);
  });

  test("departments are ranked, never flagged", () => {
    expect(rank([win("d-1", perfect)], null)[0]).toMatchObject({ rank: 1, redFlag: false });
  });
});

describe("periods and CSV", () => {
  test("a month's report is due on the 3rd of the next month; a quarter covers three months", () => {
    expect(monthPeriod("2026-03")).toEqual({ from: "2026-03-01", to: "2026-03-31", dueOn: "2026-04-03" });
    expect(monthPeriod("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31", dueOn: "2027-01-03" });
    expect(quarterPeriod(2026, 1)).toEqual({ from: "2026-01-01", to: "2026-03-31", dueOn: "2026-04-03" });
    expect(() => monthPeriod("2026-13")).toThrow();
  });

  test("a period of Beijing days starts at 00:00 Beijing of its first day and ends at 24:00 of its last", () => {
    expect(periodInstants({ from: "2026-03-01", to: "2026-03-31" } as never)).toEqual({ start: new Date("2026-02-28T16:00:00Z"), end: new Date("2026-03-31T16:00:00Z") });
  });

  test("UTF-8 with a byte-order mark, CRLF, quoted where needed, formulas defused", () => {
    const text = csv([["部门", "a,b"], ['say "hi"', null, 0.95], ["=SUM(A1)"]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('部门,"a,b"\r\n"say ""hi""",,0.95\r\n\'=SUM(A1)\r\n');
    expect(csvField(-1)).toBe("-1");
  });
});

describe("the public's rating summary", () => {
  test("every level counted, the best first; satisfaction is the top two's share; nothing rated is null, not 0", () => {
    expect(ratingSummary([1, 0, 1, 3, 5])).toEqual({
      ratings: 10,
      byLevel: [
        { level: "VERY_SATISFIED", count: 5 },
        { level: "SATISFIED", count: 3 },
        { level: "BASIC", count: 1 },
        { level: "DISSATISFIED", count: 0 },
        { level: "VERY_DISSATISFIED", count: 1 },
      ],
      satisfaction: 0.8,
      averageRating: 4.1,
    });
    expect(ratingSummary([0, 0, 0, 0, 0])).toMatchObject({ ratings: 0, satisfaction: null, averageRating: null });
  });
});
