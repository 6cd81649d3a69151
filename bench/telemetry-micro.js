#!/usr/bin/env node
// What metrics and tracing add to one request in CPU time, measured in-process (so the shared
// machine's load moves it far less than the end-to-end comparison): per gateway operation, the
// work the telemetry does — a server span and one client span per subgraph fetch (sampled at
// --sample, exported to a collector here), the traceparent put on each fetch and event, the
// request counter and histograms, ten statement observations per subgraph.
//
//   node scripts/build.js && node bench/telemetry-micro.js [--requests 200000] [--sample 0.1] [--fetches 2]
"use strict";

const { createServer } = require("node:http");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const platform = require(join(__dirname, "..", "packages/platform/dist/index.js"));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const requests = arg("requests", 200_000);
  const sample = arg("sample", 0.1);
  const fetches = arg("fetches", 2);
  let spans = 0;
  const collector = createServer((request, response) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      try {
        for (const r of JSON.parse(Buffer.concat(chunks).toString()).resourceSpans) for (const s of r.scopeSpans) spans += s.spans.length;
      } catch {}
      response.end("{}");
    });
  });
  await new Promise((r) => collector.listen(0, "127.0.0.1", r));
  const endpoint = `http://127.0.0.1:${collector.address().port}`;
  const gatewayTracing = new platform.Tracing("gateway", { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER_ARG: sample });
  const subgraphTracing = new platform.Tracing("cases", { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER_ARG: sample });
  const gatewayMetrics = new platform.ServiceMetrics("gateway", { defaultMetrics: false });
  const subgraphMetrics = new platform.ServiceMetrics("cases", { defaultMetrics: false });
  const one = async () => {
    const started = process.hrtime.bigint();
    const { span, context } = gatewayTracing.startFromHeaders("POST /graphql", {});
    await platform.runInContext(context, async () => {
      for (let f = 0; f < fetches; f += 1) {
        await gatewayTracing.inSpan("fetch cases", platform.SpanKind.CLIENT, async () => {
          const headers = platform.injectTraceparent({});
          const server = subgraphTracing.startFromHeaders("POST /graphql", headers);
          await platform.runInContext(server.context, async () => {
            for (let s = 0; s < 10; s += 1) subgraphMetrics.statementDuration.observe({ statement: "SELECT", outcome: "ok" }, 0.0004);
            platform.activeTraceparent(); // the event's envelope
            subgraphMetrics.requests.inc({ operation: subgraphMetrics.operationLabel("SubmitCase__cases__0"), type: "mutation", outcome: "ok" });
            subgraphMetrics.requestDuration.observe({ operation: "SubmitCase", type: "mutation" }, 0.003);
          });
          server.span.end();
          gatewayMetrics.gateway.subgraphFetchDuration.observe({ subgraph: "cases", status: "200" }, 0.004);
        });
      }
      gatewayMetrics.requests.inc({ operation: gatewayMetrics.operationLabel("SubmitCase"), type: "mutation", outcome: "ok" });
      gatewayMetrics.requestDuration.observe({ operation: "SubmitCase", type: "mutation" }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    span.end();
  };
  for (let i = 0; i < 20_000; i += 1) await one(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < requests; i += 1) await one();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await gatewayTracing.shutdown();
  await subgraphTracing.shutdown();
  collector.close();
  const cpuUs = (cpu.user + cpu.system) / requests;
  console.log(`telemetry per request (1 gateway operation, ${fetches} subgraph fetches, sampled at ${sample}): ${cpuUs.toFixed(1)} µs CPU, ${((wall * 1000) / requests).toFixed(1)} µs wall; ${spans} spans exported for ${requests} requests`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
