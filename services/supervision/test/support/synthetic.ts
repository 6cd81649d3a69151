import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { casesEvents, feesEvents, jointEvents, staffingEvents, type EventDefinition } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import { CENTER, step } from "./steps";

export interface Published {
  event: EventDefinition;
  payload: unknown;
  id: string;
}

const DAY = 86_400_000;

/**
 * A small county's week in events, as cases, parallel-approval, fees and staffing would publish
 * them: cases accepted with deadlines, some on hold, some overdue, refused without reasons or
 * concluded; a joint approval; a window nobody staffs for a while; an irregular fee.
 */
export function syntheticHistory(cases: number, start = new Date("2026-03-02T01:00:00Z")): Published[] {
  const events: Published[] = [];
  const add = (event: EventDefinition, payload: unknown) => events.push({ event, payload: event.schema.parse(payload), id: randomUUID() });
  for (let n = 0; n < cases; n += 1) {
    const caseId = `case-${n}`;
    const dept = `dept-${n % 3}`;
    const t = (days: number) => new Date(start.getTime() + days * DAY + n * 60_000).toISOString();
    const deadline = new Date(Date.parse("2026-03-16T16:00:00Z") + (n % 5) * DAY).toISOString();
    const base = { caseId, receiptNo: `R-${n}`, departmentId: dept, submittedAt: t(0), acceptedAt: t(0.1), deadline, stage: "REVIEW" as const, stageDeadline: "2026-03-04T16:00:00.000Z" };
    add(casesEvents.caseStageChanged, step(1, { ...base, action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", occurredAt: t(0), acceptedAt: null, deadline: null, stage: null, stageDeadline: null }));
    if (n % 7 === 6) {
      add(casesEvents.caseStageChanged, step(2, { ...base, action: "REFUSE", fromStatus: "SUBMITTED", toStatus: "REFUSED", opinion: null, occurredAt: t(0.2), acceptedAt: null, deadline: null, stage: null, stageDeadline: null }));
      continue;
    }
    add(casesEvents.caseStageChanged, step(2, { ...base, occurredAt: t(0.1) }));
    if (n % 4 === 1) {
      add(casesEvents.caseStageChanged, step(3, { ...base, action: "SUSPEND_CLOCK", fromStatus: "ACCEPTED", toStatus: "ACCEPTED", onHold: true, deadline: null, stageDeadline: null, occurredAt: t(1) }));
      add(casesEvents.caseStageChanged, step(4, { ...base, action: "RESUME_CLOCK", fromStatus: "ACCEPTED", toStatus: "ACCEPTED", deadline: new Date(Date.parse(deadline) + 2 * DAY).toISOString(), stageDeadline: "2026-03-06T16:00:00.000Z", occurredAt: t(3) }));
    }
    if (n % 3 === 0) {
      const seq = n % 4 === 1 ? 5 : 3;
      add(casesEvents.caseStageChanged, step(seq, { ...base, action: "REVIEW", fromStatus: "ACCEPTED", toStatus: "REVIEWED", stage: "APPROVAL", stageDeadline: null, occurredAt: t(2) }));
      add(casesEvents.caseStageChanged, step(seq + 1, { ...base, action: "APPROVE", fromStatus: "REVIEWED", toStatus: "APPROVED", stage: null, stageDeadline: null, occurredAt: t(3) }));
      const concluding = { ...base, action: "CONCLUDE", fromStatus: "APPROVED" as const, toStatus: "CONCLUDED" as const, stage: null, stageDeadline: null, occurredAt: t(4 + (n % 20)), concludes: true, outcome: "APPROVED" as const };
      add(casesEvents.caseStageChanged, step(seq + 2, concluding));
      add(casesEvents.caseConcluded, {
        ...step(seq + 2, concluding),
        outcome: "APPROVED",
        concludedAt: concluding.occurredAt,
        onTime: true,
        workingDaysUsed: 3,
        promisedLimitDays: 10,
        step: null,
      });
    }
  }
  const opened = {
    jointApprovalId: "joint-1",
    centerCode: CENTER,
    projectCode: "P-2026-001",
    leadDepartmentId: "dept-0",
    projectName: "某某项目",
    greenChannel: false,
    deadlineWorkingDays: 15,
    deadline: "2026-03-23T16:00:00.000Z",
    participants: [
      { participantId: "p-1", departmentId: "dept-1", itemId: "i-1", promisedLimitDays: 5, deadline: "2026-03-09T16:00:00.000Z" },
      { participantId: "p-2", departmentId: "dept-2", itemId: "i-2", promisedLimitDays: 10, deadline: "2026-03-16T16:00:00.000Z" },
    ],
    openedBy: "staff-x",
    openedAt: "2026-03-02T02:00:00.000Z",
  };
  add(jointEvents.jointApprovalOpened, opened);
  add(jointEvents.jointApprovalPaused, { ...opened, participantId: "p-1", departmentId: "dept-1", pausedAt: "2026-03-03T02:00:00.000Z" });
  add(jointEvents.jointApprovalResumed, {
    ...opened,
    resumedAt: "2026-03-05T02:00:00.000Z",
    deadline: "2026-03-25T16:00:00.000Z",
    participantDeadlines: [
      { participantId: "p-1", departmentId: "dept-1", deadline: "2026-03-11T16:00:00.000Z" },
      { participantId: "p-2", departmentId: "dept-2", deadline: "2026-03-18T16:00:00.000Z" },
    ],
  });
  add(staffingEvents.windowPublished, { windowId: "win-1", centerCode: CENTER, code: "W01", name: "窗口一", kind: "AB", departmentId: "dept-1", actsForDepartmentIds: [], open: true, aPostStaffId: "a", bPostStaffId: "b", revision: 3 });
  add(staffingEvents.windowUnattended, { warningId: "u-1", centerCode: CENTER, windowId: "win-1", windowCode: "W01", aPostStaffId: "a", bPostStaffId: "b", from: "2026-03-03T06:00:00.000Z", until: null, cause: "CLOCK_OUT" });
  add(staffingEvents.attendanceRecorded, { punchId: "pu-1", centerCode: CENTER, staffId: "b", kind: "IN", at: "2026-03-03T07:30:00.000Z" });
  add(feesEvents.feeIrregularityDetected, {
    irregularityId: "irr-1",
    centerCode: CENTER,
    kind: "AMOUNT_MISMATCH",
    departmentId: "dept-2",
    caseId: "case-2",
    noticeNo: "N-1",
    bankTxnId: "T-1",
    feeCode: null,
    expectedFen: 5000,
    actualFen: 6000,
    source: "BANK_PAYMENT",
    detail: "bank took 60.00 for a 50.00 notice",
    detectedAt: "2026-03-03T03:00:00.000Z",
  });
  return events;
}

/** Publishes events to the bus as their services' relays would; `again` re-sends the same envelope past JetStream's dedupe. */
export class Publisher {
  private constructor(private readonly connection: NatsConnection, private readonly namespace: string) {}

  static async connect(namespace: string): Promise<Publisher> {
    return new Publisher(await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" }), namespace);
  }

  async publish(published: Published, occurredAt = new Date()): Promise<void> {
    const envelope = { id: published.id, type: published.event.subject, occurredAt: occurredAt.toISOString(), requestId: null, centerCode: CENTER, payload: published.payload };
    await jetstream(this.connection).publish(namespacedSubject(this.namespace, published.event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
