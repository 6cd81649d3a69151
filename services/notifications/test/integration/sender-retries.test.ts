import { createLogger, dropDatabase, ManualClock, MessagingTables1763769600000, messagingEntities, openDatabase, UnitOfWork } from "@onestop/platform";
import type { DataSource } from "typeorm";
import { notificationsEnvSchema, notificationsMigrations, NotificationsRepository, NotificationsService } from "@onestop/notifications";
import { SmsSender } from "../../src/delivery/sms-sender";
import type { SmsGateway, SmsMessage } from "../../src/delivery/sms-gateway";
import { testDatabaseName } from "../../../../test/support/environment";

/**
 * 重试: a gateway that fails is tried again after the backoff, not before; after the last attempt the
 * SMS is FAILED with the gateway's error, which the staff see; a number removed before sending
 * makes it SKIPPED. Time is a manual clock: the test moves it instead of waiting.
 */
const dbName = testDatabaseName("notify_sender_retries");
const env = notificationsEnvSchema.parse({ ...process.env, NODE_ENV: "test", DB_NAME: dbName, IDENTITY_KEY_FILE: "-", LOG_LEVEL: "silent" });
const clock = new ManualClock("2026-12-07T01:00:00Z");
let dataSource: DataSource;
let repository: NotificationsRepository;
let unitOfWork: UnitOfWork;

class FlakyGateway implements SmsGateway {
  readonly name = "flaky";
  readonly sent: SmsMessage[] = [];
  failuresLeft = new Map<string, number>();
  async send(message: SmsMessage): Promise<void> {
    const left = this.failuresLeft.get(message.phone) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(message.phone, left - 1);
      throw new Error("carrier answered 503");
    }
    this.sent.push(message);
  }
  async wasSent(key: string): Promise<boolean> {
    return this.sent.some((m) => m.key === key);
  }
}

beforeAll(async () => {
  await dropDatabase(env);
  const logger = createLogger("notifications-test", "silent");
  dataSource = await openDatabase({ settings: env, entities: [...messagingEntities], migrations: [MessagingTables1763769600000, ...notificationsMigrations], logger });
  repository = new NotificationsRepository(dataSource);
  unitOfWork = new UnitOfWork(dataSource, clock);
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(env);
});

test("a failing gateway is retried with backoff, then FAILED with its error; a removed number is SKIPPED", async () => {
  const logger = createLogger("notifications-test", "silent");
  const service = new NotificationsService(repository, () => "宣汉县政务服务中心", unitOfWork, clock, logger);
  const gateway = new FlakyGateway();
  const sender = new SmsSender(repository, gateway, async (subject) => (await repository.preferences(subject))?.phone ?? null, clock, logger, {
    pollMs: 50, batch: 10, concurrency: 2, claimMs: 30_000, baseMs: 5_000, maxMs: 60_000, maxAttempts: 3,
  });
  await unitOfWork.run(async (tx) => {
    await repository.savePreferences(tx, "flaky-once", { phone: "13800000001", smsOff: [] }, clock.now());
    await repository.savePreferences(tx, "always-down", { phone: "13800000002", smsOff: [] }, clock.now());
    await repository.savePreferences(tx, "leaves", { phone: "13800000003", smsOff: [] }, clock.now());
  });
  gateway.failuresLeft.set("13800000001", 1);
  gateway.failuresLeft.set("13800000002", 99);
  for (const subject of ["flaky-once", "always-down", "leaves"]) {
    const target = { case_id: `case-${subject}`, center_code: "511722000000", department_id: "dept-1", applicant_subject: subject, receipt_no: "SL26120700000001", window_id: null, agent_center_code: null };
    await unitOfWork.run((tx) => service.notify(tx, target, { cause: "ACCEPTED", receiptNo: target.receipt_no, deadline: null }, "1", clock.now()));
  }
  await unitOfWork.run((tx) => repository.savePreferences(tx, "leaves", { phone: null, smsOff: [] }, clock.now()));
  const sms = async (subject: string) => (await repository.ofCase(`case-${subject}`)).find((row) => row.channel === "SMS")!;

  expect(await sender.pass()).toBe(3);
  expect((await sms("flaky-once")).status).toBe("PENDING");
  expect((await sms("flaky-once")).last_error).toBe("carrier answered 503");
  expect((await sms("leaves")).status).toBe("SKIPPED");
  const retryAt = (await sms("always-down")).next_attempt_at!.getTime();
  // The first retry waits 2.5 to 5 s (half of 5 s random).
  expect(retryAt - clock.now().getTime()).toBeGreaterThanOrEqual(2_500);
  expect(retryAt - clock.now().getTime()).toBeLessThanOrEqual(5_000);
  expect(await sender.pass()).toBe(0);

  clock.advance(5_001);
  expect(await sender.pass()).toBe(2);
  expect(await sms("flaky-once")).toMatchObject({ status: "SENT", attempts: 2, last_error: null });
  const second = await sms("always-down");
  expect(second).toMatchObject({ status: "PENDING", attempts: 2 });
  // The second waits 5 to 10 s.
  expect(second.next_attempt_at!.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(5_000);

  clock.advance(10_001);
  expect(await sender.pass()).toBe(1);
  expect(await sms("always-down")).toMatchObject({ status: "FAILED", attempts: 3, last_error: "carrier answered 503" });
  clock.advance(3_600_000);
  expect(await sender.pass()).toBe(0);
  expect(gateway.sent.map((m) => m.phone)).toEqual(["13800000001"]);
});
