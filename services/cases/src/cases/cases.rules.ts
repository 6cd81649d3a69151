import { centerLevelOf, centerScope, parentCodeOf, servesAsAgent, type CenterAct } from "@onestop/authorization";
import { casesEvents, type CaseStatus, type ItemKind, type VetoEscalation } from "@onestop/events";
import type { ThrottleEntry } from "@onestop/platform";
import { CaseErrorCode } from "../errors";

/**
 * The case (办件) lifecycle as pure rules: which act may move a case from which status to
 * which, who may perform it, and the small rules around it (receipt numbers, resident ID
 * numbers, what the public progress lookup shows). No I/O here.
 *
 *   apply 申请 → accept 受理 → review 审核 → approve 批准 → conclude 办结 → deliver 送达
 */

export type { CaseOutcome, CaseStatus } from "@onestop/events";

/** A staff member's decision on a case, and the higher authority's result as recorded. */
export const decisions = ["APPROVE", "DENY"] as const;
export type Decision = (typeof decisions)[number];

/** 告知承诺: a commitment waits for verification after approval, then is verified or found breached. */
export const commitmentStates = ["PENDING", "VERIFIED", "BREACHED"] as const;
export type CommitmentState = (typeof commitmentStates)[number];

export type CaseAction =
  | "SUBMIT"
  | "ISSUE_MATERIAL_NOTICE"
  | "SUPPLY_MATERIALS"
  | "ACCEPT"
  | "REFUSE"
  | "DECIDE_INSTANTLY"
  | "REVIEW"
  | "FORWARD"
  | "RECORD_HIGHER_AUTHORITY_RESULT"
  | "APPROVE"
  | "DENY"
  | "PROPOSE_VETO"
  | "SIGN_VETO"
  | "DECLINE_VETO"
  | "UPHOLD_VETO"
  | "OVERRULE_VETO"
  | "CONCLUDE"
  | "DEEM_APPROVED"
  | "DELIVER"
  | "WITHDRAW"
  | "WITHDRAW_FOR_JOINT_APPROVAL"
  | "RETURN"
  | "REFER"
  | "SUSPEND_CLOCK"
  | "RESUME_CLOCK"
  | "EXTEND_DEADLINE"
  | "VERIFY_COMMITMENT"
  | "REVOKE_FOR_BREACHED_COMMITMENT";

/** Still undecided: the department has not given its decision. */
export const UNDECIDED: readonly CaseStatus[] = ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED"];
/** Nothing more happens to these (but commitment verification on a delivered case). */
export const CLOSED: readonly CaseStatus[] = ["CONCLUDED", "DELIVERED", "REFUSED", "WITHDRAWN", "RETURNED", "REVOKED"];
/** Accepted and running on the case's clock until it concludes. */
const ON_THE_CLOCK: readonly CaseStatus[] = ["ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING", "APPROVED", "DENIED"];

export const isClosed = (status: CaseStatus) => CLOSED.includes(status);
export const isOnTheClock = (status: CaseStatus) => ON_THE_CLOCK.includes(status);

/**
 * Where each act may start, and where it leads. Acts with several possible ends list them;
 * the service picks one with the rules below (`decisionStep`, `vetoSignedTo`, ...). An act
 * whose end is its start records a step on the routing slip without moving the case.
 */
const transitions: Record<CaseAction, { from: readonly CaseStatus[]; to: readonly CaseStatus[] | "same"; alsoTo?: Partial<Record<CaseStatus, readonly CaseStatus[]>> }> = {
  SUBMIT: { from: [], to: ["SUBMITTED"] },
  ISSUE_MATERIAL_NOTICE: { from: ["SUBMITTED"], to: ["MATERIALS_REQUESTED"] },
  SUPPLY_MATERIALS: {
    from: ["MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING"],
    to: "same",
    // The last material the one-time notice asked for returns the case to acceptance.
    alsoTo: { MATERIALS_REQUESTED: ["SUBMITTED"] },
  },
  ACCEPT: { from: ["SUBMITTED"], to: ["ACCEPTED"] },
  REFUSE: { from: ["SUBMITTED", "MATERIALS_REQUESTED"], to: ["REFUSED"] },
  DECIDE_INSTANTLY: { from: ["SUBMITTED"], to: ["CONCLUDED", "APPROVED"] },
  REVIEW: { from: ["ACCEPTED"], to: ["REVIEWED"] },
  FORWARD: { from: ["REVIEWED"], to: ["FORWARDED"] },
  RECORD_HIGHER_AUTHORITY_RESULT: { from: ["FORWARDED"], to: ["APPROVED", "DENIED"] },
  APPROVE: { from: ["REVIEWED"], to: ["APPROVED"] },
  DENY: { from: ["REVIEWED"], to: ["DENIED"] },
  PROPOSE_VETO: { from: ["REVIEWED"], to: ["VETO_PROPOSED"] },
  SIGN_VETO: { from: ["VETO_PROPOSED"], to: ["DENIED", "AWAITING_COUNTY_MEETING"] },
  DECLINE_VETO: { from: ["VETO_PROPOSED"], to: ["ACCEPTED"] },
  UPHOLD_VETO: { from: ["AWAITING_COUNTY_MEETING"], to: ["CONCLUDED"] },
  OVERRULE_VETO: { from: ["AWAITING_COUNTY_MEETING"], to: ["ACCEPTED"] },
  CONCLUDE: { from: ["APPROVED", "DENIED"], to: ["CONCLUDED"] },
  DEEM_APPROVED: { from: ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "VETO_PROPOSED"], to: ["CONCLUDED", "APPROVED"] },
  DELIVER: { from: ["CONCLUDED"], to: ["DELIVERED"] },
  WITHDRAW: { from: ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED"], to: ["WITHDRAWN"] },
  WITHDRAW_FOR_JOINT_APPROVAL: {
    from: ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING", "APPROVED", "DENIED"],
    to: ["WITHDRAWN"],
  },
  RETURN: { from: ["ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING"], to: ["RETURNED"] },
  REFER: { from: ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED"], to: "same" },
  SUSPEND_CLOCK: { from: ["ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING"], to: "same" },
  RESUME_CLOCK: { from: ["ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING"], to: "same" },
  EXTEND_DEADLINE: { from: ["ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING", "APPROVED", "DENIED"], to: "same" },
  VERIFY_COMMITMENT: { from: ["CONCLUDED", "DELIVERED"], to: "same" },
  REVOKE_FOR_BREACHED_COMMITMENT: { from: ["CONCLUDED", "DELIVERED"], to: ["REVOKED"] },
};

/** Which kinds of case an act applies to; unlisted acts apply to every kind. */
const kindsOf: Partial<Record<CaseAction, readonly ItemKind[]>> = {
  ACCEPT: ["PROMISED", "JOINT", "REPORTED"],
  DECIDE_INSTANTLY: ["INSTANT"],
  FORWARD: ["REPORTED"],
  RECORD_HIGHER_AUTHORITY_RESULT: ["REPORTED"],
  APPROVE: ["PROMISED", "JOINT"],
  DENY: ["PROMISED", "JOINT"],
  PROPOSE_VETO: ["PROMISED", "JOINT"],
  DEEM_APPROVED: ["PROMISED", "JOINT"],
  WITHDRAW_FOR_JOINT_APPROVAL: ["JOINT"],
};

export type TransitionCheck =
  | { ok: true; to: CaseStatus }
  | { ok: false; code: typeof CaseErrorCode.InvalidTransition; from: CaseStatus; to: CaseStatus; message: string }
  | { ok: false; code: typeof CaseErrorCode.WrongKind; kind: ItemKind; message: string };

/** The status the act leads to from `from`, the preferred end first (or `from` for acts that do not move the case). */
function intendedEnd(action: CaseAction, from: CaseStatus): CaseStatus {
  const rule = transitions[action];
  return rule.to === "same" ? from : rule.to[0]!;
}

/**
 * Whether `action` may move a case of `kind` from `from` to `to` (the act's usual end when
 * `to` is omitted). Refusals are typed: INVALID_TRANSITION with from/to, or WRONG_KIND.
 */
export function checkTransition(action: CaseAction, kind: ItemKind, from: CaseStatus, to?: CaseStatus): TransitionCheck {
  const rule = transitions[action];
  const target = to ?? intendedEnd(action, from);
  const kinds = kindsOf[action];
  if (kinds && !kinds.includes(kind)) {
    return { ok: false, code: CaseErrorCode.WrongKind, kind, message: `${action} does not apply to a ${kind} case` };
  }
  const reachable = (rule.to === "same" ? target === from : rule.to.includes(target)) || Boolean(rule.alsoTo?.[from]?.includes(target));
  if (!rule.from.includes(from) || !reachable) {
    return { ok: false, code: CaseErrorCode.InvalidTransition, from, to: target, message: `A case that is ${from} cannot become ${target} by ${action}` };
  }
  return { ok: true, to: target };
}

/** Every status an act may start from: for tests and documentation. */
export function statusesAllowing(action: CaseAction): readonly CaseStatus[] {
  return transitions[action].from;
}

/**
 * The act a decision becomes. On an item whose veto needs escalation (否决), whoever holds the
 * approval power only proposes the denial: the department's principal (单位主要负责人) signs it.
 */
export function decisionAct(decision: Decision, veto: VetoEscalation): Extract<CaseAction, Decision | "PROPOSE_VETO"> {
  if (decision === "APPROVE") return "APPROVE";
  return veto === "NONE" ? "DENY" : "PROPOSE_VETO";
}

/**
 * Review and approval are two people's (审批分离): the decision on a promised or joint case may
 * not come from whoever reviewed it last. Instant cases are decided on the spot by one person.
 */
export function sameReviewerAndApprover(kind: ItemKind, reviewerId: string | null, deciderId: string): boolean {
  return kind !== "INSTANT" && reviewerId === deciderId;
}

/**
 * What is wrong with the date of the higher authority's document (上报件), if anything: it is
 * a real day, not after today, and not before the day the case was forwarded (Beijing days).
 */
export function documentDateProblem(documentDate: string, forwardedDay: string | null, today: string): string | null {
  if (documentDate > today) return `documentDate: ${documentDate} is in the future (today is ${today})`;
  if (forwardedDay !== null && documentDate < forwardedDay) return `documentDate: ${documentDate} is before the case was forwarded on ${forwardedDay}`;
  return null;
}

/** Where a signed veto leads. */
export function signedVetoLeadsTo(veto: VetoEscalation): Extract<CaseStatus, "DENIED" | "AWAITING_COUNTY_MEETING"> {
  return veto === "COUNTY_HEAD_MEETING" ? "AWAITING_COUNTY_MEETING" : "DENIED";
}

/**
 * Who may act on a case in the service layer, before the authorization letter is asked.
 * Staff act only on cases of their own department (or of a department their comprehensive
 * window acts for), inside their own center.
 */
export interface StaffScope {
  centerCode: string | null;
  departmentId: string | null;
  /** The departments the caller's window accepts for, when it is a comprehensive window. */
  windowActsFor: readonly string[];
}

export function staffMayActOn(scope: StaffScope, found: { centerCode: string; departmentId: string }): boolean {
  if (scope.centerCode !== found.centerCode) return false;
  return scope.departmentId === found.departmentId || scope.windowActsFor.includes(found.departmentId);
}

/**
 * 代办 (issue 22): whether staff of `actingCenter` may take `act` on a case of a center above
 * theirs. The center rule (`centerScope`: a township takes in, accepts and hands over for the
 * county; a village point only takes in and hands over) and, beyond it, only for a case taken
 * in at their own township or one of its village points: nobody accepts a case in two places
 * (两头受理), and a case applied for at the county is the county's to accept.
 */
export function agentMayActOn(
  actingCenter: string | null,
  act: CenterAct,
  found: { centerCode: string; agentCenterCode: string | null },
): { ok: true } | { ok: false; reason: "OTHER_CENTER" | "AGENT_MAY_NOT" | "NOT_THIS_AGENTS_CASE" } {
  const scope = centerScope(actingCenter, found.centerCode, act);
  if (!scope.allowed) return { ok: false, reason: scope.reason };
  if (scope.as === "OWN") return { ok: false, reason: "OTHER_CENTER" };
  if (!servesAsAgent(actingCenter, found.agentCenterCode)) return { ok: false, reason: "NOT_THIS_AGENTS_CASE" };
  return { ok: true };
}

/**
 * 代办 (issue 22): which cases a center took in as agent, in the columns cases keeps. A
 * township: every case it serves (taken in at its windows or its village points); a village
 * point: those its 代办员 took in, found under its township (the indexed column). A county
 * takes in nothing as agent: null.
 */
export function agencyCasesScope(centerCode: string | null): { agentCenterCode: string; intakeCenterCode: string | null } | null {
  const level = centerCode ? centerLevelOf(centerCode) : null;
  if (level === "TOWNSHIP") return { agentCenterCode: centerCode!, intakeCenterCode: null };
  if (level === "VILLAGE") return { agentCenterCode: parentCodeOf(centerCode!)!, intakeCenterCode: centerCode };
  return null;
}

/**
 * What a workbench queue holds when no statuses are asked for: the open cases. An agent center's
 * queue (代办) holds too the cases concluded but not yet handed over, since the applicant collects
 * the result where the application was taken in.
 */
export function queueStatuses(asAgent: boolean): CaseStatus[] {
  const open = casesEvents.caseStatus.options.filter((status) => !isClosed(status));
  return asAgent ? [...open, "CONCLUDED"] : open;
}

/**
 * 受理编号: `SL` + the date in Asia/Shanghai (yyMMdd) + 8 random digits. Not a sequence, so
 * knowing one receipt tells nothing about the next.
 */
export function receiptNumber(at: Date, randomDigits: string): string {
  const shanghai = new Date(at.getTime() + 8 * 60 * 60 * 1000);
  const yymmdd = shanghai.toISOString().slice(2, 10).replaceAll("-", "");
  return `SL${yymmdd}${randomDigits.padStart(8, "0").slice(-8)}`;
}

/** Mainland resident ID: 18 characters, the last a digit or X, with its ISO 7064 MOD 11-2 check. */
export function isValidResidentIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(idNumber[index]), 0);
  return "10X98765432"[sum % 11] === idNumber[17];
}

/** What the public progress lookup calls each status (办件进度), in the words on the portal. */
export const publicStageLabel: Record<CaseStatus, string> = {
  SUBMITTED: "已申请，待受理",
  MATERIALS_REQUESTED: "待补正材料",
  ACCEPTED: "已受理，审核中",
  REVIEWED: "已审核，待批准",
  FORWARDED: "已上报，待上级机关决定",
  VETO_PROPOSED: "审批中",
  AWAITING_COUNTY_MEETING: "审批中",
  APPROVED: "已批准，待办结",
  DENIED: "不予批准，待办结",
  CONCLUDED: "已办结",
  DELIVERED: "已送达",
  REFUSED: "不予受理",
  WITHDRAWN: "已撤回",
  RETURNED: "已退件",
  REVOKED: "已撤销",
};

/**
 * The stage the public sees: internal vetoes are not disclosed before they take effect, so
 * a proposed or signed-but-pending veto reads as "under approval".
 */
export function publicStage(status: CaseStatus): "APPLIED" | "MATERIALS_REQUESTED" | "ACCEPTED" | "UNDER_APPROVAL" | "DECIDED" | "CONCLUDED" | "DELIVERED" | "CLOSED" {
  switch (status) {
    case "SUBMITTED":
      return "APPLIED";
    case "MATERIALS_REQUESTED":
      return "MATERIALS_REQUESTED";
    case "ACCEPTED":
      return "ACCEPTED";
    case "REVIEWED":
    case "FORWARDED":
    case "VETO_PROPOSED":
    case "AWAITING_COUNTY_MEETING":
      return "UNDER_APPROVAL";
    case "APPROVED":
    case "DENIED":
      return "DECIDED";
    case "CONCLUDED":
      return "CONCLUDED";
    case "DELIVERED":
      return "DELIVERED";
    default:
      return "CLOSED";
  }
}

/** The progress look-up's guard (PROGRESS_LOOKUP_* in env.ts). */
export interface ProgressLookupPolicy {
  /** Failed look-ups of one receipt number, from anyone, that lock its look-up. */
  maxFailures: number;
  lockMinutes: number;
  /** Failed look-ups from one client, of any receipts, that lock the client's. */
  clientMaxFailures: number;
}

/** The receipt number as the look-up finds it. */
export const normalReceiptNo = (receiptNo: string) => receiptNo.trim().toUpperCase();

/**
 * What a failed progress look-up counts against: the receipt number (known or not, so an
 * unknown one answers as a known one does) and the client the gateway saw, if any. Every lock
 * lasts `lockMinutes`: a receipt number is no account its owner can prove, so a longer guard is
 * no loss to them (the hall and the signed-in `myCases` still answer).
 */
export function progressLookupThrottle(receiptNo: string, client: string | null, policy: ProgressLookupPolicy): ThrottleEntry[] {
  const lock = policy.lockMinutes * 60;
  const guarded = (maxFailures: number) => ({ maxFailures, lockSeconds: lock, maxLockSeconds: lock, windowSeconds: lock });
  const receipt = { key: `progress-receipt:${normalReceiptNo(receiptNo)}`, policy: guarded(policy.maxFailures) };
  return client === null ? [receipt] : [receipt, { key: `progress-client:${client}`, policy: guarded(policy.clientMaxFailures) }];
}

/** The same ID number in the public lookup, whatever the case of a trailing x. */
export function sameIdNumber(stored: string, given: string): boolean {
  const a = stored.trim().toUpperCase();
  const b = given.trim().toUpperCase();
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
