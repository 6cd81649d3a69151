import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { preReviewActFor, type AuthorizationReplica, type AuthorizationReplicaRepository, type AuthorizedAct } from "@onestop/authorization";
import { casesEvents, type CaseClock as ClockName, type EventPayload, type jointEvents } from "@onestop/events";
import { clockState, shanghaiDayOf } from "@onestop/calendar";
import {
  DomainError,
  RetryLater,
  forbidden,
  hasRole,
  onCalendar,
  requireRole,
  unauthenticated,
  validate,
  type Clock,
  type DueTimer,
  type Identity,
  type Tx,
} from "@onestop/platform";
import { timeLimit } from "../clocks/clocks.rules";
import type { ClocksService } from "../clocks/clocks.service";
import { windowServes } from "../hall/hall.rules";
import type { HallRepository } from "../hall/hall.repository";
import type { ItemVersionReplicaRow } from "../items/entities";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { MaterialRequestRow } from "../materials/entities";
import { checkDeficiencies, checkMaterialNotice, matchSupply } from "../materials/materials.rules";
import type { MaterialsRepository } from "../materials/materials.repository";
import { feeGate, owesFee, type FeeGate } from "../payments/payments.rules";
import type { PaymentNoticesRepository } from "../payments/payments.repository";
import { caseReference, CreationConflict, requireTransition, systemActor, type Actor, type CaseSteps, type StepAction, type StepContext, type StepPlan } from "./case-steps";
import {
  decisionAct,
  isClosed,
  isValidResidentIdNumber,
  publicStage,
  publicStageLabel,
  receiptNumber,
  sameIdNumber,
  signedVetoLeadsTo,
  staffMayActOn,
  UNDECIDED,
  type CaseAction,
  type CaseStatus,
} from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";

const idempotencyKey = z.string().trim().min(1).max(100).nullish();
const opinion = z.string().trim().min(1).max(4000);
const decision = z.enum(["APPROVE", "DENY"]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");

export const submitCaseInput = z.object({
  itemId: z.string().min(1),
  applicantName: z.string().trim().min(1).max(100),
  applicantIdNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "not a valid resident ID number"),
  quantity: z.number().int().positive().max(1_000_000).default(1),
  /** 告知承诺: the applicant signs a written commitment instead of proving some conditions. */
  onCommitment: z.boolean().nullish(),
  idempotencyKey,
});

const acceptInput = z.object({
  deficiencies: z.object({ materialCodes: z.array(z.string().min(1)).min(1).max(100), dueDay: day }).nullish(),
  idempotencyKey,
});
const keyOnly = z.object({ idempotencyKey });
const reasonInput = z.object({ reason: opinion, idempotencyKey });
const opinionInput = z.object({ opinion, idempotencyKey });
const decisionInput = z.object({ decision, opinion, idempotencyKey });
const noticeInput = z.object({
  materials: z.array(z.object({ code: z.string().min(1), problem: z.enum(["MISSING", "WRONG"]), note: z.string().trim().max(1000).nullish() })).min(1).max(100),
  idempotencyKey,
});
const supplyInput = z.object({
  materials: z.array(z.object({ code: z.string().min(1), documentRef: z.string().trim().min(1).max(200).nullish() })).min(1).max(100),
  idempotencyKey,
});
const forwardInput = z.object({ authority: z.string().trim().min(1).max(200).nullish(), opinion, idempotencyKey });
const higherResultInput = z.object({ decision, opinion, documentNo: z.string().trim().min(1).max(100), idempotencyKey });
const meetingInput = z.object({ decision: z.enum(["UPHOLD", "OVERRULE"]), minutesNo: z.string().trim().min(1).max(100), opinion, idempotencyKey });
const deliverInput = z.object({ method: z.enum(["AT_WINDOW", "BY_POST", "ELECTRONIC"]), note: z.string().trim().max(1000).nullish(), idempotencyKey });
const referInput = z.object({ toWindowId: z.string().min(1), reason: opinion, idempotencyKey });
const suspendInput = z.object({
  reason: z.enum(["SUPPLEMENTING_MATERIALS", "SITE_INSPECTION", "EXPERT_REVIEW", "HEARING"]),
  note: z.string().trim().max(1000).nullish(),
  idempotencyKey,
});
const resumeInput = z.object({ note: z.string().trim().max(1000).nullish(), idempotencyKey });
const extendInput = z.object({ workingDays: z.number().int().min(1).max(365), reason: opinion, applicantNotice: opinion, idempotencyKey });
const verifyInput = z.object({ result: z.enum(["VERIFIED", "BREACHED"]), opinion, idempotencyKey });
const listInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/),
  departmentId: z.string().min(1).nullish(),
  statuses: z.array(casesEvents.caseStatus).max(20).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});

const RECEIPT_ATTEMPTS = 5;
const STAFF_ROLES = ["window_staff", "chief_representative"] as const;

const staffActor = (identity: Identity): Actor => ({ kind: "STAFF", id: identity.subject, windowId: identity.windowId });
const applicantActor = (identity: Identity): Actor => ({ kind: "APPLICANT", id: identity.subject, windowId: null });

/** What anyone with the receipt number and the applicant's ID number may see (办件进度查询). */
export interface PublicProgress {
  receiptNo: string;
  stage: ReturnType<typeof publicStage>;
  stageLabel: string;
  deadline: Date | null;
  deadlineDay: string | null;
  onHold: boolean;
  missingMaterials: Array<{ name: string; problem: "MISSING" | "WRONG"; dueDay: string | null }>;
}

/**
 * The case lifecycle: every act of applicants, staff, leaders and the system, each one
 * authorized here (role, department, authorization letter, ownership) and carried out as
 * one step by CaseSteps.
 */
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly steps: CaseSteps,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
    private readonly notices: PaymentNoticesRepository,
    private readonly hall: HallRepository,
    private readonly authorization: AuthorizationReplica,
    private readonly chiefs: AuthorizationReplicaRepository,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------------------------------
  // 申请 and the applicant's own acts

  /** 申请: the applicant's account submits a case for the item's current version. */
  async submitCase(identity: Identity, rawInput: unknown): Promise<CaseRow> {
    const input = validate(submitCaseInput, rawInput);
    requireRole(identity, "citizen");
    const current = await this.items.current(input.itemId);
    const item = current.version;
    if (!item) throw new DomainError("UNKNOWN_ITEM", `Item ${input.itemId} is not in the catalog`, { field: "itemId" });
    requireOpen(input.itemId, current);
    if (item.kind === "JOINT") {
      throw new DomainError("JOINT_APPROVAL_REQUIRED", "A joint item (联办件) is applied for through a joint approval, not on its own");
    }
    if (input.onCommitment && !item.allowsCommitment) {
      throw new DomainError("COMMITMENT_NOT_ALLOWED", "The item does not allow approval on a written commitment (告知承诺)", { field: "onCommitment" });
    }
    const key = input.idempotencyKey ?? null;
    if (key) {
      const earlier = await this.cases.findBySubmitKey(identity.subject, key);
      if (earlier) return this.sameSubmission(earlier, input.itemId, key);
    }
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt += 1) {
      const now = this.clock.now();
      const row = this.newCase({
        receiptNo: receiptNumber(now, String(randomInt(0, 100_000_000))),
        item,
        kind: item.kind,
        applicantSubject: identity.subject,
        applicantName: input.applicantName,
        applicantIdNumber: input.applicantIdNumber,
        quantity: input.quantity,
        onCommitment: Boolean(input.onCommitment),
        windowId: current.entryWindowId,
        submitKey: key,
        now,
      });
      try {
        return await this.steps.unitOfWork.run((tx) => this.steps.create(tx, row, item, applicantActor(identity), null));
      } catch (error) {
        if (!(error instanceof CreationConflict)) throw error;
        if (error.outcome === "submit_key_taken" && key) {
          const earlier = await this.cases.findBySubmitKey(identity.subject, key);
          if (earlier) return this.sameSubmission(earlier, input.itemId, key);
        }
      }
    }
    throw new Error("Could not draw a free receipt number");
  }

  private sameSubmission(earlier: CaseRow, itemId: string, key: string): CaseRow {
    if (earlier.itemId !== itemId) throw new DomainError("IDEMPOTENCY_KEY_REUSED", `Key ${key} was used for another submission`);
    return earlier;
  }

  /** The applicant (or staff at the window, on the applicant's behalf) hands in what a notice or a deferral asked for. */
  async supplyMaterials(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(supplyInput, rawInput);
    const asStaff = !hasRole(identity, "citizen");
    if (asStaff) requireRole(identity, ...STAFF_ROLES);
    const actor = asStaff ? staffActor(identity) : applicantActor(identity);
    return this.steps.run(caseId, actor, "SUPPLY_MATERIALS", input.idempotencyKey ?? null, async (context) => {
      const { tx, current, now } = context;
      if (asStaff) {
        await this.requireStaffScope(tx, identity, current);
        await this.requireLetter(context, identity, "ACCEPT");
      } else {
        this.requireApplicant(identity, current);
      }
      requireTransition("SUPPLY_MATERIALS", current, current.status);
      const requests = await this.materials.requestsOf(current.id, tx);
      const match = matchSupply(requests, input.materials.map((m) => m.code));
      if (!match.ok) throw new DomainError(match.code, match.message, match.details);
      const answered = match.answered as MaterialRequestRow[];
      const refs = new Map(input.materials.map((m) => [m.code, m.documentRef ?? null]));
      await this.materials.markSupplied(tx, answered.map((r) => ({ id: r.id, documentRef: refs.get(r.materialCode) ?? null })), now, actor.id);
      const stillOpen = requests.filter((r) => r.suppliedAt === null && !answered.includes(r));
      const noticeAnswered = !stillOpen.some((r) => r.kind === "ONE_TIME_NOTICE");
      const deferralsAnswered = !stillOpen.some((r) => r.kind === "DEFERRED");
      let to: CaseStatus = current.status;
      if (current.status === "MATERIALS_REQUESTED" && noticeAnswered) {
        await this.clocks.endSuspension(tx, current.id, now, actor.id);
        to = "SUBMITTED";
      }
      return {
        to,
        changes: { deficiencyDueDay: deferralsAnswered ? null : current.deficiencyDueDay },
        details: { materials: answered.map((r) => r.materialCode) },
      };
    });
  }

  /** The applicant withdraws the case before it is decided. */
  async withdrawCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(reasonInput, rawInput);
    requireRole(identity, "citizen");
    return this.steps.run(caseId, applicantActor(identity), "WITHDRAW", input.idempotencyKey ?? null, async (context) => {
      this.requireApplicant(identity, context.current);
      requireTransition("WITHDRAW", context.current);
      return this.closingPlan(context, "WITHDRAWN", "WITHDRAWN", input.reason);
    });
  }

  // ---------------------------------------------------------------------------------------
  // 受理: accept, refuse, the one-time notice, instant decisions

  /** 受理: accepted under the item's current version; 容缺 where the item allows it. */
  async acceptCase(identity: Identity, caseId: string, rawInput: unknown = {}): Promise<CaseRow> {
    const input = validate(acceptInput, rawInput);
    return this.staffStep(identity, caseId, "ACCEPT", input.idempotencyKey, () => "ACCEPT", async (context) => {
      const { tx, current, now } = context;
      requireTransition("ACCEPT", current);
      const item = await this.currentOpenVersion(current.itemId, tx);
      const deadlineDay = this.deadlineDayFrom(now, item.promisedLimitDays);
      const deficiencies = input.deficiencies ?? null;
      if (deficiencies) {
        const check = checkDeficiencies(item, deficiencies.materialCodes, deficiencies.dueDay, onCalendar(() => shanghaiDayOf(now)), deadlineDay);
        if (!check.ok) throw new DomainError(check.code, check.message, check.details);
        await this.materials.add(
          tx,
          deficiencies.materialCodes.map((code) => ({
            caseId: current.id,
            kind: "DEFERRED" as const,
            noticeSeq: 0,
            materialCode: code,
            materialName: item.materials.find((m) => m.code === code)?.name ?? code,
            problem: "MISSING" as const,
            note: null,
            dueDay: deficiencies.dueDay,
            requestedAt: now,
            requestedBy: identity.subject,
            suppliedAt: null,
            suppliedBy: null,
            documentRef: null,
          })),
        );
      }
      return {
        to: "ACCEPTED",
        item,
        changes: {
          ...this.versionChanges(current, item),
          acceptedAt: now,
          handlerId: current.handlerId ?? identity.subject,
          windowId: identity.windowId ?? current.windowId,
          deficiencyDueDay: deficiencies?.dueDay ?? null,
        },
        details: deficiencies ? { deferredMaterials: deficiencies.materialCodes, dueDay: deficiencies.dueDay } : null,
        after: (tx, accepted) => this.publishAccepted(tx, accepted),
      };
    });
  }

  /** 不予受理, with the reason. */
  async refuseCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(reasonInput, rawInput);
    return this.staffStep(identity, caseId, "REFUSE", input.idempotencyKey, () => "ACCEPT", async (context) => {
      requireTransition("REFUSE", context.current);
      const plan = await this.closingPlan(context, "REFUSED", "REFUSED", input.reason);
      return { ...plan, changes: { ...plan.changes, handlerId: context.current.handlerId ?? identity.subject } };
    });
  }

  /**
   * 一次性告知: every missing or wrong material of the item version, listed at once. The
   * acceptance clock stops until the applicant has supplied all of them.
   */
  async issueMaterialNotice(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(noticeInput, rawInput);
    return this.staffStep(identity, caseId, "ISSUE_MATERIAL_NOTICE", input.idempotencyKey, () => "ACCEPT", async (context) => {
      const { tx, current, now } = context;
      requireTransition("ISSUE_MATERIAL_NOTICE", current);
      const item = await this.currentOpenVersion(current.itemId, tx);
      const earlier = await this.materials.requestsOf(current.id, tx);
      const check = checkMaterialNotice(item.materials, earlier, input.materials);
      if (!check.ok) throw new DomainError(check.code, check.message, check.details);
      await this.materials.add(
        tx,
        input.materials.map((line) => ({
          caseId: current.id,
          kind: "ONE_TIME_NOTICE" as const,
          noticeSeq: check.noticeSeq,
          materialCode: line.code,
          materialName: item.materials.find((m) => m.code === line.code)!.name,
          problem: line.problem,
          note: line.note ?? null,
          dueDay: null,
          requestedAt: now,
          requestedBy: identity.subject,
          suppliedAt: null,
          suppliedBy: null,
          documentRef: null,
        })),
      );
      await this.clocks.startSuspension(tx, current.id, "SUPPLEMENTING_MATERIALS", `一次性告知 #${check.noticeSeq}`, now, identity.subject);
      return {
        to: "MATERIALS_REQUESTED",
        item,
        changes: { ...this.versionChanges(current, item), handlerId: current.handlerId ?? identity.subject, clockEvents: current.clockEvents + 1 },
        details: { noticeSeq: check.noticeSeq, materials: input.materials.map((m) => ({ code: m.code, problem: m.problem })) },
      };
    });
  }

  /** 即办件: accepted and decided at the window in one step, by staff authorized for instant decisions. */
  async decideInstantly(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(decisionInput, rawInput);
    return this.staffStep(identity, caseId, "DECIDE_INSTANTLY", input.idempotencyKey, () => "DECIDE_INSTANT", async (context) => {
      const { tx, current, now } = context;
      requireTransition("DECIDE_INSTANTLY", current, "CONCLUDED");
      const item = await this.currentOpenVersion(current.itemId, tx);
      if (input.decision === "DENY" && item.vetoEscalation !== "NONE") {
        throw new DomainError("VETO_NEEDS_SIGNATURE", "A veto on this item needs the chief representative's signature; it cannot be decided on the spot");
      }
      const feeRequired = owesFee(item.feeStandard, current.quantity);
      const concludesNow = input.decision === "DENY" || !feeRequired;
      const outcome = input.decision === "APPROVE" ? "APPROVED" : "DENIED";
      return {
        to: concludesNow ? "CONCLUDED" : "APPROVED",
        item,
        opinion: input.opinion,
        changes: {
          ...this.versionChanges(current, item),
          promisedDays: 0,
          acceptedAt: now,
          decidedAt: now,
          decidedBy: identity.subject,
          decisionOpinion: input.opinion,
          outcome,
          concludedAt: concludesNow ? now : null,
          handlerId: current.handlerId ?? identity.subject,
          windowId: identity.windowId ?? current.windowId,
        },
        details: { decision: input.decision },
        after: (tx, decided) => this.publishAccepted(tx, decided),
        conclusion: concludesNow ? { outcome } : undefined,
      };
    });
  }

  // ---------------------------------------------------------------------------------------
  // 审核 and 批准

  /** 审核: the pre-review with its opinion. */
  async reviewCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.staffStep(identity, caseId, "REVIEW", input.idempotencyKey, (c) => preReviewActFor(c.kind), async (context) => {
      requireTransition("REVIEW", context.current);
      await this.requireClockRunning(context);
      return { to: "REVIEWED", opinion: input.opinion, changes: { reviewedAt: context.now } };
    });
  }

  /**
   * 批准: approve or deny with an opinion. On an item whose veto needs escalation, a denial by
   * window staff is only a proposal until the chief representative signs it.
   */
  async decideCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(decisionInput, rawInput);
    const act = async ({ tx, current, item }: Omit<StepContext, "now">): Promise<CaseAction> => {
      const isChief = hasRole(identity, "chief_representative") && (await this.chiefs.chiefOf(current.departmentId, tx))?.staffId === identity.subject;
      return decisionAct(input.decision, item.vetoEscalation, isChief);
    };
    return this.staffStep(identity, caseId, act, input.idempotencyKey, (c) => preReviewActFor(c.kind), async (context) => {
      const { current, item, now } = context;
      const action = await act(context);
      requireTransition(action, current);
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
      if (item.vetoEscalation !== "NONE") await this.requireLetter(context, identity, "SIGN_VETO");
      const to = item.vetoEscalation === "NONE" ? "DENIED" : signedVetoLeadsTo(item.vetoEscalation);
      return { to, opinion: input.opinion, changes: this.denialChanges(to, identity.subject, input.opinion, now) };
    });
  }

  /** The chief representative signs a proposed veto (否决): it takes effect, or goes to the county head meeting. */
  async signVeto(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.staffStep(identity, caseId, "SIGN_VETO", input.idempotencyKey, () => "SIGN_VETO", async ({ current, item, now }) => {
      requireTransition("SIGN_VETO", current, signedVetoLeadsTo(item.vetoEscalation));
      const to = signedVetoLeadsTo(item.vetoEscalation);
      return { to, opinion: input.opinion, changes: this.denialChanges(to, identity.subject, input.opinion, now), details: { escalation: item.vetoEscalation } };
    });
  }

  /** The chief representative does not sign: the case goes back to review in the department. */
  async declineVeto(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(opinionInput, rawInput);
    return this.staffStep(identity, caseId, "DECLINE_VETO", input.idempotencyKey, () => "SIGN_VETO", async ({ current }) => {
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
      this.requireSameCenter(identity, current);
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
    return this.staffStep(identity, caseId, "FORWARD", input.idempotencyKey, () => "PRE_REVIEW_REPORTED", async ({ current, item, now }) => {
      requireTransition("FORWARD", current);
      const authority = input.authority ?? item.reportedTo;
      if (!authority) throw new DomainError("BAD_USER_INPUT", "Name the higher authority: the item does not", { field: "authority" });
      return { to: "FORWARDED", opinion: input.opinion, changes: { forwardedTo: authority, forwardedAt: now }, details: { authority } };
    });
  }

  /** The higher authority's result came back; the hall records it. */
  async recordHigherAuthorityResult(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(higherResultInput, rawInput);
    return this.staffStep(identity, caseId, "RECORD_HIGHER_AUTHORITY_RESULT", input.idempotencyKey, () => "PRE_REVIEW_REPORTED", async ({ current, now }) => {
      const to: CaseStatus = input.decision === "APPROVE" ? "APPROVED" : "DENIED";
      requireTransition("RECORD_HIGHER_AUTHORITY_RESULT", current, to);
      return {
        to,
        opinion: input.opinion,
        changes: {
          decidedAt: now,
          decidedBy: identity.subject,
          decisionOpinion: input.opinion,
          outcome: to === "APPROVED" ? "APPROVED" : "DENIED",
          higherAuthorityDocumentNo: input.documentNo,
        },
        details: { documentNo: input.documentNo, authority: current.forwardedTo },
      };
    });
  }

  // ---------------------------------------------------------------------------------------
  // 办结 and 送达

  /** 办结: an approval concludes only once the fee gate is open. */
  async concludeCase(identity: Identity, caseId: string, rawInput: unknown = {}): Promise<CaseRow> {
    const input = validate(keyOnly, rawInput);
    return this.staffStep(identity, caseId, "CONCLUDE", input.idempotencyKey, (c) => preReviewActFor(c.kind), async (context) => {
      requireTransition("CONCLUDE", context.current);
      return this.conclusionPlan(context);
    });
  }

  /** 送达: the result (approval or denial) reached the applicant. */
  async deliverResult(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(deliverInput, rawInput);
    return this.staffStep(identity, caseId, "DELIVER", input.idempotencyKey, () => "DELIVER", async ({ current, now }) => {
      requireTransition("DELIVER", current);
      return { to: "DELIVERED", opinion: input.note ?? null, changes: { deliveredAt: now, deliveryMethod: input.method }, details: { method: input.method } };
    });
  }

  /** 告知承诺 verification after approval: kept, or breached and the approval revoked. */
  async verifyCommitment(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(verifyInput, rawInput);
    const action: CaseAction = input.result === "VERIFIED" ? "VERIFY_COMMITMENT" : "REVOKE_FOR_BREACHED_COMMITMENT";
    return this.staffStep(identity, caseId, action, input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ current }) => {
      requireTransition(action, current, action === "VERIFY_COMMITMENT" ? current.status : "REVOKED");
      if (current.commitmentState !== "PENDING") {
        throw new DomainError("COMMITMENT_NOT_PENDING", `Case ${current.id} has no commitment waiting for verification`);
      }
      if (action === "VERIFY_COMMITMENT") return { to: current.status, opinion: input.opinion, changes: { commitmentState: "VERIFIED" } };
      return { to: "REVOKED", opinion: input.opinion, changes: { commitmentState: "BREACHED" } };
    });
  }

  // ---------------------------------------------------------------------------------------
  // 首问负责, suspensions and extensions

  /** 首问负责: the first staff member refers the case to the right window and stays its owner. */
  async referCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(referInput, rawInput);
    requireRole(identity, ...STAFF_ROLES);
    return this.steps.run(caseId, staffActor(identity), "REFER", input.idempotencyKey ?? null, async ({ tx, current }) => {
      this.requireSameCenter(identity, current);
      const ownsOrServes =
        current.handlerId === identity.subject || (identity.windowId !== null && identity.windowId === current.windowId) || identity.departmentId === current.departmentId;
      if (!ownsOrServes) throw forbidden(`Case ${current.id} is neither yours nor at your window`);
      requireTransition("REFER", current);
      const target = await this.hall.window(input.toWindowId, tx);
      if (!target || target.centerCode !== current.centerCode) throw new DomainError("UNKNOWN_WINDOW", `Window ${input.toWindowId} is not in the hall`, { field: "toWindowId" });
      if (!windowServes(target, current.departmentId)) {
        throw new DomainError("WINDOW_DOES_NOT_SERVE", `Window ${target.code} does not take cases of this department`, { field: "toWindowId" });
      }
      return {
        to: current.status,
        opinion: input.reason,
        changes: { windowId: target.windowId, handlerId: current.handlerId ?? identity.subject },
        details: { fromWindowId: current.windowId, toWindowId: target.windowId },
      };
    });
  }

  /** 暂停计时: site inspection, expert review, hearing or supplementing materials begins. */
  async suspendClock(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(suspendInput, rawInput);
    return this.staffStep(identity, caseId, "SUSPEND_CLOCK", input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ tx, current, now }) => {
      requireTransition("SUSPEND_CLOCK", current);
      if (await this.clocks.openSuspension(tx, current.id)) throw new DomainError("CLOCK_ALREADY_SUSPENDED", `The clock of case ${current.id} is already stopped`);
      await this.clocks.startSuspension(tx, current.id, input.reason, input.note ?? null, now, identity.subject);
      return { to: current.status, opinion: input.note ?? null, changes: { clockEvents: current.clockEvents + 1 }, details: { reason: input.reason } };
    });
  }

  async resumeClock(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(resumeInput, rawInput);
    return this.staffStep(identity, caseId, "RESUME_CLOCK", input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ tx, current, now }) => {
      requireTransition("RESUME_CLOCK", current);
      const open = await this.clocks.openSuspension(tx, current.id);
      if (!open) throw new DomainError("CLOCK_NOT_SUSPENDED", `The clock of case ${current.id} is running`);
      await this.clocks.endSuspension(tx, current.id, now, identity.subject);
      return { to: current.status, opinion: input.note ?? null, details: { reason: open.reason } };
    });
  }

  /**
   * 延期: a leader (the department's chief representative, or center administration) approves
   * more working days, with the reason and the notice to the applicant.
   */
  async extendDeadline(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(extendInput, rawInput);
    requireRole(identity, "chief_representative", "center_admin");
    return this.steps.run(caseId, staffActor(identity), "EXTEND_DEADLINE", input.idempotencyKey ?? null, async ({ tx, current, now }) => {
      this.requireSameCenter(identity, current);
      const isAdmin = hasRole(identity, "center_admin");
      const isChief = !isAdmin && (await this.chiefs.chiefOf(current.departmentId, tx))?.staffId === identity.subject;
      if (!isAdmin && !isChief) throw forbidden("An extension needs the department's chief representative or center administration");
      requireTransition("EXTEND_DEADLINE", current);
      if (current.deadlineAt && current.deadlineAt.getTime() <= now.getTime()) {
        throw new DomainError("DEADLINE_PASSED", `Case ${current.id} is past its deadline; it can no longer be extended`);
      }
      await this.clocks.addExtension(tx, { caseId: current.id, workingDays: input.workingDays, reason: input.reason, applicantNotice: input.applicantNotice, approvedBy: identity.subject, approvedAt: now });
      return {
        to: current.status,
        opinion: input.reason,
        changes: { clockEvents: current.clockEvents + 1 },
        details: { workingDays: input.workingDays, applicantNotice: input.applicantNotice },
        after: (tx, extended) =>
          tx.publish(
            casesEvents.caseDeadlineExtended,
            {
              ...caseReference(extended),
              applicantSubject: extended.applicantSubject,
              workingDays: input.workingDays,
              reason: input.reason,
              applicantNotice: input.applicantNotice,
              approvedBy: identity.subject,
              approvedAt: now.toISOString(),
              acceptedAt: extended.acceptedAt?.toISOString() ?? null,
              deadline: extended.deadlineAt?.toISOString() ?? null,
            },
            { centerCode: extended.centerCode },
          ),
      };
    });
  }

  // ---------------------------------------------------------------------------------------
  // What the system does: timers, the joint-approval saga's commands, the fee gate

  /** 超时默认: a promised case still undecided at its deadline is approved by the system. */
  async onDeemedApprovalDue(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId } = timer.payload as { caseId: string };
    const found = await this.cases.find(caseId, tx);
    if (!found || found.deadlineAt?.getTime() !== timer.dueAt.getTime()) return;
    if (!UNDECIDED.includes(found.status)) {
      if (!isClosed(found.status)) await this.raiseWarning(tx, caseId, "CASE", "RED");
      return;
    }
    await this.steps.runIn(tx, caseId, systemActor, "DEEM_APPROVED", null, async (context) => {
      if (!UNDECIDED.includes(context.current.status)) return null;
      requireTransition("DEEM_APPROVED", context.current, "CONCLUDED");
      return this.deemedApprovalPlan(context, "超时默认：承诺期限届满未作出决定，视为批准");
    });
  }

  /** A clock turned yellow or red: the warning is raised once per clock, level and deadline. */
  async onClockTimer(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId, clock, level } = timer.payload as { caseId: string; clock: ClockName; level: "YELLOW" | "RED" };
    await this.raiseWarning(tx, caseId, clock, level);
  }

  /** 容缺: the deferred materials did not follow by their day; the case is returned (退件). */
  async onDeficiencyDue(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId } = timer.payload as { caseId: string };
    const found = await this.cases.find(caseId, tx);
    if (!found || !found.deficiencyDueDay || isClosed(found.status)) return;
    const stillOpen = (await this.materials.requestsOf(caseId, tx)).filter((r) => r.kind === "DEFERRED" && r.suppliedAt === null);
    if (stillOpen.length === 0) return;
    await this.steps.runIn(tx, caseId, systemActor, "RETURN", null, async (context) => {
      if (isClosed(context.current.status)) return null;
      requireTransition("RETURN", context.current);
      const plan = await this.closingPlan(context, "RETURNED", "RETURNED", `容缺材料未在${found.deficiencyDueDay}前补齐，退件`);
      return { ...plan, details: { missing: stillOpen.map((r) => r.materialCode) } };
    });
  }

  /**
   * The joint-approval saga opens the participant's case (联办件). A repeated command changes
   * nothing: the participant's unique key refuses its case before anything else is written.
   */
  async openJointCase(tx: Tx, command: EventPayload<typeof jointEvents.jointCaseRequested>): Promise<void> {
    const current = await this.items.current(command.itemId, tx);
    const item = current.version;
    if (!item) throw new RetryLater(`Item ${command.itemId} of joint case ${command.participantId} is not replicated yet`, 2000);
    if (item.departmentId !== command.departmentId || item.centerCode !== command.centerCode) {
      throw new Error(`Joint case ${command.participantId}: item ${command.itemId} belongs to another department or center`);
    }
    const now = this.clock.now();
    const row = this.newCase({
      receiptNo: receiptNumber(now, String(randomInt(0, 100_000_000))),
      item,
      kind: "JOINT",
      applicantSubject: command.applicantSubject,
      applicantName: command.applicantName,
      applicantIdNumber: command.applicantIdNumber.trim().toUpperCase(),
      quantity: 1,
      onCommitment: false,
      windowId: current.entryWindowId,
      submitKey: null,
      now,
    });
    row.jointApprovalId = command.jointApprovalId;
    row.participantId = command.participantId;
    try {
      await this.steps.create(tx, row, item, systemActor, { projectCode: command.projectCode, projectName: command.projectName, leadDepartmentId: command.leadDepartmentId });
    } catch (error) {
      if (error instanceof CreationConflict && error.outcome === "participant_taken") return;
      throw error;
    }
  }

  /** Compensation of the saga: the participant's case closes as withdrawn if it is still open. */
  async withdrawJointCase(tx: Tx, command: EventPayload<typeof jointEvents.jointCaseWithdrawalRequested>): Promise<void> {
    const found = await this.cases.findByParticipant(command.participantId, tx);
    if (!found || isClosed(found.status)) return;
    await this.steps.runIn(tx, found.id, systemActor, "WITHDRAW_FOR_JOINT_APPROVAL", null, async (context) => {
      if (isClosed(context.current.status)) return null;
      requireTransition("WITHDRAW_FOR_JOINT_APPROVAL", context.current);
      return this.closingPlan(context, "WITHDRAWN", "WITHDRAWN", command.reason);
    });
  }

  /** At the participant's deadline, a silent department is taken to agree (where the item allows it). */
  async deemJointConsent(tx: Tx, command: EventPayload<typeof jointEvents.jointDeemedConsentRequested>): Promise<void> {
    const found = await this.cases.findByParticipant(command.participantId, tx);
    if (!found || !UNDECIDED.includes(found.status)) return;
    await this.steps.runIn(tx, found.id, systemActor, "DEEM_APPROVED", null, async (context) => {
      if (!UNDECIDED.includes(context.current.status)) return null;
      requireTransition("DEEM_APPROVED", context.current, "CONCLUDED");
      const plan = await this.deemedApprovalPlan(context, "联审期限届满未提出意见，视为同意");
      return { ...plan, details: { ...plan.details, deadline: command.deadline } };
    });
  }

  /** A settlement may open the gate for an approval the system made that only waited for its fee. */
  async concludeAfterFee(tx: Tx, caseId: string): Promise<void> {
    const found = await this.cases.find(caseId, tx);
    if (!found || found.status !== "APPROVED" || found.decidedBy !== systemActor.id) return;
    const gate = await this.feeGateOf(found, tx);
    if (!gate.open) return;
    await this.steps.runIn(tx, caseId, systemActor, "CONCLUDE", null, async (context) => {
      if (context.current.status !== "APPROVED") return null;
      requireTransition("CONCLUDE", context.current);
      return this.conclusionPlan(context);
    });
  }

  // ---------------------------------------------------------------------------------------
  // Reading

  /** A case is visible to its applicant, its department's staff, its owner and the center's overseers. */
  async findCase(identity: Identity, id: string): Promise<CaseRow | null> {
    if (hasRole(identity, "anonymous")) throw unauthenticated("Sign in to see a case, or look it up by receipt number and ID number");
    const found = await this.cases.find(id);
    if (!found) return null;
    if (!(await this.maySee(identity, found))) throw forbidden(`Not allowed to see case ${id}`);
    return found;
  }

  /** The workbench list: staff see their department's cases, overseers every case of their center. */
  async listCases(identity: Identity, rawInput: unknown): Promise<CaseRow[]> {
    const input = validate(listInput, rawInput);
    requireRole(identity, "window_staff", "chief_representative", "center_admin", "supervisor");
    if (identity.centerCode !== input.centerCode) throw forbidden(`Not authorized for service center ${input.centerCode}`);
    const overseer = hasRole(identity, "center_admin", "supervisor");
    let departmentIds: string[] | undefined = input.departmentId ? [input.departmentId] : undefined;
    if (!overseer) {
      const own = await this.departmentsServedBy(identity);
      departmentIds = departmentIds ? departmentIds.filter((d) => own.includes(d)) : own;
    }
    return this.cases.list({
      centerCode: input.centerCode,
      departmentIds,
      statuses: input.statuses ?? undefined,
      limit: input.limit,
      offset: input.offset,
    });
  }

  async myCases(identity: Identity, limit = 50, offset = 0): Promise<CaseRow[]> {
    requireRole(identity, "citizen");
    return this.cases.listOfApplicant(identity.subject, Math.min(Math.max(limit, 1), 200), Math.max(offset, 0));
  }

  /**
   * 办件进度查询: with the receipt number and the applicant's ID number, anyone sees the
   * stage, the deadline and what is missing, and nothing else. A wrong pair is not found.
   */
  async publicProgress(receiptNo: string, idNumber: string): Promise<PublicProgress | null> {
    if (receiptNo.length > 20 || idNumber.length > 32) return null;
    const found = await this.cases.findByReceipt(receiptNo.trim().toUpperCase());
    if (!found || !sameIdNumber(found.applicantIdNumber, idNumber)) return null;
    const requests = await this.materials.requestsOf(found.id);
    return {
      receiptNo: found.receiptNo,
      stage: publicStage(found.status),
      stageLabel: publicStageLabel[found.status],
      deadline: found.deadlineAt,
      deadlineDay: found.deadlineDay,
      onHold: found.onHold,
      missingMaterials: isClosed(found.status)
        ? []
        : requests.filter((r) => r.suppliedAt === null).map((r) => ({ name: r.materialName, problem: r.problem, dueDay: r.dueDay })),
    };
  }

  /** 首问负责: the open cases a staff member owns; they, their department's staff and the overseers may ask. */
  async openCasesOf(identity: Identity, staffId: string): Promise<CaseRow[]> {
    const own = identity.subject === staffId;
    const overseer = hasRole(identity, "center_admin", "supervisor");
    const chief = hasRole(identity, "chief_representative");
    if (!own && !overseer && !chief) return [];
    const owned = await this.cases.openCasesOf(staffId);
    if (own) return owned;
    return owned.filter((c) => c.centerCode === identity.centerCode && (overseer || c.departmentId === identity.departmentId));
  }

  routingSlip(found: CaseRow) {
    return this.cases.routingSlip(found.id);
  }

  materialRequests(found: CaseRow) {
    return this.materials.requestsOf(found.id);
  }

  suspensions(found: CaseRow) {
    return this.clocks.suspensionsOf(found.id);
  }

  extensions(found: CaseRow) {
    return this.clocks.extensionsOf(found.id);
  }

  warnings(found: CaseRow) {
    return this.clocks.warningsOf(found.id);
  }

  async feeSettled(found: CaseRow): Promise<boolean> {
    return (await this.feeGateOf(found)).open;
  }

  itemName(found: CaseRow): Promise<string | null> {
    return this.items.version(found.itemId, found.itemVersion).then((item) => item?.name ?? null);
  }

  /** The clock as it stands now: remaining and used working days, warning level. */
  clockNow(found: CaseRow) {
    return this.clocks.caseUsage(null, found, this.clock.now());
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  private staffStep(
    identity: Identity,
    caseId: string,
    action: StepAction,
    key: string | null | undefined,
    act: (current: CaseRow) => AuthorizedAct,
    plan: (context: StepContext) => Promise<StepPlan>,
  ): Promise<CaseRow> {
    requireRole(identity, ...STAFF_ROLES);
    return this.steps.run(caseId, staffActor(identity), action, key ?? null, async (context) => {
      await this.requireStaffScope(context.tx, identity, context.current);
      await this.requireLetter(context, identity, act(context.current));
      return plan(context);
    });
  }

  private async feeGateOf(found: CaseRow, tx?: Tx): Promise<FeeGate> {
    if (!found.feeRequired) return feeGate(false, []);
    const facts = await this.notices.gateFacts(found.id, tx);
    return feeGate(true, facts.notices, facts.assessment);
  }

  private async requireStaffScope(tx: Tx, identity: Identity, found: CaseRow): Promise<void> {
    const windowActsFor = identity.departmentId !== found.departmentId ? await this.comprehensiveWindowActsFor(identity, tx) : [];
    if (!staffMayActOn({ centerCode: identity.centerCode, departmentId: identity.departmentId, windowActsFor }, found)) {
      throw forbidden(`Case ${found.id} belongs to another department`);
    }
  }

  private async comprehensiveWindowActsFor(identity: Identity, tx?: Tx): Promise<string[]> {
    if (!identity.windowId) return [];
    const window = await this.hall.window(identity.windowId, tx);
    return window && window.kind === "COMPREHENSIVE" && window.centerCode === identity.centerCode ? window.actsFor : [];
  }

  private async departmentsServedBy(identity: Identity): Promise<string[]> {
    return [...(identity.departmentId ? [identity.departmentId] : []), ...(await this.comprehensiveWindowActsFor(identity))];
  }

  /** Nobody acts beyond their authorization letter (授权书); a revocation binds the next act. */
  private async requireLetter(context: StepContext, identity: Identity, act: AuthorizedAct): Promise<void> {
    const { current, tx, now } = context;
    await this.authorization.require(identity.subject, act, current.itemId, current.departmentId, { tx, centerCode: current.centerCode, at: now });
  }

  private requireApplicant(identity: Identity, found: CaseRow): void {
    if (found.applicantSubject !== identity.subject) throw forbidden(`Case ${found.id} is not yours`);
  }

  private requireSameCenter(identity: Identity, found: CaseRow): void {
    if (identity.centerCode !== found.centerCode) throw forbidden(`Case ${found.id} belongs to another service center`);
  }

  private async requireClockRunning({ tx, current }: StepContext): Promise<void> {
    if (current.clockEvents > 0 && (await this.clocks.openSuspension(tx, current.id))) {
      throw new DomainError("CLOCK_SUSPENDED", `The clock of case ${current.id} is stopped; resume it first`);
    }
  }

  private async requireNoDeficiencies({ tx, current }: StepContext): Promise<void> {
    if (!current.deficiencyDueDay) return;
    const open = (await this.materials.requestsOf(current.id, tx)).filter((r) => r.kind === "DEFERRED" && r.suppliedAt === null);
    if (open.length > 0) {
      throw new DomainError("DEFICIENCIES_OUTSTANDING", `Deferred materials have not followed yet: ${open.map((r) => r.materialCode).join(", ")}`, {
        materials: open.map((r) => r.materialCode),
      });
    }
  }

  private async currentOpenVersion(itemId: string, tx: Tx): Promise<ItemVersionReplicaRow> {
    const current = await this.items.current(itemId, tx);
    requireOpen(itemId, current);
    if (!current.version) throw new DomainError("UNKNOWN_ITEM", `Item ${itemId} is not in the catalog`);
    return current.version;
  }

  /** The case is judged by this version from now on: its limit, fee and commitment rule. */
  private versionChanges(current: CaseRow, item: ItemVersionReplicaRow): Partial<CaseRow> {
    return {
      itemVersion: item.version,
      promisedDays: item.promisedLimitDays,
      feeRequired: owesFee(item.feeStandard, current.quantity),
      onCommitment: current.onCommitment && item.allowsCommitment,
    };
  }

  private deadlineDayFrom(acceptedAt: Date, promisedDays: number): string | null {
    return onCalendar(() => clockState(this.clocks.calendar, timeLimit(acceptedAt, promisedDays, [])).dueDay);
  }

  private denialChanges(to: CaseStatus, by: string, text: string, now: Date): Partial<CaseRow> {
    return { decidedAt: now, decidedBy: by, decisionOpinion: text, outcome: to === "DENIED" ? "DENIED" : null };
  }

  /** 办结: the fee gate first for an approval, then the conclusion event. */
  private async conclusionPlan({ tx, current, now }: StepContext): Promise<StepPlan> {
    const outcome = current.outcome ?? (current.status === "APPROVED" ? "APPROVED" : "DENIED");
    if (current.status === "APPROVED" && current.feeRequired) {
      const gate = await this.feeGateOf(current, tx);
      if (!gate.open) {
        throw new DomainError("FEE_NOT_SETTLED", `Case ${current.id} owes a fee that is not yet paid (${gate.reason})`, { reason: gate.reason });
      }
    }
    return {
      to: "CONCLUDED",
      changes: { concludedAt: now, outcome },
      conclusion: { outcome },
    };
  }

  /** The system approves; the case concludes at once unless its fee is still owed. */
  private async deemedApprovalPlan({ tx, current, now }: StepContext, text: string): Promise<StepPlan> {
    const gate = current.acceptedAt && current.feeRequired ? await this.feeGateOf(current, tx) : { open: true as const };
    if (current.clockEvents > 0) await this.clocks.endSuspension(tx, current.id, now, systemActor.id);
    const decided: Partial<CaseRow> = { decidedAt: now, decidedBy: systemActor.id, decisionOpinion: text, outcome: "DEEMED_APPROVED" };
    if (!gate.open) return { to: "APPROVED", opinion: text, changes: decided, details: { feePending: true } };
    return {
      to: "CONCLUDED",
      opinion: text,
      changes: { ...decided, concludedAt: now },
      // The approval is deemed given as the deadline ran out, so it is measured at the deadline's last instant.
      conclusion: { outcome: "DEEMED_APPROVED", measuredAt: lastInstantBefore(current.deadlineAt, now) },
    };
  }

  /** Refusal, withdrawal and return end the case: any stopped clock ends with it. */
  private async closingPlan({ tx, current, now }: StepContext, to: CaseStatus, outcome: "REFUSED" | "WITHDRAWN" | "RETURNED", text: string): Promise<StepPlan> {
    if (current.clockEvents > 0) await this.clocks.endSuspension(tx, current.id, now, systemActor.id);
    return {
      to,
      opinion: text,
      changes: { outcome, concludedAt: now, deficiencyDueDay: null },
      conclusion: { outcome },
    };
  }

  private async raiseWarning(tx: Tx, caseId: string, clock: ClockName, level: "YELLOW" | "RED"): Promise<void> {
    const found = await this.cases.find(caseId, tx);
    if (!found || isClosed(found.status)) return;
    const item = await this.items.version(found.itemId, found.itemVersion, tx);
    if (!item) return;
    const now = this.clock.now();
    const standing = await this.clocks.clockAt(tx, found, item, clock, now);
    if (!standing || !standing.state.dueAt) return;
    const reached = standing.usage.level === "RED" || (level === "YELLOW" && standing.usage.level === "YELLOW");
    if (!reached) return;
    if (!(await this.clocks.recordWarning(tx, { caseId, clock, level, deadlineAt: standing.state.dueAt, raisedAt: now }))) return;
    await tx.publish(
      casesEvents.caseWarningRaised,
      {
        ...caseReference(found),
        status: found.status,
        clock,
        level,
        deadline: standing.state.dueAt.toISOString(),
        remainingWorkingDays: standing.usage.remainingWorkingDays,
        raisedAt: now.toISOString(),
        acceptedAt: found.acceptedAt?.toISOString() ?? null,
      },
      { centerCode: found.centerCode },
    );
  }

  private async publishAccepted(tx: Tx, accepted: CaseRow): Promise<void> {
    await tx.publish(
      casesEvents.caseAccepted,
      {
        caseId: accepted.id,
        receiptNo: accepted.receiptNo,
        centerCode: accepted.centerCode,
        itemId: accepted.itemId,
        itemVersion: accepted.itemVersion,
        departmentId: accepted.departmentId,
        handlerId: accepted.handlerId ?? systemActor.id,
        applicantSubject: accepted.applicantSubject,
        applicantName: accepted.applicantName,
        quantity: accepted.quantity,
        acceptedAt: accepted.acceptedAt!.toISOString(),
        windowId: accepted.windowId,
        kind: accepted.kind,
        deadline: accepted.deadlineAt?.toISOString() ?? null,
        jointApprovalId: accepted.jointApprovalId,
        participantId: accepted.participantId,
      },
      { centerCode: accepted.centerCode },
    );
  }

  private async maySee(identity: Identity, found: CaseRow): Promise<boolean> {
    if (hasRole(identity, "citizen")) return found.applicantSubject === identity.subject;
    if (identity.centerCode !== found.centerCode) return false;
    if (hasRole(identity, "center_admin", "supervisor")) return true;
    if (!hasRole(identity, ...STAFF_ROLES)) return false;
    if (found.handlerId === identity.subject || identity.departmentId === found.departmentId) return true;
    return (await this.comprehensiveWindowActsFor(identity)).includes(found.departmentId);
  }

  private newCase(input: {
    receiptNo: string;
    item: ItemVersionReplicaRow;
    kind: CaseRow["kind"];
    applicantSubject: string;
    applicantName: string;
    applicantIdNumber: string;
    quantity: number;
    onCommitment: boolean;
    windowId: string | null;
    submitKey: string | null;
    now: Date;
  }): CaseRow {
    const { item, now } = input;
    return {
      id: randomUUID(),
      receiptNo: input.receiptNo,
      centerCode: item.centerCode,
      itemId: item.itemId,
      itemVersion: item.version,
      departmentId: item.departmentId,
      kind: input.kind,
      status: "SUBMITTED",
      outcome: null,
      applicantSubject: input.applicantSubject,
      applicantName: input.applicantName,
      applicantIdNumber: input.applicantIdNumber,
      quantity: input.quantity,
      handlerId: null,
      windowId: input.windowId,
      onCommitment: input.onCommitment,
      commitmentState: null,
      feeRequired: owesFee(item.feeStandard, input.quantity),
      submittedAt: now,
      acceptedAt: null,
      reviewedAt: null,
      decidedAt: null,
      decidedBy: null,
      decisionOpinion: null,
      concludedAt: null,
      deliveredAt: null,
      deliveryMethod: null,
      forwardedTo: null,
      forwardedAt: null,
      higherAuthorityDocumentNo: null,
      promisedDays: null,
      deadlineAt: null,
      deadlineDay: null,
      onHold: false,
      clockEvents: 0,
      stage: null,
      stageStartedAt: null,
      stageDueAt: null,
      deficiencyDueDay: null,
      jointApprovalId: null,
      participantId: null,
      submitKey: input.submitKey,
      slipSeq: 0,
      lastStepAt: now,
      timers: [],
    };
  }
}

function lastInstantBefore(deadline: Date | null, now: Date): Date {
  return deadline && deadline.getTime() <= now.getTime() ? new Date(deadline.getTime() - 1) : now;
}

/** No new case is taken in for an item retired from the catalog (取消 or 合并). */
function requireOpen(itemId: string, current: { cancelledAt: Date | null; mergedIntoItemId: string | null }): void {
  if (current.cancelledAt) {
    throw new DomainError("ITEM_CANCELLED", `Item ${itemId} was retired from the catalog`, { mergedIntoItemId: current.mergedIntoItemId });
  }
}
