import type { AuthorizedAct } from "@onestop/authorization";
import { allowedActs, type AllowedActsFacts } from "../../src/cases/allowed-acts.rules";

const CLERK_LETTER: AuthorizedAct[] = ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"];
const CHIEF_LETTER: AuthorizedAct[] = ["ACCEPT", "PRE_REVIEW_PROMISED", "APPROVE", "APPROVE_EXTENSION", "DELIVER"];

function facts(overrides: Partial<AllowedActsFacts> = {}, caller: Partial<AllowedActsFacts["caller"]> = {}): AllowedActsFacts {
  return {
    caller: { id: "clerk", staff: true, principal: false, centerAdmin: false, inScope: true, mayRefer: true, letters: new Set(CLERK_LETTER), ...caller },
    kind: "PROMISED",
    status: "SUBMITTED",
    vetoEscalation: "NONE",
    onHold: false,
    pastDeadline: false,
    commitmentState: null,
    reviewerId: null,
    forwarderId: null,
    outstandingMaterials: 0,
    ...overrides,
  };
}

describe("the acts the workbench offers (Case.allowedActs)", () => {
  test("a submitted case: accept, refuse, one-time notice and referral, for a clerk whose letter allows acceptance", () => {
    expect(allowedActs(facts())).toEqual(["ACCEPT", "REFUSE", "ISSUE_MATERIAL_NOTICE", "REFER"]);
  });

  test("without the letter act, nothing but referral; out of the department's scope, nothing", () => {
    expect(allowedActs(facts({}, { letters: new Set() }))).toEqual(["REFER"]);
    expect(allowedActs(facts({}, { inScope: false, mayRefer: false }))).toEqual([]);
  });

  test("an instant case is decided on the spot, never accepted on its own", () => {
    expect(allowedActs(facts({ kind: "INSTANT" }, { letters: new Set<AuthorizedAct>(["ACCEPT", "DECIDE_INSTANT"]) }))).toEqual(["REFUSE", "ISSUE_MATERIAL_NOTICE", "DECIDE_INSTANTLY", "REFER"]);
  });

  test("review and approval are two people's: the reviewer is not offered the decision, another holder of APPROVE is", () => {
    const reviewed = { status: "REVIEWED" as const, reviewerId: "chief" };
    expect(allowedActs(facts(reviewed, { id: "chief", letters: new Set(CHIEF_LETTER) }))).not.toContain("DECIDE");
    expect(allowedActs(facts({ ...reviewed, reviewerId: "clerk" }, { id: "chief", letters: new Set(CHIEF_LETTER) }))).toContain("DECIDE");
    expect(allowedActs(facts({ ...reviewed, reviewerId: "clerk2" }))).not.toContain("DECIDE");
  });

  test("a stopped clock offers resumption, not review, decision or a second suspension", () => {
    const acts = allowedActs(facts({ status: "ACCEPTED", onHold: true }));
    expect(acts).toContain("RESUME_CLOCK");
    expect(acts).not.toContain("REVIEW");
    expect(acts).not.toContain("SUSPEND_CLOCK");
    expect(allowedActs(facts({ status: "ACCEPTED" }))).toEqual(expect.arrayContaining(["REVIEW", "SUSPEND_CLOCK"]));
  });

  test("a proposed veto is the principal's to sign or decline, by office, not by a letter", () => {
    expect(allowedActs(facts({ status: "VETO_PROPOSED", vetoEscalation: "DEPARTMENT_HEAD" }, { letters: new Set(CHIEF_LETTER) }))).not.toContain("SIGN_VETO");
    expect(allowedActs(facts({ status: "VETO_PROPOSED", vetoEscalation: "DEPARTMENT_HEAD" }, { staff: false, principal: true, letters: new Set() }))).toEqual(["SIGN_VETO", "DECLINE_VETO"]);
  });

  test("extension needs its letter act and a deadline not yet passed; delivery follows conclusion", () => {
    expect(allowedActs(facts({ status: "ACCEPTED" }, { letters: new Set(CHIEF_LETTER) }))).toContain("EXTEND_DEADLINE");
    expect(allowedActs(facts({ status: "ACCEPTED", pastDeadline: true }, { letters: new Set(CHIEF_LETTER) }))).not.toContain("EXTEND_DEADLINE");
    expect(allowedActs(facts({ status: "APPROVED" }))).toEqual(["CONCLUDE"]);
    expect(allowedActs(facts({ status: "CONCLUDED" }))).toEqual(["DELIVER"]);
  });

  test("a reported case is forwarded; its answer is recorded by someone other than the forwarder", () => {
    const letters = new Set<AuthorizedAct>(["PRE_REVIEW_REPORTED", "RECORD_HIGHER_AUTHORITY_RESULT"]);
    expect(allowedActs(facts({ kind: "REPORTED", status: "REVIEWED" }, { letters }))).toContain("FORWARD");
    expect(allowedActs(facts({ kind: "REPORTED", status: "FORWARDED", forwarderId: "clerk" }, { letters }))).not.toContain("RECORD_HIGHER_AUTHORITY_RESULT");
    expect(allowedActs(facts({ kind: "REPORTED", status: "FORWARDED", forwarderId: "other" }, { letters }))).toContain("RECORD_HIGHER_AUTHORITY_RESULT");
  });
});
