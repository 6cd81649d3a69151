import { deadlineDayOf } from "@onestop/calendar";
import type { Resolvers } from "../schema/resolvers.generated";
import { iso, type Clock } from "@onestop/platform";
import { mayReadCases } from "../access.rules";
import { shownStatus } from "./notice.rules";
import type { NoticeChangesService } from "./notice-changes.service";
import type { NoticesService } from "./notices.service";

export function noticesResolvers(service: NoticesService, changes: NoticeChangesService, clock: Clock): Resolvers {
  return {
    Query: {
      paymentNotice: (_, args, context) => service.noticeByNo(context.identity, args.noticeNo),
      feeReductions: (_, args, context) => service.reductions(context.identity, args),
      feeReductionPage: (_, args, context) => service.reductionPage(context.identity, args),
    },
    Mutation: {
      cancelPaymentNotice: (_, args, context) => changes.cancelNotice(context.identity, args),
      reissuePaymentNotice: (_, args, context) => changes.reissueNotice(context.identity, args),
      requestFeeReduction: (_, args, context) => changes.requestReduction(context.identity, args.input),
      decideFeeReduction: (_, args, context) => changes.decideReduction(context.identity, args.input),
    },
    PaymentNotice: {
      __resolveReference: (reference, context) => service.notice(context, reference.id),
      status: (notice) => shownStatus(notice, clock.now()),
      payable: (notice) => shownStatus(notice, clock.now()) === "ISSUED",
      account: (notice) =>
        notice.accountNo ? { accountNo: notice.accountNo, accountName: notice.accountName, bankName: notice.bankName } : null,
      department: (notice) => ({ id: notice.departmentId }),
      item: (notice) => ({ id: notice.itemId }),
      case: (notice, _, context) => (mayReadCases(context.identity) ? { id: notice.caseId } : null),
      issuedAt: (notice) => iso(notice.issuedAt),
      expiresAt: (notice) => iso(notice.expiresAt),
      expiresDay: (notice) => deadlineDayOf(notice.expiresAt),
      paidAt: (notice) => iso(notice.paidAt),
      settledAt: (notice) => iso(notice.settledAt),
      cancelledAt: (notice) => iso(notice.cancelledAt),
      replaces: (notice, _, context) =>
        notice.replacesNoticeId ? service.notice(context, notice.replacesNoticeId) : null,
      replacedBy: (notice, _, context) =>
        notice.replacedByNoticeId ? service.notice(context, notice.replacedByNoticeId) : null,
      reduction: (notice, _, context) =>
        notice.reductionId ? service.reduction(context.identity, notice.reductionId) : null,
    },
    Case: {
      __resolveReference: (reference) => reference,
      paymentNotices: (reference, _, context) => service.noticesOfCase(context, reference.id),
      feeAssessment: (reference, _, context) => service.caseAssessment(context, reference.id),
    },
    FeeReduction: {
      notice: async (reduction, _, context) => (await service.notice(context, reduction.noticeId))!,
      waiver: (reduction) => reduction.percent === 100,
      requestedAt: (reduction) => iso(reduction.requestedAt),
      decidedAt: (reduction) => iso(reduction.decidedAt),
      resultingNotice: (reduction, _, context) =>
        reduction.resultingNoticeId ? service.notice(context, reduction.resultingNoticeId) : null,
    },
  };
}
