import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Kafka, logLevel, type IHeaders } from "kafkajs";

/**
 * librdkafka's built-in mock cluster, started by Debian's kcat: a real Kafka protocol peer
 * (produce with acks, metadata, consumer groups) in memory. Topics are created on first use;
 * `createTopics` and the idempotent producer fail against it, so nothing here uses them. It keeps
 * some 5 MB per partition and drops the oldest records beyond that: a test reads back far less.
 * Installed by `.ci/run` (`apt-get install kcat`).
 */
export class KafkaMock {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<KafkaMock> {
    // A consumer of a topic of its own keeps kcat (and the cluster in it) running; `-d mock` logs the port.
    const child = spawn("kcat", ["-b", "x:1", "-C", "-t", "_mock", "-X", "test.mock.num.brokers=1", "-d", "mock", "-q"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let seen = "";
      const timer = setTimeout(() => reject(new Error(`kcat's mock cluster did not say its port: ${seen.slice(0, 500)}`)), 10_000);
      child.once("error", (error) => (clearTimeout(timer), reject(error)));
      child.stderr!.on("data", (chunk: Buffer) => {
        // Read on (and dropped) after the port: a full pipe would stop kcat.
        if (seen === null) return;
        seen += chunk.toString();
        const match = /bootstrap\.servers=127\.0\.0\.1:(\d+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          seen = null as unknown as string;
          resolve(Number(match[1]));
        }
      });
    });
    return new KafkaMock(child, port);
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The broker stops answering, its connections open (a partition, a hung broker); its data stays. */
  pause(): void {
    this.child.kill("SIGSTOP");
  }

  resume(): void {
    this.child.kill("SIGCONT");
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGCONT");
    this.child.kill("SIGKILL");
    await gone;
  }
}

export interface ReadRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: unknown;
  /** The value as the bytes on the topic read it (UTF-8). */
  raw: string;
  headers: Record<string, string>;
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
}

/**
 * Everything on the topics, read by a consumer group of its own from the beginning: returns once
 * `count` records arrived and nothing more came for `quietMs`, or after `timeoutMs`.
 */
export async function readTopics(brokers: string, topics: readonly string[], count: number, { timeoutMs = 30_000, quietMs = 1_000 } = {}): Promise<ReadRecord[]> {
  const kafka = new Kafka({ clientId: "test-reader", brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `test-${randomUUID()}`, allowAutoTopicCreation: true, maxWaitTimeInMs: 200 });
  const records: ReadRecord[] = [];
  let last = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        records.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? "",
          value: JSON.parse(message.value?.toString() ?? "null"),
          raw: message.value?.toString() ?? "",
          headers: headerText(message.headers),
        });
        last = Date.now();
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(records.length >= count && Date.now() - last >= quietMs)) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await consumer.disconnect();
  }
  return records;
}
