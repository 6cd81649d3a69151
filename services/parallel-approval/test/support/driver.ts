import { connect, type NatsConnection } from "@nats-io/transport-node";
import { DeliverPolicy, jetstream, type ConsumerMessages } from "@nats-io/jetstream";
import { casesEvents, envelopeSchema, streams } from "@onestop/events";
import { namespacedStream, namespacedSubject } from "@onestop/platform";
import { caseActs, type Call, type JointCounty } from "./joint-county";

/**
 * Decides every joint case as soon as cases opens it: reads cases' routing-slip events from
 * the bus and, as the department's window staff and its chief representative, accepts,
 * reviews, approves and concludes the case through cases' API. Every act carries an idempotency key, so a repeated event or
 * a retried call never acts twice.
 */
export class JointCaseDriver {
  private connection: NatsConnection | null = null;
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly seen = new Set<string>();
  readonly decided = new Set<string>();
  readonly failures: unknown[] = [];

  constructor(
    private readonly call: Call,
    private readonly county: JointCounty,
    private readonly bus: { natsUrl: string; namespace: string },
    private readonly concurrency = 16,
  ) {}

  async start(): Promise<void> {
    this.connection = await connect({ servers: this.bus.natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const consumer = await jetstream(this.connection).consumers.get(namespacedStream(this.bus.namespace, streams.cases), {
      filter_subjects: namespacedSubject(this.bus.namespace, casesEvents.caseStageChanged.subject),
      deliver_policy: DeliverPolicy.All,
    });
    this.messages = await consumer.consume();
    const acts = caseActs(this.call);
    const departmentOf = new Map(Object.values(this.county.departments).map((d) => [d.id, d]));
    this.loop = (async () => {
      for await (const message of this.messages!) {
        const event = casesEvents.caseStageChanged.schema.parse(envelopeSchema.parse(message.json()).payload);
        if (event.kind !== "JOINT" || event.fromStatus !== null || this.seen.has(event.caseId)) continue;
        const department = departmentOf.get(event.departmentId);
        if (!department) continue;
        this.seen.add(event.caseId);
        while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
        const work = acts
          .approve(department, event.caseId)
          .then(() => void this.decided.add(event.caseId))
          .catch((error) => void this.failures.push(error))
          .finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      }
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    await Promise.all(this.inFlight);
    await this.connection?.close();
  }
}
