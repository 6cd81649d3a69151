import { preReviewActFor, type AuthorizedAct } from "@onestop/authorization";
import type { CaseStatus, ItemKind } from "@onestop/events";
import { checkTransition, decisionAct, sameReviewerAndApprover, type CaseAction } from "./cases.rules";
import type { CommitmentState } from "./cases.rules";

/**
 * What the workbench offers on a case (`Case.allowedActs`): the acts the signed-in person may
 * take on it now, by the same rules the mutations apply (transition and kind, department,
 * letter, two people for review and approval, the principal's office, the clock). Pure: the
 * caller gathers the facts; a mutation still checks everything again in its transaction, so an
 * act offered here may still be refused by a change in between (a revoked letter, another clerk).
 */
export const caseActs = [
  "ACCEPT",
  "REFUSE",
  "ISSUE_MATERIAL_NOTICE",
  "SUPPLY_MATERIALS",
  "DECIDE_INSTANTLY",
  "REVIEW",
  "FORWARD",
  "RECORD_HIGHER_AUTHORITY_RESULT",
  "DECIDE",
  "SIGN_VETO",
  "DECLINE_VETO",
  "RECORD_COUNTY_MEETING_DECISION",
  "CONCLUDE",
  "DELIVER",
  "REFER",
  "SUSPEND_CLOCK",
  "RESUME_CLOCK",
  "EXTEND_DEADLINE",
  "VERIFY_COMMITMENT",
] as const;
export type CaseAct = (typeof caseActs)[number];

/** The facts about a case and the person that decide which acts are open to them. */
export interface AllowedActsFacts {
  caller: {
    id: string;
    /** Window staff or chief representative (the roles staff acts need). */
    staff: boolean;
    /** The role department_principal and the department's principal as the replica knows it. */
    principal: boolean;
    /** Center administration of the case's center (the county head meeting's decision). */
    centerAdmin: boolean;
    /** The case is of the caller's department, or of one the caller's comprehensive window acts for. */
    inScope: boolean;
    /** The caller owns the case, sits at its window, or is of its department (referral). */
    mayRefer: boolean;
    /** The letter acts the caller's authorization letters allow on the case's item now. */
    letters: ReadonlySet<AuthorizedAct>;
  };
  kind: ItemKind;
  status: CaseStatus;
  vetoEscalation: "NONE" | "DEPARTMENT_HEAD" | "COUNTY_HEAD_MEETING";
  /** The clock is stopped (a suspension is open). */
  onHold: boolean;
  /** The case is past its deadline (an extension can no longer be given). */
  pastDeadline: boolean;
  commitmentState: CommitmentState | null;
  /** Who took the case's latest REVIEW and FORWARD steps. */
  reviewerId: string | null;
  forwarderId: string | null;
  /** Materials a notice or deferral asked for that have not come yet. */
  outstandingMaterials: number;
}

/** The letter act each staff act needs on a case of this kind (as the services ask it). */
export function letterActFor(act: CaseAct, kind: ItemKind): AuthorizedAct | null {
  switch (act) {
    case "ACCEPT":
    case "REFUSE":
    case "ISSUE_MATERIAL_NOTICE":
    case "SUPPLY_MATERIALS":
      return "ACCEPT";
    case "DECIDE_INSTANTLY":
      return "DECIDE_INSTANT";
    case "REVIEW":
    case "CONCLUDE":
    case "SUSPEND_CLOCK":
    case "RESUME_CLOCK":
    case "VERIFY_COMMITMENT":
      return preReviewActFor(kind);
    case "FORWARD":
      return "PRE_REVIEW_REPORTED";
    case "RECORD_HIGHER_AUTHORITY_RESULT":
      return kind === "REPORTED" ? "RECORD_HIGHER_AUTHORITY_RESULT" : preReviewActFor(kind);
    case "DECIDE":
      return kind === "PROMISED" || kind === "JOINT" ? "APPROVE" : preReviewActFor(kind);
    case "DELIVER":
      return "DELIVER";
    case "EXTEND_DEADLINE":
      return "APPROVE_EXTENSION";
    default:
      return null;
  }
}

/** The letter acts worth asking about for a case of this kind (each asked once). */
export function letterActsToAsk(kind: ItemKind): AuthorizedAct[] {
  const acts = new Set<AuthorizedAct>();
  for (const act of caseActs) {
    const letter = letterActFor(act, kind);
    if (letter) acts.add(letter);
  }
  return [...acts];
}

const transitionOk = (action: CaseAction, facts: AllowedActsFacts) => checkTransition(action, facts.kind, facts.status).ok;

/** Whether the state machine lets the act start from the case's status (and kind). */
function transitionAllows(act: CaseAct, facts: AllowedActsFacts): boolean {
  switch (act) {
    case "DECIDE":
      // Approve or deny: either end open counts (a denial on a veto item is a proposal).
      return transitionOk("APPROVE", facts) || transitionOk(decisionAct("DENY", facts.vetoEscalation), facts);
    case "RECORD_HIGHER_AUTHORITY_RESULT":
      return checkTransition("RECORD_HIGHER_AUTHORITY_RESULT", facts.kind, facts.status, "APPROVED").ok;
    case "DECIDE_INSTANTLY":
      return checkTransition("DECIDE_INSTANTLY", facts.kind, facts.status, "CONCLUDED").ok;
    case "RECORD_COUNTY_MEETING_DECISION":
      return transitionOk("UPHOLD_VETO", facts);
    case "VERIFY_COMMITMENT":
      return transitionOk("VERIFY_COMMITMENT", facts);
    default:
      return transitionOk(act, facts);
  }
}

/** The acts open to the caller on the case, in the order of `caseActs`. */
export function allowedActs(facts: AllowedActsFacts): CaseAct[] {
  const { caller } = facts;
  return caseActs.filter((act) => {
    if (!transitionAllows(act, facts)) return false;
    switch (act) {
      case "SIGN_VETO":
      case "DECLINE_VETO":
        return caller.principal;
      case "RECORD_COUNTY_MEETING_DECISION":
        return caller.centerAdmin;
      case "REFER":
        return caller.staff && caller.mayRefer;
      default:
        break;
    }
    if (!caller.staff || !caller.inScope) return false;
    const letter = letterActFor(act, facts.kind);
    if (letter && !caller.letters.has(letter)) return false;
    switch (act) {
      case "SUPPLY_MATERIALS":
        return facts.outstandingMaterials > 0;
      case "REVIEW":
        return !facts.onHold;
      case "DECIDE":
        return !facts.onHold && !sameReviewerAndApprover(facts.kind, facts.reviewerId, caller.id);
      case "RECORD_HIGHER_AUTHORITY_RESULT":
        return facts.forwarderId !== caller.id;
      case "SUSPEND_CLOCK":
        return !facts.onHold;
      case "RESUME_CLOCK":
        return facts.onHold;
      case "EXTEND_DEADLINE":
        return !facts.pastDeadline;
      case "VERIFY_COMMITMENT":
        return facts.commitmentState === "PENDING";
      default:
        return true;
    }
  });
}
