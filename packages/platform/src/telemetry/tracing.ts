import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { z } from "zod";
import { OtlpHttpJsonExporter } from "./otlp-exporter";

export { SpanKind, SpanStatusCode, type Span };
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";

/** Settings of tracing every process reads (the OpenTelemetry SDK's own variable names). */
export const tracingEnvSchema = z.object({
  /** The OTLP/HTTP collector's base URL (spans go to <it>/v1/traces); unset, nothing is exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /** The share of traces started here that are recorded (a caller's sampled flag wins). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(0.1),
});
export type TracingEnv = z.infer<typeof tracingEnvSchema>;

const propagator = new W3CTraceContextPropagator();
let contextManagerInstalled = false;

/** The active context lives in AsyncLocalStorage, as the request context does; installed once per process. */
function installContextManager(): void {
  if (contextManagerInstalled) return;
  contextManagerInstalled = true;
  otelContext.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

type Carrier = Record<string, string | string[] | undefined>;
const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => carrier[key] ?? carrier[key.toLowerCase()],
};

/**
 * One process role's tracer (a subgraph, the gateway). Trace ids are made even when nothing is
 * recorded: they are the request ids in the logs and cross every hop in `traceparent`, so a
 * request's log lines are found by the id whether or not its spans were sampled.
 */
export class Tracing {
  readonly tracer: Tracer;
  readonly exporting: boolean;
  private readonly provider: BasicTracerProvider;

  constructor(service: string, env: Partial<TracingEnv>, options: { exporter?: SpanExporter } = {}) {
    installContextManager();
    const exporter = options.exporter ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT ? new OtlpHttpJsonExporter(env.OTEL_EXPORTER_OTLP_ENDPOINT) : null);
    this.exporting = exporter !== null;
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": service }),
      sampler: exporter ? new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(env.OTEL_TRACES_SAMPLER_ARG ?? 0.1) }) : new AlwaysOffSampler(),
      // A test's in-memory exporter sees each span as it ends; a collector gets them in batches.
      spanProcessors: exporter ? [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)] : [],
    });
    this.tracer = this.provider.getTracer(service);
  }

  /** A span continuing the caller's trace from its `traceparent` header (or a new trace), and the context it is active in. */
  startFromHeaders(name: string, headers: Carrier, kind: SpanKind = SpanKind.SERVER): { span: Span; context: Context } {
    const extracted = propagator.extract(ROOT_CONTEXT, headers, getter);
    const span = this.tracer.startSpan(name, { kind }, extracted);
    return { span, context: trace.setSpan(extracted, span) };
  }

  /** A span continuing the trace of an event's envelope (its `traceparent`). */
  startFromTraceparent(name: string, traceparent: string | null | undefined, kind: SpanKind = SpanKind.CONSUMER): { span: Span; context: Context } {
    return this.startFromHeaders(name, traceparent ? { traceparent } : {}, kind);
  }

  /** Runs `work` in a child span of the active one; the span records an exception and ends with the work. */
  async inSpan<T>(name: string, kind: SpanKind, work: (span: Span) => Promise<T>): Promise<T> {
    const span = this.tracer.startSpan(name, { kind }, otelContext.active());
    try {
      return await otelContext.with(trace.setSpan(otelContext.active(), span), () => work(span));
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  async shutdown(): Promise<void> {
    await this.provider.shutdown().catch(() => undefined);
  }
}

export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
}

export function runInContext<T>(context: Context, fn: () => T): T {
  return otelContext.with(context, fn);
}

/** The trace id of the active span, when there is one. */
export function activeTraceId(): string | null {
  const span = trace.getSpan(otelContext.active());
  const id = span?.spanContext().traceId;
  return id && id !== "00000000000000000000000000000000" ? id : null;
}

/** The active span's W3C `traceparent`, to carry to the next hop (a fetch's header, an event's envelope). */
export function activeTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagator.inject(otelContext.active(), carrier, { set: (c, k, v) => void (c[k] = v) });
  return carrier.traceparent ?? null;
}

/** Sets `traceparent` on outgoing headers from the active span. */
export function injectTraceparent(headers: Record<string, string>): Record<string, string> {
  const traceparent = activeTraceparent();
  return traceparent ? { ...headers, traceparent } : headers;
}

/** Names the active span after what it turned out to be (the GraphQL operation, once parsed). */
export function nameActiveSpan(name: string): void {
  trace.getSpan(otelContext.active())?.updateName(name);
}
