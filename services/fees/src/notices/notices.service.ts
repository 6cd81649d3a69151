import { byId, forbidden, groupedBy, requestLoader, validate, type Identity, type SubgraphContext } from "@onestop/platform";
import { isOverseerOf, isStaffOf, maySeeNotice } from "../access.rules";
import { pageOf } from "../request-paging.rules";
import { feeReductionStatuses, type CaseAssessment, type FeeReductionRow, type FeeReductionStatus, type PaymentNoticeRow } from "./entities";
import { reductionPageQuery, reductionQuery } from "./inputs";
import type { NoticesRepository } from "./notices.repository";

/** A page of requests finance decides, with how many match over all pages. */
export interface RequestPage<Row> {
  nodes: Row[];
  nextCursor: string | null;
  totalCount: number;
}

/** Reading notices and reductions: each caller sees what the access rules let them see, and learns nothing of the rest. */
export class NoticesService {
  // Batched per request: a page of cases asks for each case's notices and fee one by one, and
  // the gateway resolves a page's notice references one by one. The loaders read rows only;
  // what the caller may see is decided for each row below.
  private readonly noticesById = requestLoader(async (ids) => byId(await this.notices.findMany(ids)));
  private readonly noticesByCase = requestLoader(async (caseIds) => groupedBy(await this.notices.forCases(caseIds), (notice) => notice.caseId));
  private readonly feeCasesById = requestLoader(async (caseIds) => new Map((await this.notices.findCases(caseIds)).map((row) => [row.caseId, row])));

  constructor(private readonly notices: NoticesRepository) {}

  async noticesOfCase(context: SubgraphContext, caseId: string): Promise<PaymentNoticeRow[]> {
    const notices = (await this.noticesByCase.load(context, caseId)) ?? [];
    return notices.filter((notice) => maySeeNotice(context.identity, notice));
  }

  /** The payer, the department's staff, the bank and the center's overseers see how the case's fee stands. */
  async caseAssessment(context: SubgraphContext, caseId: string): Promise<CaseAssessment | null> {
    const { identity } = context;
    const feeCase = await this.feeCasesById.load(context, caseId);
    if (!feeCase) return null;
    const visible =
      isOverseerOf(identity, feeCase.centerCode) ||
      maySeeNotice(identity, {
        centerCode: feeCase.centerCode,
        departmentId: feeCase.departmentId ?? "",
        payerSubject: feeCase.payerSubject ?? "",
        jointLeadDepartmentId: feeCase.jointLeadDepartmentId,
      });
    return visible ? feeCase.assessment : null;
  }

  async notice(context: SubgraphContext, noticeId: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.noticesById.load(context, noticeId);
    return notice && maySeeNotice(context.identity, notice) ? notice : null;
  }

  /** What the bank (or anyone allowed to see it) finds under a number; null when there is none for the caller. */
  async noticeByNo(identity: Identity, noticeNo: string): Promise<PaymentNoticeRow | null> {
    const notice = await this.notices.findByNo(noticeNo);
    return notice && maySeeNotice(identity, notice) ? notice : null;
  }

  async reduction(identity: Identity, reductionId: string): Promise<FeeReductionRow | null> {
    const reduction = await this.notices.findReduction(reductionId);
    if (!reduction) return null;
    const visible = isOverseerOf(identity, reduction.centerCode) || isStaffOf(identity, reduction.centerCode, reduction.departmentId);
    return visible ? reduction : null;
  }

  /** The same reductions as `reductions`, in pages: newest first, `first` at a time. */
  async reductionPage(identity: Identity, raw: unknown): Promise<RequestPage<FeeReductionRow>> {
    const input = validate(reductionPageQuery, raw);
    const statuses = input.status ? [input.status] : [...feeReductionStatuses];
    let departmentId: string | null;
    if (isOverseerOf(identity, input.centerCode)) departmentId = null;
    else if (identity.departmentId && isStaffOf(identity, input.centerCode, identity.departmentId)) departmentId = identity.departmentId;
    else throw forbidden("Reductions are seen by the center's finance, administration and supervision, and the department's staff");
    const { rows, totalCount } = await this.notices.reductionPage({ centerCode: input.centerCode, statuses, departmentId }, input.after, input.first);
    return { ...pageOf(rows, input.first), totalCount };
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
