import type { ItemKind } from "@onestop/events";
import { afterFailure, type ThrottleState } from "@onestop/platform";
import {
  checkTransition,
  progressLookupThrottle,
  CLOSED,
  decisionAct,
  documentDateProblem,
  isValidResidentIdNumber,
  publicStage,
  receiptNumber,
  sameIdNumber,
  sameReviewerAndApprover,
  signedVetoLeadsTo,
  staffMayActOn,
  statusesAllowing,
  type CaseAction,
  type CaseStatus,
} from "../../src/cases/cases.rules";
import { submissionDiffers } from "../../src/cases/new-case";

const statuses: CaseStatus[] = [
  "SUBMITTED",
  "MATERIALS_REQUESTED",
  "ACCEPTED",
  "REVIEWED",
  "FORWARDED",
  "VETO_PROPOSED",
  "AWAITING_COUNTY_MEETING",
  "APPROVED",
  "DENIED",
  "CONCLUDED",
  "DELIVERED",
  "REFUSED",
  "WITHDRAWN",
  "RETURNED",
  "REVOKED",
];

const actions: CaseAction[] = [
  "SUBMIT", "ISSUE_MATERIAL_NOTICE", "SUPPLY_MATERIALS", "ACCEPT", "REFUSE", "DECIDE_INSTANTLY", "REVIEW", "FORWARD",
  "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE", "DENY", "PROPOSE_VETO", "SIGN_VETO", "DECLINE_VETO", "UPHOLD_VETO",
  "OVERRULE_VETO", "CONCLUDE", "DEEM_APPROVED", "DELIVER", "WITHDRAW", "WITHDRAW_FOR_JOINT_APPROVAL", "RETURN", "REFER",
  "SUSPEND_CLOCK", "RESUME_CLOCK", "EXTEND_DEADLINE", "VERIFY_COMMITMENT", "REVOKE_FOR_BREACHED_COMMITMENT",
];

/** Walks a case through acts, as the service would, failing on the first refused one. */
function walk(kind: ItemKind, steps: Array<[CaseAction, CaseStatus?]>): CaseStatus {
  let status: CaseStatus = "SUBMITTED";
  for (const [action, to] of steps) {
    const check = checkTransition(action, kind, status, to);
    if (!check.ok) throw new Error(`${action} from ${status}: ${check.message}`);
    status = check.to;
  }
  return status;
}

describe("the lifecycle 申请 → 受理 → 审核 → 批准 → 办结 → 送达", () => {
  test("a promised case runs through all five stages and delivery", () => {
    expect(walk("PROMISED", [["ACCEPT"], ["REVIEW"], ["APPROVE"], ["CONCLUDE"], ["DELIVER"]])).toBe("DELIVERED");
  });

  test("a denial concludes too", () => {
    expect(walk("PROMISED", [["ACCEPT"], ["REVIEW"], ["DENY"], ["CONCLUDE"]])).toBe("CONCLUDED");
  });

  test("an instant case is accepted and decided in one step, and only an instant case", () => {
    expect(walk("INSTANT", [["DECIDE_INSTANTLY", "CONCLUDED"]])).toBe("CONCLUDED");
    expect(checkTransition("ACCEPT", "INSTANT", "SUBMITTED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
    expect(checkTransition("DECIDE_INSTANTLY", "PROMISED", "SUBMITTED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
  });

  test("a reported case is forwarded and its result recorded; staff cannot decide it themselves", () => {
    expect(walk("REPORTED", [["ACCEPT"], ["REVIEW"], ["FORWARD"], ["RECORD_HIGHER_AUTHORITY_RESULT", "APPROVED"], ["CONCLUDE"]])).toBe("CONCLUDED");
    expect(checkTransition("APPROVE", "REPORTED", "REVIEWED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
    expect(checkTransition("FORWARD", "PROMISED", "REVIEWED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
  });

  test("the one-time notice stops at acceptance and returns there once everything is supplied", () => {
    expect(walk("PROMISED", [["ISSUE_MATERIAL_NOTICE"], ["SUPPLY_MATERIALS", "MATERIALS_REQUESTED"], ["SUPPLY_MATERIALS", "SUBMITTED"], ["ACCEPT"]])).toBe("ACCEPTED");
    expect(checkTransition("ACCEPT", "PROMISED", "MATERIALS_REQUESTED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(checkTransition("SUPPLY_MATERIALS", "PROMISED", "ACCEPTED", "SUBMITTED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  test("skipping a stage is refused with where the case is and where it was asked to go", () => {
    expect(checkTransition("APPROVE", "PROMISED", "ACCEPTED")).toEqual({
      ok: false,
      code: "INVALID_TRANSITION",
      from: "ACCEPTED",
      to: "APPROVED",
      message: expect.any(String),
    });
    expect(checkTransition("CONCLUDE", "PROMISED", "REVIEWED")).toMatchObject({ ok: false, from: "REVIEWED", to: "CONCLUDED" });
    expect(checkTransition("DELIVER", "PROMISED", "APPROVED")).toMatchObject({ ok: false, from: "APPROVED", to: "DELIVERED" });
    expect(checkTransition("REVIEW", "PROMISED", "SUBMITTED")).toMatchObject({ ok: false, from: "SUBMITTED", to: "REVIEWED" });
  });

  test("repeating an act that already happened is an invalid transition", () => {
    expect(checkTransition("ACCEPT", "PROMISED", "ACCEPTED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(checkTransition("CONCLUDE", "PROMISED", "CONCLUDED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  test("refusal is only possible before acceptance, withdrawal only before the decision", () => {
    expect(checkTransition("REFUSE", "PROMISED", "SUBMITTED").ok).toBe(true);
    expect(checkTransition("REFUSE", "PROMISED", "MATERIALS_REQUESTED").ok).toBe(true);
    expect(checkTransition("REFUSE", "PROMISED", "ACCEPTED").ok).toBe(false);
    expect(checkTransition("WITHDRAW", "PROMISED", "REVIEWED").ok).toBe(true);
    expect(checkTransition("WITHDRAW", "PROMISED", "APPROVED").ok).toBe(false);
    expect(checkTransition("WITHDRAW", "PROMISED", "AWAITING_COUNTY_MEETING").ok).toBe(false);
  });

  test("the joint approval may withdraw its case until it concludes, and nobody else's", () => {
    expect(checkTransition("WITHDRAW_FOR_JOINT_APPROVAL", "JOINT", "APPROVED").ok).toBe(true);
    expect(checkTransition("WITHDRAW_FOR_JOINT_APPROVAL", "JOINT", "CONCLUDED").ok).toBe(false);
    expect(checkTransition("WITHDRAW_FOR_JOINT_APPROVAL", "PROMISED", "ACCEPTED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
  });

  test("deemed approval applies to undecided promised and joint cases only", () => {
    expect(checkTransition("DEEM_APPROVED", "PROMISED", "REVIEWED", "CONCLUDED").ok).toBe(true);
    expect(checkTransition("DEEM_APPROVED", "PROMISED", "ACCEPTED", "APPROVED").ok).toBe(true);
    expect(checkTransition("DEEM_APPROVED", "PROMISED", "APPROVED", "CONCLUDED").ok).toBe(false);
    expect(checkTransition("DEEM_APPROVED", "REPORTED", "FORWARDED", "CONCLUDED")).toMatchObject({ ok: false, code: "WRONG_KIND" });
  });

  test("commitment verification comes after conclusion; a breach revokes the approval", () => {
    expect(checkTransition("VERIFY_COMMITMENT", "PROMISED", "DELIVERED").ok).toBe(true);
    expect(checkTransition("REVOKE_FOR_BREACHED_COMMITMENT", "PROMISED", "CONCLUDED").ok).toBe(true);
    expect(checkTransition("REVOKE_FOR_BREACHED_COMMITMENT", "PROMISED", "APPROVED").ok).toBe(false);
  });

  test("every act, from every status: allowed exactly from the statuses it lists", () => {
    const kindFor = (action: CaseAction): ItemKind =>
      action === "DECIDE_INSTANTLY" ? "INSTANT" : action === "FORWARD" || action === "RECORD_HIGHER_AUTHORITY_RESULT" ? "REPORTED" : action === "WITHDRAW_FOR_JOINT_APPROVAL" ? "JOINT" : "PROMISED";
    for (const action of actions) {
      for (const from of statuses) {
        const allowed = statusesAllowing(action).includes(from);
        const check = checkTransition(action, kindFor(action), from);
        expect({ action, from, ok: check.ok }).toEqual({ action, from, ok: allowed });
        if (!check.ok && check.code === "INVALID_TRANSITION") expect(check.from).toBe(from);
      }
    }
  });

  test("nothing leaves a closed case but delivery and the commitment's verification", () => {
    const allowedFromClosed = new Set(["DELIVER:CONCLUDED", "VERIFY_COMMITMENT:CONCLUDED", "VERIFY_COMMITMENT:DELIVERED", "REVOKE_FOR_BREACHED_COMMITMENT:CONCLUDED", "REVOKE_FOR_BREACHED_COMMITMENT:DELIVERED"]);
    for (const action of actions) {
      for (const closed of CLOSED) {
        expect({ pair: `${action}:${closed}`, allowed: statusesAllowing(action).includes(closed) }).toEqual({ pair: `${action}:${closed}`, allowed: allowedFromClosed.has(`${action}:${closed}`) });
      }
    }
  });
});

describe("vetoes (否决) on investment items", () => {
  test("a denial is only a proposal where the veto needs escalation, whoever holds the approval power", () => {
    expect(decisionAct("DENY", "NONE")).toBe("DENY");
    expect(decisionAct("DENY", "DEPARTMENT_HEAD")).toBe("PROPOSE_VETO");
    expect(decisionAct("DENY", "COUNTY_HEAD_MEETING")).toBe("PROPOSE_VETO");
    expect(decisionAct("APPROVE", "COUNTY_HEAD_MEETING")).toBe("APPROVE");
  });

  test("a signed veto stands, or waits for the county head meeting", () => {
    expect(signedVetoLeadsTo("DEPARTMENT_HEAD")).toBe("DENIED");
    expect(signedVetoLeadsTo("COUNTY_HEAD_MEETING")).toBe("AWAITING_COUNTY_MEETING");
    expect(walk("PROMISED", [["ACCEPT"], ["REVIEW"], ["PROPOSE_VETO"], ["SIGN_VETO", "AWAITING_COUNTY_MEETING"], ["UPHOLD_VETO"]])).toBe("CONCLUDED");
    expect(walk("PROMISED", [["ACCEPT"], ["REVIEW"], ["PROPOSE_VETO"], ["SIGN_VETO", "AWAITING_COUNTY_MEETING"], ["OVERRULE_VETO"]])).toBe("ACCEPTED");
    expect(walk("PROMISED", [["ACCEPT"], ["REVIEW"], ["PROPOSE_VETO"], ["DECLINE_VETO"], ["REVIEW"], ["APPROVE"]])).toBe("APPROVED");
  });

  test("a proposal cannot be concluded before it is signed", () => {
    expect(checkTransition("CONCLUDE", "PROMISED", "VETO_PROPOSED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(checkTransition("CONCLUDE", "PROMISED", "AWAITING_COUNTY_MEETING")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});

test("staff act on their own department's cases, or those their comprehensive window accepts for, in their center", () => {
  const found = { centerCode: "330110000000", departmentId: "d1" };
  expect(staffMayActOn({ centerCode: "330110000000", departmentId: "d1", windowActsFor: [] }, found)).toBe(true);
  expect(staffMayActOn({ centerCode: "330110000000", departmentId: "d2", windowActsFor: [] }, found)).toBe(false);
  expect(staffMayActOn({ centerCode: "330110000000", departmentId: null, windowActsFor: ["d1"] }, found)).toBe(true);
  expect(staffMayActOn({ centerCode: "330111000000", departmentId: "d1", windowActsFor: [] }, found)).toBe(false);
});

test("the receipt number carries the Shanghai date, not the UTC one", () => {
  expect(receiptNumber(new Date("2026-12-31T16:30:00Z"), "42")).toBe("SL27010100000042");
  expect(receiptNumber(new Date("2026-12-31T15:59:59Z"), "123456789")).toBe("SL26123123456789");
});

test.each([
  ["11010519491231002X", true],
  ["110105194912310021", false],
  ["11010519491231002", false],
  ["1101051949123100XX", false],
  ["440524188001010014", true],
])("resident ID %s valid: %s", (idNumber, valid) => {
  expect(isValidResidentIdNumber(idNumber)).toBe(valid);
});

test("the public lookup matches the ID number whatever the case of the X, and nothing shorter", () => {
  expect(sameIdNumber("11010519491231002X", "11010519491231002x")).toBe(true);
  expect(sameIdNumber("11010519491231002X", "11010519491231002")).toBe(false);
  expect(sameIdNumber("11010519491231002X", "440524188001010014")).toBe(false);
});

test("the public sees an undisclosed veto as 'under approval'", () => {
  expect(publicStage("VETO_PROPOSED")).toBe("UNDER_APPROVAL");
  expect(publicStage("AWAITING_COUNTY_MEETING")).toBe("UNDER_APPROVAL");
  expect(publicStage("MATERIALS_REQUESTED")).toBe("MATERIALS_REQUESTED");
  expect(publicStage("REFUSED")).toBe("CLOSED");
});

describe("two people and the higher authority's document (issue 14)", () => {
  test("review and approval of a promised or joint case are two people's; instant cases are exempt", () => {
    expect(sameReviewerAndApprover("PROMISED", "s1", "s1")).toBe(true);
    expect(sameReviewerAndApprover("JOINT", "s1", "s1")).toBe(true);
    expect(sameReviewerAndApprover("PROMISED", "s1", "s2")).toBe(false);
    expect(sameReviewerAndApprover("PROMISED", null, "s2")).toBe(false);
    expect(sameReviewerAndApprover("INSTANT", "s1", "s1")).toBe(false);
  });

  test("the document's date is not in the future and not before the forwarding day", () => {
    expect(documentDateProblem("2026-03-05", "2026-03-02", "2026-03-06")).toBeNull();
    expect(documentDateProblem("2026-03-02", "2026-03-02", "2026-03-02")).toBeNull();
    expect(documentDateProblem("2026-03-07", "2026-03-02", "2026-03-06")).toMatch(/^documentDate: .* in the future/);
    expect(documentDateProblem("2026-03-01", "2026-03-02", "2026-03-06")).toMatch(/^documentDate: .* before the case was forwarded/);
  });
});

describe("the progress look-up's guard (issue 15, point 1)", () => {
  const policy = { maxFailures: 5, lockMinutes: 15, clientMaxFailures: 20 };

  test("a failure counts against the receipt number as the look-up reads it, and against the client when the gateway named one", () => {
    const entries = progressLookupThrottle(" sl2026000123 ", "10.0.0.7", policy);
    expect(entries.map((entry) => entry.key)).toEqual(["progress-receipt:SL2026000123", "progress-client:10.0.0.7"]);
    expect(entries.map((entry) => entry.policy)).toEqual([
      { maxFailures: 5, lockSeconds: 900, maxLockSeconds: 900, windowSeconds: 900 },
      { maxFailures: 20, lockSeconds: 900, maxLockSeconds: 900, windowSeconds: 900 },
    ]);
    expect(progressLookupThrottle("SL2026000123", null, policy).map((entry) => entry.key)).toEqual(["progress-receipt:SL2026000123"]);
  });

  test("five failures lock the receipt for fifteen minutes, every time", () => {
    const [receipt] = progressLookupThrottle("SL2026000123", null, policy);
    let now = new Date("2026-03-02T02:00:00Z");
    let state: ThrottleState | null = null;
    for (let lock = 0; lock < 3; lock += 1) {
      for (let i = 0; i < 5; i += 1) state = afterFailure(state, receipt!.policy, now);
      expect(state!.lockedUntil!.getTime() - now.getTime()).toBe(15 * 60_000);
      now = state!.lockedUntil!;
    }
  });
});

describe("a submission under an earlier one's idempotency key (issue 15 point 4)", () => {
  const earlier = { itemId: "item-1", applicantName: "张三", applicantIdNumber: "11010519491231002X", quantity: 1, onCommitment: false };

  test("is a retry when it asks for the same thing", () => {
    expect(submissionDiffers(earlier, { ...earlier })).toBeNull();
  });

  test("names the first field that differs otherwise", () => {
    expect(submissionDiffers(earlier, { ...earlier, itemId: "item-2" })).toBe("itemId");
    expect(submissionDiffers(earlier, { ...earlier, applicantName: "李四" })).toBe("applicantName");
    expect(submissionDiffers(earlier, { ...earlier, applicantIdNumber: "110105194912310021" })).toBe("applicantIdNumber");
    expect(submissionDiffers(earlier, { ...earlier, quantity: 2 })).toBe("quantity");
    expect(submissionDiffers(earlier, { ...earlier, onCommitment: true })).toBe("onCommitment");
  });
});

describe("代办: who may act on a county case from a township or a village point (agentMayActOn)", () => {
  const { agentMayActOn } = jest.requireActual<typeof import("../../src/cases/cases.rules")>("../../src/cases/cases.rules");
  const county = "511722000000";
  const township = "511722101000";
  const village = "511722101201";
  const neighbour = "511722102000";
  const taken = { centerCode: county, agentCenterCode: township };

  test("the serving township takes in, accepts and hands over; never reviews or decides", () => {
    expect(agentMayActOn(township, "ACCEPT", taken)).toEqual({ ok: true });
    expect(agentMayActOn(township, "DELIVER", taken)).toEqual({ ok: true });
    expect(agentMayActOn(township, "PRE_REVIEW_PROMISED", taken)).toEqual({ ok: false, reason: "AGENT_MAY_NOT" });
    expect(agentMayActOn(township, "APPROVE", taken)).toEqual({ ok: false, reason: "AGENT_MAY_NOT" });
  });

  test("its village point hands over and hands in, never accepts", () => {
    expect(agentMayActOn(village, "DELIVER", taken)).toEqual({ ok: true });
    expect(agentMayActOn(village, "TAKE_IN", taken)).toEqual({ ok: true });
    expect(agentMayActOn(village, "ACCEPT", taken)).toEqual({ ok: false, reason: "AGENT_MAY_NOT" });
  });

  test("nobody accepts in two places: not a neighbour, not a township for a case applied for at the county", () => {
    expect(agentMayActOn(neighbour, "ACCEPT", taken)).toEqual({ ok: false, reason: "NOT_THIS_AGENTS_CASE" });
    expect(agentMayActOn(township, "ACCEPT", { centerCode: county, agentCenterCode: null })).toEqual({ ok: false, reason: "NOT_THIS_AGENTS_CASE" });
    expect(agentMayActOn("330110000000", "ACCEPT", taken)).toEqual({ ok: false, reason: "OTHER_CENTER" });
  });
});

describe("代办: which cases a center lists as taken in as agent (agencyCasesScope)", () => {
  const { agencyCasesScope } = jest.requireActual<typeof import("../../src/cases/cases.rules")>("../../src/cases/cases.rules");

  test("a township lists every case it serves, its village points' included; a village point only its own take-ins", () => {
    expect(agencyCasesScope("511722101000")).toEqual({ agentCenterCode: "511722101000", intakeCenterCode: null });
    expect(agencyCasesScope("511722101201")).toEqual({ agentCenterCode: "511722101000", intakeCenterCode: "511722101201" });
  });

  test("a county, a malformed code or no center takes in nothing as agent", () => {
    expect(agencyCasesScope("511722000000")).toBeNull();
    expect(agencyCasesScope("5117")).toBeNull();
    expect(agencyCasesScope(null)).toBeNull();
  });
});

describe("what a workbench queue holds by default (queueStatuses)", () => {
  const { queueStatuses } = jest.requireActual<typeof import("../../src/cases/cases.rules")>("../../src/cases/cases.rules");

  test("a center's own queue: the open cases, nothing concluded or ended", () => {
    const own = queueStatuses(false);
    expect(own).toEqual(expect.arrayContaining(["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "APPROVED", "DENIED", "AWAITING_COUNTY_MEETING"]));
    for (const ended of ["CONCLUDED", "DELIVERED", "REFUSED", "WITHDRAWN", "RETURNED", "REVOKED"]) expect(own).not.toContain(ended);
  });

  test("an agent's queue (代办): the open cases and those concluded, whose result the agent hands over", () => {
    expect(queueStatuses(true)).toEqual([...queueStatuses(false), "CONCLUDED"]);
    expect(queueStatuses(true)).not.toContain("DELIVERED");
  });
});
