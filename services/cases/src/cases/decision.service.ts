import { preReviewActFor, type AuthorizedAct } from "@onestop/authorization";
import { shanghaiDayOf } from "@onestop/calendar";
import { DomainError, findingsAt, invalidInput, requireRole, validate, type Identity } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import type { MaterialsRepository } from "../materials/materials.repository";
import { requireSameCenter, staffActor, type CaseAccess } from "./case-access";
import { requireTransition, type CaseSteps, type StepContext } from "./case-steps";
import { decisionAct, documentDateProblem, sameReviewerAndApprover, signedVetoLeadsTo, type CaseAction, type CaseStatus } from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";
import { decisionInput, forwardInput, higherResultInput, meetingInput, opinionInput } from "./inputs";

/**
 * The letter act a decision (批准) needs: APPROVE on the promised and joint cases it applies
 * to. On other kinds the decision is WRONG_KIND, which the pre-review act lets the caller hear.
 */
const decisionLetterAct = (found: CaseRow): AuthorizedAct => (found.kind === "PROMISED" || found.kind === "JOINT" ? "APPROVE" : preReviewActFor(found.kind));

/** Recording a higher authority's answer needs RECORD_HIGHER_AUTHORITY_RESULT on a reported case; on others it is WRONG_KIND, as above. */
const answerLetterAct = (found: CaseRow): AuthorizedAct => (found.kind === "REPORTED" ? "RECORD_HIGHER_AUTHORITY_RESULT" : preReviewActFor(found.kind));

/**
 * 审核 and 批准: the pre-review by the window, the decision by whoever the department's letter
 * gives the approval power (never the reviewer), the veto (否决) from proposal through the
 * department principal's signature to the county head meeting, and reported cases (上报件)
 * forwarded to the higher authority whose result the hall records.
 */
export class DecisionService {
  constructor(
    private readonly steps: CaseSteps,
    private readonly access: CaseAccess,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
    private readonly cases: CasesRepository,
  ) {}

  /** 审核: the pre-review with its opinion. */
  async reviewCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.access.staffStep(identity, caseId, "REVIEW", input.idempotencyKey, (c) => preReviewActFor(c.kind), async (context) => {
      requireTransition("REVIEW", context.current);
      await this.requireClockRunning(context);
      return { to: "REVIEWED", opinion: input.opinion, changes: { reviewedAt: context.now } };
    });
  }

  /**
   * 批准: approve or deny with an opinion, by whoever holds the letter act APPROVE and did not
   * review the case. On an item whose veto needs escalation a denial is only a proposal until
   * the department's principal signs it.
   */
  async decideCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(decisionInput, rawInput);
    const act = ({ item }: Pick<StepContext, "item">): CaseAction => decisionAct(input.decision, item.vetoEscalation);
    return this.access.staffStep(identity, caseId, act, input.idempotencyKey, decisionLetterAct, async (context) => {
      const { tx, current, now } = context;
      const action = act(context);
      requireTransition(action, current);
      const reviewer = await this.cases.lastActorOf(tx, current.id, "REVIEW");
      if (sameReviewerAndApprover(current.kind, reviewer, identity.subject)) {
        throw new DomainError(CaseErrorCode.SameReviewerAndApprover, `Case ${current.id} was reviewed by the same person: another one decides it`, { reviewerId: reviewer });
      }
      await this.requireClockRunning(context);
      if (action === "PROPOSE_VETO") {
        return { to: "VETO_PROPOSED", opinion: input.opinion, details: { proposedBy: identity.subject } };
      }
      if (action === "APPROVE") {
        await this.requireNoDeficiencies(context);
        return {
          to: "APPROVED",
          opinion: input.opinion,
          changes: { decidedAt: now, decidedBy: identity.subject, decisionOpinion: input.opinion, outcome: "APPROVED", commitmentState: current.onCommitment ? "PENDING" : null },
        };
      }
      return { to: "DENIED", opinion: input.opinion, changes: denialChanges("DENIED", identity.subject, input.opinion, now) };
    });
  }

  /** The department's principal (单位主要负责人) signs a proposed veto (否决): it takes effect, or goes to the county head meeting. */
  async signVeto(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.access.principalStep(identity, caseId, "SIGN_VETO", input.idempotencyKey, async ({ current, item, now }) => {
      requireTransition("SIGN_VETO", current, signedVetoLeadsTo(item.vetoEscalation));
      const to = signedVetoLeadsTo(item.vetoEscalation);
      return { to, opinion: input.opinion, changes: denialChanges(to, identity.subject, input.opinion, now), details: { escalation: item.vetoEscalation } };
    });
  }

  /** The department's principal does not sign: the case goes back to review in the department. */
  async declineVeto(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.access.principalStep(identity, caseId, "DECLINE_VETO", input.idempotencyKey, async ({ current }) => {
      requireTransition("DECLINE_VETO", current);
      return { to: "ACCEPTED", opinion: input.opinion, changes: { reviewedAt: null } };
    });
  }

  /** 县长办公会: center administration records the collective decision on a signed veto. */
  async recordCountyMeetingDecision(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(meetingInput, rawInput);
    requireRole(identity, "center_admin");
    const action: CaseAction = input.decision === "UPHOLD" ? "UPHOLD_VETO" : "OVERRULE_VETO";
    return this.steps.run(caseId, staffActor(identity), action, input.idempotencyKey ?? null, async (context) => {
      const { current, now } = context;
      requireSameCenter(identity, current);
      requireTransition(action, current);
      const details = { minutesNo: input.minutesNo };
      if (action === "OVERRULE_VETO") return { to: "ACCEPTED", opinion: input.opinion, details, changes: { reviewedAt: null, decidedAt: null, decidedBy: null, decisionOpinion: null } };
      return {
        to: "CONCLUDED",
        opinion: input.opinion,
        details,
        changes: { outcome: "DENIED", concludedAt: now },
        conclusion: { outcome: "DENIED" },
      };
    });
  }

  /** 上报: the reported case goes to the higher authority that decides it. */
  async forwardCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(forwardInput, rawInput);
    return this.access.staffStep(identity, caseId, "FORWARD", input.idempotencyKey, () => "PRE_REVIEW_REPORTED", async ({ current, item, now }) => {
      requireTransition("FORWARD", current);
      const authority = input.authority ?? item.reportedTo;
      if (!authority) throw invalidInput([{ field: "authority", message: "Name the higher authority: the item does not" }]);
      return { to: "FORWARDED", opinion: input.opinion, changes: { forwardedTo: authority, forwardedAt: now }, details: { authority } };
    });
  }

  /**
   * The higher authority's result came back; the hall records it with the document's number
   * and date, by someone whose letter allows it and who is not the one who forwarded the case.
   */
  async recordHigherAuthorityResult(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(higherResultInput, rawInput);
    return this.access.staffStep(identity, caseId, "RECORD_HIGHER_AUTHORITY_RESULT", input.idempotencyKey, answerLetterAct, async ({ tx, current, now }) => {
      const to: CaseStatus = input.decision === "APPROVE" ? "APPROVED" : "DENIED";
      requireTransition("RECORD_HIGHER_AUTHORITY_RESULT", current, to);
      const problem = documentDateProblem(input.documentDate, current.forwardedAt ? shanghaiDayOf(current.forwardedAt) : null, shanghaiDayOf(now));
      if (problem) throw invalidInput(findingsAt(undefined, [problem]));
      const forwarder = await this.cases.lastActorOf(tx, current.id, "FORWARD");
      if (forwarder === identity.subject) {
        throw new DomainError(CaseErrorCode.ForwarderRecordsResult, `Case ${current.id} was forwarded by the same person: another one records the answer`, { forwarderId: forwarder });
      }
      return {
        to,
        opinion: input.opinion,
        changes: {
          decidedAt: now,
          decidedBy: identity.subject,
          decisionOpinion: input.opinion,
          outcome: to === "APPROVED" ? "APPROVED" : "DENIED",
          higherAuthorityDocumentNo: input.documentNo,
          higherAuthorityDocumentDate: input.documentDate,
        },
        details: { documentNo: input.documentNo, documentDate: input.documentDate, authority: current.forwardedTo },
      };
    });
  }

  private async requireClockRunning({ tx, current }: StepContext): Promise<void> {
    if (current.clockEvents > 0 && (await this.clocks.openSuspension(tx, current.id))) {
      throw new DomainError(CaseErrorCode.ClockSuspended, `The clock of case ${current.id} is stopped; resume it first`);
    }
  }

  private async requireNoDeficiencies({ tx, current }: StepContext): Promise<void> {
    if (!current.deficiencyDueDay) return;
    const open = (await this.materials.requestsOf(current.id, tx)).filter((r) => r.kind === "DEFERRED" && r.suppliedAt === null);
    if (open.length > 0) {
      throw new DomainError(CaseErrorCode.DeficienciesOutstanding, `Deferred materials have not followed yet: ${open.map((r) => r.materialCode).join(", ")}`, {
        materials: open.map((r) => r.materialCode),
      });
    }
  }
}

function denialChanges(to: CaseStatus, by: string, text: string, now: Date): Partial<CaseRow> {
  return { decidedAt: now, decidedBy: by, decisionOpinion: text, outcome: to === "DENIED" ? "DENIED" : null };
}
