import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { allStreams, streams } from "@onestop/events";
import { createLogger, deleteStreams, ensureStreams, namespacedStream } from "@onestop/platform";
import { eventually } from "@onestop/testkit";
import { testNamespace } from "../../../../test/support/environment";
import { KafkaMock, readTopics } from "../../../../test/support/kafka-mock";
import { exporterEnvSchema, startExporter, type RunningExporter } from "../../src/main";
import { checkExport, clean } from "../support/checks";
import { APPLICANT_NUMBERS, catalogItems, exportedOf, itemCodeOf, Publisher, scriptedRun } from "../support/scripted";

/**
 * The exporter against the real NATS JetStream and a real Kafka protocol peer (librdkafka's mock
 * cluster in kcat): a scripted run of cases published as the services publish it, exported, and
 * read back with a Kafka consumer. The crash test runs the exporter from its build
 * (`node scripts/build.js` first).
 */
jest.setTimeout(180_000);

const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const PREFIX = "province.";
const topics = ["case-stage", "case-conclusion", "joint-outcome", "warning", "rating"].map((family) => PREFIX + family);
const logger = createLogger("exporter-test", process.env.TEST_LOG_LEVEL ?? "silent");

function environment(namespace: string, mock: KafkaMock, over: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    NATS_URL,
    NATS_NAMESPACE: namespace,
    KAFKA_BROKERS: mock.brokers,
    KAFKA_TOPIC_PREFIX: PREFIX,
    // The mock cluster cannot serve kafkajs's idempotent producer.
    KAFKA_IDEMPOTENT: "false",
    KAFKA_REQUEST_TIMEOUT_MS: "2000",
    EXPORT_MAX_BACKOFF_MS: "1000",
    EXPORT_LAG_POLL_MS: "200",
    EXPORT_ACK_WAIT_MS: "3000",
    ...over,
  };
}

async function metrics(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

function gauge(text: string, name: string): number {
  return text
    .split("\n")
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

describe("export to the provincial platform over Kafka", () => {
  let nats: NatsConnection;
  const namespaces: string[] = [];
  const mocks: KafkaMock[] = [];
  const running: RunningExporter[] = [];

  beforeAll(async () => {
    nats = await connect({ servers: NATS_URL });
  });

  afterAll(async () => {
    for (const exporter of running) await exporter.stop().catch(() => undefined);
    for (const mock of mocks) await mock.stop();
    for (const namespace of namespaces) await deleteStreams(nats, namespace, allStreams);
    await nats.close();
  });

  async function prepare(label: string) {
    const namespace = testNamespace(`export_${label}`);
    namespaces.push(namespace);
    await deleteStreams(nats, namespace, allStreams);
    await ensureStreams(nats, namespace, allStreams);
    const mock = await KafkaMock.start();
    mocks.push(mock);
    const publisher = await Publisher.connect(namespace);
    for (const item of catalogItems()) await publisher.publish(item);
    return { namespace, mock, publisher };
  }

  async function exporterOn(namespace: string, mock: KafkaMock): Promise<RunningExporter> {
    const exporter = await startExporter(exporterEnvSchema.parse(environment(namespace, mock)), logger);
    running.push(exporter);
    return exporter;
  }

  it("exports every record once, in order per key, valid against the published schema", async () => {
    const { namespace, mock, publisher } = await prepare("once");
    const events = scriptedRun(120);
    for (const event of events) await publisher.publish(event);
    await publisher.close();
    const exporter = await exporterOn(namespace, mock);
    const expected = exportedOf(events);
    const records = await readTopics(mock.brokers, topics, expected.length);

    const check = checkExport(records, expected);
    expect({ ...check, repeats: undefined }).toEqual({ ...clean, repeats: undefined });
    expect(check.repeats).toBe(0);
    expect(records).toHaveLength(expected.length);
    // Every family is there, carrying the item's 实施编码 and the Beijing day.
    expect(new Set(records.map((r) => r.topic))).toEqual(new Set(topics));
    const stage = records.find((r) => r.topic === `${PREFIX}case-stage` && (r.value as { action: string }).action === "CONCLUDE")!.value as Record<string, unknown>;
    expect(stage).toMatchObject({ itemCode: expect.stringMatching(/^11330110MB/), departmentCode: expect.stringMatching(/^dept-/) });
    // 16:10 UTC is already the next day in Beijing.
    expect(String(stage.occurredAt).slice(0, 10)).not.toBe(stage.beijingDay);
    // Every case record names its item's code and its applicant, masked; a case whose events were
    // published before they carried the applicant has it null, and its code from the catalog.
    const caseRecords = records.filter((r) => r.topic === `${PREFIX}case-stage` || r.topic === `${PREFIX}case-conclusion`).map((r) => r.value as Record<string, unknown>);
    const caseNo = (value: Record<string, unknown>) => Number(String(value.caseId).split("-").pop());
    const itemNo = (value: Record<string, unknown>) => Number(String(value.itemId).split("-").pop());
    expect(caseRecords.filter((v) => v.itemCode !== itemCodeOf(itemNo(v)))).toEqual([]);
    const applicants = new Set(caseRecords.map((v) => `${caseNo(v) % 7 === 6 ? "old" : caseNo(v) % 2 === 0 ? "person" : "enterprise"} ${v.applicantKind} ${v.applicantIdMasked}`));
    expect(applicants).toEqual(new Set(["person PERSON 110105********002X", "enterprise ENTERPRISE 913501********0Y43", "old null null"]));
    // The bytes read back hold no full number, also from the events that carried one in a stray field.
    expect(events.some((e) => JSON.stringify(e.payload).includes(APPLICANT_NUMBERS.PERSON))).toBe(true);
    expect(records.filter((r) => Object.values(APPLICANT_NUMBERS).some((number) => r.raw.includes(number)))).toEqual([]);
    await eventually(async () => (gauge(await metrics(exporter.port), "provincial_export_lag{") === 0 ? true : null), 10_000);
  });

  it("loses nothing when the exporter is killed mid-run: a restart repeats only what Kafka may have had, with the same event id", async () => {
    const { namespace, mock, publisher } = await prepare("crash");
    const events = scriptedRun(600, "k");
    for (const event of events) await publisher.publish(event);
    await publisher.close();
    const expected = exportedOf(events);
    const spawnExporter = () =>
      spawn(process.execPath, [join(__dirname, "..", "..", "dist", "main.js")], {
        env: { ...process.env, ...environment(namespace, mock, { EXPORT_BATCH_SIZE: "50" }) },
        stdio: "ignore",
      });
    const first: ChildProcess = spawnExporter();
    // Killed once part of the backlog is in Kafka (the cases stream's consumer acked some batches, not all).
    const manager = await jetstreamManager(nats);
    const casesStream = namespacedStream(namespace, streams.cases);
    await eventually(async () => {
      const info = await manager.consumers.info(casesStream, "exporter_provincial_CASES").catch(() => null);
      return info && info.ack_floor.stream_seq >= 500 ? true : null;
    }, 60_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const partial = await readTopics(mock.brokers, topics, 1, { timeoutMs: 3000 });
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(expected.length);

    const second = spawnExporter();
    try {
      const records = await readTopics(mock.brokers, topics, expected.length, { timeoutMs: 90_000, quietMs: 4000 });
      const check = checkExport(records, expected);
      expect({ ...check, repeats: undefined }).toEqual({ ...clean, repeats: undefined });
      // Repeats are redeliveries of at most the batch in flight at the kill, each one identical to its first copy.
      expect(check.repeats).toBeLessThanOrEqual(50);
    } finally {
      second.kill("SIGTERM");
      await new Promise((resolve) => second.once("exit", resolve));
    }
  });

  it("backs off while Kafka does not answer, shows the lag, leaves the rest alone, and drains in order once it is back", async () => {
    const { namespace, mock, publisher } = await prepare("outage");
    const before = scriptedRun(30, "a");
    for (const event of before) await publisher.publish(event);
    const exporter = await exporterOn(namespace, mock);
    await eventually(async () => (gauge(await metrics(exporter.port), "provincial_export_lag{") === 0 ? true : null), 30_000);

    mock.pause();
    const during = scriptedRun(200, "b");
    const started = Date.now();
    // The services publish as usual: JetStream acks each event while Kafka is away.
    for (const event of during) await publisher.publish(event);
    const publishMs = Date.now() - started;
    await publisher.close();
    await eventually(async () => {
      const text = await metrics(exporter.port);
      return gauge(text, "provincial_export_lag{") === during.length && gauge(text, "provincial_export_kafka_up") === 0 && gauge(text, "provincial_export_failed_attempts_total") >= 2 ? true : null;
    }, 30_000);
    expect(publishMs).toBeLessThan(during.length * 50);

    mock.resume();
    await eventually(async () => (gauge(await metrics(exporter.port), "provincial_export_lag{") === 0 ? true : null), 60_000);
    expect(gauge(await metrics(exporter.port), "provincial_export_kafka_up")).toBe(1);
    const expected = exportedOf([...before, ...during]);
    const records = await readTopics(mock.brokers, topics, expected.length);
    const check = checkExport(records, expected);
    expect({ ...check, repeats: undefined }).toEqual({ ...clean, repeats: undefined });
  });
});

/**
 * Against a real cluster, where one is named (the compose profile's broker, or a staging
 * cluster with a plaintext listener): the idempotent producer on, topics of this run's own.
 */
(process.env.KAFKA_BROKERS ? describe : describe.skip)("export to a real Kafka cluster (KAFKA_BROKERS)", () => {
  it("exports a scripted run with the idempotent producer, every record once and in order per key", async () => {
    const nats = await connect({ servers: NATS_URL });
    const namespace = testNamespace("export_live");
    const prefix = `${namespace}.`;
    await ensureStreams(nats, namespace, allStreams);
    const publisher = await Publisher.connect(namespace);
    let exporter: RunningExporter | null = null;
    try {
      for (const item of catalogItems()) await publisher.publish(item);
      const events = scriptedRun(40, "live");
      for (const event of events) await publisher.publish(event);
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("KAFKA_")));
      exporter = await startExporter(exporterEnvSchema.parse({ NODE_ENV: "test", PORT: "0", LOG_LEVEL: "silent", NATS_URL, NATS_NAMESPACE: namespace, ...env, KAFKA_TOPIC_PREFIX: prefix }), logger);
      const expected = exportedOf(events);
      const records = await readTopics(process.env.KAFKA_BROKERS!.split(",")[0]!, topics.map((t) => prefix + t.slice(PREFIX.length)), expected.length, { timeoutMs: 60_000 });
      const check = checkExport(records, expected);
      expect({ ...check, repeats: undefined }).toEqual({ ...clean, repeats: undefined });
      expect(check.repeats).toBe(0);
    } finally {
      await exporter?.stop();
      await publisher.close();
      await deleteStreams(nats, namespace, allStreams);
      await nats.close();
    }
  });
});
