import type { SubgraphContext } from "@onestop/platform";
import type { PaymentNoticeRow } from "./entities";
import type { NoticesService } from "./notices.service";

export function noticesResolvers(service: NoticesService) {
  return {
    PaymentNotice: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => service.notice(context.identity, reference.id),
      department: (notice: PaymentNoticeRow) => ({ id: notice.departmentId }),
      case: (notice: PaymentNoticeRow) => ({ id: notice.caseId }),
      issuedAt: (notice: PaymentNoticeRow) => notice.issuedAt.toISOString(),
      expiresAt: (notice: PaymentNoticeRow) => notice.expiresAt.toISOString(),
    },
    Case: {
      __resolveReference: (reference: { id: string }) => reference,
      paymentNotices: (reference: { id: string }, _: unknown, context: SubgraphContext) =>
        service.noticesOfCase(context.identity, reference.id),
    },
  };
}
