import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, dropDatabase, MessagingTables1763769600000, messagingEntities, openDatabase, systemClock, UnitOfWork } from "@onestop/platform";
import { eventually } from "@onestop/testkit";
import type { DataSource } from "typeorm";
import { notificationsEnvSchema, notificationsMigrations, NotificationsRepository, NotificationsService, readSentRecords } from "@onestop/notifications";
import { testDatabaseName } from "../../../../test/support/environment";

/**
 * 每条通知只发一次: the SMS sender runs as a process of its own and is killed (SIGKILL) in the middle
 * of sending, three times, each time restarted. The development gateway answers 40 ms after it
 * recorded a message, as a carrier's answer on its way back, so the kills leave messages that went
 * out but were not yet recorded SENT (in doubt). In the end every cause was sent exactly once:
 * the gateway's record has each message once, and the outbox has every one SENT.
 */
jest.setTimeout(180_000);

const root = join(__dirname, "..", "..", "..", "..");
const sender = join(root, "services/notifications/dist/sender-command.js");
const dbName = testDatabaseName("notify_sender_kill");
const files = join(tmpdir(), `onestop-${dbName}`);
const smsFile = join(files, "sms-outbox.jsonl");
const CAUSES = 240;
const env = notificationsEnvSchema.parse({ ...process.env, NODE_ENV: "test", DB_NAME: dbName, IDENTITY_KEY_FILE: "-", LOG_LEVEL: "warn" });
let dataSource: DataSource;

function startSender(): ChildProcess {
  const child = spawn(process.execPath, [sender], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      DB_NAME: dbName,
      LOG_LEVEL: "warn",
      SMS_GATEWAY: "dev",
      SMS_DEV_OUTBOX: smsFile,
      SMS_DEV_DELAY_MS: "5",
      SMS_DEV_ANSWER_DELAY_MS: "40",
      SMS_BATCH: "20",
      SMS_CONCURRENCY: "4",
      SMS_POLL_MS: "50",
      // A killed sender's claims run out quickly, so the next one takes its messages over.
      SMS_CLAIM_MS: "1500",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

async function statusCounts(): Promise<Record<string, number>> {
  return new NotificationsRepository(dataSource).counts();
}

beforeAll(async () => {
  if (!existsSync(sender)) throw new Error(`${sender} is missing: run node scripts/build.js first`);
  await dropDatabase(env);
  await rm(files, { recursive: true, force: true });
  await mkdir(files, { recursive: true });
  const logger = createLogger("notifications-test", "warn");
  dataSource = await openDatabase({ settings: env, entities: [...messagingEntities], migrations: [MessagingTables1763769600000, ...notificationsMigrations], logger });
  const repository = new NotificationsRepository(dataSource);
  const unitOfWork = new UnitOfWork(dataSource, systemClock);
  const service = new NotificationsService(repository, () => "宣汉县政务服务中心", unitOfWork, systemClock, logger);
  await unitOfWork.run(async (tx) => {
    for (let i = 0; i < 8; i += 1) await repository.savePreferences(tx, `citizen-${i}`, { phone: `1380000000${i}`, smsOff: [] }, new Date());
  });
  // 240 causes of 8 applicants' cases: acceptances and fee notices.
  for (let i = 0; i < CAUSES; i += 1) {
    const target = { case_id: `case-${Math.floor(i / 2)}`, center_code: "511722000000", department_id: "dept-1", applicant_subject: `citizen-${i % 8}`, receipt_no: `SL261206${String(i).padStart(8, "0")}`, window_id: null, agent_center_code: null };
    await unitOfWork.run((tx) =>
      i % 2 === 0
        ? service.notify(tx, target, { cause: "ACCEPTED", receiptNo: target.receipt_no, deadline: "2026-12-31T16:00:00.000Z" }, "1", new Date())
        : service.notify(tx, target, { cause: "FEE_DUE", receiptNo: target.receipt_no, noticeNo: `5117220000000000${String(i).padStart(4, "0")}`, amountFen: 5000, expiresAt: null }, `notice-${i}`, new Date()),
    );
  }
  // A cause announced twice (a redelivered event) is still one notification per channel.
  const again = { case_id: "case-0", center_code: "511722000000", department_id: "dept-1", applicant_subject: "citizen-0", receipt_no: "SL26120600000000", window_id: null, agent_center_code: null };
  expect(await unitOfWork.run((tx) => service.notify(tx, again, { cause: "ACCEPTED", receiptNo: again.receipt_no, deadline: "2026-12-31T16:00:00.000Z" }, "1", new Date()))).toBe(0);
});

afterAll(async () => {
  await dataSource?.destroy();
  await rm(files, { recursive: true, force: true });
});

test("every SMS is sent exactly once across three kills of the sending process", async () => {
  expect(await statusCounts()).toEqual({ PENDING: CAUSES });
  let inDoubtAndSent = 0;
  for (const killAfter of [40, 110, 170]) {
    const child = startSender();
    await eventually(async () => ((await readSentRecords(smsFile)).length >= killAfter ? true : null), 60_000, 10);
    child.kill("SIGKILL");
    await exited(child);
    // What the kill left: messages claimed (SENDING) of which the gateway already has some.
    const sending = (await dataSource.query("SELECT id FROM notification WHERE channel = 'SMS' AND status = 'SENDING'")) as Array<{ id: string }>;
    const sent = new Set((await readSentRecords(smsFile)).map((record) => record.key));
    inDoubtAndSent += sending.filter((row) => sent.has(row.id)).length;
  }
  // The kills did land between the gateway's acceptance and the outbox's SENT.
  expect(inDoubtAndSent).toBeGreaterThan(0);

  const last = startSender();
  try {
    await eventually(async () => ((await statusCounts()).SENT === CAUSES ? true : null), 60_000, 100);
  } finally {
    last.kill("SIGTERM");
    await exited(last);
  }
  const records = await readSentRecords(smsFile);
  const ids = (await dataSource.query("SELECT id FROM notification WHERE channel = 'SMS'")) as Array<{ id: string }>;
  const times = new Map<string, number>();
  for (const record of records) times.set(record.key, (times.get(record.key) ?? 0) + 1);
  expect(records).toHaveLength(CAUSES);
  expect(ids.every((row) => times.get(row.id) === 1)).toBe(true);
  expect(records.every((record) => /^138\*{4}000\d$/.test(record.to) && record.text.startsWith("【宣汉县政务服务中心】"))).toBe(true);
  expect(await statusCounts()).toEqual({ SENT: CAUSES });
});
