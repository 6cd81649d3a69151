import { randomUUID } from "node:crypto";
import type { AuthorizationReplica } from "@onestop/authorization";
import {
  DomainError,
  forbidden,
  hasRole,
  isDuplicateKey,
  notFound,
  requireRole,
  unauthenticated,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import { isFinanceOf, isOverseerOf, isStaffOf, maySeeNotice } from "../access.rules";
import { FeeErrorCode } from "../errors";
import { requireNoticeLetter } from "../notice-letters";
import type { FeeCaseRow, FeeReductionRow, PaymentNoticeRow } from "./entities";
import { noticeChange, reductionDecision, reductionRequest } from "./inputs";
import { SYSTEM, type NoticeIssuingService } from "./notice-issuing.service";
import { conclusionCancelsUnpaidNotices, noticeActionRefusal, type NoticeAction } from "./notice.rules";
import type { NoticesRepository } from "./notices.repository";

function refuse(status: PaymentNoticeRow["status"], action: NoticeAction, noticeId: string): void {
  const refusal = noticeActionRefusal(status, action);
  if (refusal) throw new DomainError(refusal.code, refusal.message, { noticeId });
}

/**
 * What the department's staff and the center's finance do to notices: staff cancel, reissue
 * and ask for a reduction (减免), each as their authorization letter allows; finance decides
 * reductions. The notices themselves are
 * written by the issuing service.
 */
export class NoticeChangesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly issuing: NoticeIssuingService,
    private readonly authorization: AuthorizationReplica,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async cancelNotice(identity: Identity, raw: unknown): Promise<PaymentNoticeRow> {
    const input = validate(noticeChange, raw);
    return this.unitOfWork.run(async (tx) => {
      const notice = await this.lockNoticeOfDepartment(tx, identity, input.noticeId);
      await requireNoticeLetter(this.authorization, tx, identity, "CANCEL_FEE_NOTICE", notice);
      refuse(notice.status, "CANCEL", notice.id);
      return this.issuing.cancel(tx, notice, input.reason, identity.subject);
    });
  }

  /** 重开: an unpaid notice (typically expired) is replaced by one assessed again from the standard. */
  async reissueNotice(identity: Identity, raw: unknown): Promise<PaymentNoticeRow> {
    const input = validate(noticeChange, raw);
    const seen = await this.notices.find(input.noticeId);
    if (!seen || !isStaffOf(identity, seen.centerCode, seen.departmentId)) throw this.hiddenOrForbidden(identity, seen, input.noticeId);
    return this.unitOfWork.run(async (tx) => {
      const feeCase = await this.notices.lockCase(tx, seen.caseId, seen.centerCode);
      const notice = (await this.notices.lockNotice(tx, seen.id))!;
      await requireNoticeLetter(this.authorization, tx, identity, "REISSUE_FEE_NOTICE", notice);
      refuse(notice.status, "REISSUE", notice.id);
      if (feeCase.concludedOutcome && conclusionCancelsUnpaidNotices(feeCase.concludedOutcome)) {
        throw new DomainError(FeeErrorCode.InvalidTransition, "The case has ended; nothing is owed on it", { caseId: feeCase.caseId });
      }
      return this.issuing.replace(tx, feeCase, notice, `重开 (reissued): ${input.reason}`, identity.subject);
    });
  }

  async requestReduction(identity: Identity, raw: unknown): Promise<FeeReductionRow> {
    const input = validate(reductionRequest, raw, "input");
    return this.unitOfWork.run(async (tx) => {
      const notice = await this.lockNoticeOfDepartment(tx, identity, input.noticeId);
      await requireNoticeLetter(this.authorization, tx, identity, "REQUEST_FEE_REDUCTION", notice);
      refuse(notice.status, "REDUCE", notice.id);
      const reduction: FeeReductionRow = {
        id: randomUUID(),
        centerCode: notice.centerCode,
        noticeId: notice.id,
        openNoticeId: notice.id,
        caseId: notice.caseId,
        departmentId: notice.departmentId,
        percent: input.percent,
        policy: input.policy,
        reason: input.reason,
        status: "REQUESTED",
        requestedBy: identity.subject,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        resultingNoticeId: null,
      };
      try {
        await this.notices.insertReduction(tx, reduction);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DomainError(FeeErrorCode.Conflict, "A reduction of this notice is already waiting for finance", { noticeId: notice.id });
      }
      return reduction;
    });
  }

  /**
   * Finance decides. Approved: a full waiver settles the notice as WAIVED; a partial one
   * replaces it with a notice whose every line carries the reduction, as will every later
   * reissue of the case. Whoever asked for the reduction may not approve it.
   */
  async decideReduction(identity: Identity, raw: unknown): Promise<FeeReductionRow> {
    const input = validate(reductionDecision, raw, "input");
    requireRole(identity, "finance");
    const seen = await this.notices.findReduction(input.reductionId);
    if (!seen || !(isFinanceOf(identity, seen.centerCode) || isOverseerOf(identity, seen.centerCode))) {
      throw new DomainError(FeeErrorCode.ReductionUnknown, `No reduction ${input.reductionId}`, { reductionId: input.reductionId });
    }
    if (!isFinanceOf(identity, seen.centerCode)) throw forbidden("Only the center's finance decides reductions");
    if (seen.requestedBy === identity.subject) {
      throw new DomainError(FeeErrorCode.SameRequesterAndApprover, "Whoever asked for a reduction may not approve it", { reductionId: seen.id });
    }
    return this.unitOfWork.run(async (tx) => {
      const feeCase = await this.notices.lockCase(tx, seen.caseId, seen.centerCode);
      const notice = (await this.notices.lockNotice(tx, seen.noticeId))!;
      const reduction = (await this.notices.lockReduction(tx, seen.id))!;
      if (reduction.status !== "REQUESTED") {
        throw new DomainError(FeeErrorCode.InvalidTransition, `The reduction was ${reduction.status.toLowerCase()} already`, { reductionId: seen.id });
      }
      const decision = { decidedBy: identity.subject, decidedAt: this.clock.now(), decisionNote: input.note, openNoticeId: null };
      if (!input.approve) {
        const rejected = { ...reduction, ...decision, status: "REJECTED" as const };
        await this.notices.updateReduction(tx, reduction.id, rejected);
        return rejected;
      }
      refuse(notice.status, "REDUCE", notice.id);
      const reducedCase: FeeCaseRow = { ...feeCase, reductionId: reduction.id, reductionPercent: reduction.percent };
      let resultingNoticeId: string | null = null;
      if (reduction.percent === 100) {
        await this.notices.saveCase(tx, reducedCase);
        await this.issuing.waive(tx, notice, reduction);
      } else {
        const replacement = await this.issuing.replace(tx, reducedCase, notice, `减免 ${reduction.percent}% (reduction approved): ${reduction.policy}`, SYSTEM);
        resultingNoticeId = replacement.status === "ISSUED" ? replacement.id : null;
      }
      const approved = { ...reduction, ...decision, status: "APPROVED" as const, resultingNoticeId };
      await this.notices.updateReduction(tx, reduction.id, approved);
      return approved;
    });
  }

  private async lockNoticeOfDepartment(tx: Tx, identity: Identity, noticeId: string): Promise<PaymentNoticeRow> {
    const notice = await this.notices.lockNotice(tx, noticeId);
    if (!notice || !isStaffOf(identity, notice.centerCode, notice.departmentId)) throw this.hiddenOrForbidden(identity, notice, noticeId);
    return notice;
  }

  /** Someone who may not see the notice learns nothing of it; one who sees it but may not act is told so. */
  private hiddenOrForbidden(identity: Identity, notice: PaymentNoticeRow | null, noticeId: string): DomainError {
    if (!hasRole(identity, "window_staff", "chief_representative")) {
      return hasRole(identity, "anonymous") ? unauthenticated() : forbidden("Only the department's window staff act on its notices");
    }
    if (notice && maySeeNotice(identity, notice)) return forbidden("Only the department's window staff act on its notices");
    return notFound("Payment notice", noticeId);
  }
}
