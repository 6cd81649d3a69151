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
import { oversees } from "@onestop/authorization";
import { inScope, streamScope, type Scope } from "../dashboard/access.rules";
import type { CaseCountKey } from "../projection/projector.service";

type NatsConnection = SubgraphInfrastructure["nats"];
type Subscription = ReturnType<NatsConnection["subscribe"]>;
type WarningChanged = EventPayload<typeof supervisionEvents.supervisionWarningChanged>;

interface Listener {
  scope: Scope;
  response: ServerResponse;
  /** When the last counts hint went out, and the one held back until COUNTS_HINT_MS has passed. */
  hintSentAt: number;
  hintHeld: NodeJS.Timeout | null;
}

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * At most one "counts changed" hint per listener in this time: a busy morning steps many cases a
 * second, and each hint makes the page ask for its counts again. The first goes at once, the
 * last of a burst at the end of its interval, so the screen is never left behind.
 */
export const COUNTS_HINT_MS = 250;

/**
 * Core NATS, not JetStream (kept apart from the streams' `supervision.>`): a hint lost costs a
 * page's slow poll, not a record. Whichever instance projected the case publishes it; every
 * instance tells its own listeners.
 */
const COUNTS_SUBJECT = "live.supervision.counts";

/** A hint goes to whoever's counts may include the case: a department's own, or a center's overseers (a county's office sees its townships'). */
function hintInScope(scope: Scope, key: CaseCountKey): boolean {
  return scope.departmentId === null ? oversees(scope.centerCode, key.centerCode) : inScope(scope, key);
}

const STATUS: Record<string, number> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403 };

/**
 * The dashboard's push stream (server-sent events): every warning change announced on the bus
 * (the warning-changed events, as any instance of supervision committed them), to each listener
 * that may see it; and a bare `counts` event when the case counts the listener may see have
 * changed, so the page asks for them again at once instead of polling. The gateway relays it at
 * /supervision/stream with the caller's signed identity.
 */
export class LiveFeed implements Worker {
  private readonly listeners = new Set<Listener>();
  private subscription: Subscription | null = null;
  private countsSubscription: Subscription | null = null;
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
    this.countsSubscription = this.options.nats.subscribe(namespacedSubject(this.options.namespace, COUNTS_SUBJECT), {
      callback: (error, message) => {
        if (error) return this.options.logger.warn({ err: error }, "counts hint subscription failed");
        try {
          this.hintCounts(message.json<CaseCountKey[]>());
        } catch (failure) {
          this.options.logger.warn({ err: failure }, "malformed counts hint not pushed");
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
    this.countsSubscription?.unsubscribe();
    for (const listener of this.listeners) {
      if (listener.hintHeld) clearTimeout(listener.hintHeld);
      listener.response.end();
    }
    this.listeners.clear();
  }

  /** Sends the change to everyone whose scope it is in: only what the listener may see goes on its wire. */
  push(eventId: string, change: WarningChanged): void {
    const frame = `id: ${eventId}\nevent: warning\ndata: ${JSON.stringify(change)}\n\n`;
    for (const listener of this.listeners) if (inScope(listener.scope, change)) listener.response.write(frame);
  }

  /** Announces, once the projection committed them, whose counts the cases written may have changed (to every instance). */
  announceCounts(keys: readonly CaseCountKey[]): void {
    const distinct = [...new Map(keys.map((k) => [`${k.centerCode}/${k.departmentId}`, { centerCode: k.centerCode, departmentId: k.departmentId }])).values()];
    try {
      this.options.nats.publish(namespacedSubject(this.options.namespace, COUNTS_SUBJECT), JSON.stringify(distinct));
    } catch (error) {
      // The connection is closing or down: the pages' slow poll picks the change up.
      this.options.logger.warn({ err: error }, "counts hint not published");
    }
  }

  /** Tells each listener whose counts may have changed to ask again, at most once every COUNTS_HINT_MS. */
  hintCounts(keys: readonly CaseCountKey[]): void {
    for (const listener of this.listeners) {
      if (listener.hintHeld || !keys.some((key) => hintInScope(listener.scope, key))) continue;
      const wait = listener.hintSentAt + COUNTS_HINT_MS - Date.now();
      if (wait <= 0) {
        this.sendHint(listener);
        continue;
      }
      listener.hintHeld = setTimeout(() => {
        listener.hintHeld = null;
        if (this.listeners.has(listener)) this.sendHint(listener);
      }, wait);
      listener.hintHeld.unref();
    }
  }

  private sendHint(listener: Listener): void {
    listener.hintSentAt = Date.now();
    listener.response.write("event: counts\ndata: {}\n\n");
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
    const listener: Listener = { scope, response, hintSentAt: 0, hintHeld: null };
    this.listeners.add(listener);
    await new Promise<void>((resolve) => response.once("close", resolve));
    this.listeners.delete(listener);
    if (listener.hintHeld) clearTimeout(listener.hintHeld);
  };
}
