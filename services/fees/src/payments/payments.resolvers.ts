import type { SubgraphContext } from "@onestop/platform";
import { iso } from "../scalars";
import type { NoticesService } from "../notices/notices.service";
import type { PaymentNoticeRow } from "../notices/entities";
import type { RefundRow } from "./entities";
import type { BankPaymentView, PaymentsService } from "./payments.service";

export function paymentsResolvers(service: PaymentsService, notices: NoticesService) {
  return {
    Query: {
      refunds: (_: unknown, args: Record<string, unknown>, context: SubgraphContext) => service.refunds(context.identity, args),
    },
    Mutation: {
      recordBankPayment: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.recordBankPayment(context.identity, args.input),
      requestRefund: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.requestRefund(context.identity, args.input),
      decideRefund: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.decideRefund(context.identity, args.input),
      recordBankRefund: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.recordBankRefund(context.identity, args.input),
    },
    BankPayment: {
      paidAt: (payment: BankPaymentView) => iso(payment.paidAt),
      recordedAt: (payment: BankPaymentView) => iso(payment.recordedAt),
      notice: (payment: BankPaymentView, _: unknown, context: SubgraphContext) => notices.notice(context.identity, payment.noticeId),
    },
    Refund: {
      notice: (refund: RefundRow, _: unknown, context: SubgraphContext) => notices.notice(context.identity, refund.noticeId),
      requestedAt: (refund: RefundRow) => iso(refund.requestedAt),
      decidedAt: (refund: RefundRow) => iso(refund.decidedAt),
      refundedAt: (refund: RefundRow) => iso(refund.refundedAt),
    },
    PaymentNotice: {
      refund: (notice: PaymentNoticeRow, _: unknown, context: SubgraphContext) => service.refundOfNotice(context.identity, notice.id),
    },
  };
}
