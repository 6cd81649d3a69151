import { iso } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import { ACCEPTED, receiptNumber, refusalMessage } from "./payment.rules";
import type { NoticesService } from "../notices/notices.service";
import type { PaymentsService } from "./payments.service";

export function paymentsResolvers(service: PaymentsService, notices: NoticesService): Resolvers {
  return {
    Query: {
      refunds: (_, args, context) => service.refunds(context.identity, args),
      refundPage: (_, args, context) => service.refundPage(context.identity, args),
      bankTransaction: (_, args, context) => service.bankTransaction(context.identity, args),
      bankTransactions: (_, args, context) => service.bankTransactions(context.identity, args),
    },
    Mutation: {
      recordBankPayment: (_, args, context) => service.recordBankPayment(context.identity, args.input),
      requestRefund: (_, args, context) => service.requestRefund(context.identity, args.input),
      decideRefund: (_, args, context) => service.decideRefund(context.identity, args.input),
      recordBankRefund: (_, args, context) => service.recordBankRefund(context.identity, args.input),
    },
    BankPayment: {
      paidAt: (payment) => iso(payment.paidAt),
      recordedAt: (payment) => iso(payment.recordedAt),
      notice: async (payment, _, context) => (await notices.notice(context, payment.noticeId))!,
    },
    BankTransaction: {
      accepted: (txn) => txn.outcome === ACCEPTED,
      refusalCode: (txn) => (txn.outcome === ACCEPTED ? null : txn.outcome),
      refusalMessage: (txn) => (txn.outcome === ACCEPTED ? null : refusalMessage(txn.outcome)),
      noticeNo: (txn) => txn.noticeNo || null,
      paidAt: (txn) => iso(txn.paidAt),
      receiptNo: (txn) => (txn.kind === "PAYMENT" && txn.outcome === ACCEPTED ? receiptNumber(txn.centerCode, Number(txn.sequence)) : null),
      recordedAt: (txn) => iso(txn.recordedAt),
      payment: (txn) => service.acceptedPayment(txn),
    },
    Refund: {
      notice: async (refund, _, context) => (await notices.notice(context, refund.noticeId))!,
      requestedAt: (refund) => iso(refund.requestedAt),
      decidedAt: (refund) => iso(refund.decidedAt),
      refundedAt: (refund) => iso(refund.refundedAt),
    },
    PaymentNotice: {
      refund: (notice, _, context) => service.refundOfNotice(context.identity, notice.id),
    },
  };
}
