import { centerLevelOf, centerScope, parentCodeOf } from "@onestop/authorization";
import { applicantKeyOf, DomainError, forbidden, hasRole, invalidInput, requireRole, validate, type Clock, type Identity } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import { windowServes } from "../hall/hall.rules";
import type { HallRepository } from "../hall/hall.repository";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { MaterialRequestRow } from "../materials/entities";
import { matchSupply } from "../materials/materials.rules";
import type { MaterialsRepository } from "../materials/materials.repository";
import { repeatedCodes } from "../materials/files/uploads.rules";
import type { UploadsService } from "../materials/files/uploads.service";
import { applicantActor, requireApplicant, requireSameCenter, STAFF_ROLES, staffActor, type CaseAccess } from "./case-access";
import type { CaseEndings } from "./case-endings";
import { CreationConflict, requireTransition, type CaseSteps } from "./case-steps";
import type { CaseStatus } from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";
import { reasonInput, referInput, submitCaseInput, supplyInput, takeInCaseInput } from "./inputs";
import { newCase, requireOpen, submissionDiffers, type Submission } from "./new-case";

const RECEIPT_ATTEMPTS = 5;

/**
 * 申请: the applicant's application, the materials handed in later, withdrawal, and the
 * referral of a case to the window that serves it (首问负责).
 */
export class IntakeService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly steps: CaseSteps,
    private readonly access: CaseAccess,
    private readonly endings: CaseEndings,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
    private readonly hall: HallRepository,
    private readonly files: UploadsService,
    private readonly clock: Clock,
  ) {}

  /** 申请: the applicant's account submits a case for the item's current version. */
  async submitCase(identity: Identity, rawInput: unknown): Promise<CaseRow> {
    const input = validate(submitCaseInput, rawInput, "input");
    requireRole(identity, "citizen");
    const key = input.idempotencyKey;
    const submission = { ...input, onCommitment: Boolean(input.onCommitment) };
    // A retry is answered before anything else is checked: the item may have been retired since.
    const earlier = await this.cases.findBySubmitKey(identity.subject, key);
    if (earlier) return sameSubmission(earlier, submission, key);
    const current = await this.items.current(input.itemId);
    const item = current.version;
    if (!item) throw new DomainError(CaseErrorCode.UnknownItem, `Item ${input.itemId} is not in the catalog`, { field: "itemId" });
    requireOpen(input.itemId, current);
    if (item.kind === "JOINT") {
      throw new DomainError(CaseErrorCode.JointApprovalRequired, "A joint item (联办件) is applied for through a joint approval, not on its own");
    }
    if (input.onCommitment && !item.allowsCommitment) {
      throw new DomainError(CaseErrorCode.CommitmentNotAllowed, "The item does not allow approval on a written commitment (告知承诺)", { field: "onCommitment" });
    }
    const materials = input.materials ?? [];
    const repeated = repeatedCodes("input.materials", materials);
    if (repeated.length > 0) throw invalidInput(repeated);
    const unknown = materials.map((m) => m.code).filter((code) => !item.materials.some((m) => m.code === code));
    if (unknown.length > 0) {
      throw new DomainError(CaseErrorCode.UnknownMaterial, `Not materials of the item version: ${unknown.join(", ")}`, { materials: unknown, field: "input.materials" });
    }
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt += 1) {
      const row = newCase({
        item,
        kind: item.kind,
        applicantSubject: identity.subject,
        applicantName: input.applicantName,
        applicantIdNumber: input.applicantIdNumber,
        quantity: input.quantity,
        onCommitment: Boolean(input.onCommitment),
        windowId: current.entryWindowId,
        submitKey: key,
        now: this.clock.now(),
      });
      try {
        return await this.steps.unitOfWork.run(async (tx) => {
          const created = await this.steps.create(tx, row, item, applicantActor(identity), null);
          await this.files.attach(tx, identity, created.applicantSubject, created.id, "input.materials", materials, () => null, created.submittedAt);
          return created;
        });
      } catch (error) {
        if (!(error instanceof CreationConflict)) throw error;
        if (error.outcome === "submit_key_taken") {
          // The same submission, sent twice at once: the other one made the case.
          const first = await this.cases.findBySubmitKey(identity.subject, key);
          if (first) return sameSubmission(first, submission, key);
        }
      }
    }
    throw new Error("Could not draw a free receipt number");
  }

  /**
   * 代办 (issue 22): staff of a village point (代办员) or a township's convenience center take in
   * an application for an item of a center above theirs, on the applicant's behalf, with the
   * paper materials handed in. The case is the item's center's (the county department decides
   * it); the township serves the applicant (accepts it as agent, hands over the result), and
   * the routing slip starts with the take-in at the village or township. The applicant's
   * account, once verified for the ID number, sees the case as its own.
   */
  async takeInCase(identity: Identity, rawInput: unknown): Promise<CaseRow> {
    const input = validate(takeInCaseInput, rawInput, "input");
    requireRole(identity, ...STAFF_ROLES);
    const applicantSubject = applicantKeyOf(input.applicantIdNumber);
    if (!applicantSubject) throw invalidInput([{ field: "input.applicantIdNumber", message: "not a valid resident ID number" }]);
    const submitKey = `takein:${identity.subject}:${input.idempotencyKey}`.slice(0, 100);
    const submission = { ...input, onCommitment: false };
    const earlier = await this.cases.findBySubmitKey(applicantSubject, submitKey);
    if (earlier) return sameSubmission(earlier, submission, input.idempotencyKey);
    const current = await this.items.current(input.itemId);
    const item = current.version;
    if (!item) throw new DomainError(CaseErrorCode.UnknownItem, `Item ${input.itemId} is not in the catalog`, { field: "input.itemId" });
    requireOpen(input.itemId, current);
    if (item.kind === "JOINT") {
      throw new DomainError(CaseErrorCode.JointApprovalRequired, "A joint item (联办件) is applied for through a joint approval, not on its own");
    }
    const scope = centerScope(identity.centerCode, item.centerCode, "TAKE_IN");
    if (!scope.allowed || scope.as !== "AGENT" || !identity.centerCode) {
      throw new DomainError(CaseErrorCode.NotAnAgentCenter, `Service center ${identity.centerCode ?? "(none)"} takes in nothing for ${item.centerCode} as agent (代办)`, {
        field: "input.itemId",
        centerCode: identity.centerCode,
        itemCenterCode: item.centerCode,
      });
    }
    const unknown = input.materialCodes.filter((code) => !item.materials.some((m) => m.code === code));
    if (unknown.length > 0) {
      throw new DomainError(CaseErrorCode.UnknownMaterial, `Not materials of the item version: ${unknown.join(", ")}`, { materials: unknown, field: "input.materialCodes" });
    }
    const agentCenterCode = centerLevelOf(identity.centerCode) === "VILLAGE" ? parentCodeOf(identity.centerCode) : identity.centerCode;
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt += 1) {
      const row = newCase({
        item,
        kind: item.kind,
        applicantSubject,
        applicantName: input.applicantName,
        applicantIdNumber: input.applicantIdNumber,
        quantity: input.quantity,
        onCommitment: false,
        windowId: null,
        submitKey,
        now: this.clock.now(),
        agentCenterCode,
        intakeCenterCode: identity.centerCode,
      });
      try {
        return await this.steps.unitOfWork.run((tx) =>
          this.steps.create(tx, { ...row, handlerId: identity.subject }, item, staffActor(identity), { takenIn: true, handedIn: input.materialCodes }),
        );
      } catch (error) {
        if (!(error instanceof CreationConflict)) throw error;
        if (error.outcome === "submit_key_taken") {
          const first = await this.cases.findBySubmitKey(applicantSubject, submitKey);
          if (first) return sameSubmission(first, submission, input.idempotencyKey);
        }
      }
    }
    throw new Error("Could not draw a free receipt number");
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
        // Handing in what a notice asked for is taking in (a village point may); at the case's own center it needs the letter's ACCEPT.
        await this.access.requireStaffScope(tx, identity, current, "TAKE_IN");
        if (identity.centerCode === current.centerCode) await this.access.requireLetter(context, identity, "ACCEPT");
      } else {
        requireApplicant(identity, current);
      }
      requireTransition("SUPPLY_MATERIALS", current, current.status);
      const requests = await this.materials.requestsOf(current.id, tx);
      const match = matchSupply(requests, input.materials.map((m) => m.code));
      if (!match.ok) throw new DomainError(match.code, match.message, match.details);
      const answered = match.answered as MaterialRequestRow[];
      const refs = new Map(input.materials.map((m) => [m.code, m.documentRef ?? null]));
      await this.materials.markSupplied(tx, answered.map((r) => ({ id: r.id, documentRef: refs.get(r.materialCode) ?? null })), now, actor.id);
      const withFiles = input.materials.map((m) => ({ code: m.code, fileIds: m.fileIds ?? [] }));
      const requestOf = (code: string) => answered.find((r) => r.materialCode === code)?.id ?? null;
      await this.files.attach(tx, identity, current.applicantSubject, current.id, "materials", withFiles, requestOf, now);
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
      requireApplicant(identity, context.current);
      requireTransition("WITHDRAW", context.current);
      return this.endings.closing(context, "WITHDRAWN", "WITHDRAWN", input.reason);
    });
  }

  /** 首问负责: the first staff member refers the case to the right window and stays its owner. */
  async referCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(referInput, rawInput);
    requireRole(identity, ...STAFF_ROLES);
    return this.steps.run(caseId, staffActor(identity), "REFER", input.idempotencyKey ?? null, async ({ tx, current }) => {
      requireSameCenter(identity, current);
      const ownsOrServes =
        current.handlerId === identity.subject || (identity.windowId !== null && identity.windowId === current.windowId) || identity.departmentId === current.departmentId;
      if (!ownsOrServes) throw forbidden(`Case ${current.id} is neither yours nor at your window`);
      requireTransition("REFER", current);
      const target = await this.hall.window(input.toWindowId, tx);
      if (!target || target.centerCode !== current.centerCode) throw new DomainError(CaseErrorCode.UnknownWindow, `Window ${input.toWindowId} is not in the hall`, { field: "toWindowId" });
      if (!windowServes(target, current.departmentId)) {
        throw new DomainError(CaseErrorCode.WindowDoesNotServe, `Window ${target.code} does not take cases of this department`, { field: "toWindowId" });
      }
      return {
        to: current.status,
        opinion: input.reason,
        changes: { windowId: target.windowId, handlerId: current.handlerId ?? identity.subject },
        details: { fromWindowId: current.windowId, toWindowId: target.windowId },
      };
    });
  }
}

function sameSubmission(earlier: CaseRow, again: Submission, key: string): CaseRow {
  const differs = submissionDiffers(earlier, again);
  if (differs) {
    throw new DomainError(CaseErrorCode.IdempotencyKeyReused, `Key ${key} was used for another submission (its ${differs} differs): make a new key for a new submission`, {
      field: "input.idempotencyKey",
      differs: `input.${differs}`,
    });
  }
  return earlier;
}
