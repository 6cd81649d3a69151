import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ExportMetrics } from "./exporter.service";

/** Prometheus text: the lag gauge per source stream, records exported per family, Kafka's state. */
export function renderMetrics(metrics: ExportMetrics): string {
  const lines = [
    "# HELP provincial_export_lag Events in a source stream not yet acknowledged by Kafka.",
    "# TYPE provincial_export_lag gauge",
    ...Object.entries(metrics.lag).map(([stream, n]) => `provincial_export_lag{stream="${stream}"} ${n}`),
    "# HELP provincial_export_records_total Records Kafka acknowledged since the start.",
    "# TYPE provincial_export_records_total counter",
    ...Object.entries(metrics.exported).map(([family, n]) => `provincial_export_records_total{family="${family}"} ${n}`),
    "# HELP provincial_export_kafka_up Whether the last attempt to send to Kafka succeeded.",
    "# TYPE provincial_export_kafka_up gauge",
    `provincial_export_kafka_up ${metrics.kafkaUp ? 1 : 0}`,
    "# HELP provincial_export_failed_attempts_total Batches Kafka did not take (each tried again).",
    "# TYPE provincial_export_failed_attempts_total counter",
    `provincial_export_failed_attempts_total ${metrics.failedAttempts}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** /health (the process answers), /ready (NATS answers; Kafka being away is lag, not unreadiness), /metrics. */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  metrics: ExportMetrics;
  natsReady: () => Promise<boolean>;
  /** The platform's common metrics (process, NATS connection), appended to the export's own. */
  common?: () => Promise<string>;
}): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    void (async () => {
      if (request.url === "/health") return response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      if (request.url === "/ready") {
        const ready = await options.natsReady();
        return response.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ nats: ready, kafka: options.metrics.kafkaUp }));
      }
      if (request.url === "/metrics") {
        const common = options.common ? await options.common() : "";
        return response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(renderMetrics(options.metrics) + common);
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
