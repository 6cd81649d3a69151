import { readFileSync } from "node:fs";
import { Kafka, logLevel, Partitioners, type Producer, type SASLOptions } from "kafkajs";
import { provincialExport } from "@onestop/events";
import type { Logger } from "@onestop/platform";
import type { ExportRecord } from "./records.rules";
import { EVENT_ID_HEADER, SCHEMA_VERSION_HEADER, type RecordSink } from "./sink";

export interface KafkaSinkOptions {
  brokers: readonly string[];
  clientId: string;
  /** Topic of a family: `<prefix><family>`. */
  topicPrefix: string;
  ssl: boolean;
  sslCaFile?: string;
  sasl?: { mechanism: "plain" | "scram-sha-256" | "scram-sha-512"; username: string; password: string };
  /** kafkajs's idempotent producer: on for the province's cluster; librdkafka's mock cluster rejects it. */
  idempotent: boolean;
  requestTimeoutMs: number;
  logger: Logger;
}

/** kafkajs's log levels onto the service's logger; its INFO is chatty about every reconnection. */
function logCreator(logger: Logger) {
  return () =>
    ({ level, log }: { level: logLevel; log: { message: string } & Record<string, unknown> }) => {
      const { message, ...rest } = log;
      if (level === logLevel.ERROR) logger.warn({ kafka: rest }, `kafka: ${message}`);
      else if (level === logLevel.WARN) logger.debug({ kafka: rest }, `kafka: ${message}`);
    };
}

/** The province's Kafka through kafkajs 2.2.4. */
export class KafkaSink implements RecordSink {
  private readonly producer: Producer;
  private connected = false;

  constructor(private readonly options: KafkaSinkOptions) {
    const kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ssl: options.ssl ? (options.sslCaFile ? { ca: [readFileSync(options.sslCaFile, "utf8")] } : true) : false,
      sasl: options.sasl as SASLOptions | undefined,
      connectionTimeout: 3000,
      requestTimeout: options.requestTimeoutMs,
      // The exporter backs off by itself and keeps its batch; kafkajs need only ride out a leader change.
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: logLevel.WARN,
      logCreator: logCreator(options.logger),
    });
    this.producer = kafka.producer({
      // One request at a time: a retried request cannot overtake the one after it, so a key's records stay in order.
      maxInFlightRequests: 1,
      idempotent: options.idempotent,
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  async send(batch: readonly ExportRecord[]): Promise<void> {
    if (batch.length === 0) return;
    if (!this.connected) await this.connect();
    const byTopic = new Map<string, ExportRecord[]>();
    for (const record of batch) {
      const topic = `${this.options.topicPrefix}${record.family}`;
      const records = byTopic.get(topic);
      if (records) records.push(record);
      else byTopic.set(topic, [record]);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        timeout: this.options.requestTimeoutMs,
        topicMessages: [...byTopic].map(([topic, records]) => ({
          topic,
          messages: records.map((record) => ({
            key: record.key,
            value: JSON.stringify(record.value),
            headers: { [SCHEMA_VERSION_HEADER]: String(provincialExport.PROVINCIAL_EXPORT_SCHEMA_VERSION), [EVENT_ID_HEADER]: record.eventId },
          })),
        })),
      });
    } catch (error) {
      // Start from a fresh connection next time: the cluster's metadata may have changed under us.
      this.connected = false;
      await this.producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }
}
