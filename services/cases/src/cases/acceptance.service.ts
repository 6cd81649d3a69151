import { clockState, shanghaiDayOf } from "@onestop/calendar";
import { casesEvents } from "@onestop/events";
import { DomainError, onCalendar, validate, type Identity, type Tx } from "@onestop/platform";
import { timeLimit } from "../clocks/clocks.rules";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import type { ItemVersionReplicaRow } from "../items/entities";
import type { ItemReplicaRepository } from "../items/items.repository";
import { checkDeficiencies, checkMaterialNotice } from "../materials/materials.rules";
import type { MaterialsRepository } from "../materials/materials.repository";
import { owesFee } from "../payments/payments.rules";
import type { CaseAccess } from "./case-access";
import type { CaseEndings } from "./case-endings";
import { requireTransition, systemActor } from "./case-steps";
import type { CaseRow } from "./entities";
import { acceptInput, instantDecisionInput, noticeInput, reasonInput } from "./inputs";
import { requireOpen } from "./new-case";

/**
 * 受理 at the window: acceptance under the item's current version (容缺 where it allows),
 * refusal, the one-time notice, and instant items accepted and decided in one step.
 */
export class AcceptanceService {
  constructor(
    private readonly items: ItemReplicaRepository,
    private readonly access: CaseAccess,
    private readonly endings: CaseEndings,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
  ) {}

  /** 受理: accepted under the item's current version; 容缺 where the item allows it. */
  async acceptCase(identity: Identity, caseId: string, rawInput: unknown = {}): Promise<CaseRow> {
    const input = validate(acceptInput, rawInput);
    return this.access.staffStep(identity, caseId, "ACCEPT", input.idempotencyKey, () => "ACCEPT", async (context) => {
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
          ...versionChanges(current, item),
          acceptedAt: now,
          handlerId: current.handlerId ?? identity.subject,
          windowId: identity.windowId ?? current.windowId,
          deficiencyDueDay: deficiencies?.dueDay ?? null,
          ticketId: input.ticketId ?? current.ticketId,
        },
        details: deficiencies ? { deferredMaterials: deficiencies.materialCodes, dueDay: deficiencies.dueDay } : null,
        after: (tx, accepted) => publishAccepted(tx, accepted),
      };
    });
  }

  /** 不予受理, with the reason. */
  async refuseCase(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(reasonInput, rawInput);
    return this.access.staffStep(identity, caseId, "REFUSE", input.idempotencyKey, () => "ACCEPT", async (context) => {
      requireTransition("REFUSE", context.current);
      const plan = await this.endings.closing(context, "REFUSED", "REFUSED", input.reason);
      return { ...plan, changes: { ...plan.changes, handlerId: context.current.handlerId ?? identity.subject } };
    });
  }

  /**
   * 一次性告知: every missing or wrong material of the item version, listed at once. The
   * acceptance clock stops until the applicant has supplied all of them.
   */
  async issueMaterialNotice(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(noticeInput, rawInput);
    return this.access.staffStep(identity, caseId, "ISSUE_MATERIAL_NOTICE", input.idempotencyKey, () => "ACCEPT", async (context) => {
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
        changes: { ...versionChanges(current, item), handlerId: current.handlerId ?? identity.subject, clockEvents: current.clockEvents + 1 },
        details: { noticeSeq: check.noticeSeq, materials: input.materials.map((m) => ({ code: m.code, problem: m.problem })) },
        after: (tx, noticed) =>
          tx.publish(
            casesEvents.caseMaterialNoticeIssued,
            {
              caseId: noticed.id,
              receiptNo: noticed.receiptNo,
              centerCode: noticed.centerCode,
              itemId: noticed.itemId,
              itemVersion: noticed.itemVersion,
              departmentId: noticed.departmentId,
              applicantSubject: noticed.applicantSubject,
              windowId: noticed.windowId,
              noticeSeq: check.noticeSeq,
              materials: input.materials.map((line) => ({
                code: line.code,
                name: item.materials.find((m) => m.code === line.code)!.name,
                problem: line.problem,
                note: line.note ?? null,
              })),
              issuedAt: now.toISOString(),
            },
            { centerCode: noticed.centerCode },
          ),
      };
    });
  }

  /** 即办件: accepted and decided at the window in one step, by staff authorized for instant decisions. */
  async decideInstantly(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(instantDecisionInput, rawInput);
    return this.access.staffStep(identity, caseId, "DECIDE_INSTANTLY", input.idempotencyKey, () => "DECIDE_INSTANT", async (context) => {
      const { tx, current, now } = context;
      requireTransition("DECIDE_INSTANTLY", current, "CONCLUDED");
      const item = await this.currentOpenVersion(current.itemId, tx);
      if (input.decision === "DENY" && item.vetoEscalation !== "NONE") {
        throw new DomainError(CaseErrorCode.VetoNeedsSignature, "A veto on this item needs the chief representative's signature; it cannot be decided on the spot");
      }
      const feeRequired = owesFee(item.feeStandard, current.quantity);
      const concludesNow = input.decision === "DENY" || !feeRequired;
      const outcome = input.decision === "APPROVE" ? "APPROVED" : "DENIED";
      return {
        to: concludesNow ? "CONCLUDED" : "APPROVED",
        item,
        opinion: input.opinion,
        changes: {
          ...versionChanges(current, item),
          promisedDays: 0,
          acceptedAt: now,
          decidedAt: now,
          decidedBy: identity.subject,
          decisionOpinion: input.opinion,
          outcome,
          concludedAt: concludesNow ? now : null,
          handlerId: current.handlerId ?? identity.subject,
          windowId: identity.windowId ?? current.windowId,
          ticketId: input.ticketId ?? current.ticketId,
        },
        details: { decision: input.decision },
        after: (tx, decided) => publishAccepted(tx, decided),
        conclusion: concludesNow ? { outcome } : undefined,
      };
    });
  }

  private async currentOpenVersion(itemId: string, tx: Tx): Promise<ItemVersionReplicaRow> {
    const current = await this.items.current(itemId, tx);
    requireOpen(itemId, current);
    if (!current.version) throw new DomainError(CaseErrorCode.UnknownItem, `Item ${itemId} is not in the catalog`);
    return current.version;
  }

  private deadlineDayFrom(acceptedAt: Date, promisedDays: number): string | null {
    return onCalendar(() => clockState(this.clocks.calendar, timeLimit(acceptedAt, promisedDays, [])).dueDay);
  }
}

/** The case is judged by this version from now on: its limit, fee and commitment rule. */
function versionChanges(current: CaseRow, item: ItemVersionReplicaRow): Partial<CaseRow> {
  return {
    itemVersion: item.version,
    promisedDays: item.promisedLimitDays,
    feeRequired: owesFee(item.feeStandard, current.quantity),
    onCommitment: current.onCommitment && item.allowsCommitment,
  };
}

async function publishAccepted(tx: Tx, accepted: CaseRow): Promise<void> {
  await tx.publish(
    casesEvents.caseAccepted,
    {
      caseId: accepted.id,
      receiptNo: accepted.receiptNo,
      centerCode: accepted.centerCode,
      itemId: accepted.itemId,
      itemVersion: accepted.itemVersion,
      departmentId: accepted.departmentId,
      agentCenterCode: accepted.agentCenterCode,
      intakeCenterCode: accepted.intakeCenterCode,
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
      jointLeadDepartmentId: accepted.jointLeadDepartmentId,
      ticketId: accepted.ticketId,
    },
    { centerCode: accepted.centerCode },
  );
}
