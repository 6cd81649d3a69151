import { casesEvents, feesEvents, staffingEvents, supervisionEvents, type EventPayload } from "@onestop/events";
import { onEvent, RetryLater, type EventHandler, type Tx } from "@onestop/platform";
import type { CaseDirectoryRow, NotificationsRepository } from "./notifications.repository";
import type { PreferencesService } from "../preferences/preferences.service";
import type { NotificationsService } from "./notifications.service";

type StageChanged = EventPayload<typeof casesEvents.caseStageChanged>;

/** Whose case it is, from a step: the event's applicant, or (events before it carried one) the applicant who submitted it. */
function directoryRow(event: StageChanged): CaseDirectoryRow | null {
  const subject = event.applicantSubject ?? (event.fromStatus === null && event.actorKind === "APPLICANT" ? event.actorId : null);
  if (!subject) return null;
  return { case_id: event.caseId, center_code: event.centerCode, department_id: event.departmentId, applicant_subject: subject, receipt_no: event.receiptNo, window_id: event.windowId, agent_center_code: event.agentCenterCode ?? null };
}

/** The agent center's name before staffing's register has reached this service. */
const TOWNSHIP_CENTER = "乡镇便民服务中心";

const notifiedOutcomes = new Set(["APPROVED", "DEEMED_APPROVED", "DENIED", "REFUSED", "RETURNED"]);

/**
 * The causes of notifications, from the services' events; each applies in the transaction of its
 * inbox row, and the notification's unique key (cause, channel) keeps a replayed stream harmless.
 */
export function notificationHandlers(repository: NotificationsRepository, service: NotificationsService, preferences: PreferencesService): EventHandler[] {
  /** The case's applicant; an event of fees or supervision may come before cases' step: it is tried again. */
  const caseOf = async (tx: Tx, caseId: string): Promise<CaseDirectoryRow> => {
    const found = await repository.caseOf(caseId, tx);
    if (!found) throw new RetryLater(`case ${caseId} not yet known`, 1000);
    return found;
  };

  /**
   * Where the applicant collects the result or brings materials: the case's window, or (代办) the
   * township serving a county case, where it was taken in.
   */
  const whereToGo = async (tx: Tx, target: CaseDirectoryRow): Promise<string | null> => {
    if (target.agent_center_code) return (await repository.centerName(target.agent_center_code, tx)) ?? TOWNSHIP_CENTER;
    return repository.windowName(target.window_id, tx);
  };

  return [
    onEvent("notify_case_steps", casesEvents.caseStageChanged, async (tx, event) => {
      const row = directoryRow(event);
      if (!row) return;
      const at = new Date(event.occurredAt);
      await repository.upsertCase(tx, row, at);
      const target = (await repository.caseOf(event.caseId, tx)) ?? row;
      const accepted = event.toStatus === "ACCEPTED" && event.action === "ACCEPT";
      const decidedOnTheSpot = event.action === "DECIDE_INSTANTLY" && !event.concludes;
      if (accepted || decidedOnTheSpot) {
        await service.notify(tx, target, { cause: "ACCEPTED", receiptNo: event.receiptNo, deadline: event.deadline }, "1", at);
      }
      if (event.concludes && event.outcome && notifiedOutcomes.has(event.outcome)) {
        const outcome = event.outcome as "APPROVED" | "DEEMED_APPROVED" | "DENIED" | "REFUSED" | "RETURNED";
        const windowName = await whereToGo(tx, target);
        await service.notify(tx, target, { cause: "RESULT_READY", receiptNo: event.receiptNo, outcome, opinion: event.opinion, windowName }, "1", at);
      }
    }),
    onEvent("notify_material_notice", casesEvents.caseMaterialNoticeIssued, async (tx, event) => {
      const at = new Date(event.issuedAt);
      const row: CaseDirectoryRow = { case_id: event.caseId, center_code: event.centerCode, department_id: event.departmentId, applicant_subject: event.applicantSubject, receipt_no: event.receiptNo, window_id: event.windowId, agent_center_code: event.agentCenterCode ?? null };
      await repository.upsertCase(tx, row, at);
      const windowName = await whereToGo(tx, row);
      await service.notify(
        tx,
        row,
        { cause: "MATERIALS_REQUESTED", receiptNo: event.receiptNo, noticeSeq: event.noticeSeq, materials: event.materials.map((m) => ({ name: m.name, problem: m.problem, note: m.note })), windowName },
        String(event.noticeSeq),
        at,
      );
    }),
    onEvent("notify_extension", casesEvents.caseDeadlineExtended, async (tx, event) => {
      const row: CaseDirectoryRow = { case_id: event.caseId, center_code: event.centerCode, department_id: event.departmentId, applicant_subject: event.applicantSubject, receipt_no: event.receiptNo, window_id: event.windowId, agent_center_code: event.agentCenterCode ?? null };
      await repository.upsertCase(tx, row, new Date(event.approvedAt));
      await service.notify(
        tx,
        row,
        { cause: "DEADLINE_EXTENDED", receiptNo: event.receiptNo, workingDays: event.workingDays, reason: event.applicantNotice || event.reason, deadline: event.deadline },
        event.approvedAt,
        new Date(event.approvedAt),
      );
    }),
    onEvent("notify_fee_due", feesEvents.paymentNoticeIssued, async (tx, event) => {
      const target = await caseOf(tx, event.caseId);
      await service.notify(
        tx,
        target,
        { cause: "FEE_DUE", receiptNo: target.receipt_no, noticeNo: event.noticeNo, amountFen: event.amountFen, expiresAt: event.expiresAt },
        event.noticeId,
        new Date(event.issuedAt ?? Date.now()),
      );
    }),
    onEvent("notify_follow_up", supervisionEvents.ratingFollowUpAnswered, async (tx, event) => {
      const target = await caseOf(tx, event.caseId);
      await service.notify(tx, target, { cause: "FOLLOW_UP_ANSWERED", receiptNo: event.receiptNo, answer: event.answer }, event.ratingId, new Date(event.answeredAt));
    }),
    // The number typed at registration, as the SMS number of an applicant who has not chosen one here.
    onEvent("contact_from_registration", staffingEvents.citizenRegistered, (tx, account) => preferences.registeredPhone(tx, account.accountId, account.phone)),
    onEvent("notify_windows", staffingEvents.windowPublished, (tx, w) => repository.upsertWindow(tx, { windowId: w.windowId, centerCode: w.centerCode, name: w.name, revision: w.revision })),
    onEvent("notify_centers", staffingEvents.serviceCenterPublished, (tx, c) => repository.upsertCenter(tx, { code: c.code, name: c.name, revision: c.revision })),
  ];
}
