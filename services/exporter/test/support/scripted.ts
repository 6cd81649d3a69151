import { randomUUID } from "node:crypto";
import { casesEvents, catalogEvents, jointEvents, supervisionEvents, type ApplicantKind, type EventDefinition } from "@onestop/events";
import { maskIdNumber } from "@onestop/platform";
import type { Published } from "../../../supervision/test/support/synthetic";
import { CENTER, step } from "../../../supervision/test/support/steps";

export { Publisher, type Published } from "../../../supervision/test/support/synthetic";
export { CENTER };

/** The item versions the scripted cases are of, with their 实施编码. */
export function catalogItems(): Published[] {
  return [1, 2, 3].map((n) => ({
    event: catalogEvents.itemPublished,
    id: randomUUID(),
    payload: catalogEvents.itemPublished.schema.parse({
      itemId: `item-${n}`,
      version: 1,
      centerCode: CENTER,
      departmentId: `dept-${n}`,
      name: `事项 ${n}`,
      kind: "PROMISED",
      legalLimitDays: 20,
      promisedLimitDays: 10,
      feeStandard: { kind: "FREE" },
      code: itemCodeOf(n),
    }),
  }));
}

/** The applicants' full numbers: a person's 居民身份证号 and an enterprise's 统一社会信用代码. None may reach Kafka. */
export const APPLICANT_NUMBERS = { PERSON: "11010519491231002X", ENTERPRISE: "91350100M000100Y43" } as const;

/** What cases puts into its stage and conclusion events for the province: the item's code, the applicant's kind and masked number. */
function provincialFields(n: number, item: number) {
  // Every seventh case was published before cases carried these fields: its events have none.
  if (n % 7 === 6) return {};
  const applicantKind: ApplicantKind = n % 2 === 0 ? "PERSON" : "ENTERPRISE";
  return { itemCode: itemCodeOf(item), applicantKind, applicantIdMasked: maskIdNumber(APPLICANT_NUMBERS[applicantKind]) };
}

/**
 * Every fifth case's events also carry the full number in a field no event declares (a producer's
 * slip): the exporter builds records from the fields it names, so it must not reach Kafka either.
 */
function withStray(event: EventDefinition, payload: unknown): unknown {
  const p = payload as { caseId?: string; applicantKind?: keyof typeof APPLICANT_NUMBERS | null };
  if (event.stream.name !== casesEvents.caseStageChanged.stream.name || !p.applicantKind || Number(p.caseId?.split("-").pop()) % 5 !== 0) return payload;
  return { ...p, applicantIdNumber: APPLICANT_NUMBERS[p.applicantKind] };
}

export const itemCodeOf = (item: number) => `11330110MB0000000${item}000000000000${item}`;

/**
 * A scripted run of cases as cases, parallel-approval and supervision publish it: each case
 * submitted, accepted, reviewed, approved and concluded (every third refused instead), a warning
 * raised and closed on every fourth, a rating of each concluded one, a joint approval concluded
 * for every tenth. The case events carry the item's code and the applicant (a person or an
 * enterprise, the number masked), except every seventh case's, published before they did.
 * Returned in publishing order; each case's events in its order.
 */
export function scriptedRun(cases: number, prefix = "c"): Published[] {
  const events: Published[] = [];
  const add = (event: EventDefinition, payload: unknown) => events.push({ event, id: randomUUID(), payload: withStray(event, event.schema.parse(payload)) });
  const at = (n: number, minutes: number) => new Date(Date.parse("2026-03-02T00:30:00Z") + n * 1000 + minutes * 60_000).toISOString();
  for (let n = 0; n < cases; n += 1) {
    const item = (n % 3) + 1;
    const base = { caseId: `${prefix}-${n}`, receiptNo: `330110-${prefix}-${n}`, itemId: `item-${item}`, departmentId: `dept-${item}`, submittedAt: at(n, 0), ...provincialFields(n, item) };
    add(casesEvents.caseStageChanged, step(1, { ...base, action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", actorKind: "APPLICANT", acceptedAt: null, occurredAt: at(n, 0) }));
    if (n % 3 === 2) {
      add(casesEvents.caseStageChanged, step(2, { ...base, action: "REFUSE", fromStatus: "SUBMITTED", toStatus: "REFUSED", outcome: "REFUSED", concludes: true, acceptedAt: null, occurredAt: at(n, 30) }));
      add(casesEvents.caseConcluded, concluded(base, "REFUSED", null, at(n, 30)));
      continue;
    }
    const accepted = { ...base, acceptedAt: at(n, 10), deadline: "2026-03-16T16:00:00.000Z" };
    add(casesEvents.caseStageChanged, step(2, { ...accepted, occurredAt: at(n, 10), stage: "REVIEW" }));
    if (n % 4 === 0) add(supervisionEvents.supervisionWarningChanged, warning(base.caseId, "RAISED", at(n, 20)));
    add(casesEvents.caseStageChanged, step(3, { ...accepted, action: "REVIEW", fromStatus: "ACCEPTED", toStatus: "REVIEWED", stage: "APPROVAL", occurredAt: at(n, 40) }));
    add(casesEvents.caseStageChanged, step(4, { ...accepted, action: "APPROVE", fromStatus: "REVIEWED", toStatus: "APPROVED", occurredAt: at(n, 50) }));
    // 16:10 UTC is the next day in Beijing.
    add(casesEvents.caseStageChanged, step(5, { ...accepted, action: "CONCLUDE", fromStatus: "APPROVED", toStatus: "CONCLUDED", outcome: "APPROVED", concludes: true, occurredAt: at(n, 940) }));
    add(casesEvents.caseConcluded, concluded(accepted, "APPROVED", accepted.acceptedAt, at(n, 940)));
    if (n % 4 === 0) add(supervisionEvents.supervisionWarningChanged, warning(base.caseId, "CLOSED", at(n, 940)));
    add(supervisionEvents.ratingSubmitted, {
      ratingId: `rating-${prefix}-${n}`,
      caseId: base.caseId,
      receiptNo: base.receiptNo,
      centerCode: CENTER,
      departmentId: base.departmentId,
      windowId: "win-1",
      handlerId: "staff-1",
      score: (n % 5) + 1,
      channel: "HALL_DEVICE",
      ratedAt: at(n, 950),
      followUpDue: null,
    });
    if (n % 10 === 0) {
      add(jointEvents.jointApprovalConcluded, {
        jointApprovalId: `ja-${prefix}-${n}`,
        centerCode: CENTER,
        projectCode: `2026-330110-${n}`,
        leadDepartmentId: "dept-1",
        outcome: "APPROVED",
        reason: "every participant approved",
        decidingParticipantId: null,
        participants: [{ participantId: "p-1", departmentId: "dept-2", outcome: "APPROVED" }],
        openedAt: at(n, 0),
        concludedAt: at(n, 960),
      });
    }
  }
  return events;
}

function concluded(base: { caseId: string; receiptNo: string; itemId: string; departmentId: string; submittedAt: string }, outcome: "APPROVED" | "REFUSED", acceptedAt: string | null, concludedAt: string) {
  return {
    ...base,
    centerCode: CENTER,
    itemVersion: 1,
    windowId: "win-1",
    handlerId: "staff-1",
    outcome,
    acceptedAt,
    concludedAt,
    deadline: acceptedAt ? "2026-03-16T16:00:00.000Z" : null,
    onTime: true,
    workingDaysUsed: acceptedAt ? 1 : null,
    promisedLimitDays: 10,
  };
}

function warning(caseId: string, change: "RAISED" | "CLOSED", changedAt: string) {
  return {
    warningId: `w-${caseId}`,
    change,
    kind: "STAGE_DEADLINE",
    level: "YELLOW",
    status: change === "RAISED" ? "OPEN" : "CLOSED",
    centerCode: CENTER,
    departmentId: "dept-1",
    windowId: "win-1",
    caseId,
    jointApprovalId: null,
    clock: "REVIEW",
    deadline: "2026-03-04T16:00:00.000Z",
    detail: "review stage about to run out",
    raisedAt: "2026-03-02T01:00:00.000Z",
    closedAt: change === "CLOSED" ? changedAt : null,
    changedAt,
  };
}

/** The events of a run that become records (every other is skipped by the exporter). */
export function exportedOf(events: readonly Published[]): Published[] {
  const exported = new Set<string>([
    casesEvents.caseStageChanged.subject,
    casesEvents.caseConcluded.subject,
    jointEvents.jointApprovalConcluded.subject,
    supervisionEvents.supervisionWarningChanged.subject,
    supervisionEvents.ratingSubmitted.subject,
  ]);
  return events.filter((e) => exported.has(e.event.subject));
}
