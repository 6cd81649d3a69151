import type { ExportRecord } from "./records.rules";

/**
 * Where records go: the province's Kafka today (kafkajs.sink.ts, the only file that names the
 * client library, unmaintained since 2023, so another client can replace it there alone).
 */
export interface RecordSink {
  connect(): Promise<void>;
  /**
   * Resolves once every record of the batch is acknowledged by all in-sync replicas. Records of
   * one key are written in the batch's order; a failed batch may be partly written, so the
   * caller sends the whole batch again and the province drops repeats by the `event-id` header.
   */
  send(batch: readonly ExportRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** The headers every record carries. */
export const SCHEMA_VERSION_HEADER = "schema-version";
export const EVENT_ID_HEADER = "event-id";
