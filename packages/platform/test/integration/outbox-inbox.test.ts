import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { AckPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { z } from "zod";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { defineEvent, defineStream, type Envelope } from "@onestop/events";
import {
  createLogger,
  dropDatabase,
  ensureStreams,
  EventConsumers,
  MessagingTables1763769600000,
  messagingEntities,
  namespacedStream,
  namespacedSubject,
  onEvent,
  openDatabase,
  type EventHandler,
  OutboxRelay,
  systemClock,
  UnitOfWork,
  type DatabaseSettings,
} from "@onestop/platform";
import { eventually } from "@onestop/testkit";
import { testDatabaseName, testNamespace } from "../../../../test/support/environment";

const namespace = testNamespace("platform_outbox");
const settings: DatabaseSettings = {
  DB_HOST: "127.0.0.1",
  DB_PORT: 3306,
  DB_USER: "root",
  DB_PASSWORD: "",
  DB_NAME: testDatabaseName("platform_outbox"),
  DB_POOL_SIZE: 10,
};
const stream = defineStream("PLATFORM_TESTS", "tests");
const thingHappened = defineEvent(stream, "thing.happened", z.object({ n: z.number().int() }));
const logger = createLogger("test", "silent");

class Effects1763769600999 implements MigrationInterface {
  name = "Effects1763769600999";
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE effect (seq INT AUTO_INCREMENT PRIMARY KEY, consumer VARCHAR(50) NOT NULL, event_id CHAR(36) NOT NULL, n INT NOT NULL)",
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE effect");
  }
}

let dataSource: DataSource;
let nats: NatsConnection;
let unitOfWork: UnitOfWork;
const running: Array<{ stop(): Promise<void> }> = [];

async function streamMessages(): Promise<number> {
  const manager = await jetstreamManager(nats);
  return (await manager.streams.info(namespacedStream(namespace, stream))).state.messages;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await dataSource.query(sql, params)) as Array<{ n: string | number }>;
  return Number(row.n);
}

const effects = (consumer: string) => count("SELECT COUNT(*) AS n FROM effect WHERE consumer = ?", [consumer]);
const unpublished = () => count("SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL");

function relay(options: { afterPublish?: () => Promise<void>; batchSize?: number } = {}) {
  return new OutboxRelay({ dataSource, connection: nats, namespace, clock: systemClock, logger, pollMs: 50, ...options });
}

/** Starts consumers of the test stream, stopped after each test. */
async function consume(handlers: EventHandler[], beforeAck?: (envelope: Envelope) => void): Promise<EventConsumers> {
  const consumers = new EventConsumers({ serviceName: "platformtest", connection: nats, namespace, unitOfWork, logger, beforeAck, handlers });
  await consumers.start();
  running.push(consumers);
  return consumers;
}

/** A consumer whose effect is one row per applied event; `fail` can make attempts throw. */
async function startConsumer(
  name: string,
  options: { failEffect?: (attempt: number) => boolean; beforeAck?: (envelope: Envelope) => void } = {},
) {
  let attempts = 0;
  const handler = onEvent(name, thingHappened, async (tx, payload, envelope) => {
    attempts += 1;
    await tx.manager.query("INSERT INTO effect (consumer, event_id, n) VALUES (?, ?, ?)", [name, envelope.id, payload.n]);
    if (options.failEffect?.(attempts)) throw new Error("handler crashed after writing its effect");
  });
  const consumers = await consume([handler], options.beforeAck);
  return { consumers, attempts: () => attempts };
}

beforeAll(async () => {
  await dropDatabase(settings);
  dataSource = await openDatabase({
    settings,
    entities: messagingEntities,
    migrations: [MessagingTables1763769600000, Effects1763769600999],
    logger,
  });
  nats = await connect({ servers: "nats://127.0.0.1:4222" });
  const manager = await jetstreamManager(nats);
  await manager.streams.delete(namespacedStream(namespace, stream)).catch(() => undefined);
  await ensureStreams(nats, namespace, [stream]);
  unitOfWork = new UnitOfWork(dataSource, systemClock);
});

afterEach(async () => {
  while (running.length > 0) await running.pop()!.stop();
  await dataSource.query("DELETE FROM outbox_message");
  const manager = await jetstreamManager(nats);
  await manager.streams.purge(namespacedStream(namespace, stream));
});

afterAll(async () => {
  await nats?.close();
  await dataSource?.destroy();
});

test("an event exists only if its transaction commits", async () => {
  await expect(
    unitOfWork.run(async (tx) => {
      await tx.publish(thingHappened, { n: 1 });
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  expect(await count("SELECT COUNT(*) AS n FROM outbox_message")).toBe(0);
});

test("afterCommit runs once the transaction has committed, and never when it rolls back", async () => {
  const ran: string[] = [];
  await expect(
    unitOfWork.run(async (tx) => {
      tx.afterCommit(() => ran.push("rolled back"));
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  let seenInside = -1;
  await unitOfWork.run(async (tx) => {
    await tx.publish(thingHappened, { n: 5 });
    tx.afterCommit(() => ran.push("committed"));
    seenInside = ran.length;
  });
  expect(seenInside).toBe(0);
  expect(ran).toEqual(["committed"]);
});

test("the events of one transaction are written together, in the order they were published", async () => {
  await unitOfWork.run(async (tx) => {
    for (const n of [3, 1, 2]) await tx.publish(thingHappened, { n });
  });
  const rows = (await dataSource.query("SELECT envelope FROM outbox_message ORDER BY seq")) as Array<{ envelope: string }>;
  expect(rows.map((row) => (JSON.parse(row.envelope) as Envelope).payload)).toEqual([{ n: 3 }, { n: 1 }, { n: 2 }]);
});

test("an event a handler is not concerned with is acked without a transaction or an inbox row", async () => {
  const applied: number[] = [];
  const evenOnly = onEvent("even-only", thingHappened, async (_tx, payload) => void applied.push(payload.n), { concerns: (payload) => payload.n % 2 === 0 });
  const consumers = await consume([evenOnly]);
  await unitOfWork.run(async (tx) => {
    for (const n of [1, 2, 3, 4]) await tx.publish(thingHappened, { n });
  });
  await relay().publishBatch();
  await eventually(async () => (applied.length === 2 ? true : null));
  expect(applied.sort()).toEqual([2, 4]);
  await eventually(async () => {
    const info = await (await jetstreamManager(nats)).consumers.info(namespacedStream(namespace, stream), consumers.durableName(evenOnly));
    return info.num_ack_pending === 0 && info.num_pending === 0 ? true : null;
  });
  expect(await count("SELECT COUNT(*) AS n FROM inbox_message WHERE consumer = 'platformtest_even-only'")).toBe(2);
});

test("relay dead between commit and publish: the event waits in the outbox and is delivered once when it comes back", async () => {
  await startConsumer("late-relay");
  await unitOfWork.run((tx) => tx.publish(thingHappened, { n: 7 }));
  expect(await unpublished()).toBe(1);
  expect(await streamMessages()).toBe(0);

  expect(await relay().publishBatch()).toBe(1);
  await eventually(async () => ((await effects("late-relay")) === 1 ? true : null));
  expect(await unpublished()).toBe(0);
  expect(await streamMessages()).toBe(1);
});

test("relay dead between publish and marking sent: the retry is discarded by JetStream's dedupe and the inbox", async () => {
  await startConsumer("crash-after-publish");
  await unitOfWork.run((tx) => tx.publish(thingHappened, { n: 8 }));
  const crashing = relay({
    afterPublish: async () => {
      throw new Error("killed before marking the row sent");
    },
  });
  await expect(crashing.publishBatch()).rejects.toThrow("killed");
  expect(await unpublished()).toBe(1);

  expect(await relay().publishBatch()).toBe(1);
  expect(await unpublished()).toBe(0);
  expect(await streamMessages()).toBe(1);
  await eventually(async () => ((await effects("crash-after-publish")) === 1 ? true : null));
});

test("a message delivered twice takes effect once", async () => {
  await startConsumer("double-delivery");
  const envelope: Envelope = {
    id: "11111111-2222-3333-4444-555555555555",
    type: thingHappened.subject,
    occurredAt: new Date().toISOString(),
    requestId: "req-double",
    centerCode: null,
    payload: { n: 9 },
  };
  const js = jetstream(nats);
  // Two stream messages with one event id: what a duplicate outside the dedupe window looks like.
  await js.publish(namespacedSubject(namespace, thingHappened.subject), JSON.stringify(envelope));
  await js.publish(namespacedSubject(namespace, thingHappened.subject), JSON.stringify(envelope));
  expect(await streamMessages()).toBe(2);
  await eventually(async () => {
    const [row] = (await dataSource.query(
      "SELECT COUNT(*) AS n FROM inbox_message WHERE consumer = 'platformtest_double-delivery' AND message_id = ?",
      [envelope.id],
    )) as Array<{ n: string }>;
    return Number(row.n) === 1 ? true : null;
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await effects("double-delivery")).toBe(1);
});

test("events received together go in one batch; those it leaves go one by one; redelivered or twice-sent ones take effect once", async () => {
  const name = "batched";
  const batchSizes: number[] = [];
  let oneByOne = 0;
  let lostAcks = 0;
  const insertEffects = (tx: Parameters<EventHandler["handle"]>[0], rows: Array<[string, number]>) =>
    tx.manager.query(`INSERT INTO effect (consumer, event_id, n) VALUES ${rows.map(() => "(?, ?, ?)").join(", ")}`, rows.flatMap(([id, n]) => [name, id, n]));
  const handler = onEvent(
    name,
    thingHappened,
    async (tx, payload, envelope) => {
      oneByOne += 1;
      await insertEffects(tx, [[envelope.id, payload.n]]);
    },
    {
      // Even numbers are applied together; odd ones are left to the handler above.
      handleBatch: async (tx, events) => {
        batchSizes.push(events.length);
        const even = events.filter((e) => e.payload.n % 2 === 0);
        if (even.length > 0) await insertEffects(tx, even.map((e) => [e.envelope.id, e.payload.n]));
        return events.filter((e) => e.payload.n % 2 === 1).map((e) => e.envelope.id);
      },
    },
  );
  await consume([handler], (envelope) => {
    // The first event of the first batch "crashes" between the commit and the ack.
    if ((envelope.payload as { n: number }).n === 0 && lostAcks++ === 0) throw new Error("crashed between commit and ack");
  });
  await unitOfWork.run(async (tx) => {
    for (let n = 0; n < 40; n += 1) await tx.publish(thingHappened, { n });
  });
  const twice: Envelope = { id: "22222222-3333-4444-5555-666666666666", type: thingHappened.subject, occurredAt: new Date().toISOString(), requestId: null, centerCode: null, payload: { n: 100 } };
  const js = jetstream(nats);
  await js.publish(namespacedSubject(namespace, thingHappened.subject), JSON.stringify(twice));
  await js.publish(namespacedSubject(namespace, thingHappened.subject), JSON.stringify(twice));
  await relay().publishBatch();
  await eventually(async () => ((await count("SELECT COUNT(*) AS n FROM inbox_message WHERE consumer = ?", [`platformtest_${name}`])) === 41 ? true : null), 15_000);
  await eventually(async () => (lostAcks >= 2 ? true : null), 15_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const applied = (await dataSource.query("SELECT event_id, COUNT(*) AS times FROM effect WHERE consumer = ? GROUP BY event_id", [name])) as Array<{ times: string | number }>;
  expect(applied).toHaveLength(41);
  expect(applied.every((row) => Number(row.times) === 1)).toBe(true);
  expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  expect(oneByOne).toBeGreaterThanOrEqual(20);
});

test("a backlog goes in batches of up to the handler's own size (64 unless it says otherwise)", async () => {
  await unitOfWork.run(async (tx) => {
    for (let n = 0; n < 600; n += 1) await tx.publish(thingHappened, { n });
  });
  const publisher = relay({ batchSize: 200 });
  while ((await unpublished()) > 0) await publisher.publishBatch();
  const backlog = await streamMessages();
  const sizes: Record<string, number[]> = { "large-batches": [], "default-batches": [] };
  const handlers = Object.entries({ "large-batches": 250, "default-batches": undefined }).map(([name, maxBatch]) =>
    onEvent(name, thingHappened, async () => undefined, {
      maxBatch,
      handleBatch: async (_tx, events) => {
        sizes[name].push(events.length);
        return [];
      },
    }),
  );
  await consume(handlers);
  const taken = (name: string) => sizes[name].reduce((sum, size) => sum + size, 0);
  // Every message of the stream, bar the second copies of the two envelopes earlier tests sent twice when they fell in one batch.
  await eventually(async () => (taken("large-batches") >= backlog - 2 && taken("default-batches") >= backlog - 2 ? true : null), 30_000);
  expect(Math.max(...sizes["large-batches"])).toBeGreaterThan(64);
  expect(Math.max(...sizes["large-batches"])).toBeLessThanOrEqual(250);
  expect(Math.max(...sizes["default-batches"])).toBeLessThanOrEqual(64);
});

test("a consumer made with a longer ack wait is brought to the current one when its service starts", async () => {
  const manager = await jetstreamManager(nats);
  const durable = "platformtest_old-ack-wait";
  await manager.consumers.delete(namespacedStream(namespace, stream), durable).catch(() => undefined);
  await manager.consumers.add(namespacedStream(namespace, stream), {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    filter_subject: namespacedSubject(namespace, thingHappened.subject),
    ack_wait: nanos(30_000),
  });
  await startConsumer("old-ack-wait");
  expect((await manager.consumers.info(namespacedStream(namespace, stream), durable)).config.ack_wait).toBe(nanos(10_000));
});

test("effect committed but the ack lost: the redelivery finds the inbox row and only acks", async () => {
  let lost = 0;
  await startConsumer("lost-ack", {
    beforeAck: () => {
      lost += 1;
      if (lost === 1) throw new Error("crashed between commit and ack");
    },
  });
  await unitOfWork.run((tx) => tx.publish(thingHappened, { n: 10 }));
  await relay().publishBatch();
  await eventually(async () => (lost >= 2 ? true : null), 15_000);
  expect(await effects("lost-ack")).toBe(1);
});

test("a handler that fails rolls back its effect with its inbox row, and the retry applies it once", async () => {
  const consumer = await startConsumer("flaky-handler", { failEffect: (attempt) => attempt === 1 });
  await unitOfWork.run((tx) => tx.publish(thingHappened, { n: 11 }));
  await relay().publishBatch();
  await eventually(async () => (consumer.attempts() >= 2 && (await effects("flaky-handler")) === 1 ? true : null), 15_000);
  expect(await effects("flaky-handler")).toBe(1);
});

test("two relays publishing at once send every event exactly once", async () => {
  await startConsumer("two-relays");
  const total = 400;
  for (let start = 0; start < total; start += 100) {
    await unitOfWork.run(async (tx) => {
      for (let n = start; n < start + 100; n += 1) await tx.publish(thingHappened, { n });
    });
  }
  const first = relay({ batchSize: 25 });
  const second = relay({ batchSize: 25 });
  const drain = async (r: OutboxRelay) => {
    let sent = 0;
    while ((await unpublished()) > 0) sent += await r.publishBatch();
    return sent;
  };
  const [a, b] = await Promise.all([drain(first), drain(second)]);
  expect(a + b).toBe(total);
  expect(a).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(0);
  expect(await streamMessages()).toBe(total);
  await eventually(async () => ((await effects("two-relays")) === total ? true : null), 20_000);
  expect(await count("SELECT COUNT(DISTINCT n) AS n FROM effect WHERE consumer = 'two-relays'")).toBe(total);
});

test("published rows are pruned after the retention period; unpublished ones never", async () => {
  await unitOfWork.run(async (tx) => {
    await tx.publish(thingHappened, { n: 1 });
    await tx.publish(thingHappened, { n: 2 });
  });
  await relay().publishBatch();
  await unitOfWork.run((tx) => tx.publish(thingHappened, { n: 3 }));
  await dataSource.query("UPDATE outbox_message SET published_at = published_at - INTERVAL 8 DAY WHERE published_at IS NOT NULL");
  expect(await relay().prunePublished()).toBe(2);
  expect(await count("SELECT COUNT(*) AS n FROM outbox_message")).toBe(1);
  expect(await unpublished()).toBe(1);
});

test("a deadlock victim is rolled back and run again; its event is written once", async () => {
  await dataSource.query("CREATE TABLE IF NOT EXISTS contested (id INT PRIMARY KEY, n INT NOT NULL)");
  await dataSource.query("REPLACE INTO contested VALUES (1, 0), (2, 0)");
  // Two transactions lock the two rows in opposite orders: InnoDB must sacrifice one.
  const bump = (first: number, second: number, n: number) =>
    unitOfWork.run(async (tx) => {
      await tx.manager.query("UPDATE contested SET n = n + 1 WHERE id = ?", [first]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await tx.manager.query("UPDATE contested SET n = n + 1 WHERE id = ?", [second]);
      await tx.publish(thingHappened, { n });
      tx.afterCommit(() => committed.push(n));
    });
  const committed: number[] = [];
  await Promise.all([bump(1, 2, 100), bump(2, 1, 200)]);
  // The victim's first attempt rolled back: its callback ran once, for the attempt that committed.
  expect(committed.sort()).toEqual([100, 200]);
  expect(await dataSource.query("SELECT id, n FROM contested ORDER BY id")).toEqual([
    { id: 1, n: 2 },
    { id: 2, n: 2 },
  ]);
  expect(await count("SELECT COUNT(*) AS n FROM outbox_message")).toBe(2);
});
