import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import type { EventDefinition, EventPayload } from "@onestop/events";
import { IDENTITY_HEADER, namespacedSubject, signIdentity, type Clock, type Identity, type RunningSubgraph } from "@onestop/platform";
import { developmentIdentityKeyring, graphql, type EnvironmentOptions, type GraphqlResponse, type KeyFiles } from "@onestop/testkit";

/** Calls a subgraph directly, as the gateway would: with a signed identity. */
export function subgraphCaller(running: RunningSubgraph, keys: KeyFiles, clock: Clock) {
  const key = developmentIdentityKeyring(keys).keyFor(running.name);
  return async function call<T = Record<string, unknown>>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const header = signIdentity(identity, `req-${randomUUID()}`, key, clock.now());
    return graphql<T>(running.url, query, variables, { headers: { [IDENTITY_HEADER]: header } });
  };
}

/** Data of a successful call; throws with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorCode(response: GraphqlResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

/** Publishes an event of another service straight to the bus, as that service's relay would. */
export class EventInjector {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly namespace: string,
  ) {}

  static async connect(environment: EnvironmentOptions): Promise<EventInjector> {
    return new EventInjector(await connect({ servers: environment.natsUrl ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222" }), environment.namespace);
  }

  /** Returns the envelope's id; pass `id` to redeliver the same envelope (under a new message id, past JetStream's dedupe). */
  async publish<E extends EventDefinition>(event: E, payload: EventPayload<E>, id: string = randomUUID()): Promise<string> {
    const envelope = {
      id,
      type: event.subject,
      occurredAt: new Date().toISOString(),
      requestId: null,
      centerCode: (payload as { centerCode?: string }).centerCode ?? null,
      payload,
    };
    await jetstream(this.connection).publish(namespacedSubject(this.namespace, event.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return id;
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

export function identity(subject: string, roles: Identity["roles"], centerCode: string | null, departmentId: string | null = null): Identity {
  return { subject, roles, centerCode, departmentId, windowId: null };
}
