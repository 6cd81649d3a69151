import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { casesEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { namespacedSubject } from "@onestop/platform";
import type { EnvironmentOptions } from "@onestop/testkit";

/** Publishes another service's event straight to the bus with a real envelope, as that service's relay would. */
export class EventInjector {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly namespace: string,
  ) {}

  static async connect(environment: EnvironmentOptions): Promise<EventInjector> {
    return new EventInjector(await connect({ servers: environment.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222" }), environment.namespace);
  }

  /** Returns the envelope id; pass `id` to deliver the same envelope again (under a new message id, past JetStream's dedupe). */
  async publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, id: string = randomUUID()): Promise<string> {
    const envelope = { id, type: event.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: (payload as { centerCode?: string }).centerCode ?? null, payload };
    await jetstream(this.connection).publish(namespacedSubject(this.namespace, event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return id;
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

type CaseStatus = EventPayload<typeof casesEvents.caseStageChanged>["toStatus"];
type Outcome = EventPayload<typeof casesEvents.caseConcluded>["outcome"];

/** A participant's joint case as cases would describe it in its events. */
export interface JointCase {
  caseId: string;
  receiptNo: string;
  centerCode: string;
  itemId: string;
  departmentId: string;
  jointApprovalId: string;
  participantId: string;
}

export function stageChanged(c: JointCase, slipSeq: number, fromStatus: CaseStatus | null, toStatus: CaseStatus, at: Date, extra: Partial<EventPayload<typeof casesEvents.caseStageChanged>> = {}) {
  return casesEvents.caseStageChanged.schema.parse({
    ...c,
    itemVersion: 1,
    kind: "JOINT",
    windowId: null,
    handlerId: "staff-1",
    slipSeq,
    action: "STEP",
    fromStatus,
    toStatus,
    actorId: "staff-1",
    actorKind: "STAFF",
    actorWindowId: null,
    opinion: null,
    outcome: null,
    occurredAt: at.toISOString(),
    submittedAt: at.toISOString(),
    acceptedAt: null,
    deadline: null,
    onHold: false,
    stage: null,
    stageDeadline: null,
    ...extra,
  });
}

export function concluded(c: JointCase, outcome: Outcome, at: Date, extra: Partial<EventPayload<typeof casesEvents.caseConcluded>> = {}) {
  return casesEvents.caseConcluded.schema.parse({
    ...c,
    itemVersion: 1,
    windowId: null,
    handlerId: "staff-1",
    outcome,
    acceptedAt: at.toISOString(),
    concludedAt: at.toISOString(),
    deadline: null,
    onTime: true,
    workingDaysUsed: 1,
    promisedLimitDays: 5,
    kind: "JOINT",
    decidedBySystem: false,
    ...extra,
  });
}
