import type { Clock, SubgraphContext } from "@onestop/platform";
import { iso } from "../scalars";
import type { FeeReductionRow, PaymentNoticeRow } from "./entities";
import { shownStatus } from "./notice.rules";
import type { NoticeChangesService } from "./notice-changes.service";
import type { NoticesService } from "./notices.service";

export function noticesResolvers(service: NoticesService, changes: NoticeChangesService, clock: Clock) {
  return {
    Query: {
      paymentNotice: (_: unknown, args: { noticeNo: string }, context: SubgraphContext) => service.noticeByNo(context.identity, args.noticeNo),
      feeReductions: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => service.reductions(context.identity, args),
    },
    Mutation: {
      cancelPaymentNotice: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => changes.cancelNotice(context.identity, args),
      reissuePaymentNotice: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => changes.reissueNotice(context.identity, args),
      requestFeeReduction: (_: unknown, args: { input: unknown }, context: SubgraphContext) => changes.requestReduction(context.identity, args.input),
      decideFeeReduction: (_: unknown, args: { input: unknown }, context: SubgraphContext) => changes.decideReduction(context.identity, args.input),
    },
    PaymentNotice: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => service.notice(context.identity, reference.id),
      status: (notice: PaymentNoticeRow) => shownStatus(notice, clock.now()),
      payable: (notice: PaymentNoticeRow) => shownStatus(notice, clock.now()) === "ISSUED",
      account: (notice: PaymentNoticeRow) =>
        notice.accountNo ? { accountNo: notice.accountNo, accountName: notice.accountName, bankName: notice.bankName } : null,
      department: (notice: PaymentNoticeRow) => ({ id: notice.departmentId }),
      item: (notice: PaymentNoticeRow) => ({ id: notice.itemId }),
      case: (notice: PaymentNoticeRow) => ({ id: notice.caseId }),
      issuedAt: (notice: PaymentNoticeRow) => iso(notice.issuedAt),
      expiresAt: (notice: PaymentNoticeRow) => iso(notice.expiresAt),
      paidAt: (notice: PaymentNoticeRow) => iso(notice.paidAt),
      settledAt: (notice: PaymentNoticeRow) => iso(notice.settledAt),
      cancelledAt: (notice: PaymentNoticeRow) => iso(notice.cancelledAt),
      replaces: (notice: PaymentNoticeRow, _: unknown, context: SubgraphContext) =>
        notice.replacesNoticeId ? service.notice(context.identity, notice.replacesNoticeId) : null,
      replacedBy: (notice: PaymentNoticeRow, _: unknown, context: SubgraphContext) =>
        notice.replacedByNoticeId ? service.notice(context.identity, notice.replacedByNoticeId) : null,
      reduction: (notice: PaymentNoticeRow, _: unknown, context: SubgraphContext) =>
        notice.reductionId ? service.reduction(context.identity, notice.reductionId) : null,
    },
    Case: {
      __resolveReference: (reference: { id: string }) => reference,
      paymentNotices: (reference: { id: string }, _: unknown, context: SubgraphContext) => service.noticesOfCase(context.identity, reference.id),
      feeAssessment: (reference: { id: string }, _: unknown, context: SubgraphContext) => service.caseAssessment(context.identity, reference.id),
    },
    FeeReduction: {
      notice: (reduction: FeeReductionRow, _: unknown, context: SubgraphContext) => service.notice(context.identity, reduction.noticeId),
      waiver: (reduction: FeeReductionRow) => reduction.percent === 100,
      requestedAt: (reduction: FeeReductionRow) => iso(reduction.requestedAt),
      decidedAt: (reduction: FeeReductionRow) => iso(reduction.decidedAt),
      resultingNotice: (reduction: FeeReductionRow, _: unknown, context: SubgraphContext) =>
        reduction.resultingNoticeId ? service.notice(context.identity, reduction.resultingNoticeId) : null,
    },
  };
}
