import { Agent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/**
 * Spans to an OTLP/HTTP collector as JSON (POST <endpoint>/v1/traces), over kept-alive
 * connections. The SDK's own HTTP exporter loads node:http with a dynamic import(), which
 * jest's module system refuses, so spans never left a process under test; this one is the
 * same protocol in forty lines. A collector that is away loses the batch, never the request.
 */
export class OtlpHttpJsonExporter implements SpanExporter {
  private readonly url: URL;
  private readonly agent: Agent;
  private readonly pending = new Set<Promise<void>>();

  constructor(endpoint: string, private readonly timeoutMs = 10_000) {
    this.url = new URL(`${endpoint.replace(/\/$/, "")}/v1/traces`);
    this.agent = this.url.protocol === "https:" ? new HttpsAgent({ keepAlive: true }) : new Agent({ keepAlive: true });
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const body = JsonTraceSerializer.serializeRequest(spans);
    if (!body) return done({ code: ExportResultCode.FAILED });
    const sent = new Promise<void>((resolve) => {
      const send = this.url.protocol === "https:" ? httpsRequest : httpRequest;
      const request = send(
        this.url,
        { method: "POST", agent: this.agent, timeout: this.timeoutMs, headers: { "content-type": "application/json", "content-length": String(body.byteLength) } },
        (response) => {
          response.resume();
          response.on("end", () => {
            const ok = (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300;
            done(ok ? { code: ExportResultCode.SUCCESS } : { code: ExportResultCode.FAILED, error: new Error(`OTLP collector answered ${response.statusCode}`) });
            resolve();
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error("OTLP collector timed out")));
      request.on("error", (error) => {
        done({ code: ExportResultCode.FAILED, error });
        resolve();
      });
      request.end(Buffer.from(body));
    });
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.pending);
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.agent.destroy();
  }
}
