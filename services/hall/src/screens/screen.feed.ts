import type { IncomingMessage, ServerResponse } from "node:http";
import { casesEvents, envelopeSchema, hallEvents } from "@onestop/events";
import { ErrorCode, namespacedSubject, type Logger, type SubgraphInfrastructure, type Worker } from "@onestop/platform";

type NatsConnection = SubgraphInfrastructure["nats"];
type Subscription = ReturnType<NatsConnection["subscribe"]>;

interface Listener {
  centerCode: string;
  response: ServerResponse;
}

const HEARTBEAT_MS = 15_000;
/** Cases' events reach the board's table through the hall's own consumer; the hint to reload waits a moment for it. */
const BOARD_HINT_DELAY_MS = 600;

/**
 * The hall's public push stream (server-sent events) for the calling screen and the public
 * board, per center: `call` (a number called to a window: the number, the window, nothing
 * personal), `queue` (how many wait changed: reload the counts) and `board` (a case accepted or
 * concluded: reload the board). A frame's id is the event's, so a redelivered event is shown
 * once; after a break the browser reconnects by itself (retry) and the page reloads its state.
 * The gateway relays it at /hall/stream.
 */
export class ScreenFeed implements Worker {
  private readonly listeners = new Set<Listener>();
  private readonly subscriptions: Subscription[] = [];
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: { nats: NatsConnection; namespace: string; logger: Logger }) {}

  start(): void {
    const on = (subject: string, handle: (id: string, payload: unknown) => void) =>
      this.subscriptions.push(
        this.options.nats.subscribe(namespacedSubject(this.options.namespace, subject), {
          callback: (error, message) => {
            if (error) return this.options.logger.warn({ err: error }, "hall stream subscription failed");
            try {
              const envelope = envelopeSchema.parse(message.json());
              handle(envelope.id, envelope.payload);
            } catch (failure) {
              this.options.logger.warn({ err: failure }, "malformed event not pushed");
            }
          },
        }),
      );
    on(hallEvents.ticketCalled.subject, (id, payload) => {
      const call = hallEvents.ticketCalled.schema.parse(payload);
      this.push(call.centerCode, id, "call", {
        ticketId: call.ticketId,
        number: call.number,
        windowCode: call.windowCode,
        windowName: call.windowName,
        calledAt: call.calledAt,
        recall: call.recall,
      });
    });
    for (const event of [hallEvents.ticketIssued, hallEvents.ticketServed, hallEvents.ticketNoShow, hallEvents.ticketTransferred]) {
      on(event.subject, (id, payload) => {
        const { centerCode, departmentId } = payload as { centerCode: string; departmentId: string };
        this.push(centerCode, id, "queue", { departmentId });
      });
    }
    for (const event of [casesEvents.caseAccepted, casesEvents.caseConcluded]) {
      on(event.subject, (id, payload) => {
        const { centerCode } = payload as { centerCode: string };
        setTimeout(() => this.push(centerCode, id, "board", {}), BOARD_HINT_DELAY_MS).unref();
      });
    }
    this.heartbeat = setInterval(() => {
      for (const listener of this.listeners) listener.response.write(": ping\n\n");
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    for (const listener of this.listeners) listener.response.end();
    this.listeners.clear();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  push(centerCode: string, eventId: string, kind: "call" | "queue" | "board", data: Record<string, unknown>): void {
    const frame = `id: ${eventId}\nevent: ${kind}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const listener of this.listeners) if (listener.centerCode === centerCode) listener.response.write(frame);
  }

  /** GET /stream?centerCode=…: public; what goes on it is what the screens in the hall show anyway. */
  readonly route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refuse = (status: number, code: string, message: string) => {
      response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    };
    if (request.method !== "GET") return refuse(405, ErrorCode.BadRequest, "GET only");
    const centerCode = new URL(request.url ?? "/", "http://hall").searchParams.get("centerCode") ?? "";
    if (!/^\d{12}$/.test(centerCode)) return refuse(400, ErrorCode.BadUserInput, "centerCode: a 12-digit administrative-division code");
    response.setHeader("content-type", "text/event-stream; charset=utf-8");
    response.writeHead(200, { "cache-control": "no-store", connection: "close", "x-accel-buffering": "no" });
    response.write("retry: 2000\n: connected\n\n");
    const listener: Listener = { centerCode, response };
    this.listeners.add(listener);
    await new Promise<void>((resolve) => response.once("close", resolve));
    this.listeners.delete(listener);
  };
}
