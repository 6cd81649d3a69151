import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { catalogEvents, staffingEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { IDENTITY_HEADER, loadPrivateKey, namespacedSubject, signIdentity, type Clock, type Identity, type RunningSubgraph } from "@onestop/platform";
import { graphql, type EnvironmentOptions, type GraphqlResponse, type KeyFiles } from "@onestop/testkit";

/** Calls the cases subgraph directly, as the gateway would: with a signed identity. */
export function subgraphCaller(running: () => RunningSubgraph, keys: KeyFiles, clock: Clock) {
  const privateKey = loadPrivateKey(keys.identityPrivateKeyFile);
  return async function call<T = Record<string, unknown>>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const header = signIdentity(identity, `req-${randomUUID()}`, privateKey, clock.now());
    return graphql<T>(running().url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
  };
}

/** Data of a successful call; throws with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorOf(response: GraphqlResponse<unknown>): Record<string, unknown> | undefined {
  return response.errors?.[0]?.extensions;
}

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
  async publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, id: string = randomUUID(), occurredAt = new Date()): Promise<string> {
    const envelope = { id, type: event.subject, occurredAt: occurredAt.toISOString(), requestId: null, centerCode: (payload as { centerCode?: string }).centerCode ?? null, payload };
    await jetstream(this.connection).publish(namespacedSubject(this.namespace, event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return id;
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

export type ItemPayload = EventPayload<typeof catalogEvents.itemPublished>;

/** A published item version as catalog announces it; fields after `promisedLimitDays` default as for an old event. */
export function itemVersion(centerCode: string, departmentId: string, overrides: Partial<ItemPayload> = {}): ItemPayload {
  return catalogEvents.itemPublished.schema.parse({
    itemId: randomUUID(),
    version: 1,
    centerCode,
    departmentId,
    name: "建设工程规划许可证核发",
    kind: "PROMISED",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    feeStandard: { kind: "FREE" },
    materials: [
      { code: "M01", name: "申请表", form: "ORIGINAL", copies: 1, mandatory: true, notes: null },
      { code: "M02", name: "身份证明", form: "COPY", copies: 1, mandatory: true, notes: null },
      { code: "M03", name: "场地平面图", form: "ORIGINAL", copies: 1, mandatory: false, notes: null },
    ],
    ...overrides,
  });
}

export function letter(centerCode: string, staffId: string, departmentId: string, acts: Array<EventPayload<typeof staffingEvents.authorizationGranted>["acts"][number]>, overrides: Partial<EventPayload<typeof staffingEvents.authorizationGranted>> = {}) {
  return {
    letterId: randomUUID(),
    centerCode,
    staffId,
    departmentId,
    itemId: null,
    acts,
    validFrom: "2020-01-01T00:00:00Z",
    validUntil: null,
    revokedAt: null,
    revision: 1,
    ...overrides,
  };
}

export function staff(subject: string, centerCode: string, departmentId: string | null, windowId: string | null = null, roles: Identity["roles"] = ["window_staff"]): Identity {
  return { subject, roles, centerCode, departmentId, windowId };
}

export function citizen(subject: string): Identity {
  return { subject, roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
}
