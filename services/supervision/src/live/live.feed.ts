import type { IncomingMessage, ServerResponse } from "node:http";
import { envelopeSchema, supervisionEvents, type EventPayload } from "@onestop/events";
import {
  DomainError,
  ErrorCode,
  IDENTITY_HEADER,
  namespacedSubject,
  verifyIdentity,
  type Clock,
  type Logger,
  type SubgraphInfrastructure,
  type SubgraphKey,
  type Worker,
} from "@onestop/platform";
import { inScope, streamScope, type Scope } from "../dashboard/access.rules";

type NatsConnection = SubgraphInfrastructure["nats"];
type Subscription = ReturnType<NatsConnection["subscribe"]>;
type WarningChanged = EventPayload<typeof supervisionEvents.supervisionWarningChanged>;

interface Listener {
  scope: Scope;
  response: ServerResponse;
}

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403 };

/**
 * The dashboard's push stream (server-sent events): every warning change announced on the bus
 * (the warning-changed events, as any instance of supervision committed them), to each listener
 * that may see it. The gateway relays it at /supervision/stream with the caller's signed identity.
 */
export class LiveFeed implements Worker {
  private readonly listeners = new Set<Listener>();
  private subscription: Subscription | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: {
      nats: NatsConnection;
      namespace: string;
      identityKey: SubgraphKey;
      clock: Clock;
      logger: Logger;
      requireBinding: boolean;
    },
  ) {}

  start(): void {
    const subject = namespacedSubject(this.options.namespace, supervisionEvents.supervisionWarningChanged.subject);
    this.subscription = this.options.nats.subscribe(subject, {
      callback: (error, message) => {
        if (error) return this.options.logger.warn({ err: error }, "push stream subscription failed");
        try {
          const envelope = envelopeSchema.parse(message.json());
          this.push(envelope.id, supervisionEvents.supervisionWarningChanged.schema.parse(envelope.payload));
        } catch (failure) {
          this.options.logger.warn({ err: failure }, "malformed warning change not pushed");
        }
      },
    });
    this.heartbeat = setInterval(() => {
      for (const listener of this.listeners) listener.response.write(": ping\n\n");
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.subscription?.unsubscribe();
    for (const listener of this.listeners) listener.response.end();
    this.listeners.clear();
  }

  /** Sends the change to everyone whose scope it is in: only what the listener may see goes on its wire. */
  push(eventId: string, change: WarningChanged): void {
    const frame = `id: ${eventId}\nevent: warning\ndata: ${JSON.stringify(change)}\n\n`;
    for (const listener of this.listeners) if (inScope(listener.scope, change)) listener.response.write(frame);
  }

  /** GET /stream: the signed identity decides the scope once, as the stream opens. */
  readonly route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET", "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ errors: [{ message: "GET only", extensions: { code: ErrorCode.BadRequest } }] }));
      return;
    }
    let scope: Scope;
    try {
      const header = request.headers[IDENTITY_HEADER];
      const { identity } = verifyIdentity(Array.isArray(header) ? header[0] : header, this.options.identityKey, this.options.clock.now(), {
        body: "",
        requireBinding: this.options.requireBinding,
      });
      scope = streamScope(identity);
    } catch (error) {
      if (!(error instanceof DomainError) || !STATUS[error.code]) throw error;
      response.writeHead(STATUS[error.code], { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }));
      return;
    }
    // Set, not passed to writeHead: the server's close finds a stream to end by this header.
    response.setHeader("content-type", "text/event-stream; charset=utf-8");
    response.writeHead(200, {
      "cache-control": "no-store",
      // Once the stream ends (a shutdown) the connection goes too; the browser reconnects.
      connection: "close",
      "x-accel-buffering": "no",
    });
    response.write("retry: 2000\n: connected\n\n");
    const listener: Listener = { scope, response };
    this.listeners.add(listener);
    await new Promise<void>((resolve) => response.once("close", resolve));
    this.listeners.delete(listener);
  };
}
