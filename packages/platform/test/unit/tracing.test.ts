import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { activeTraceId, activeTraceparent, runInContext, SpanKind, Tracing } from "../../src/telemetry/tracing";

test("with an OTLP endpoint, spans go to <endpoint>/v1/traces as OTLP JSON; a child continues its parent's trace", async () => {
  const bodies: Array<{ url: string; type: string; body: string }> = [];
  const collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      bodies.push({ url: request.url ?? "", type: String(request.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const tracing = new Tracing("unit", { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, OTEL_TRACES_SAMPLER_ARG: 1 });
  const { span, context } = tracing.startFromHeaders("POST /graphql", {});
  const traceId = span.spanContext().traceId;
  await runInContext(context, async () => {
    expect(activeTraceId()).toBe(traceId);
    expect(activeTraceparent()).toBe(`00-${traceId}-${span.spanContext().spanId}-01`);
    await tracing.inSpan("child", SpanKind.CLIENT, async () => undefined);
  });
  span.end();
  await tracing.shutdown();
  collector.close();
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies[0].url).toBe("/v1/traces");
  const names = bodies.flatMap((b) => (JSON.parse(b.body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string; traceId: string }> }> }> }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
  expect(names.map((s) => s.name).sort()).toEqual(["POST /graphql", "child"]);
  expect(new Set(names.map((s) => s.traceId))).toEqual(new Set([traceId]));
});

test("without an endpoint nothing is recorded, yet every request has a trace id and passes it on", async () => {
  const tracing = new Tracing("unit", {});
  expect(tracing.exporting).toBe(false);
  const { span, context } = tracing.startFromHeaders("POST /graphql", { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" });
  expect(span.isRecording()).toBe(false);
  expect(span.spanContext().traceId).toBe("0af7651916cd43dd8448eb211c80319c");
  runInContext(context, () => expect(activeTraceparent()).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-0[01]$/));
  const fresh = tracing.startFromHeaders("POST /graphql", {});
  expect(fresh.span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(fresh.span.spanContext().traceId).not.toBe("0".repeat(32));
});
