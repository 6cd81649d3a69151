import { injectTraceparent, SpanKind, type ServiceMetrics, type Tracing } from "@onestop/platform";
import type { Fetcher } from "./http-fetcher";

/**
 * Each subgraph fetch in a client span of the request's trace, its `traceparent` sent along (the
 * subgraph's server span continues it), and its time counted by subgraph and HTTP status.
 */
export function tracedFetcher(subgraph: string, send: Fetcher, tracing: Tracing, metrics: ServiceMetrics): Fetcher {
  return (url, init) =>
    tracing.inSpan(`fetch ${subgraph}`, SpanKind.CLIENT, async (span) => {
      const started = process.hrtime.bigint();
      let status = "error";
      try {
        const response = await send(url, init && { ...init, headers: injectTraceparent((init.headers ?? {}) as Record<string, string>) });
        status = String(response.status);
        span.setAttribute("http.response.status_code", response.status);
        return response;
      } finally {
        metrics.gateway.subgraphFetchDuration.observe({ subgraph, status }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
}
