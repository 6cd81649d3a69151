import { forbidden, validate, type Identity } from "@onestop/platform";
import { isOverseerOf, isStaffOf, maySeeNotice } from "../access.rules";
import type { CaseAssessment, FeeReductionRow, FeeReductionStatus, PaymentNoticeRow } from "./entities";
import { reductionQuery } from "./inputs";
import type { NoticesRepository } from "./notices.repository";

/** Reading notices and reductions: each caller sees what the access rules let them see, and learns nothing of the rest. */
export class NoticesService {
  constructor(private readonly notices: NoticesRepository) {}

  async noticesOfCase(identity: Identity, caseId: string): Promise<PaymentNoticeRow[]> {
    return (await this.notices.forCase(caseId)).filter((notice) => maySeeNotice(identity, notice));
  }

  /** The payer, the department's staff, the bank and the center's overseers see how the case's fee stands. */
  async caseAssessment(identity: Identity, caseId: string): Promise<CaseAssessment | null> {
    const feeCase = await this.notices.findCase(caseId);
    if (!feeCase) return null;
    const visible =
      isOverseerOf(identity, feeCase.centerCode) ||
      maySeeNotice(identity, { centerCode: feeCase.centerCode, departmentId: feeCase.departmentId ?? "", payerSubject: feeCase.payerSubject ?? "" });
    return visible ? feeCase.assessment : null;
  }

  async notice(identity: Identity, noticeId: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.find(noticeId);
    return notice && maySeeNotice(identity, notice) ? notice : null;
  }

  /** What the bank (or anyone allowed to see it) finds under a number; null when there is none for the caller. */
  async noticeByNo(identity: Identity, noticeNo: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.findByNo(noticeNo);
    return notice && maySeeNotice(identity, notice) ? notice : null;
  }

  async noticesById(identity: Identity, ids: readonly string[]): Promise<Map<string, PaymentNoticeRow>> {
    const rows = await this.notices.findMany(ids);
    return new Map(rows.filter((row) => maySeeNotice(identity, row)).map((row) => [row.id, row]));
  }

  async reduction(identity: Identity, reductionId: string): Promise<FeeReductionRow | null> {
    const reduction = await this.notices.findReduction(reductionId);
    if (!reduction) return null;
    const visible = isOverseerOf(identity, reduction.centerCode) || isStaffOf(identity, reduction.centerCode, reduction.departmentId);
    return visible ? reduction : null;
  }

  async reductions(identity: Identity, raw: unknown): Promise<FeeReductionRow[]> {
    const input = validate(reductionQuery, raw);
    if (isOverseerOf(identity, input.centerCode)) return this.notices.reductions(input.centerCode, input.status as FeeReductionStatus | null, null);
    if (identity.departmentId && isStaffOf(identity, input.centerCode, identity.departmentId)) {
      return this.notices.reductions(input.centerCode, input.status as FeeReductionStatus | null, identity.departmentId);
    }
    throw forbidden("Reductions are seen by the center's finance, administration and supervision, and the department's staff");
  }
}
