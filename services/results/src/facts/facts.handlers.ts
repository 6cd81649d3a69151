import { casesEvents, catalogEvents, feesEvents, staffingEvents, type EventPayload } from "@onestop/events";
import { onEvent, RetryLater, type Tx } from "@onestop/platform";
import type { DocumentIssuing, IssueRequest } from "../documents/issuing.service";
import type { FactsRepository } from "./facts.repository";

type StageChanged = EventPayload<typeof casesEvents.caseStageChanged>;

/** Steps whose opinion is the decision's: its reasons, when it denies. */
const decidingSteps = new Set(["APPROVE", "DENY", "SIGN_VETO", "UPHOLD_VETO", "RECORD_HIGHER_AUTHORITY_RESULT", "DECIDE_INSTANTLY", "REFUSE"]);

/** How the notice names a material's problem. */
const problemWords: Record<string, string> = { MISSING: "未提交", WRONG: "不符合要求，需更正" };

/** What a routing-slip step causes to be written; null when it writes nothing. */
export function documentFor(step: StageChanged): Omit<IssueRequest, "caseId" | "at"> | null {
  if (step.action === "ACCEPT") return { kind: "RECEIPT", cause: "accepted" };
  if (step.action === "ISSUE_MATERIAL_NOTICE") {
    const listed = (step.details?.materials ?? []) as { code: string; problem?: string | null }[];
    return { kind: "MATERIAL_NOTICE", cause: `notice:${step.slipSeq}`, materials: listed.map((m) => ({ code: m.code, problem: m.problem ? (problemWords[m.problem] ?? m.problem) : null })) };
  }
  if (!step.concludes) return null;
  if (step.outcome === "APPROVED" || step.outcome === "DEEMED_APPROVED") return { kind: "LICENCE", cause: "concluded" };
  if (step.outcome === "DENIED") return { kind: "DENIAL_DECISION", cause: "concluded" };
  if (step.outcome === "REFUSED") return { kind: "REFUSAL_DECISION", cause: "concluded" };
  return null;
}

export function factHandlers(facts: FactsRepository, issuing: DocumentIssuing) {
  const onStep = async (tx: Tx, step: StageChanged) => {
    const blank = {
      caseId: step.caseId,
      receiptNo: step.receiptNo,
      centerCode: step.centerCode,
      itemId: step.itemId,
      itemVersion: step.itemVersion,
      departmentId: step.departmentId,
      agentCenterCode: step.agentCenterCode ?? null,
      applicantSubject: null,
      applicantName: null,
      acceptedAt: null,
      deadlineAt: null,
      decisionOpinion: null,
      lastSeq: 0,
    };
    const known = await facts.caseForUpdate(tx, blank);
    const decides = decidingSteps.has(step.action) && step.opinion !== null;
    // Steps of a case may come out of order; a denial's reasons come with the step before its conclusion.
    const document = documentFor(step);
    if (document?.kind === "DENIAL_DECISION" && !decides && !known?.decisionOpinion && (known?.lastSeq ?? 0) < step.slipSeq - 1) {
      throw new RetryLater(`case ${step.caseId}: the decision before step ${step.slipSeq} has not come yet`, 300);
    }
    await facts.saveCase(tx, {
      caseId: step.caseId,
      receiptNo: step.receiptNo,
      centerCode: step.centerCode,
      itemId: step.itemId,
      itemVersion: step.itemVersion,
      departmentId: step.departmentId,
      agentCenterCode: step.agentCenterCode ?? known?.agentCenterCode ?? null,
      applicantSubject: step.applicantSubject ?? known?.applicantSubject ?? null,
      applicantName: step.applicantName ?? known?.applicantName ?? null,
      acceptedAt: step.acceptedAt ? new Date(step.acceptedAt) : (known?.acceptedAt ?? null),
      deadlineAt: step.deadline ? new Date(step.deadline) : (known?.deadlineAt ?? null),
      decisionOpinion: decides ? step.opinion : (known?.decisionOpinion ?? null),
      lastSeq: Math.max(known?.lastSeq ?? 0, step.slipSeq),
    });
    if (document) await issuing.issue(tx, { ...document, caseId: step.caseId, at: new Date(step.occurredAt) });
  };

  return [
    onEvent("results-item-replica", catalogEvents.itemPublished, (tx, item) =>
      facts.upsertItem(tx, {
        itemId: item.itemId,
        version: item.version,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        name: item.name,
        code: item.code || null,
        promisedLimitDays: item.promisedLimitDays,
        materials: item.materials.map((m) => ({ code: m.code, name: m.name })),
      }),
    ),
    onEvent("results-department-replica", staffingEvents.departmentRegistered, (tx, department) =>
      facts.upsertDepartment(tx, { departmentId: department.departmentId, centerCode: department.centerCode, name: department.name }),
    ),
    onEvent("results-case-steps", casesEvents.caseStageChanged, onStep),
    onEvent("results-payment-notices", feesEvents.paymentNoticeIssued, async (tx, notice) => {
      await issuing.issue(tx, {
        caseId: notice.caseId,
        kind: "PAYMENT_NOTICE",
        cause: notice.noticeId,
        at: new Date(notice.issuedAt ?? Date.now()),
        payment: { noticeNo: notice.noticeNo, amountFen: notice.amountFen, accountNo: notice.accountNo, expiresAt: notice.expiresAt ? new Date(notice.expiresAt) : null },
      });
    }),
  ];
}
