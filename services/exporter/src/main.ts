import { readFileSync } from "node:fs";
import { connectNats, createLogger, exitGracefullyOnSignals, natsReachable, ServiceMetrics, watchConnection, type Logger } from "@onestop/platform";
import { loadExporterEnv, type ExporterEnv } from "./env";
import { Exporter } from "./export/exporter.service";
import { ItemCodes } from "./export/item-codes";
import { KafkaSink } from "./export/kafkajs.sink";
import { startMetricsServer } from "./export/metrics";
import type { RecordSink } from "./export/sink";
import { exportSources } from "./export/sources";

export { exporterEnvSchema, type ExporterEnv } from "./env";
export type { ExportRecord } from "./export/records.rules";
export { EVENT_ID_HEADER, SCHEMA_VERSION_HEADER } from "./export/sink";

export interface RunningExporter {
  exporter: Exporter;
  port: number;
  stop(): Promise<void>;
}

function kafkaSink(env: ExporterEnv, logger: Logger): RecordSink {
  const password = env.KAFKA_SASL_PASSWORD_FILE ? readFileSync(env.KAFKA_SASL_PASSWORD_FILE, "utf8").trim() : (env.KAFKA_SASL_PASSWORD ?? "");
  return new KafkaSink({
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    ssl: env.KAFKA_SSL,
    sslCaFile: env.KAFKA_SSL_CA_FILE,
    sasl: env.KAFKA_SASL_MECHANISM ? { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME!, password } : undefined,
    idempotent: env.KAFKA_IDEMPOTENT,
    requestTimeoutMs: env.KAFKA_REQUEST_TIMEOUT_MS,
    logger,
  });
}

/** Wires the exporter; the service, the tests and the benchmark start it the same way. */
export async function startExporter(env: ExporterEnv, logger = createLogger("exporter", env.LOG_LEVEL), options: { durablePrefix?: string } = {}): Promise<RunningExporter> {
  const connection = await connectNats(env.NATS_URL, "exporter", logger);
  const common = env.METRICS === "off" ? null : new ServiceMetrics("exporter", { logger });
  if (common) watchConnection(common, connection);
  const itemCodes = new ItemCodes({ url: env.NATS_URL, namespace: env.NATS_NAMESPACE, logger });
  await itemCodes.start();
  const sink = kafkaSink(env, logger);
  // Kafka away at the start is lag like any other: the first batch keeps trying.
  await sink.connect().catch((error: unknown) => logger.warn({ err: error }, "Kafka does not answer yet; exporting once it does"));
  const exporter = new Exporter({
    connection,
    namespace: env.NATS_NAMESPACE,
    sources: exportSources,
    sink,
    itemCode: itemCodes.codeOf,
    logger,
    batchSize: env.EXPORT_BATCH_SIZE,
    maxBackoffMs: env.EXPORT_MAX_BACKOFF_MS,
    itemCodeWaitMs: env.EXPORT_ITEM_CODE_WAIT_MS,
    ackWaitMs: env.EXPORT_ACK_WAIT_MS,
    lagPollMs: env.EXPORT_LAG_POLL_MS,
    durablePrefix: options.durablePrefix,
  });
  await exporter.start();
  const http = await startMetricsServer({ host: env.HOST, port: env.PORT, metrics: exporter.metrics, natsReady: () => natsReachable(connection), common: common ? async () => (await common.render()).body : undefined });
  logger.info({ port: http.port, brokers: env.KAFKA_BROKERS, topicPrefix: env.KAFKA_TOPIC_PREFIX }, "exporting to the provincial platform");
  return {
    exporter,
    port: http.port,
    async stop() {
      await new Promise((resolve) => http.server.close(resolve));
      await exporter.stop();
      await itemCodes.stop();
      await sink.close().catch(() => undefined);
      await connection.drain().catch(() => undefined);
    },
  };
}

if (require.main === module) {
  const env = loadExporterEnv();
  const logger = createLogger("exporter", env.LOG_LEVEL);
  if (env.KAFKA_BROKERS.length === 0) {
    logger.info("KAFKA_BROKERS is not set: nothing to export");
    process.exit(0);
  }
  startExporter(env, logger).then(
    (running) => exitGracefullyOnSignals(running.stop, logger),
    (error: unknown) => {
      logger.fatal({ err: error }, "exporter did not start");
      process.exit(1);
    },
  );
}
