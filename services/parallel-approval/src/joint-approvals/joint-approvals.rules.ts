import { createHash } from "node:crypto";
import type { casesEvents, EventPayload, jointEvents } from "@onestop/events";
import { hasRole, isApplicant, type Identity } from "@onestop/platform";
import { JointErrorCode } from "../errors";

/**
 * The rules of a joint approval (并联审批) as pure functions: what a participant's case
 * means for the joint approval, when the joint approval ends and how, what may open one,
 * and the small formats around it (project codes, applicants' numbers, cursors). No I/O.
 */

export type CaseStatus = EventPayload<typeof casesEvents.caseStageChanged>["toStatus"];
export type ParticipantOutcome = EventPayload<typeof casesEvents.caseConcluded>["outcome"];

export const jointStatuses = [
  /** The participating departments are deciding their parts. */
  "OPEN",
  /** A participant's one-time notice (一次性告知) stopped the joint clock. */
  "PAUSED",
  /** The overall deadline passed with participants still open: escalated to the lead department and the center. */
  "TIMED_OUT",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
] as const;
export type JointStatus = (typeof jointStatuses)[number];

export const FINAL_STATUSES: readonly JointStatus[] = ["APPROVED", "REJECTED", "WITHDRAWN"];
export const isFinal = (status: JointStatus) => FINAL_STATUSES.includes(status);

export type ParticipantStatus =
  /** The case was asked of cases; it has not been seen yet. */
  | "REQUESTED"
  | "AWAITING_ACCEPTANCE"
  | "MATERIALS_REQUESTED"
  | "IN_REVIEW"
  /** Window staff proposed a denial: the chief representative has not signed it. Not final. */
  | "VETO_PROPOSED"
  /** A signed land-related veto waits for the county head meeting (县长办公会). Not final. */
  | "AWAITING_COUNTY_MEETING"
  /** Decided in the department, waiting to conclude (a fee, or the conclusion on its way). */
  | "DECIDED"
  /** The deadline passed; the saga asked cases to record the department's deemed consent. */
  | "DEEMED_CONSENT_REQUESTED"
  /** The deadline passed without an answer and without deemed consent: escalated. */
  | "TIMED_OUT"
  | ParticipantOutcome;

/** What the saga knows of a participant: its own facts, and the last known status of its case. */
export interface ParticipantFacts {
  outcome: ParticipantOutcome | null;
  caseStatus: CaseStatus | null;
  deemedConsentRequestedAt: Date | null;
  timedOutAt: Date | null;
}

/** The department has not decided yet: deemed consent may stand in for its answer. */
const UNDECIDED: readonly (CaseStatus | null)[] = [null, "SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED"];
const VETO_PENDING = ["VETO_PROPOSED", "AWAITING_COUNTY_MEETING"] as const satisfies readonly CaseStatus[];
const isVetoPending = (status: CaseStatus | null): status is (typeof VETO_PENDING)[number] => (VETO_PENDING as readonly (CaseStatus | null)[]).includes(status);

/**
 * The participant's status as the bureau sees it. A counted outcome is final; a pending veto
 * shows as such even past the deadline (it is the department's answer, not silence), then
 * the saga's own deadline states, then where the case stands.
 */
export function participantStatus(p: ParticipantFacts): ParticipantStatus {
  if (p.outcome) return p.outcome;
  if (isVetoPending(p.caseStatus)) return p.caseStatus;
  if (p.deemedConsentRequestedAt && UNDECIDED.includes(p.caseStatus)) return "DEEMED_CONSENT_REQUESTED";
  if (p.timedOutAt) return "TIMED_OUT";
  switch (p.caseStatus) {
    case null:
      return "REQUESTED";
    case "SUBMITTED":
      return "AWAITING_ACCEPTANCE";
    case "MATERIALS_REQUESTED":
      return "MATERIALS_REQUESTED";
    case "ACCEPTED":
    case "REVIEWED":
    case "FORWARDED":
      return "IN_REVIEW";
    default:
      // APPROVED or DENIED awaiting conclusion, or closed with its conclusion on the way.
      return "DECIDED";
  }
}

/**
 * A step that only moves a case along before any decision (submitted, accepted, reviewed,
 * forwarded): it starts or ends no notice and decides nothing, so it changes where the
 * participant stands, never what the saga decides on.
 */
export function isRoutineStep(step: { fromStatus: CaseStatus | null; toStatus: CaseStatus }): boolean {
  return ROUTINE.includes(step.fromStatus) && ROUTINE.includes(step.toStatus);
}

const ROUTINE: readonly (CaseStatus | null)[] = UNDECIDED.filter((status) => status !== "MATERIALS_REQUESTED");

/** The participant still owes its answer: its deadline is watched. */
export function awaitsAnswer(p: ParticipantFacts): boolean {
  return p.outcome === null && p.deemedConsentRequestedAt === null && p.timedOutAt === null && (UNDECIDED.includes(p.caseStatus) || isVetoPending(p.caseStatus));
}

export type DeadlineAction = "NOTHING" | "REQUEST_DEEMED_CONSENT" | "ESCALATE";

/**
 * At a participant's deadline (超时默认): an undecided department is taken to agree where its
 * item allows it; otherwise, or when a veto is pending, the lead department and the center
 * are told. A department that already decided owes nothing more.
 */
export function atParticipantDeadline(p: ParticipantFacts, deemedApprovalAllowed: boolean): DeadlineAction {
  if (!awaitsAnswer(p)) return "NOTHING";
  if (deemedApprovalAllowed && UNDECIDED.includes(p.caseStatus)) return "REQUEST_DEEMED_CONSENT";
  return "ESCALATE";
}

export type OutcomeEffect = "APPROVES" | "REJECTS" | "WITHDRAWS" | "NONE";

/**
 * What a participant's concluded case means for the joint approval. Only a concluded denial
 * is final (a proposed or unsigned veto never concludes the case); a refusal or a return ends
 * the application at that department just as surely. A withdrawal the saga itself asked for
 * (compensation) changes nothing; one the applicant made on the case is the applicant's
 * withdrawal from the joint approval.
 */
export function outcomeEffect(outcome: ParticipantOutcome, withdrawalRequestedBySaga: boolean): OutcomeEffect {
  switch (outcome) {
    case "APPROVED":
    case "DEEMED_APPROVED":
      return "APPROVES";
    case "DENIED":
    case "REFUSED":
    case "RETURNED":
      return "REJECTS";
    case "WITHDRAWN":
      return withdrawalRequestedBySaga ? "NONE" : "WITHDRAWS";
  }
}

export interface Conclusion {
  outcome: jointEvents.JointOutcome;
  reason: string;
}

const outcomeWords: Record<ParticipantOutcome, string> = {
  APPROVED: "批准",
  DEEMED_APPROVED: "超时默认同意",
  DENIED: "不予批准",
  REFUSED: "不予受理",
  WITHDRAWN: "撤回",
  RETURNED: "退件",
};

/**
 * Whether the joint approval ends now, after one more participant's outcome was counted:
 * the first rejection or withdrawal ends it; it is approved once every participant approved.
 */
export function conclusionAfter(
  joint: { status: JointStatus; participantsTotal: number; approvalsCounted: number },
  outcome: ParticipantOutcome,
  effect: OutcomeEffect,
  departmentName: string,
): Conclusion | null {
  if (isFinal(joint.status)) return null;
  if (effect === "REJECTS") return { outcome: "REJECTED", reason: `${departmentName}${outcomeWords[outcome]}` };
  if (effect === "WITHDRAWS") return { outcome: "WITHDRAWN", reason: `申请人撤回${departmentName}的办件` };
  if (effect === "APPROVES" && joint.approvalsCounted >= joint.participantsTotal) return { outcome: "APPROVED", reason: "全部参与部门同意" };
  return null;
}

/** The status of a running joint approval: a passed overall deadline shows before a stopped clock. */
export function runningStatus(joint: { timedOutAt: Date | null; paused: boolean }): JointStatus {
  if (joint.timedOutAt) return "TIMED_OUT";
  return joint.paused ? "PAUSED" : "OPEN";
}

/** Whether the bureau may still withdraw: anything not yet concluded. */
export function mayWithdraw(status: JointStatus): boolean {
  return !isFinal(status);
}

// ---------------------------------------------------------------------------------------------
// Opening a joint approval

export interface StartRequest {
  projectName: string;
  projectCode: string;
  /** The applicant's subject is not asked for: the system derives it from the number (its applicant key). */
  applicant: { name: string; idNumber: string };
  leadDepartmentId: string;
  participants: Array<{ departmentId: string; itemId: string }>;
  deadlineWorkingDays: number;
  greenChannel: boolean;
}

export interface KnownDepartment {
  departmentId: string;
  centerCode: string;
}

export interface KnownItem {
  itemId: string;
  centerCode: string;
  departmentId: string;
  kind: string;
  promisedLimitDays: number;
  cancelled: boolean;
}

/** `field` is dotted from the mutation's argument, as every error's field is: `input.participants.1.itemId`. */
export interface StartProblem {
  code: (typeof JointErrorCode)["UnknownDepartment" | "UnknownItem" | "ItemNotOfDepartment" | "ItemCancelled" | "ItemNotJoint" | "DuplicateParticipant" | "DeadlineTooShort"];
  field: string;
  message: string;
}

/**
 * Everything wrong with a request to open a joint approval in `centerCode`, in the order of
 * the input. Departments and items of another center are unknown here.
 */
export function startProblems(centerCode: string, request: StartRequest, departments: readonly KnownDepartment[], items: readonly KnownItem[]): StartProblem[] {
  const problems: StartProblem[] = [];
  const department = (id: string) => departments.find((d) => d.departmentId === id && d.centerCode === centerCode);
  if (!department(request.leadDepartmentId)) {
    problems.push({ code: JointErrorCode.UnknownDepartment, field: "input.leadDepartmentId", message: `Department ${request.leadDepartmentId} is not registered in center ${centerCode}` });
  }
  const seen = new Set<string>();
  request.participants.forEach((participant, index) => {
    const at = `input.participants.${index}`;
    if (seen.has(participant.departmentId)) {
      problems.push({ code: JointErrorCode.DuplicateParticipant, field: `${at}.departmentId`, message: `Department ${participant.departmentId} is listed twice` });
      return;
    }
    seen.add(participant.departmentId);
    if (!department(participant.departmentId)) {
      problems.push({ code: JointErrorCode.UnknownDepartment, field: `${at}.departmentId`, message: `Department ${participant.departmentId} is not registered in center ${centerCode}` });
      return;
    }
    const item = items.find((i) => i.itemId === participant.itemId && i.centerCode === centerCode);
    if (!item) {
      problems.push({ code: JointErrorCode.UnknownItem, field: `${at}.itemId`, message: `Item ${participant.itemId} is not in the catalog of center ${centerCode}` });
    } else if (item.departmentId !== participant.departmentId) {
      problems.push({ code: JointErrorCode.ItemNotOfDepartment, field: `${at}.itemId`, message: `Item ${item.itemId} is kept by another department` });
    } else if (item.cancelled) {
      problems.push({ code: JointErrorCode.ItemCancelled, field: `${at}.itemId`, message: `Item ${item.itemId} was retired from the catalog` });
    } else if (item.kind !== "JOINT") {
      problems.push({ code: JointErrorCode.ItemNotJoint, field: `${at}.itemId`, message: `Item ${item.itemId} is ${item.kind}, not a joint item (联办件)` });
    } else if (request.deadlineWorkingDays < item.promisedLimitDays) {
      problems.push({
        code: JointErrorCode.DeadlineTooShort,
        field: "input.deadlineWorkingDays",
        message: `${request.deadlineWorkingDays} working days is shorter than the ${item.promisedLimitDays} promised for item ${item.itemId}`,
      });
    }
  });
  return problems;
}

/**
 * What makes two requests the same joint approval: a retry with the same project code and
 * this fingerprint returns the first one; another fingerprint is a conflict. The order of the
 * participants does not matter.
 */
export function requestFingerprint(request: StartRequest): string {
  const canonical = {
    projectName: request.projectName,
    applicant: request.applicant,
    leadDepartmentId: request.leadDepartmentId,
    participants: [...request.participants].sort((a, b) => a.departmentId.localeCompare(b.departmentId) || a.itemId.localeCompare(b.itemId)),
    deadlineWorkingDays: request.deadlineWorkingDays,
    greenChannel: request.greenChannel,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/**
 * What a request sent under an idempotency key asked for, as a hash: the operation and every
 * argument that shapes its effect. The same key with another fingerprint is not a retry.
 */
export function keyedFingerprint(operation: string, ...parts: ReadonlyArray<string | null>): string {
  return createHash("sha256").update(JSON.stringify([operation, ...parts])).digest("hex");
}

// ---------------------------------------------------------------------------------------------
// Listing

export interface ListCursor {
  openedAt: Date;
  id: string;
}

/** Opaque to clients: the position after which the next page starts (newest first). */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.openedAt.getTime()}:${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(text: string): ListCursor | null {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(decoded);
  if (!match) return null;
  return { openedAt: new Date(Number(match[1])), id: match[2]! };
}

/**
 * 个人信息: the applicant's ID number (and its applicant key, from which it can be recovered) is
 * shown in full to the applicant and to the lead department, which handles the project with
 * them; supervision, the center and the other departments (which have it on their own cases)
 * see it masked.
 */
export function mayReadApplicantIdNumber(identity: Identity, joint: { applicantSubject: string; leadDepartmentId: string }): boolean {
  if (isApplicant(identity, joint.applicantSubject)) return true;
  return hasRole(identity, "bureau", "window_staff", "chief_representative") && identity.departmentId === joint.leadDepartmentId;
}
